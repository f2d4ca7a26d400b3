using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.FileSystemGlobbing;
using Orchestrator.Governance.Configuration;

namespace Orchestrator.Governance.Model.Spec
{
    /// <summary>
    /// Which files form the current spec, decided from data a host hands over (no disk access):
    /// <c>spec.files</c> globs when configured, else what the pointer names (one file, a folder of
    /// Markdown files, a list of files, or a manifest listing them). <see cref="Paths"/> are in
    /// reading order; <see cref="Manifests"/> are the manifests that were read.
    /// </summary>
    public sealed class SpecModules
    {
        private SpecModules(IReadOnlyList<string> paths, IReadOnlyList<string> manifests, string? problem, string? written)
        {
            Paths = paths;
            Manifests = manifests;
            Problem = problem;
            Written = written;
        }

        /// <summary>The spec's files in reading order (repository-relative); empty when none was found.</summary>
        public IReadOnlyList<string> Paths { get; }

        /// <summary>Manifest files the pointer named (read to find the modules).</summary>
        public IReadOnlyList<string> Manifests { get; }

        /// <summary>Why no module was found although the pointer or spec.files names some, or null.</summary>
        public string? Problem { get; }

        /// <summary>What the pointer named, as written (for messages), or null.</summary>
        public string? Written { get; }

        /// <summary>Whether the spec is a set of modules (a folder, a list, a manifest or spec.files) rather than one named file.</summary>
        public bool IsModular { get; private set; }

        /// <summary>
        /// Resolves the modules. <paramref name="paths"/> are the repository files the host knows
        /// (the analyzer: its additional files; the CLI: every file); <paramref name="readText"/>
        /// gives a manifest's text, or null when it cannot.
        /// </summary>
        public static SpecModules Resolve(SpecPointer? pointer, SpecConfig config, IReadOnlyCollection<string> paths, Func<string, string?> readText)
        {
            if (config.Files.Count > 0)
            {
                var ordered = new List<string>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var glob in config.Files)
                {
                    var matcher = new Matcher(StringComparison.Ordinal);
                    matcher.AddInclude(glob);
                    foreach (var hit in matcher.Match(paths).Files.Select(f => f.Path).OrderBy(p => p, StringComparer.Ordinal))
                        if (seen.Add(hit)) ordered.Add(hit);
                }

                return new SpecModules(ordered, Array.Empty<string>(), ordered.Count == 0 ? $"spec.files ({string.Join(", ", config.Files)}) matches no file" : null, null) { IsModular = true };
            }

            if (pointer == null || pointer.Targets.Count == 0) return new SpecModules(Array.Empty<string>(), Array.Empty<string>(), null, null);
            var set = new HashSet<string>(paths, StringComparer.Ordinal);
            var modules = new List<string>();
            var manifests = new List<string>();
            bool modular = pointer.Targets.Count > 1;
            foreach (var target in pointer.Targets)
            {
                if (target.EscapesRepository) return new SpecModules(modules, manifests, $"names '{target.Written}', which is outside the repository and is not read", target.Written);
                string? problem = Add(pointer.Path, target.Written, set, paths, modules, ref modular);
                if (problem == null) continue;
                if (!target.IsManifest) return new SpecModules(modules, manifests, problem, target.Written);

                // A manifest: the files it lists, relative to the root or to the manifest.
                string? manifest = SpecPointer.CandidatesOf(pointer.Path, target.Written).FirstOrDefault(set.Contains);
                string? text = manifest == null ? null : readText(manifest);
                if (manifest == null || text == null) return new SpecModules(modules, manifests, manifest == null ? $"names '{target.Written}', which is not in the repository" : $"names the manifest '{manifest}', which could not be read", target.Written);
                manifests.Add(manifest);
                modular = true;
                var listed = SpecPointer.Read(manifest, text);
                if (listed.Problem != null) return new SpecModules(modules, manifests, $"names the manifest '{manifest}', which could not be read: {listed.Problem}", target.Written);
                foreach (var item in listed.Targets)
                {
                    // An entry is never dropped silently: one that leads out of the repository or names
                    // another manifest makes the spec unavailable, naming it.
                    if (item.EscapesRepository) return new SpecModules(modules, manifests, $"names the manifest '{manifest}'; it lists '{item.Written}', which is outside the repository and is not read", target.Written);
                    if (item.IsManifest) return new SpecModules(modules, manifests, $"names the manifest '{manifest}'; it lists '{item.Written}', which is not a Markdown file (a manifest is not read from a manifest)", target.Written);
                    string? missing = Add(manifest, item.Written, set, paths, modules, ref modular);
                    if (missing != null) return new SpecModules(modules, manifests, $"names the manifest '{manifest}'; it {ListsInstead(missing)}", target.Written);
                }

                if (modules.Count == 0) return new SpecModules(modules, manifests, $"names the manifest '{manifest}', which lists no spec file", target.Written);
            }

            return new SpecModules(modules.Distinct(StringComparer.Ordinal).ToList(), manifests, null, pointer.FileName) { IsModular = modular };
        }

        /// <summary>Adds the file or the folder's Markdown files <paramref name="written"/> names; a problem when it names nothing there.</summary>
        private static string? Add(string besidePath, string written, HashSet<string> set, IReadOnlyCollection<string> paths, List<string> modules, ref bool modular)
        {
            var candidates = SpecPointer.CandidatesOf(besidePath, written.TrimEnd('/'));
            bool looksLikeFolder = written.EndsWith("/", StringComparison.Ordinal) || !written.Contains(".");
            if (!looksLikeFolder)
            {
                string? file = candidates.FirstOrDefault(set.Contains);
                if (file == null && !written.Contains("/"))
                {
                    // Named by its file name alone: the one file of that name anywhere.
                    var byName = paths.Where(p => p.EndsWith("/" + written, StringComparison.Ordinal)).ToList();
                    if (byName.Count == 1) file = byName[0];
                }

                if (file != null)
                {
                    if (!file.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) return $"names '{written}', which is not a Markdown file";
                    modules.Add(file);
                    return null;
                }
            }

            foreach (var folder in candidates)
            {
                string prefix = folder.TrimEnd('/') + "/";
                var files = paths.Where(p => p.StartsWith(prefix, StringComparison.Ordinal)).ToList();
                if (files.Count == 0) continue;
                var markdown = files.Where(p => p.EndsWith(".md", StringComparison.OrdinalIgnoreCase)).OrderBy(p => p, StringComparer.Ordinal).ToList();
                if (markdown.Count == 0) return $"names the folder '{written}', which holds no Markdown file";
                modules.AddRange(markdown);
                modular = true;
                return null;
            }

            return looksLikeFolder
                ? $"names '{written}', which is not in the repository (or is an empty folder)"
                : $"names '{written}', which is not in the repository";
        }

        /// <summary>"names 'x', which ..." said of a manifest's entry: "lists 'x', which ...".</summary>
        private static string ListsInstead(string problem) =>
            problem.StartsWith("names ", StringComparison.Ordinal) ? "lists " + problem.Substring("names ".Length) : problem;
    }
}
