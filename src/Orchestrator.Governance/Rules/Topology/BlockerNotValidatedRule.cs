using Orchestrator.Governance.Diagnostics;
namespace Orchestrator.Governance.Rules.Topology
{
    /// <summary>
    /// GOV303: a WP that has started (packet STATUS in dependencies.started) depends only on
    /// blockers that are VALIDATED (dependencies.validated), by the board's status first, else the
    /// blocker's packet STATUS (seed 003 §7.2: "Never assign downstream work until blocker is
    /// VALIDATED"). Reported at the blocker's ID in the dependent's packet.
    /// </summary>
    public sealed class BlockerNotValidatedRule : RepositoryRule
    {
        /// <inheritdoc />
        public override RuleDescriptor Descriptor => RuleCatalog.BlockerNotValidated;

        /// <inheritdoc />
        public override void Analyze(RepositoryRuleContext context)
        {
            var topology = context.Index.Topology;
            foreach (var edge in topology.Edges)
            {
                var blocked = TopologyFacts.Blocked(topology, edge, context.Profile);
                if (blocked != null) context.Report(edge.Packet.Path, edge.Span, edge.Dependent, blocked.Value.DependentStatus, edge.Blocker, blocked.Value.BlockerStatus);
            }
        }
    }
}
