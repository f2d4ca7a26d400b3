using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Spec
{
    /// <summary>GOV208: uncovered SHOULD / RECOMMENDED.</summary>
    public sealed class GOV208UncoveredShould : UncoveredRequirementRule
    {
        /// <summary>GOV208: a SHOULD requirement of the anchored sections is covered by no DONE_MEANS item.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV208", "Every SHOULD of the anchored sections should be covered by DONE_MEANS",
            "{0} SHOULD requirement(s) of {1} are covered by no DONE_MEANS item: {2}",
            "Governance.Spec", GovernanceSeverity.Warning,
            "SHOULD and RECOMMENDED requirements of the anchored sections map to DONE_MEANS too, or the packet says why not.",
            "seed 003 Part 1 PRIORITY_2, §5.2 checklist, §5.4")
        {
            AsksPacketEdit = true,
        };

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        protected override bool Absolute => false;
    }
}
