using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Model.Spec;

namespace Orchestrator.Governance.Cli
{
    /// <summary>
    /// Gathers the documents the engine needs from a folder on disk: the configuration file,
    /// every file the configured globs name (task packets, state files, files that must carry a metadata header), the task board, SPEC_CURRENT.md and the spec it names. Files larger than limits.maxDocumentBytes are not read;
    /// files that cannot be read are handed over as unreadable, so the engine reports GOV002.
    /// </summary>
    internal static class RepositoryScanner
    {
        private static readonly string[] AlwaysExcluded = { "**/bin/**", "**/obj/**", "**/.git/**", "**/node_modules/**" };
        private static readonly string[] FileListExcluded = { "**/bin/Debug/**", "**/bin/Release/**", "**/obj/**", "**/.git/**", "**/node_modules/**" };

        /// <summary>
        /// Every file under <paramref name="root"/> (repository-relative, forward slashes), without
        /// bin/Debug, bin/Release, obj, .git and node_modules: the data GOV320 (artifacts) and GOV501/GOV502 (scope
        /// paths) need, since the engine reads no files.
        /// </summary>
        public static List<string> RepositoryFiles(string root)
        {
            // Build output of .NET projects is left out, not every folder named bin: Rust keeps
            // sources in src/bin/. Git compares paths case-sensitively, and so does the list.
            var all = new Matcher(StringComparison.Ordinal);
            all.AddInclude("**/*");
            foreach (var exclude in FileListExcluded) all.AddExclude(exclude);
            return all.Execute(new DirectoryInfoWrapper(new DirectoryInfo(root))).Files.Select(f => f.Path).OrderBy(p => p, StringComparer.Ordinal).ToList();
        }

        public static List<DocumentInput> Scan(string root, GovernanceConfig config, DocumentInput? configDocument, IReadOnlyCollection<string>? repositoryFiles = null)
        {
            var documents = new List<DocumentInput>();
            if (configDocument != null) documents.Add(configDocument);

            // Each document kind with its own globs: task packets and the orchestration state files.
            var d = config.Documents;
            var files = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var kind in new[] { d.TaskPackets, d.Plan, d.Session, d.Progress, d.ActivePhase, d.IdempotencyContracts, d.Adrs, d.Rfcs, d.LockManifest, d.Links, d.OssRegister, d.OssManifests })
            {
                if (kind.Include.Count == 0) continue;
                var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
                foreach (var include in kind.Include) matcher.AddInclude(include);
                foreach (var exclude in kind.Exclude.Concat(AlwaysExcluded)) matcher.AddExclude(exclude);
                files.UnionWith(matcher.Execute(new DirectoryInfoWrapper(new DirectoryInfo(root))).Files.Select(f => f.Path));
            }

            // Files that must carry a metadata header (GOV401/GOV402), when headers.include names any.
            if (config.Headers.Include.Count > 0)
            {
                var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
                foreach (var include in config.Headers.Include) matcher.AddInclude(include);
                foreach (var exclude in config.Headers.Exclude.Concat(AlwaysExcluded)) matcher.AddExclude(exclude);
                files.UnionWith(matcher.Execute(new DirectoryInfoWrapper(new DirectoryInfo(root))).Files.Select(f => f.Path));
            }

            foreach (var file in files)
            {
                documents.Add(Read(root, file, config.Limits.MaxDocumentBytes));
            }

            // The task board (seed 003 Part 6).
            string boardPath = DocumentInput.NormalizePath(config.Board.Path);
            if (File.Exists(Path.Combine(root, boardPath)) && documents.All(d => d.Path != boardPath))
                documents.Add(Read(root, boardPath, config.Limits.MaxDocumentBytes));

            // The current spec: SPEC_CURRENT.md and the file, folder, list or manifest it names, or
            // the modules spec.files names (seed 003 Part 2 Step 1).
            string pointerPath = DocumentInput.NormalizePath(config.Spec.CurrentPointer);
            SpecPointer? pointer = null;
            if (File.Exists(Path.Combine(root, pointerPath)))
            {
                var pointerDocument = Read(root, pointerPath, config.Limits.MaxDocumentBytes);
                if (documents.All(d => d.Path != pointerPath)) documents.Add(pointerDocument);
                if (pointerDocument.Text != null) pointer = SpecPointer.Read(pointerPath, pointerDocument.Text);
            }

            var allFiles = repositoryFiles ?? RepositoryFiles(root);
            var read = new Dictionary<string, DocumentInput>(StringComparer.Ordinal);
            DocumentInput ReadOnce(string path)
            {
                var known = documents.FirstOrDefault(d => d.Path == path);
                if (known != null) return known;
                if (!read.TryGetValue(path, out var input)) read[path] = input = Read(root, path, config.Limits.MaxDocumentBytes);
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
                if (named != null && documents.All(d => d.Path != named)) documents.Add(Read(root, named, config.Limits.MaxDocumentBytes));
            }

            return documents;
        }

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
