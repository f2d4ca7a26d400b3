using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Orchestrator.Governance.Model.Scope;

namespace Orchestrator.Governance.Model.Phases
{
    /// <summary>
    /// The phase artifacts among the repository's files (seed 000 §2, seed 001 "Minimal Artifact Set
    /// Per Phase"): for each phase (by <see cref="PhaseArtifactPattern.Key"/>), the first file, in
    /// ordinal path order, that each layer's pattern and each closing pattern finds for it. Computed
    /// once per file list (the same <see cref="RepositoryFiles"/> object, which a language server keeps
    /// between analyses) and set of patterns; the list of a repository of thousands of files is not
    /// matched again after every edit.
    /// </summary>
    public sealed class PhaseArtifactScan
    {
        private static readonly ConditionalWeakTable<RepositoryFiles, Dictionary<string, PhaseArtifactScan>> Scans = new ConditionalWeakTable<RepositoryFiles, Dictionary<string, PhaseArtifactScan>>();

        private PhaseArtifactScan(IReadOnlyDictionary<string, FoundPhase> phases) => Phases = phases;

        /// <summary>The phases that have any artifact, by key.</summary>
        public IReadOnlyDictionary<string, FoundPhase> Phases { get; }

        /// <summary>The scan of <paramref name="files"/> with these layer and closing patterns (kept with the file list).</summary>
        public static PhaseArtifactScan Of(RepositoryFiles files, IReadOnlyList<(string Layer, PhaseArtifactPattern Pattern)> layers, IReadOnlyList<PhaseArtifactPattern> closing)
        {
            string key = string.Join("\u001f", layers.Select(l => l.Layer + "=" + l.Pattern.Pattern)) + "\u001e" + string.Join("\u001f", closing.Select(c => c.Pattern));
            var byPatterns = Scans.GetValue(files, _ => new Dictionary<string, PhaseArtifactScan>(StringComparer.Ordinal));
            lock (byPatterns)
            {
                if (byPatterns.TryGetValue(key, out var known)) return known;
            }

            var scan = Scan(files, layers, closing);
            lock (byPatterns) byPatterns[key] = scan;
            return scan;
        }

        private static PhaseArtifactScan Scan(RepositoryFiles files, IReadOnlyList<(string Layer, PhaseArtifactPattern Pattern)> layers, IReadOnlyList<PhaseArtifactPattern> closing)
        {
            var phases = new Dictionary<string, FoundPhase>(StringComparer.Ordinal);
            FoundPhase Get(string written)
            {
                string key = PhaseArtifactPattern.Key(written);
                if (!phases.TryGetValue(key, out var phase)) phases[key] = phase = new FoundPhase(written);
                return phase;
            }

            foreach (var file in files.Files.OrderBy(f => f, StringComparer.Ordinal))
            {
                foreach (var (layer, pattern) in layers)
                {
                    if (pattern.PhaseOf(file) is string p && !Get(p).Layers.ContainsKey(layer)) Get(p).Layers[layer] = file;
                }

                for (int i = 0; i < closing.Count; i++)
                {
                    if (closing[i].PhaseOf(file) is string p && !Get(p).Closing.ContainsKey(i)) Get(p).Closing[i] = file;
                }
            }

            return new PhaseArtifactScan(phases);
        }

        /// <summary>One phase's artifacts found.</summary>
        public sealed class FoundPhase
        {
            internal FoundPhase(string display) => Display = display;

            /// <summary>The phase as the first artifact found for it writes it.</summary>
            public string Display { get; }

            /// <summary>The artifact of each layer found, by layer name.</summary>
            internal Dictionary<string, string> Layers { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

            /// <summary>The artifact of each closing pattern found, by the pattern's index.</summary>
            internal Dictionary<int, string> Closing { get; } = new Dictionary<int, string>();

            /// <summary>The layer artifacts (layer, file).</summary>
            public IReadOnlyDictionary<string, string> LayerArtifacts => Layers;

            /// <summary>The closing artifacts (pattern index, file).</summary>
            public IReadOnlyDictionary<int, string> ClosingArtifacts => Closing;
        }
    }
}
