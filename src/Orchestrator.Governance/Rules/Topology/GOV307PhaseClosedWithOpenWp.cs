using System.Linq;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Topology
{
    /// <summary>
    /// GOV307: a phase marked closed on the task board (board.phaseGates: the gate section's status
    /// line, or a "Phase N: CLOSED" line) while one of its WPs is not VALIDATED (seed 003 §6.4,
    /// §7.2: "Phase only closes if ALL WPs are VALIDATED (not just done)"). The phase's WPs are those
    /// listed in its gate section, or, without a gate section, every known WP whose ID starts with
    /// WP-N-. Reported at the closure marker, once per open WP, in ID order.
    /// </summary>
    public sealed class GOV307PhaseClosedWithOpenWp : RepositoryRule
    {
        /// <summary>GOV307: a phase is marked closed while one of its WPs is not VALIDATED.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV307", "A phase must not close before all its WPs are VALIDATED",
            "Phase {0} is marked '{1}' but {2} is {3}, not VALIDATED",
            "Governance.Topology", GovernanceSeverity.Error,
            "A phase closes only when every gate-critical WP is VALIDATED, not just done. Reported at the closure marker, once per open WP.",
            "seed 003 §6.4, §7.2, Part 3 rule 5");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RepositoryRuleContext context)
        {
            var topology = context.Index.Topology;
            var board = topology.Board;
            if (board == null) return;
            foreach (var gate in board.PhaseGates.Where(g => g.IsClosed))
            {
                var wps = gate.Wps.Count > 0
                    ? gate.Wps.Select(w => w.Id).OrderBy(id => id, Model.Board.TopologyFacts.Ids)
                    : topology.KnownIds.Where(id => id.StartsWith("WP-" + gate.Phase + "-", System.StringComparison.Ordinal));
                foreach (var id in wps)
                {
                    if (Model.Board.TopologyFacts.IsValidated(topology, id)) continue;
                    string status = topology.StatusOf(id)?.Status ?? "without a status";
                    context.Report(board.Path, gate.ClosedSpan, gate.Phase, gate.ClosedText!, id, status);
                }
            }
        }
    }
}
