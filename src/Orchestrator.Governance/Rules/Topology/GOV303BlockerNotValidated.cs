using Orchestrator.Governance.Diagnostics;
namespace Orchestrator.Governance.Rules.Topology
{
    /// <summary>
    /// GOV303: a WP that has started (packet STATUS in dependencies.started) depends only on
    /// blockers that are VALIDATED (dependencies.validated), by the board's status first, else the
    /// blocker's packet STATUS (seed 003 §7.2: "Never assign downstream work until blocker is
    /// VALIDATED"). Reported at the blocker's ID in the dependent's packet.
    /// </summary>
    public sealed class GOV303BlockerNotValidated : RepositoryRule
    {
        /// <summary>GOV303: a WP has started while a blocker is not VALIDATED.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV303", "A WP must not start before its blockers are VALIDATED",
            "{0} is {1} while its blocker {2} is {3}, not VALIDATED",
            "Governance.Topology", GovernanceSeverity.Error,
            "Downstream work starts only when every blocker is VALIDATED ('Done' is not 'VALIDATED').",
            "seed 003 §7.2, Part 3 rule 6, Part 9");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RepositoryRuleContext context)
        {
            var topology = context.Index.Topology;
            foreach (var edge in topology.Edges)
            {
                var blocked = Model.Board.TopologyFacts.Blocked(topology, edge, context.Profile);
                if (blocked != null) context.Report(edge.Packet.Path, edge.Span, edge.Dependent, blocked.Value.DependentStatus, edge.Blocker, blocked.Value.BlockerStatus);
            }
        }
    }
}
