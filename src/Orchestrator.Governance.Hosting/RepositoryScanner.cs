using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Extensions.FileSystemGlobbing;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;


namespace Orchestrator.Governance.Hosting
{
    /// <summary>
    /// Gathers the documents the engine needs from a folder on disk: the configuration file,
    /// every file the configured globs name (task packets, state files, files that must carry a metadata header), the task board, SPEC_CURRENT.md and the spec it names.
    /// The repository is walked once (<see cref="RepositoryTree"/>, shared with the
    /// package's MSBuild tasks) and the globs are matched against the walked paths. Only regular files whose real path is inside
    /// the root are read; a file the walk refuses (a symbolic link leading outside, a FIFO, socket or device), one larger than
    /// limits.maxDocumentBytes or one that cannot be read is handed over as unreadable, so the engine reports GOV002.
    /// </summary>
    internal static class RepositoryScanner
    {
        private static readonly string[] FileListExcluded = { "**/bin/Debug/**", "**/bin/Release/**", "**/obj/**", "**/.git/**", "**/node_modules/**" };

        /// <summary>
        /// Every readable file of the walked repository (repository-relative, forward slashes), without
        /// bin/Debug, bin/Release, obj, .git and node_modules: the data GOV320 (artifacts) and GOV501/GOV502 (scope
        /// paths) need, since the engine reads no files. A symbolic link to a file inside the repository is listed (it is
        /// one of its files); refused files (links leading outside, FIFOs, sockets, devices) and folder links are not.
        /// </summary>
        public static List<string> RepositoryFiles(RepositoryTree tree)
        {
            // Build output of .NET projects is left out, not every folder named bin: Rust keeps
            // sources in src/bin/. Git compares paths case-sensitively, and so does the list.
            var all = new Matcher(StringComparison.Ordinal);
            all.AddInclude("**/*");
            foreach (var exclude in FileListExcluded) all.AddExclude(exclude);
            return all.Execute(PathTree.Of(tree.Root, tree.Files)).Files.Select(f => f.Path).OrderBy(p => p, StringComparer.Ordinal).ToList();
        }

        private static readonly Matcher Unlisted = MakeUnlisted();

        private static Matcher MakeUnlisted()
        {
            var matcher = new Matcher(StringComparison.Ordinal);
            matcher.AddIncludePatterns(FileListExcluded);
            return matcher;
        }

        /// <summary>
        /// Whether <paramref name="relative"/> (repository-relative, forward slashes) is a path
        /// <see cref="RepositoryFiles"/> lists: not under bin/Debug, bin/Release, obj, .git or
        /// node_modules, nor an editor's scratch file (<see cref="ScratchFiles"/>); a host watching
        /// the repository ignores changes there.
        /// </summary>
        public static bool Lists(string relative) =>
            !ScratchFiles.IsScratchPath(relative) && !Unlisted.Match("/repository", new[] { "/repository/" + relative, "/repository/" + relative + "/x" }).HasMatches;

        /// <summary>
        /// The NuGet packages the repository's MSBuild files (*.csproj, *.fsproj, *.vbproj, and the
        /// Directory.Build.props/.targets and Directory.Packages.props every project imports, in
        /// <paramref name="files"/>) reference, read as written (PackageReference and
        /// GlobalPackageReference Include; no MSBuild evaluation, so a version set elsewhere is not
        /// seen and a reference under a Condition counts as declared): the CLI's counterpart of the
        /// build's @(PackageReference) list, so both hosts report a missing OSS register row (GOV611)
        /// alike and a baseline written by one holds in the other. Unreadable project files add nothing.
        /// </summary>
        public static List<Model.Oss.PackageReference> ProjectPackageReferences(RepositoryTree tree, IEnumerable<string> files, long maxBytes)
        {
            var references = new List<Model.Oss.PackageReference>();
            foreach (var path in files)
            {
                string name = Path.GetFileName(path);
                if (name == "Cargo.toml" || name == "package.json" || !Model.Oss.DependencyManifest.IsManifest(path)) continue;
                var input = tree.ReadDocument(path, maxBytes);
                if (input.Text == null) continue;
                foreach (var dependency in Model.Oss.DependencyManifest.Read(new TextDocument(path, input.Text)))
                    references.Add(new Model.Oss.PackageReference(dependency.Name, null, name));
            }

            return references;
        }

