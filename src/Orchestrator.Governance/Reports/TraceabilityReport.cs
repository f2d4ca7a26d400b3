using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Model.Spec;

namespace Orchestrator.Governance.Reports
{
    /// <summary>
    /// The traceability view (in the manner of OpenFastTrace's coverage report): for every spec
    /// section that packets anchor, its requirements and the packets and DONE_MEANS items that cover
    /// each, with the section's coverage; then every Main Body MUST that no packet covers. Source:
    /// seed 003 Part 1 PRIORITY_2 ("Extract ALL MUST/SHOULD from spec section; map each to
    /// evidence") and §5.4.
    /// </summary>
    public sealed class TraceabilityReport
    {
        // Where spec lines are (a spec of modules: the module and its own line).
        private Model.Spec.SpecContext? _spec;

        private string Line(Text.SourceSpan span) => _spec?.LineLabel(span) ?? span.StartLine.ToString(System.Globalization.CultureInfo.InvariantCulture);

        private (string? Path, int Line) Where(Text.SourceSpan span)
        {
            if (_spec == null || !_spec.IsModular) return (null, span.StartLine);
            var (path, local) = _spec.Locate(span);
            return (path, local.StartLine);
        }

        private TraceabilityReport(string? specPath, string? specVersion, int requirementCount, int mainBodyMusts,
            IReadOnlyList<SectionTrace> sections, IReadOnlyList<SpecRequirement> uncoveredMainBodyMusts, int packetCount, string? phase)
        {
            SpecPath = specPath;
            SpecVersion = specVersion;
            RequirementCount = requirementCount;
            MainBodyMustCount = mainBodyMusts;
            Sections = sections;
            UncoveredMainBodyMusts = uncoveredMainBodyMusts;
            PacketCount = packetCount;
            Phase = phase;
        }

        /// <summary>The current spec's path, or null when there is none.</summary>
        public string? SpecPath { get; }

        /// <summary>Its version.</summary>
        public string? SpecVersion { get; }

        /// <summary>All requirements of the spec.</summary>
        public int RequirementCount { get; }

        /// <summary>MUST requirements in the Main Body.</summary>
        public int MainBodyMustCount { get; }

        /// <summary>Anchored sections, in spec order.</summary>
        public IReadOnlyList<SectionTrace> Sections { get; }

        /// <summary>Main Body MUSTs covered by no packet's DONE_MEANS, in spec order.</summary>
        public IReadOnlyList<SpecRequirement> UncoveredMainBodyMusts { get; }

        /// <summary>Packets considered.</summary>
        public int PacketCount { get; }

        /// <summary>The phase the packets were filtered to ("1"), or null for all.</summary>
        public string? Phase { get; }

        /// <summary>One anchored section.</summary>
        public sealed class SectionTrace
        {
            internal SectionTrace(SpecSection section, IReadOnlyList<string> anchoredBy, IReadOnlyList<RequirementTrace> requirements)
            {
                Section = section;
                AnchoredBy = anchoredBy;
                Requirements = requirements;
            }

            /// <summary>The section.</summary>
            public SpecSection Section { get; }

            /// <summary>TASK_IDs (file names) of the packets anchoring it.</summary>
            public IReadOnlyList<string> AnchoredBy { get; }

            /// <summary>Its requirements (subsections included).</summary>
            public IReadOnlyList<RequirementTrace> Requirements { get; }

            /// <summary>Covered share, 0-100; 100 when it has no requirements.</summary>
            public double CoveragePercent => Requirements.Count == 0 ? 100 : 100.0 * Requirements.Count(r => r.CoveredBy.Count > 0) / Requirements.Count;
        }

        /// <summary>One requirement and what covers it.</summary>
        public sealed class RequirementTrace
        {
            internal RequirementTrace(SpecRequirement requirement, IReadOnlyList<(string Packet, string Item, MappingKind Kind, IReadOnlyList<string> Terms, IReadOnlyList<string> Tests)> coveredBy)
            {
                Requirement = requirement;
                CoveredBy = coveredBy;
            }

            /// <summary>The requirement.</summary>
            public SpecRequirement Requirement { get; }

            /// <summary>
            /// Packet, DONE_MEANS item, how it covers the requirement (explicit: the item names it;
            /// substance: it states it, with the terms both share, heaviest first), and the tests the
            /// item names (taskPacket.testReference; GOV703, GOV704).
            /// </summary>
            public IReadOnlyList<(string Packet, string Item, MappingKind Kind, IReadOnlyList<string> Terms, IReadOnlyList<string> Tests)> CoveredBy { get; }
        }

