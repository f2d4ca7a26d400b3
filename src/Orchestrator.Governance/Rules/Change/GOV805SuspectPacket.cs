using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Model.Spec;

namespace Orchestrator.Governance.Rules.Change
{
    /// <summary>
    /// GOV805 (warning): a suspect packet, as Doorstop calls a link whose target changed. The packet
    /// records the spec version it was validated against (SPEC_BASELINE: a file name or a version,
    /// <c>Handshake_Master_Spec_v02.122.md</c>, <c>v02.122</c>), that version is still in the
    /// repository beside the current spec (<see cref="SpecVersions"/>), and a section the packet
    /// anchors states its requirements differently in the two: a requirement added, removed, or
    /// changed in strength (<see cref="RequirementDiff"/>). Reported at each such anchor, listing
    /// the first changes. Needs no git: it runs in every host.
    /// </summary>
    public sealed class GOV805SuspectPacket : TaskPacketRule
    {
        /// <summary>GOV805: the anchored sections changed since the packet's baseline version.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV805", "Packets must be revalidated when their anchored sections change",
            "§{0} changed between spec v{1} (SPEC_BASELINE) and v{2}: {3}; revalidate the packet against v{2}",
            "Governance.Change", GovernanceSeverity.Warning,
            "A packet validated against one version of the spec is suspect once the sections it anchors state their requirements differently: a MUST added that its DONE_MEANS never covered, one removed that it still claims, one softened or hardened. Revalidate it and move its SPEC_BASELINE to the current version.",
            "seed 003 Part 1 PRIORITY_3 (spec-version lock), §5.2, §5.4; Doorstop's suspect links");

        private const int Shown = 3;

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var current = context.Spec.Spec;
            if (current?.Version == null) return;
            var field = context.Profile.FieldOf(context.Packet, "SPEC_BASELINE");
            if (field == null) return;
            var parsed = SpecAnchorParser.Parse(field.Value, field.ValueSpan, context.Packet.Document.Lines, context.Spec.Profile.IdPattern, _ => false);
            string? baseline = parsed.Versions.Select(v => v.Version).FirstOrDefault() ?? SpecVersions.BareVersionIn(field.Value);
            if (baseline == null || SpecVersions.Compare(baseline, current.Version) >= 0) return;
            var older = context.Index.SpecVersions.Find(baseline);
            if (older == null) return;

            var seen = new HashSet<SpecSection>();
            foreach (var reference in context.Spec.AnchorsOf(context.Packet, context.Profile).References)
            {
                if (reference.Section?.Number == null || !seen.Add(reference.Section)) continue;
                if (!(older.CounterpartOf(reference.Section, current) is SpecSection was)) continue;
                var diffs = RequirementDiff.Of(older, was, current, reference.Section);
                if (diffs.Count == 0) continue;
                var shown = diffs.Take(Shown).Select(Describe).ToList();
                string text = string.Join("; ", shown) + (diffs.Count > Shown ? $"; and {diffs.Count - Shown} more" : string.Empty);
                context.Report(reference.Reference.Span, reference.Section.Number, baseline, current.Version, text);
            }
        }

        private static string Describe(RequirementDiff diff)
        {
            string text = MessageText.Short(diff.Requirement.Text);
            return diff.Kind switch
            {
                RequirementDiffKind.Added => $"added {diff.Requirement.Keyword} '{text}'",
                RequirementDiffKind.Removed => $"removed {diff.Requirement.Keyword} '{text}'",
                _ => $"{diff.KeywordBefore} is now {diff.Requirement.Keyword} in '{text}'",
            };
        }
    }
}