        public static List<DocumentInput> Scan(RepositoryTree tree, GovernanceConfig config, DocumentInput? configDocument, IReadOnlyCollection<string>? repositoryFiles = null)
        {
            // Which files: DocumentSelection, from governance.yml and the walked paths (refused ones too,
            // so a FIFO or an outside link named like a packet gets its GOV002). Each is read once.
            var read = new Dictionary<string, DocumentInput>(StringComparer.Ordinal);
            DocumentInput ReadOnce(string path)
            {
                if (!read.TryGetValue(path, out var input)) read[path] = input = tree.ReadDocument(path, config.Limits.MaxDocumentBytes);
                return input;
            }

            var walked = tree.Files.Concat(tree.Refused.Keys).ToList();
            var selected = DocumentSelection.Select(config, walked, repositoryFiles ?? RepositoryFiles(tree), tree.Refused.Keys.ToList(), p => ReadOnce(p).Text);
            var documents = new List<DocumentInput>(selected.Count + 1);
            if (configDocument != null) documents.Add(configDocument);
            documents.AddRange(selected.Where(p => configDocument == null || p != configDocument.Path).Select(ReadOnce));
            return documents;
        }

        /// <summary>
        /// Why the CLI must not write <paramref name="relativePath"/> (the baseline, the lock manifest),
        /// or null when it may: writing goes where reading would, so a path the walk refuses (a symbolic
        /// link leading outside the repository or nowhere, a FIFO, socket or device, a folder, a path
        /// through a folder link) is never written; a file that does not exist yet may be created.
        /// </summary>
        public static string? WriteRefusal(RepositoryTree tree, string relativePath)
        {
            string? reason = tree.Refusal(relativePath, out _);
            if (reason == null || reason == "does not exist") return null;
            foreach (var tail in new[] { "; not read", "; not opened" })
                if (reason.EndsWith(tail, StringComparison.Ordinal)) reason = reason.Substring(0, reason.Length - tail.Length);
            return reason;
        }

        /// <summary>
        /// The configuration file: read like any file of the repository when it is inside the root
        /// (governance.yml, or a --config path there: its text comes from the change under review),
        /// as given when it is outside (the operator's own file).
        /// </summary>
        public static DocumentInput ReadConfig(RepositoryTree tree, string root, string fullPath, long maxBytes)
        {
            string relative = RepositoryDocuments.RelativePath(root, fullPath);
            bool inside = !Path.IsPathRooted(relative) && relative != ".." && !relative.StartsWith("../", StringComparison.Ordinal);
            if (inside) return tree.ReadDocument(relative, maxBytes);
            var outside = Read(Path.GetDirectoryName(fullPath)!, Path.GetFileName(fullPath), maxBytes);
            return outside.Text == null ? DocumentInput.Unreadable(relative, outside.UnreadableReason ?? "cannot be read") : DocumentInput.FromText(relative, outside.Text, outside.InvalidUtf8);
        }

        /// <summary>A file outside any repository (the operator's --config), read as given.</summary>
        public static DocumentInput Read(string root, string relativePath, long maxBytes)
        {
            string full = Path.Combine(root, relativePath);
            try
            {
                var info = new FileInfo(full);
                if (info.Length > maxBytes)
                    return DocumentInput.Unreadable(relativePath, $"{info.Length} bytes is more than limits.maxDocumentBytes ({maxBytes})", info.Length);
                return DocumentInput.FromBytes(relativePath, File.ReadAllBytes(full));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return DocumentInput.Unreadable(relativePath, "cannot be read: " + e.Message);
            }
        }
    }
}
