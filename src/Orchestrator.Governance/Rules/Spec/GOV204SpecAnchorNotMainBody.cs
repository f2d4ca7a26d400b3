using Orchestrator.Governance.Diagnostics;
namespace Orchestrator.Governance.Rules.Spec
{
    /// <summary>
    /// GOV204: a packet's anchors lead into the Main Body (seed 003 Part 1 PRIORITY_2, Part 3 rule
    /// 3, §5.2). A reference into the Roadmap or another non-Main-Body section is reported only
    /// when the packet has no Main Body anchor at all: a roadmap pointer beside a Main Body anchor
    /// is context, not the anchor.
    /// </summary>
    public sealed class GOV204SpecAnchorNotMainBody : TaskPacketRule
    {
        /// <summary>GOV204: an anchor points into the Roadmap or another non-Main-Body section.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV204", "SPEC_ANCHOR must point into the Main Body",
            "SPEC_ANCHOR {0} points into {1}, which is not Main Body; anchor the Main Body section that defines the requirement",
            "Governance.Spec", GovernanceSeverity.Error,
            "'Done' means the Main Body's MUST and SHOULD, not roadmap bullets: a packet anchored only in the Roadmap (or Future Work, an Appendix) has no requirement to be done against. A roadmap pointer next to a Main Body anchor is not reported.",
            "seed 003 Part 1 PRIORITY_2, Part 3 rule 3, §5.2")
        {
            AsksPacketEdit = true,
        };

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var anchors = context.Spec.AnchorsOf(context.Packet, context.Profile);
            if (anchors.AnchorsMainBody) return;
            foreach (var r in anchors.References)
            {
                var target = r.Target;
                if (target == null || target.IsMainBody) continue;
                var outside = target;
                while (outside.Parent != null && !outside.Parent.IsMainBody) outside = outside.Parent;
                context.Report(r.Reference.Span, r.Reference.Display, outside.Display);
            }
        }
    }
}
