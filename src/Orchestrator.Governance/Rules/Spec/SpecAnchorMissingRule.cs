using System.Linq;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Model;

namespace Orchestrator.Governance.Rules.Spec
{
    /// <summary>GOV201: every packet has a SPEC_ANCHOR (seed 003 Part 3 rule 3, §5.2, §8).</summary>
    public sealed class SpecAnchorMissingRule : TaskPacketRule
    {
        /// <inheritdoc />
        public override RuleDescriptor Descriptor => RuleCatalog.SpecAnchorMissing;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var anchors = context.Index.Spec.AnchorsOf(context.Packet, context.Profile);
            if (anchors.Lines.Count > 0) return;
            var authority = context.Profile.Sections.FirstOrDefault(s => s.Name == "AUTHORITY");
            var heading = authority == null ? null : PacketFacts.FindSection(context.Packet, authority);
            var span = anchors.Field?.KeySpan ?? heading?.HeadingSpan ?? context.Packet.AnchorSpan;
            context.Report(span, authority?.Name ?? "AUTHORITY");
        }
    }
}
