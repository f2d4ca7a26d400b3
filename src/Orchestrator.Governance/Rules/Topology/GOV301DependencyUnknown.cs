using Orchestrator.Governance.Diagnostics;
namespace Orchestrator.Governance.Rules.Topology
{
    /// <summary>GOV301: every WP a dependency names has a packet or a board entry (seed 003 §7.1).</summary>
    public sealed class GOV301DependencyUnknown : RepositoryRule
    {
        /// <summary>GOV301: a dependency names a WP with no packet and no board entry.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV301", "Dependencies must name known WPs",
            "{0} names '{1}', which has no task packet and no task board entry",
            "Governance.Topology", GovernanceSeverity.Error,
            "A dependency on a WP that does not exist cannot be tracked or validated; it is usually a typo or a renamed packet.",
            "seed 003 §7.1");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

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
