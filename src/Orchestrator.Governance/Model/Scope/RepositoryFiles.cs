using System;
using System.Collections.Generic;
using Orchestrator.Governance.Documents;

namespace Orchestrator.Governance.Model.Scope
{
    /// <summary>
    /// The repository's files, as the host gathered them (the package's targets write the list to
    /// an additional file; the CLI lists the folder), and every folder that holds one. Paths are
    /// repository-relative with forward slashes, compared ordinally. Built once per analysis.
    /// </summary>
    public sealed class RepositoryFiles
    {
        /// <summary>Builds the sets from a list of repository-relative file paths.</summary>
        public RepositoryFiles(IEnumerable<string> files)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            var folders = new HashSet<string>(StringComparer.Ordinal);
            foreach (var raw in files)
            {
                string path = DocumentInput.NormalizePath(raw.Trim());
                if (path.Length == 0 || !set.Add(path)) continue;
                for (int slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
                {
                    if (!folders.Add(path.Substring(0, slash))) break;
                }
            }

            Files = new Text.StringSet(set);
            Folders = new Text.StringSet(folders);
        }

        /// <summary>Every file.</summary>
        public Text.StringSet Files { get; }

        /// <summary>Every folder that holds a file, at any depth (without a trailing slash).</summary>
        public Text.StringSet Folders { get; }
    }
}
