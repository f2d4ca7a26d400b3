#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Orchestrator.Governance.Hosting;

namespace Orchestrator.Governance.Tasks
{
    /// <summary>
    /// The package's MSBuild task: one safe walk of the repository (<see cref="RepositoryTree"/>),
    /// then the globs of GovernanceDocuments, GovernanceHeaderFiles and GovernanceDependencyFiles
    /// matched against the walked paths, never against the disk: the readable matches become
    /// AdditionalFiles, the refused ones lines 'path|reason' for the analyzer (GOV002), and the
    /// readable files the repository's file list.
    /// </summary>
    public sealed class GovernanceScanRepository : Microsoft.Build.Utilities.Task
    {
        /// <summary>The repository root (GovernanceRoot).</summary>
        [Microsoft.Build.Framework.Required]
        public string Root { get; set; } = string.Empty;

        /// <summary>Globs of the governance documents, relative to the root.</summary>
        public string Documents { get; set; } = string.Empty;

        /// <summary>Globs of other files whose metadata headers are checked (C# files never: the compilation has them).</summary>
        public string HeaderFiles { get; set; } = string.Empty;

        /// <summary>Globs of dependency files (GOV611).</summary>
        public string DependencyFiles { get; set; } = string.Empty;

        /// <summary>Globs none of the above may match.</summary>
        public string Exclude { get; set; } = string.Empty;

        /// <summary>Whether to list the repository's files.</summary>
        public bool ListFiles { get; set; }

        /// <summary>Globs left out of the file list.</summary>
        public string FileListExclude { get; set; } = string.Empty;

        /// <summary>
        /// governance.yml (a full path); empty for none. When SelectConfigured is set, the documents it
        /// configures are added too (Orchestrator.Governance.Documents.DocumentSelection, the CLI's
        /// selection): packets, state files, the board, the spec pointer and the spec it names, wherever
        /// documents.*, board.path, spec.currentPointer and spec.files put them.
        /// </summary>
        public string ConfigFile { get; set; } = string.Empty;

        /// <summary>GovernanceMaxDocumentBytes: the host's ceiling on limits.maxDocumentBytes (bytes); empty or not a number for none.</summary>
        public string MaxDocumentBytes { get; set; } = string.Empty;

        /// <summary>Whether to add the documents governance.yml configures (see ConfigFile).</summary>
        public bool SelectConfigured { get; set; }

        /// <summary>AdditionalFiles the project has already; not added again.</summary>
        public Microsoft.Build.Framework.ITaskItem[] Existing { get; set; } = new Microsoft.Build.Framework.ITaskItem[0];

        /// <summary>Readable files the globs match (full paths under Root as given).</summary>
        [Microsoft.Build.Framework.Output]
        public Microsoft.Build.Framework.ITaskItem[] AdditionalFiles { get; private set; } = new Microsoft.Build.Framework.ITaskItem[0];

        /// <summary>Refused files the globs match, as 'path|reason' lines.</summary>
        [Microsoft.Build.Framework.Output]
        public Microsoft.Build.Framework.ITaskItem[] Refused { get; private set; } = new Microsoft.Build.Framework.ITaskItem[0];

        /// <summary>Every readable file (relative paths), without FileListExclude.</summary>
        [Microsoft.Build.Framework.Output]
        public Microsoft.Build.Framework.ITaskItem[] RepositoryFiles { get; private set; } = new Microsoft.Build.Framework.ITaskItem[0];

        /// <summary>
        /// With <see cref="ListFiles"/>: the line counts of the files the selected Markdown documents
        /// cite as evidence (path:line, GOV114), as 'count|path' lines, so the analyzer, which reads no
        /// file, judges evidence as the CLI and the task do. A path naming no file or several, a file
        /// the walk refused or one larger than the limit has no line.
        /// </summary>
        [Microsoft.Build.Framework.Output]
        public Microsoft.Build.Framework.ITaskItem[] EvidenceLines { get; private set; } = new Microsoft.Build.Framework.ITaskItem[0];

        /// <summary>
        /// GovernanceTestResults: ';'-separated globs, relative to the root, of TRX or JUnit XML files
        /// (GOV704). The matching files of the walk become additional files and are listed in
        /// <see cref="TestResultFiles"/>, so the analyzer judges named tests as the CLI does.
        /// </summary>
        public string TestResults { get; set; } = string.Empty;

