using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using Orchestrator.Governance.Model.Phases;
using Orchestrator.Governance.Text;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Decisions
{
    /// <summary>
    /// GOV606: a phase the repository declares lacks an artifact it must have. A phase is declared
    /// by active_phase.json (<c>phaseId</c>) or by any file matching a state.layerArtifacts or
    /// state.closingArtifacts path. Then:
    /// <list type="bullet">
    /// <item>every layer in active_phase.json <c>completedLayers</c> has its artifact (seed 000 §2), reported at that layer's entry;</item>
    /// <item>layers run in order (seed 000 §2 "Sequential Batching"), so a layer's artifact means every earlier layer is complete and has its artifact, reported at the later artifact (or at a later artifact that is a document of the build);</item>
    /// <item>a closed phase (closed on the task board, or before the active phase) has every layer's artifact and seed 001's closing artifacts (PHASE_XX_EXECUTION_REPORT.md, FINAL_PHASE_XX_HANDOFF.md), reported at the board's closure line or at active_phase.json <c>phaseId</c>;</item>
    /// <item>one closing artifact means the phase is being closed, so the others must exist.</item>
    /// </list>
    /// A phase declared only by closing artifacts (a seed 001 repository without seed 000 layers)
    /// is held to the closing artifacts alone. Each missing artifact is reported once per phase,
    /// for the first reason above. Needs the repository's file list; without it the rule does not
    /// run. Source: seed 000 §2 (the artifact of each layer) and seed 001 (Minimal Artifact Set Per Phase).
    /// </summary>
    public sealed class GOV606PhaseArtifactMissing : RepositoryRule
    {
        /// <summary>GOV606: a declared phase lacks an artifact of a completed layer or of its closing set.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV606", "Phases must have the artifacts of their completed layers",
            "Phase '{0}' {1}, so {2} must exist ({3}); it is not a file of the repository",
            "Governance.Decisions", GovernanceSeverity.Error,
            "Each layer of the phase protocol leaves one artifact (milestone, ADR, RFC, simulation, idempotency contract, red-team test, judge, improvement log), and a closed phase keeps its execution report and final handoff. A layer marked complete without its artifact is a step that was skipped or lost; the next session resumes from files, not from memory.",
            "seed 000 §2 (Execution Protocol), §4 (Resume Protocol); seed 001 (Minimal Artifact Set Per Phase)");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        private static readonly SourceSpan FileStart = new SourceSpan(0, 0, 1, 1, 1, 1);

        private sealed class Phase
        {
            public string Display = string.Empty;
            public readonly Dictionary<string, string> Layers = new Dictionary<string, string>(StringComparer.Ordinal);
            public readonly Dictionary<int, string> Closing = new Dictionary<int, string>();
            public readonly Dictionary<string, (string Reason, string Path, SourceSpan Span)> Required = new Dictionary<string, (string, string, SourceSpan)>(StringComparer.Ordinal);

            public void Require(string artifact, string reason, string path, SourceSpan span)
            {
                if (!Required.ContainsKey(artifact)) Required[artifact] = (reason, path, span);
            }
        }

        /// <inheritdoc />
        public override void Analyze(RepositoryRuleContext context)
        {
            var index = context.Index;
            if (index.Files == null) return;
            var state = index.Config.State;
            var layers = state.Layers
                .Where(l => state.LayerArtifacts.TryGetValue(l, out var p) && !string.IsNullOrEmpty(p))
                .Select(l => (Layer: l, Pattern: PhaseArtifactPattern.Of(state.LayerArtifacts[l])))
                .ToList();
            var closing = state.ClosingArtifacts.Select(PhaseArtifactPattern.Of).ToList();

            // The artifacts that exist, by phase.
            var phases = new Dictionary<string, Phase>(StringComparer.Ordinal);
            Phase Get(string written)
            {
                string key = PhaseArtifactPattern.Key(written);
                if (!phases.TryGetValue(key, out var phase)) phases[key] = phase = new Phase { Display = written };
                return phase;
            }

            foreach (var found in PhaseArtifactScan.Of(index.Files, layers, closing).Phases)
            {
                var phase = phases[found.Key] = new Phase { Display = found.Value.Display };
                foreach (var layer in found.Value.LayerArtifacts) phase.Layers[layer.Key] = layer.Value;
                foreach (var artifact in found.Value.ClosingArtifacts) phase.Closing[artifact.Key] = artifact.Value;
            }

            // The active phase and its completed layers.
            string? activeKey = null;
            var active = index.ActivePhase;
            if (active?.Root is JObject root && root["phaseId"] is JValue id && (id.Type == JTokenType.String || id.Type == JTokenType.Integer)
                && Convert.ToString(id.Value, System.Globalization.CultureInfo.InvariantCulture) is string written && written.Trim().Length > 0)
            {
                activeKey = PhaseArtifactPattern.Key(written);
                var phase = Get(written.Trim());
                if (root["completedLayers"] is JArray completed)
                {
                    foreach (var entry in completed)
                    {
                        if (!(entry is JValue { Type: JTokenType.String } value) || !(value.Value is string layer)) continue;
                        if (layers.Any(l => l.Layer == layer))
                            phase.Require(layer, "completed " + layer + " (active_phase.json completedLayers)", active.Path, active.SpanOf(entry));
                    }
                }
            }

            // Phases closed on the task board.
            var closedOnBoard = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
            var board = index.Topology.Board;
            foreach (var gate in board?.PhaseGates.Where(g => g.IsClosed) ?? Enumerable.Empty<Model.Board.PhaseGate>())
            {
                string key = PhaseArtifactPattern.Key(gate.Phase);
                if (!closedOnBoard.ContainsKey(key)) closedOnBoard[key] = gate.ClosedSpan;
            }

            foreach (var entry in phases.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                var phase = entry.Value;
                bool layered = phase.Layers.Count > 0 || entry.Key == activeKey;

                // Closed: every layer's artifact and the closing set.
                (string Reason, string Path, SourceSpan Span)? closed = null;
                if (closedOnBoard.TryGetValue(entry.Key, out var gateSpan)) closed = ("is closed on the task board", board!.Path, gateSpan);
                else if (activeKey != null && PhaseArtifactPattern.Compare(entry.Key, activeKey) < 0)
                    closed = ("is before the active phase '" + phases[activeKey].Display + "' (active_phase.json phaseId)", active!.Path, active.SpanOf(active.Root!["phaseId"]!));
                if (closed is { } c)
                {
                    if (layered)
                    {
                        foreach (var (layer, _) in layers) phase.Require(layer, c.Reason, c.Path, c.Span);
                    }

                    for (int i = 0; i < closing.Count; i++) phase.Require("closing:" + i, c.Reason, c.Path, c.Span);
                }

                // A layer's artifact means the layers before it are complete.
                int last = layers.FindLastIndex(l => phase.Layers.ContainsKey(l.Layer));
                if (last > 0)
                {
                    string evidence = phase.Layers[layers[last].Layer];
                    string at = Enumerable.Range(0, last + 1).Reverse().Select(i => phase.Layers.TryGetValue(layers[i].Layer, out var f) ? f : null)
                        .FirstOrDefault(f => f != null && index.HasDocument(f)) ?? evidence;
                    for (int i = 0; i < last; i++)
                        phase.Require(layers[i].Layer, "has its " + layers[last].Layer + " artifact " + evidence, at, FileStart);
                }

                // One closing artifact means the phase is being closed.
                if (phase.Closing.Count > 0)
                {
                    var (first, file) = phase.Closing.OrderBy(e => e.Key).Select(e => (e.Key, e.Value)).First();
                    string at = phase.Closing.Values.FirstOrDefault(index.HasDocument) ?? file;
                    for (int i = 0; i < closing.Count; i++) phase.Require("closing:" + i, "has its closing artifact " + file, at, FileStart);
                }

                // Report what is missing, in layer order, then the closing set.
                foreach (var (layer, pattern) in layers)
                {
                    if (phase.Layers.ContainsKey(layer) || !phase.Required.TryGetValue(layer, out var why)) continue;
                    context.Report(why.Path, why.Span, phase.Display, why.Reason, Expected(pattern, phase.Display), "the " + layer + " artifact");
                }

                for (int i = 0; i < closing.Count; i++)
                {
                    if (phase.Closing.ContainsKey(i) || !phase.Required.TryGetValue("closing:" + i, out var why)) continue;
                    context.Report(why.Path, why.Span, phase.Display, why.Reason, Expected(closing[i], phase.Display), "a closing artifact of seed 001");
                }
            }
        }

        private static string Expected(PhaseArtifactPattern pattern, string phase)
        {
            string path = pattern.For(phase);
            return path.IndexOf('*') >= 0 || path.IndexOf('?') >= 0 ? "a file matching " + path : path;
        }
    }
}
