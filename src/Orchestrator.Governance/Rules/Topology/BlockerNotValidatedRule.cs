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
            var config = topology.Config;
            foreach (var edge in topology.Edges)
            {
                var dependent = topology.StatusOf(edge.Dependent);
                if (dependent == null || !TopologyFacts.IsOneOf(dependent.Value.Status, config.Started)) continue;

                // A dependent whose own board entry is not a working status (superseded) is history.
                var packetStatus = topology.PacketOf(edge.Dependent)?.FindField("STATUS", context.Profile.AliasesOf("STATUS"))?.Value;
                if (packetStatus == null || !TopologyFacts.IsOneOf(packetStatus, config.Started)) continue;
                var blocker = topology.StatusOf(edge.Blocker);
                if (blocker == null || TopologyFacts.IsValidated(topology, edge.Blocker)) continue;
                context.Report(edge.Packet.Path, edge.Span, edge.Dependent, packetStatus, edge.Blocker, blocker.Value.Status);
            }
        }
    }
}
