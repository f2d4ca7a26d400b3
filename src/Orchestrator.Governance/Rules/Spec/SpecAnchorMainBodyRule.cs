using Orchestrator.Governance.Diagnostics;
namespace Orchestrator.Governance.Rules.Spec
{
    /// <summary>
    /// GOV204: a packet's anchors lead into the Main Body (seed 003 Part 1 PRIORITY_2, Part 3 rule
    /// 3, §5.2). A reference into the Roadmap or another non-Main-Body section is reported only
    /// when the packet has no Main Body anchor at all: a roadmap pointer beside a Main Body anchor
    /// is context, not the anchor.
    /// </summary>
    public sealed class SpecAnchorMainBodyRule : TaskPacketRule
    {
        /// <inheritdoc />
        public override RuleDescriptor Descriptor => RuleCatalog.SpecAnchorNotMainBody;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var anchors = context.Index.Spec.AnchorsOf(context.Packet, context.Profile);
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
