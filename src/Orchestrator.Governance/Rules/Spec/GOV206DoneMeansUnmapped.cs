using System.Globalization;
using System.Linq;
using Orchestrator.Governance.Model.Spec;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Spec
{
    /// <summary>
    /// GOV206 (warning): each DONE_MEANS item maps to a requirement of the anchored Main Body
    /// sections, by what it names or (configurable) states in substance, unless it is a generic gate
    /// (seed 003 §5.4). Evaluated only when the anchored sections hold requirements.
    /// </summary>
    public sealed class GOV206DoneMeansUnmapped : TaskPacketRule
    {
        /// <summary>GOV206: a DONE_MEANS item maps to no requirement of the anchored sections.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV206", "DONE_MEANS items must map to anchored requirements",
            "DONE_MEANS item '{0}' maps to no MUST/SHOULD of {1}; closest: {2}",
            "Governance.Spec", GovernanceSeverity.Warning,
            "Each DONE_MEANS item is a requirement of the anchored Main Body sections (or a generic gate such as 'All tests pass'). An item that maps to none is invented scope or a requirement the anchor does not cover.",
            "seed 003 §5.4, Part 3 rule 2 (transcription, not invention)")
        {
            AsksPacketEdit = true,
        };

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var coverage = context.Spec.CoverageOf(context.Packet, context.Profile);
            if (coverage == null || coverage.Requirements.Count == 0) return;
            foreach (var item in coverage.Items.Where(i => i.Kind == MappingKind.None))
            {
                string closest = item.Best == null
                    ? "none"
                    : string.Format(CultureInfo.InvariantCulture, "'{0}' (§{1}, spec line {2}, {3:0}% of its weighted terms stated)",
                        MessageText.Short(item.Best.Text), item.Best.Section.Number ?? item.Best.Section.Title, context.Spec.LineLabel(item.Best.Span), item.BestScore * 100);
                context.Report(item.Item.Span, MessageText.Short(item.Item.Text), coverage.AnchoredDisplay(), closest);
            }
        }
    }
}
