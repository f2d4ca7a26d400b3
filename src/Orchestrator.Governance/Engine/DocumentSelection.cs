using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Model.Spec;

namespace Orchestrator.Governance.Engine
{
    /// <summary>
    /// Which files of a repository the engine needs, decided from governance.yml and the list of the
    /// repository's paths alone (no disk access): every file the globs of <c>documents.*</c> and
    /// <c>headers.include</c> name, the task board (<c>board.path</c>), the spec pointer
    /// (<c>spec.currentPointer</c>) with the spec it names (one file, a folder, a list or a manifest,
    /// seed 003 Part 2 Step 1) or the modules <c>spec.files</c> names, the earlier versions of a
    /// single-file spec kept beside it (<see cref="SpecVersions"/>), and the baseline.
    /// One source for every host: the CLI reads what it returns, the package's MSBuild task hands it
    /// to the analyzer as additional files, so a layout configured only in governance.yml is checked
    /// the same in <c>dotnet build</c> as by <c>governance check</c>.
    /// </summary>
    public static class DocumentSelection
    {
        /// <summary>Never governance documents: build output, the Git folder and npm packages.</summary>
        public static readonly IReadOnlyList<string> AlwaysExcluded = new[] { "**/bin/**", "**/obj/**", "**/.git/**", "**/node_modules/**" };

        /// <summary>
        /// The documents to read, repository-relative with forward slashes, each once, in a stable order:
        /// the glob matches (ordinal order), the board, the pointer, the manifests and modules in
        /// reading order, a file the pointer names by a unique file name elsewhere, the baseline.
        /// </summary>
        /// <param name="config">The loaded configuration.</param>
        /// <param name="walked">Every path the host's walk found, readable or refused (a refused
        /// file named like a document is returned too, so it gets its GOV002).</param>
        /// <param name="repositoryFiles">The readable files (for spec modules: a folder's files, spec.files).</param>
        /// <param name="refused">The files the walk refused; a spec module among them is selected too, so
        /// that the spec's problem (GOV210) names it instead of the module silently missing.</param>
        /// <param name="readText">A file's text (the pointer, a manifest), or null when it cannot be read.</param>
        public static IReadOnlyList<string> Select(GovernanceConfig config, IReadOnlyCollection<string> walked, IReadOnlyCollection<string> repositoryFiles, IReadOnlyCollection<string> refused, Func<string, string?> readText)
        {
            var known = new HashSet<string>(walked, StringComparer.Ordinal);
            var tree = PathTree.Of(".", walked);
            var selected = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            void Add(string path)
            {
                if (seen.Add(path)) selected.Add(path);
            }

            // Each document kind with its own globs, then the files that must carry a metadata header.
            var globbed = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var row in DocumentKinds.All)
            {
                var kind = row.Globs(config.Documents);
                globbed.UnionWith(Match(tree, kind.Include, kind.Exclude));
            }

            globbed.UnionWith(Match(tree, config.Headers.Include, config.Headers.Exclude));
            foreach (var path in globbed) Add(path);

            // The task board (seed 003 Part 6).
            string boardPath = DocumentInput.NormalizePath(config.Board.Path);
            if (known.Contains(boardPath)) Add(boardPath);

            // The current spec: the pointer and what it names, or the modules spec.files names.
            string pointerPath = DocumentInput.NormalizePath(config.Spec.CurrentPointer);
            SpecPointer? pointer = null;
            if (known.Contains(pointerPath))
            {
                Add(pointerPath);
                string? text = readText(pointerPath);
                if (text != null) pointer = SpecPointer.Read(pointerPath, text);
            }

            var candidates = refused.Count == 0 ? repositoryFiles : repositoryFiles.Concat(refused).Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToList();
            var modules = SpecModules.Resolve(pointer, config.Spec, candidates, readText);
            foreach (var path in modules.Manifests.Concat(modules.Paths)) Add(path);

            // A single named file the list does not hold (by a unique file name elsewhere).
            string? single = modules.Paths.Count == 1 && modules.Manifests.Count == 0 ? modules.Paths[0] : null;
            if (pointer != null && modules.Paths.Count == 0)
            {
                var named = pointer.CandidatePaths().FirstOrDefault(known.Contains);
                if (named != null) Add(single = named);
            }

            // Earlier versions of a single-file spec kept beside it (GOV805 compares a packet's
            // SPEC_BASELINE version with the current one).
            if (single != null)
            {
                foreach (var path in SpecVersions.Siblings(single, repositoryFiles)) Add(path);
            }

            // The baseline, read like any document: an unreadable one is GOV008.
            if (known.Contains(Baseline.GovernanceBaseline.DefaultPath)) Add(Baseline.GovernanceBaseline.DefaultPath);
            return selected;
        }

        private static IEnumerable<string> Match(PathTree tree, IReadOnlyCollection<string> include, IEnumerable<string> exclude)
        {
            if (include.Count == 0) return Array.Empty<string>();
            var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
            foreach (var glob in include) matcher.AddInclude(glob);
            foreach (var glob in exclude.Concat(AlwaysExcluded)) matcher.AddExclude(glob);
            return matcher.Execute(tree).Files.Select(f => f.Path);
        }
    }

    /// <summary>
    /// A list of repository paths as a folder tree for <see cref="Matcher.Execute(DirectoryInfoBase)"/>: the
    /// matcher walks it exactly as it would walk the disk, without touching the disk.
    /// </summary>
    public sealed class PathTree : DirectoryInfoBase
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

        /// <inheritdoc />
        public override string Name { get; }

        /// <inheritdoc />
        public override string FullName { get; }

        /// <inheritdoc />
        public override DirectoryInfoBase? ParentDirectory => _parent;

        /// <summary>The tree of <paramref name="paths"/> (relative, forward slashes) under <paramref name="root"/> (a name for messages; never read).</summary>
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

        /// <inheritdoc />
        public override IEnumerable<FileSystemInfoBase> EnumerateFileSystemInfos()
        {
            foreach (var folder in _folders.Values) yield return folder;
            foreach (var file in _files) yield return new PathFile(file, Path.Combine(FullName, file), this);
        }

        /// <inheritdoc />
        public override DirectoryInfoBase? GetDirectory(string path) =>
            path == ".." ? _parent : _folders.TryGetValue(path, out var folder) ? folder : null;

        /// <inheritdoc />
        public override FileInfoBase? GetFile(string path) =>
            _files.Contains(path, StringComparer.Ordinal) ? new PathFile(path, Path.Combine(FullName, path), this) : null;

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