        /// <summary>Builds the report from an analysis; <paramref name="phase"/> keeps packets named WP-{phase}-...</summary>
        public static TraceabilityReport Build(GovernanceResult result, string? phase = null)
        {
            var context = result.Spec;
            var spec = context.Spec;
            var packets = result.Packets.Where(p => phase == null || p.FileStem.StartsWith("WP-" + phase + "-", StringComparison.Ordinal)).ToList();
            if (spec == null) return new TraceabilityReport(null, null, 0, 0, Array.Empty<SectionTrace>(), Array.Empty<SpecRequirement>(), packets.Count, phase);

            var anchoredBy = new Dictionary<SpecSection, List<string>>();
            var coveredBy = new Dictionary<SpecRequirement, List<(string, string, MappingKind, IReadOnlyList<string>, IReadOnlyList<string>)>>();
            foreach (var packet in packets)
            {
                var coverage = context.CoverageOf(packet, result.Profile);
                if (coverage == null) continue;
                var tests = Model.TestReference.Of(packet, result.Profile);
                foreach (var section in coverage.Anchored)
                {
                    if (!anchoredBy.TryGetValue(section, out var list)) anchoredBy[section] = list = new List<string>();
                    list.Add(packet.FileStem);
                }

                // A lead-in is covered through its list (GOV207 counts it so): shown with the item that covers the list's first requirement.
                foreach (var requirement in coverage.Covered.Where(q => !coverage.Items.Any(i => i.Requirements.Contains(q))).OrderBy(q => q.Span.Start))
                {
                    if (!(coverage.CoveringOf(requirement) is var (leadItem, _))) continue;
                    if (!coveredBy.TryGetValue(requirement, out var leadList)) coveredBy[requirement] = leadList = new List<(string, string, MappingKind, IReadOnlyList<string>, IReadOnlyList<string>)>();
                    leadList.Add((packet.FileStem, leadItem.Item.Text, leadItem.Kind, Array.Empty<string>(), Array.Empty<string>()));
                }

                foreach (var item in coverage.Items)
                {
                    foreach (var requirement in item.Requirements)
                    {
                        if (!coveredBy.TryGetValue(requirement, out var list)) coveredBy[requirement] = list = new List<(string, string, MappingKind, IReadOnlyList<string>, IReadOnlyList<string>)>();
                        bool stated = item.Terms.TryGetValue(requirement, out var terms);
                        list.Add((packet.FileStem, item.Item.Text, stated ? MappingKind.Substance : item.Kind, stated ? terms! : Array.Empty<string>(), tests.Where(t => t.Item == item.Item.Text).Select(t => t.Name).ToList()));
                    }
                }
            }

            var sections = anchoredBy.Keys.OrderBy(s => s.Start).Select(section => new SectionTrace(
                section,
                anchoredBy[section],
                spec.RequirementsWithin(section)
                    .Select(q => new RequirementTrace(q, coveredBy.TryGetValue(q, out var c) ? (IReadOnlyList<(string, string, MappingKind, IReadOnlyList<string>, IReadOnlyList<string>)>)c : Array.Empty<(string, string, MappingKind, IReadOnlyList<string>, IReadOnlyList<string>)>()))
                    .ToList())).ToList();
            var mainMusts = spec.Requirements.Where(q => q.IsAbsolute && q.Section.IsMainBody && q.Section.Scope.Length == 0).ToList();
            var uncovered = mainMusts.Where(q => !coveredBy.ContainsKey(q)).ToList();
            return new TraceabilityReport(spec.Path, spec.Version, spec.Requirements.Count, mainMusts.Count, sections, uncovered, packets.Count, phase) { _spec = result.Spec };
        }

        /// <summary>The report as Markdown.</summary>
        public string ToMarkdown()
        {
            var sb = new StringBuilder();
            var inv = CultureInfo.InvariantCulture;
            sb.Append("# Traceability report\n\n");
            if (SpecPath == null)
            {
                sb.Append("No current spec: SPEC_CURRENT.md is missing or names no readable spec (see GOV210).\n");
                return sb.ToString();
            }

            int mustCovered = MainBodyMustCount - UncoveredMainBodyMusts.Count;
            sb.AppendFormat(inv, "Spec: `{0}` (v{1}). Packets: {2}{3}.\n\n", SpecPath, SpecVersion, PacketCount, Phase == null ? string.Empty : " of phase " + Phase);
            sb.AppendFormat(inv, "| requirements in the spec | Main Body MUSTs | covered by some packet | coverage |\n|---|---|---|---|\n| {0} | {1} | {2} | {3:0.0}% |\n\n",
                RequirementCount, MainBodyMustCount, mustCovered, MainBodyMustCount == 0 ? 100 : 100.0 * mustCovered / MainBodyMustCount);

            sb.Append("## Anchored sections\n\n");
            foreach (var s in Sections)
            {
                sb.AppendFormat(inv, "### {0}\n\nAnchored by: {1}. Coverage: {2:0.0}% ({3} of {4} requirements).\n\n",
                    Escape(s.Section.Display), string.Join(", ", s.AnchoredBy), s.CoveragePercent, s.Requirements.Count(r => r.CoveredBy.Count > 0), s.Requirements.Count);
                if (s.Requirements.Count == 0) continue;
                sb.Append("| spec line | keyword | requirement | covered by | tests |\n|---|---|---|---|---|\n");
                foreach (var r in s.Requirements)
                {
                    string by = r.CoveredBy.Count == 0 ? "**not covered**" : string.Join("<br>", r.CoveredBy.Select(c => $"{c.Packet}: {Escape(Short(c.Item))} ({c.Kind.ToString().ToLowerInvariant()}{(c.Terms.Count > 0 ? ": " + Escape(string.Join(", ", c.Terms.Take(6))) : string.Empty)})"));
                    var named = r.CoveredBy.SelectMany(c => c.Tests).Distinct(StringComparer.Ordinal).ToList();
                    string tests = named.Count == 0 ? string.Empty : string.Join("<br>", named.Select(t => "`" + t + "`"));
                    sb.AppendFormat(inv, "| {0} | {1} | {2} | {3} | {4} |\n", Line(r.Requirement.Span), r.Requirement.Keyword, Escape(Short(r.Requirement.Text)), by, tests);
                }

                sb.Append('\n');
            }

            sb.AppendFormat(inv, "## Main Body MUSTs covered by no packet ({0})\n\n", UncoveredMainBodyMusts.Count);
            foreach (var group in UncoveredMainBodyMusts.GroupBy(q => q.Section))
            {
                sb.AppendFormat(inv, "- {0}\n", Escape(group.Key.Display));
                foreach (var q in group) sb.AppendFormat(inv, "  - line {0}: {1}\n", Line(q.Span), Escape(Short(q.Text)));
            }

            return sb.ToString();
        }

