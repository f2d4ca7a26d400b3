using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Model.Spec;
using Orchestrator.Governance.Scanning;

namespace Orchestrator.Governance.Cli
{
    /// <summary>
    /// Gathers the documents the engine needs from a folder on disk: the configuration file,
    /// every file the configured globs name (task packets, state files, files that must carry a metadata header), the task board, SPEC_CURRENT.md and the spec it names.
    /// The repository is walked once (<see cref="RepositoryTree"/>, build/Orchestrator.Governance.Files.cs, shared with the
    /// package's MSBuild task) and the globs are matched against the walked paths. Only regular files whose real path is inside
    /// the root are read; a file the walk refuses (a symbolic link leading outside, a FIFO, socket or device), one larger than
    /// limits.maxDocumentBytes or one that cannot be read is handed over as unreadable, so the engine reports GOV002.
    /// </summary>
    internal static class RepositoryScanner
    {
        private static readonly string[] AlwaysExcluded = { "**/bin/**", "**/obj/**", "**/.git/**", "**/node_modules/**" };
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

        public static List<DocumentInput> Scan(RepositoryTree tree, GovernanceConfig config, DocumentInput? configDocument, IReadOnlyCollection<string>? repositoryFiles = null)
        {
            var documents = new List<DocumentInput>();
            if (configDocument != null) documents.Add(configDocument);

            // Each document kind with its own globs: task packets and the orchestration state files.
            // Refused files are matched too, so a FIFO or an outside link named like a packet gets its GOV002.
            var walked = PathTree.Of(tree.Root, tree.Files.Concat(tree.Refused.Keys));
            var d = config.Documents;
            var files = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var kind in new[] { d.TaskPackets, d.Plan, d.Session, d.Progress, d.ActivePhase, d.IdempotencyContracts, d.Adrs, d.Rfcs, d.LockManifest, d.Links, d.OssRegister, d.OssManifests })
            {
                if (kind.Include.Count == 0) continue;
                var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
                foreach (var include in kind.Include) matcher.AddInclude(include);
                foreach (var exclude in kind.Exclude.Concat(AlwaysExcluded)) matcher.AddExclude(exclude);
                files.UnionWith(matcher.Execute(walked).Files.Select(f => f.Path));
            }

            // Files that must carry a metadata header (GOV401/GOV402), when headers.include names any.
            if (config.Headers.Include.Count > 0)
            {
                var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
                foreach (var include in config.Headers.Include) matcher.AddInclude(include);
                foreach (var exclude in config.Headers.Exclude.Concat(AlwaysExcluded)) matcher.AddExclude(exclude);
                files.UnionWith(matcher.Execute(walked).Files.Select(f => f.Path));
            }

            foreach (var file in files)
            {
                documents.Add(Read(tree, file, config.Limits.MaxDocumentBytes));
            }

            // The task board (seed 003 Part 6).
            string root = tree.Root;
            string boardPath = DocumentInput.NormalizePath(config.Board.Path);
            if (File.Exists(Path.Combine(root, boardPath)) && documents.All(d => d.Path != boardPath))
                documents.Add(Read(tree, boardPath, config.Limits.MaxDocumentBytes));

            // The current spec: SPEC_CURRENT.md and the file, folder, list or manifest it names, or
            // the modules spec.files names (seed 003 Part 2 Step 1).
            string pointerPath = DocumentInput.NormalizePath(config.Spec.CurrentPointer);
            SpecPointer? pointer = null;
            if (File.Exists(Path.Combine(root, pointerPath)))
            {
                var pointerDocument = Read(tree, pointerPath, config.Limits.MaxDocumentBytes);
                if (documents.All(d => d.Path != pointerPath)) documents.Add(pointerDocument);
                if (pointerDocument.Text != null) pointer = SpecPointer.Read(pointerPath, pointerDocument.Text);
            }

            var allFiles = repositoryFiles ?? RepositoryFiles(tree);
            var read = new Dictionary<string, DocumentInput>(StringComparer.Ordinal);
            DocumentInput ReadOnce(string path)
            {
                var known = documents.FirstOrDefault(d => d.Path == path);
                if (known != null) return known;
                if (!read.TryGetValue(path, out var input)) read[path] = input = Read(tree, path, config.Limits.MaxDocumentBytes);
                return input;
            }

            var modules = SpecModules.Resolve(pointer, config.Spec, allFiles, p => ReadOnce(p).Text);
            foreach (var path in modules.Manifests.Concat(modules.Paths))
            {
                var input = ReadOnce(path);
                if (documents.All(d => d.Path != path)) documents.Add(input);
            }

            // A single named file the list does not hold (by a unique file name elsewhere) is found as before.
            if (pointer != null && modules.Paths.Count == 0)
            {
                var named = pointer.CandidatePaths().FirstOrDefault(p => File.Exists(Path.Combine(root, p)));
                if (named != null && documents.All(d => d.Path != named)) documents.Add(Read(tree, named, config.Limits.MaxDocumentBytes));
            }

