using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Spec
{
    /// <summary>GOV207: uncovered MUST / SHALL / REQUIRED.</summary>
    public sealed class GOV207UncoveredMust : UncoveredRequirementRule
    {
        /// <summary>GOV207: a MUST requirement of the anchored sections is covered by no DONE_MEANS item.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV207", "Every MUST of the anchored sections must be covered by DONE_MEANS",
            "{0} MUST requirement(s) of {1} are covered by no DONE_MEANS item: {2}",
            "Governance.Spec", GovernanceSeverity.Error,
            "'Done' means 100% of the Main Body: every MUST (SHALL, REQUIRED) of the anchored sections maps to a DONE_MEANS item, so that validation checks each one.",
            "seed 003 Part 1 PRIORITY_2, §5.2 checklist, §5.4")
        {
            AsksPacketEdit = true,
        };

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        protected override bool Absolute => true;
    }
}