        /// <summary>The repository-relative paths of the test result files <see cref="TestResults"/> matched, in path order.</summary>
        [Microsoft.Build.Framework.Output]
        public Microsoft.Build.Framework.ITaskItem[] TestResultFiles { get; private set; } = new Microsoft.Build.Framework.ITaskItem[0];

        /// <inheritdoc />
        public override bool Execute()
        {
            var tree = RepositoryTree.Walk(Root, refuseUncheckedEmptyFiles: true);
            var exclude = new GlobSet(Split(Exclude));
            var documents = new GlobSet(Split(Documents));
            var headers = new GlobSet(Split(HeaderFiles));
            var dependencies = new GlobSet(Split(DependencyFiles));
            var configured = new HashSet<string>(SelectConfigured ? Configured(tree) : new string[0], StringComparer.Ordinal);
            bool Wanted(string path) => configured.Contains(path) || (!exclude.IsMatch(path)
                && (documents.IsMatch(path) || dependencies.IsMatch(path) || (headers.IsMatch(path) && !path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))));

            string root = Root.EndsWith("/", StringComparison.Ordinal) || Root.EndsWith("\\", StringComparison.Ordinal) ? Root : Root + Path.DirectorySeparatorChar;
            var comparer = Links.IgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
            var existing = new HashSet<string>(Existing.Select(i => i.GetMetadata("FullPath")), comparer);
            var added = new List<Microsoft.Build.Framework.ITaskItem>();
            foreach (var path in tree.Files.Where(Wanted))
            {
                string full = Path.GetFullPath(root + path.Replace('/', Path.DirectorySeparatorChar));
                if (existing.Add(full)) added.Add(new Microsoft.Build.Utilities.TaskItem(Escape(full)));
            }

            var resultGlobs = Split(TestResults).ToList();
            if (resultGlobs.Count > 0)
            {
                // The same globs and walk as the CLI's --test-results (Hosting.TestResultFiles).
                string? problem = Hosting.TestResultFiles.Problem(resultGlobs);
                if (problem != null)
                {
                    Log.LogWarning("GovernanceTestResults: " + problem);
                }
                else
                {
                    var set = new GlobSet(resultGlobs);
                    var results = tree.Files.Where(set.IsMatch).OrderBy(p => p, StringComparer.Ordinal).ToList();
                    foreach (var path in results)
                    {
                        string full = Path.GetFullPath(root + path.Replace('/', Path.DirectorySeparatorChar));
                        if (existing.Add(full)) added.Add(new Microsoft.Build.Utilities.TaskItem(Escape(full)));
                    }

                    TestResultFiles = results.Select(p => (Microsoft.Build.Framework.ITaskItem)new Microsoft.Build.Utilities.TaskItem(Escape(p))).ToArray();
                }
            }

            AdditionalFiles = added.ToArray();
            Refused = tree.Refused.Where(r => Wanted(r.Key))
                .Select(r => (Microsoft.Build.Framework.ITaskItem)new Microsoft.Build.Utilities.TaskItem(Escape(r.Key + "|" + r.Value)))
                .ToArray();
            foreach (var refused in tree.Refused.Where(r => Wanted(r.Key)))
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, "Governance: " + refused.Key + " " + refused.Value);

            if (ListFiles)
            {
                var listExclude = new GlobSet(Split(FileListExclude));
                var listed = tree.Files.Where(p => !listExclude.IsMatch(p)).ToList();
                RepositoryFiles = listed
                    .Select(p => (Microsoft.Build.Framework.ITaskItem)new Microsoft.Build.Utilities.TaskItem(Escape(p)))
                    .ToArray();
                EvidenceLines = CitedLines(tree, listed, tree.Files.Where(Wanted).Where(p => p.EndsWith(".md", StringComparison.OrdinalIgnoreCase)))
                    .Select(e => (Microsoft.Build.Framework.ITaskItem)new Microsoft.Build.Utilities.TaskItem(Escape(e)))
                    .ToArray();
            }

