using System.Linq;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Model;

namespace Orchestrator.Governance.Rules.Spec
{
    /// <summary>GOV201: every packet has a SPEC_ANCHOR (seed 003 Part 3 rule 3, §5.2, §8).</summary>
    public sealed class GOV201SpecAnchorMissing : TaskPacketRule
    {
        /// <summary>GOV201: a packet has no SPEC_ANCHOR.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV201", "Task packet must have a SPEC_ANCHOR",
            "Task packet has no SPEC_ANCHOR (expected in the '{0}' section, e.g. '- **SPEC_ANCHOR**: §2.3.12.1 (Four Portability Pillars)')",
            "Governance.Spec", GovernanceSeverity.Error,
            "Every work packet references the Master Spec requirement it implements; a packet without an anchor invents its requirements.",
            "seed 003 Part 3 rule 3, §5.2, §8")
        {
            AsksPacketEdit = true,
        };

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var anchors = context.Spec.AnchorsOf(context.Packet, context.Profile);
            if (anchors.Lines.Count > 0) return;
            var authority = context.Profile.Sections.FirstOrDefault(s => s.Name == "AUTHORITY");
            var heading = authority == null ? null : PacketFacts.FindSection(context.Packet, authority);
            var span = anchors.Field?.KeySpan ?? heading?.HeadingSpan ?? context.Packet.AnchorSpan;
            context.Report(span, authority?.Name ?? "AUTHORITY");
        }
    }
}
