using System.Collections.Generic;
using System.IO;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;

namespace Orchestrator.Governance.Hosting
{
    /// <summary>
    /// A repository on disk made into the engine's input, the same way for every host (the CLI's
    /// <c>check</c>, the MSBuild task <c>GovernanceCheck</c>): the configuration (a given file, or
    /// governance.yml at the root), then one walk of the root (<see cref="RepositoryTree"/>), the
    /// documents the configuration selects, the repository's file list and the package references of
    /// its project files, set on the <see cref="AnalysisOptions"/>.
    /// </summary>
    internal static class RepositoryDocuments
    {
        /// <summary>The most a configuration file may hold (bytes): it is read before limits.maxDocumentBytes is known.</summary>
        public const long MaxConfigBytes = 1024 * 1024;

        /// <summary>
        /// The documents of the repository at <paramref name="root"/> (an existing folder), with
        /// <paramref name="options"/>' ConfigPath, RepositoryFiles and PackageReferences set; null
        /// with <paramref name="problem"/> when <paramref name="configFile"/> was given and does not
        /// exist. <paramref name="tree"/> is the walk (for a host that then writes a file in it).
        /// </summary>
        public static List<DocumentInput>? Load(string root, string? configFile, AnalysisOptions options, out RepositoryTree? tree, out string? problem)
        {
            tree = null;
            problem = null;
            root = Path.GetFullPath(root);
            DocumentInput? configDocument = null;
            string configPath = configFile ?? Path.Combine(root, "governance.yml");
            if (configFile != null && !File.Exists(configFile))
            {
                problem = $"the configuration '{configFile}' does not exist";
                return null;
            }

            // One walk of the repository for every file the check lists or reads.
            tree = RepositoryTree.Walk(root);
            if (File.Exists(configPath))
            {
                string full = Path.GetFullPath(configPath);
                string relative = RelativePath(root, full);
                configDocument = RepositoryScanner.ReadConfig(tree, root, full, MaxConfigBytes);
                configDocument = configDocument.Text == null ? configDocument : DocumentInput.FromText(relative, configDocument.Text, configDocument.InvalidUtf8);
                options.ConfigPath = relative;
            }

            // The configuration decides which files are governance documents, so it is loaded first.
            var config = ConfigLoader.Load(configDocument?.Text, Rules.RuleCatalog.Exists, out _);
            if (options.MaxDocumentBytes is long ceiling) config.Limits.CapAt(ceiling);
            options.RepositoryFiles = RepositoryScanner.RepositoryFiles(tree);
            options.FileLines = RepositoryFileLines.For(tree, config.Limits.MaxDocumentBytes);
            var documents = RepositoryScanner.Scan(tree, config, configDocument, options.RepositoryFiles);
            options.PackageReferences ??= RepositoryScanner.ProjectPackageReferences(tree, options.RepositoryFiles, config.Limits.MaxDocumentBytes);
            return documents;
        }

        /// <summary>
        /// <paramref name="fullPath"/> relative to <paramref name="root"/> with forward slashes
        /// ("a/b.yml"; "../x/b.yml" outside the root): Path.GetRelativePath, which .NET Standard 2.0 lacks.
        /// </summary>
        public static string RelativePath(string root, string fullPath)
        {
#if NET
            return Path.GetRelativePath(root, fullPath).Replace('\\', '/');
#else
            string r = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
            string f = Path.GetFullPath(fullPath);
            var comparison = Links.IgnoreCase ? System.StringComparison.OrdinalIgnoreCase : System.StringComparison.Ordinal;
            if (f.StartsWith(r, comparison)) return f.Substring(r.Length).Replace('\\', '/');
            if (string.Equals(f + Path.DirectorySeparatorChar, r, comparison)) return ".";
            var relative = new System.Uri(r).MakeRelativeUri(new System.Uri(f));
            return relative.IsAbsoluteUri ? f.Replace('\\', '/') : System.Uri.UnescapeDataString(relative.OriginalString).Replace('\\', '/');
#endif
        }
    }
}
