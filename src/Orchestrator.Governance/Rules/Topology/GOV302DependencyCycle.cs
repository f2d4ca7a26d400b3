using System.Linq;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Topology
{
    /// <summary>
    /// GOV302: the WP dependencies form no cycle (seed 003 §7.1-7.2). One cycle per strongly
    /// connected component, reported on each of its edges where the edge is written, naming the
    /// whole path "A → B → C → A".
    /// </summary>
    public sealed class GOV302DependencyCycle : RepositoryRule
    {
        /// <summary>GOV302: dependencies form a cycle.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV302", "Dependencies must not form a cycle",
            "Dependency cycle: {0}",
            "Governance.Topology", GovernanceSeverity.Error,
            "WPs that wait for each other can never start. Each edge of the cycle is reported where it is written, naming the whole cycle.",
            "seed 003 §7.1-7.2");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RepositoryRuleContext context)
        {
            foreach (var cycle in context.Index.Topology.Cycles)
            {
                string path = string.Join(" → ", cycle.Select(e => e.Dependent).Concat(new[] { cycle[0].Dependent }));
                foreach (var edge in cycle) context.Report(edge.Packet.Path, edge.Span, path);
            }
        }
    }
}
