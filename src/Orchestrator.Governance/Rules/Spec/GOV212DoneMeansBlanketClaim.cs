using System.Linq;
using Orchestrator.Governance.Model.Spec;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Spec
{
    /// <summary>
    /// GOV212 (error): a DONE_MEANS item that claims requirements wholesale ("All requirements of
    /// §2.6.6.7.3 are implemented", "§4.2 fully implemented", "complies with every MUST") covers
    /// none of them: it names no requirement and states none, so the MUSTs it claims stay GOV207's
    /// (seed 003 §5.4: every DONE_MEANS maps 1:1 to a SPEC_ANCHOR requirement). An item that names
    /// its requirements (an ID, "requirement N") is not such a claim.
    /// </summary>
    public sealed class GOV212DoneMeansBlanketClaim : TaskPacketRule
    {
        /// <summary>GOV212: a DONE_MEANS item claims requirements wholesale.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV212", "DONE_MEANS items must not claim requirements wholesale",
            "DONE_MEANS item '{0}' claims requirements wholesale and covers none of them; write one item a requirement that names it or states it",
            "Governance.Spec", GovernanceSeverity.Error,
            "Each DONE_MEANS item maps 1:1 to a requirement of the anchored sections. An item that says a whole section, or every MUST, is done names no requirement and states none: it is a claim, not evidence, and covers nothing.",
            "seed 003 §5.4 (every DONE_MEANS MUST map 1:1 to a SPEC_ANCHOR requirement)")
        {
            AsksPacketEdit = true,
        };

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var coverage = context.Spec.CoverageOf(context.Packet, context.Profile);
            if (coverage == null) return;
            foreach (var item in coverage.Items.Where(i => i.Kind == MappingKind.Blanket))
                context.Report(item.Item.Span, MessageText.Short(item.Item.Text));
        }
    }
}