            return true;
        }

        private Orchestrator.Governance.Configuration.GovernanceConfig? _config;

        /// <summary>governance.yml (read through the walk, without its schema check), its limits capped at the host's ceiling; read once.</summary>
        private Orchestrator.Governance.Configuration.GovernanceConfig Config(RepositoryTree tree)
        {
            if (_config != null) return _config;
            string? configText = null;
            if (ConfigFile.Length > 0)
            {
                string relative = Relative(tree.Root, ConfigFile);
                configText = relative.Length > 0 ? tree.ReadDocument(relative, 4L * 1024 * 1024).Text : null;
            }

            var config = Orchestrator.Governance.Configuration.ConfigLoader.LoadUnchecked(configText);
            if (long.TryParse(MaxDocumentBytes.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long ceiling)) config.Limits.CapAt(ceiling);
            return _config = config;
        }

        /// <summary>
        /// 'count|path' for every file the documents cite as evidence that the walk can count, in path
        /// order, within limits.maxDocumentBytes as the CLI reads it (governance.yml under the host's ceiling).
        /// </summary>
        private IEnumerable<string> CitedLines(RepositoryTree tree, List<string> listed, IEnumerable<string> documents)
        {
            long max = Config(tree).Limits.MaxDocumentBytes;
            var files = new Orchestrator.Governance.Model.Scope.RepositoryFiles(listed);
            var lines = RepositoryFileLines.For(tree, max);
            var cited = new SortedSet<string>(StringComparer.Ordinal);
            var refused = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var document in documents)
            {
                string? text = tree.ReadDocument(document, max).Text;
                if (text == null) continue;
                foreach (var path in Orchestrator.Governance.Model.EvidenceReference.PathsIn(text))
                {
                    string? resolved = Orchestrator.Governance.Documents.DocumentInput.ResolveInside(path);
                    if (string.IsNullOrEmpty(resolved)) continue;
                    var named = files.Named(resolved!);
                    if (named.Count == 1) cited.Add(named[0]);
                    // A cited file the walk refused (a link out of the repository): its reason, as the CLI gives it.
                    else if (named.Count == 0 && lines(resolved!).Refusal is string why) refused[resolved!] = why;
                }
            }

            foreach (var path in cited)
            {
                if (lines(path).Lines is int count) yield return count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + path;
            }

            foreach (var entry in refused) yield return "refused|" + entry.Key + "|" + entry.Value;
        }

        /// <summary>
        /// The documents governance.yml configures, chosen by the engine from the walked paths; the
        /// configuration, the pointer and a manifest are read through the walk's verdict, never past
        /// limits.maxDocumentBytes. The configuration is loaded without its schema check
        /// (ConfigLoader.LoadUnchecked: the schema alone would cost about 0.4 s a build); the analyzer
        /// reports its problems.
        /// </summary>
        private IReadOnlyList<string> Configured(RepositoryTree tree)
        {
            var config = Config(tree);
            long max = config.Limits.MaxDocumentBytes;
            var listExclude = new GlobSet(Split(FileListExclude));
            var files = tree.Files.Where(p => !listExclude.IsMatch(p)).ToList();
            return Orchestrator.Governance.Engine.DocumentSelection.Select(
                config, tree.Files.Concat(tree.Refused.Keys).ToList(), files, tree.Refused.Keys.ToList(), p => tree.ReadDocument(p, max).Text);
        }

        /// <summary>A path under the root as repository-relative with forward slashes, or empty when it is outside.</summary>
        private static string Relative(string root, string fullPath)
        {
            string rootFull = Path.GetFullPath(root).TrimEnd('/', '\\') + Path.DirectorySeparatorChar;
            string full = Path.GetFullPath(fullPath);
            var comparison = Links.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            return full.StartsWith(rootFull, comparison) ? full.Substring(rootFull.Length).Replace('\\', '/') : string.Empty;
        }

        private static IEnumerable<string> Split(string globs) =>
            (globs ?? string.Empty).Split(';').Select(g => g.Trim()).Where(g => g.Length > 0);

        /// <summary>MSBuild reads a task's item specs as escaped: a literal name keeps its %, ;, *, ?, @, $, (, ) and '.</summary>
        private static string Escape(string value)
        {
            var s = new StringBuilder(value.Length);
            foreach (char c in value)
            {
                if (c == '%' || c == ';' || c == '*' || c == '?' || c == '@' || c == '$' || c == '(' || c == ')' || c == '\'')
                    s.Append('%').Append(((int)c).ToString("x2"));
                else s.Append(c);
            }

            return s.ToString();
        }
    }
}
