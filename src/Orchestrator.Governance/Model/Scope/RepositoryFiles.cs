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

        private Dictionary<string, List<string>>? _byName;
        private readonly object _gate = new object();

        /// <summary>
        /// The files <paramref name="path"/> names: itself when it is a file; else, for a path
        /// written without its leading folders (<c>ace/validators/budget.rs</c>, <c>App.css</c>),
        /// every file whose path ends with "/" and it, in ordinal order. Indexed by file name once.
        /// </summary>
        public IReadOnlyList<string> Named(string path)
        {
            if (Files.Contains(path)) return new[] { path };
            int slash = path.LastIndexOf('/');
            string name = slash < 0 ? path : path.Substring(slash + 1);
            Dictionary<string, List<string>> byName;
            lock (_gate)
            {
                if (_byName == null)
                {
                    _byName = new Dictionary<string, List<string>>(StringComparer.Ordinal);
                    foreach (var f in Files)
                    {
                        int s = f.LastIndexOf('/');
                        string n = s < 0 ? f : f.Substring(s + 1);
                        if (!_byName.TryGetValue(n, out var list)) _byName[n] = list = new List<string>();
                        list.Add(f);
                    }

                    foreach (var list in _byName.Values) list.Sort(StringComparer.Ordinal);
                }

                byName = _byName;
            }

            if (!byName.TryGetValue(name, out var same)) return Array.Empty<string>();
            var found = new List<string>();
            foreach (var f in same)
            {
                if (f.EndsWith("/" + path, StringComparison.Ordinal)) found.Add(f);
            }

            return found;
        }
    }
}