            // The baseline (governance.baseline.json at the root), read like any document: an
            // unreadable or oversized one reaches the engine as such and is GOV008.
            string baselinePath = Baseline.GovernanceBaseline.DefaultPath;
            if ((tree.Files.Contains(baselinePath) || tree.Refused.ContainsKey(baselinePath)) && documents.All(d => d.Path != baselinePath))
                documents.Add(Read(tree, baselinePath, config.Limits.MaxDocumentBytes));

            return documents;
        }

        /// <summary>
        /// The configuration file: read like any file of the repository when it is inside the root
        /// (governance.yml, or a --config path there: its text comes from the change under review),
        /// as given when it is outside (the operator's own file).
        /// </summary>
        public static DocumentInput ReadConfig(RepositoryTree tree, string root, string fullPath, long maxBytes)
        {
            string relative = Path.GetRelativePath(root, fullPath).Replace('\\', '/');
            bool inside = !Path.IsPathRooted(relative) && relative != ".." && !relative.StartsWith("../", StringComparison.Ordinal);
            if (inside) return Read(tree, relative, maxBytes);
            var outside = Read(Path.GetDirectoryName(fullPath)!, Path.GetFileName(fullPath), maxBytes);
            return outside.Text == null ? DocumentInput.Unreadable(relative, outside.UnreadableReason ?? "cannot be read") : DocumentInput.FromText(relative, outside.Text, outside.InvalidUtf8);
        }

        /// <summary>
        /// One file of the repository, by the walk's verdict: refused (GOV002 with the reason), too large, or its bytes
        /// read through its real path. An empty file is never opened: a FIFO or device that the type check cannot tell
        /// (on a system without statx) looks like one, and an empty file's text is known without reading it.
        /// </summary>
        public static DocumentInput Read(RepositoryTree tree, string relativePath, long maxBytes)
        {
            string? reason = tree.Refusal(relativePath, out string? open);
            if (reason != null || open == null) return DocumentInput.Unreadable(relativePath, reason ?? "cannot be read");
            try
            {
                var info = new FileInfo(open);
                if (info.Length > maxBytes)
                    return DocumentInput.Unreadable(relativePath, $"{info.Length} bytes is more than limits.maxDocumentBytes ({maxBytes})", info.Length);
                if (info.Length == 0) return DocumentInput.FromBytes(relativePath, Array.Empty<byte>());
                return DocumentInput.FromBytes(relativePath, File.ReadAllBytes(open));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return DocumentInput.Unreadable(relativePath, "cannot be read: " + e.Message);
            }
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

        /// <summary>
        /// The walked paths as a folder tree for <see cref="Matcher.Execute(DirectoryInfoBase)"/>: the
        /// matcher walks it exactly as it would walk the disk, without touching the disk.
        /// </summary>
        private sealed class PathTree : DirectoryInfoBase
        {
            private readonly Dictionary<string, PathTree> _folders = new Dictionary<string, PathTree>(StringComparer.Ordinal);
            private readonly List<string> _files = new List<string>();
            private readonly PathTree? _parent;

            private PathTree(string name, string fullName, PathTree? parent)
            {
                Name = name;
                FullName = fullName;
                _parent = parent;
            }

            public override string Name { get; }

            public override string FullName { get; }

            public override DirectoryInfoBase? ParentDirectory => _parent;

            public static PathTree Of(string root, IEnumerable<string> paths)
            {
                var tree = new PathTree(Path.GetFileName(root), root, null);
                foreach (var path in paths)
                {
                    var node = tree;
                    var parts = path.Split('/');
                    for (int i = 0; i < parts.Length - 1; i++)
                    {
                        if (!node._folders.TryGetValue(parts[i], out var child))
                            node._folders[parts[i]] = child = new PathTree(parts[i], Path.Combine(node.FullName, parts[i]), node);
                        node = child;
                    }

                    node._files.Add(parts[parts.Length - 1]);
                }

                return tree;
            }

            public override IEnumerable<FileSystemInfoBase> EnumerateFileSystemInfos()
            {
                foreach (var folder in _folders.Values) yield return folder;
                foreach (var file in _files) yield return new PathFile(file, Path.Combine(FullName, file), this);
            }

            public override DirectoryInfoBase? GetDirectory(string path) =>
                path == ".." ? _parent : _folders.TryGetValue(path, out var folder) ? folder : null;

            public override FileInfoBase? GetFile(string path) =>
                _files.Contains(path, StringComparer.Ordinal) ? new PathFile(path, Path.Combine(FullName, path), this) : null;
        }

        private sealed class PathFile : FileInfoBase
        {
            public PathFile(string name, string fullName, DirectoryInfoBase parent)
            {
                Name = name;
                FullName = fullName;
                ParentDirectory = parent;
            }

            public override string Name { get; }

            public override string FullName { get; }

            public override DirectoryInfoBase ParentDirectory { get; }
        }
    }
}