        /// <summary>The report as JSON (the same content, every text in full).</summary>
        public string ToJson()
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            using (var w = new JsonTextWriter(writer) { Formatting = Formatting.Indented })
            {
                w.WriteStartObject();
                w.WritePropertyName("spec"); w.WriteValue(SpecPath);
                w.WritePropertyName("specVersion"); w.WriteValue(SpecVersion);
                w.WritePropertyName("phase"); w.WriteValue(Phase);
                w.WritePropertyName("packets"); w.WriteValue(PacketCount);
                w.WritePropertyName("requirements"); w.WriteValue(RequirementCount);
                w.WritePropertyName("mainBodyMusts"); w.WriteValue(MainBodyMustCount);
                w.WritePropertyName("sections");
                w.WriteStartArray();
                foreach (var s in Sections)
                {
                    w.WriteStartObject();
                    w.WritePropertyName("number"); w.WriteValue(s.Section.Number);
                    w.WritePropertyName("title"); w.WriteValue(s.Section.Title);
                    var heading = Where(s.Section.HeadingSpan);
                    if (heading.Path != null) { w.WritePropertyName("file"); w.WriteValue(heading.Path); }
                    w.WritePropertyName("line"); w.WriteValue(heading.Line);
                    w.WritePropertyName("anchoredBy"); w.WriteStartArray(); foreach (var p in s.AnchoredBy) w.WriteValue(p); w.WriteEndArray();
                    w.WritePropertyName("coveragePercent"); w.WriteValue(Math.Round(s.CoveragePercent, 1));
                    w.WritePropertyName("requirements");
                    w.WriteStartArray();
                    foreach (var r in s.Requirements)
                    {
                        w.WriteStartObject();
                        WriteRequirement(w, r.Requirement);
                        w.WritePropertyName("coveredBy");
                        w.WriteStartArray();
                        foreach (var c in r.CoveredBy)
                        {
                            w.WriteStartObject();
                            w.WritePropertyName("packet"); w.WriteValue(c.Packet);
                            w.WritePropertyName("item"); w.WriteValue(c.Item);
                            w.WritePropertyName("mapping"); w.WriteValue(c.Kind.ToString().ToLowerInvariant());
                            w.WritePropertyName("terms"); w.WriteStartArray(); foreach (var t in c.Terms) w.WriteValue(t); w.WriteEndArray();
                            w.WritePropertyName("tests"); w.WriteStartArray(); foreach (var t in c.Tests) w.WriteValue(t); w.WriteEndArray();
                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WritePropertyName("uncoveredMainBodyMusts");
                w.WriteStartArray();
                foreach (var q in UncoveredMainBodyMusts)
                {
                    w.WriteStartObject();
                    w.WritePropertyName("section"); w.WriteValue(q.Section.Number ?? q.Section.Title);
                    WriteRequirement(w, q);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            return writer.ToString() + "\n";
        }

        private void WriteRequirement(JsonTextWriter w, SpecRequirement q)
        {
            var at = Where(q.Span);
            if (at.Path != null) { w.WritePropertyName("file"); w.WriteValue(at.Path); }
            w.WritePropertyName("line"); w.WriteValue(at.Line);
            w.WritePropertyName("keyword"); w.WriteValue(q.Keyword);
            w.WritePropertyName("text"); w.WriteValue(q.Text);
            w.WritePropertyName("ids"); w.WriteStartArray(); foreach (var id in q.Ids) w.WriteValue(id); w.WriteEndArray();
        }

        private static string Short(string text) => text.Length <= 120 ? text : text.Substring(0, 117) + "...";

        private static string Escape(string text) => text.Replace("|", "\\|").Replace("\r", " ").Replace("\n", " ");
    }
}
