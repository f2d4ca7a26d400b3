using Orchestrator.Governance.Diagnostics;
namespace Orchestrator.Governance.Rules.Topology
{
    /// <summary>GOV301: every WP a dependency names has a packet or a board entry (seed 003 §7.1).</summary>
    public sealed class DependencyUnknownRule : RepositoryRule
    {
        /// <inheritdoc />
        public override RuleDescriptor Descriptor => RuleCatalog.DependencyUnknown;

        /// <inheritdoc />
        public override void Analyze(RepositoryRuleContext context)
        {
            var topology = context.Index.Topology;
            foreach (var edge in topology.Edges)
            {
                if (topology.IsKnown(edge.Named)) continue;
                context.Report(edge.Packet.Path, edge.Span, edge.FromBlocksField ? "Blocks" : "Dependency", edge.Named);
            }
        }
    }
}
