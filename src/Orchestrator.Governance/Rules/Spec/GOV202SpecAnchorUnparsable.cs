using Orchestrator.Governance.Diagnostics;
namespace Orchestrator.Governance.Rules.Spec
{
    /// <summary>GOV202: every SPEC_ANCHOR line names a section, an ID or a spec line (seed 003 §5.2).</summary>
    public sealed class GOV202SpecAnchorUnparsable : TaskPacketRule
    {
        /// <summary>GOV202: an anchor line names nothing the spec can resolve.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV202", "SPEC_ANCHOR must name a spec section, requirement ID or line",
            "SPEC_ANCHOR '{0}' names no spec section number, requirement ID or spec line",
            "Governance.Spec", GovernanceSeverity.Error,
            "An anchor in prose ('Photo Studio section') cannot be checked; name the section (§2.3.12.1) or the requirement ID (CX-DBP-022).",
            "seed 003 §5.2")
        {
            AsksPacketEdit = true,
        };

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            foreach (var line in context.Spec.AnchorsOf(context.Packet, context.Profile).Lines)
            {
                if (line.References.Count == 0) context.Report(line.Span, line.Text);
            }
        }
    }
}
