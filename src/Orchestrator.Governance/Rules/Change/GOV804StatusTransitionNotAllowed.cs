using System.Linq;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Model;

namespace Orchestrator.Governance.Rules.Change
{
    /// <summary>
    /// GOV804: the change under review moves a packet's STATUS along an edge that
    /// taskPacket.statusTransitions does not allow (default, seed 003 §6.3-6.4: Ready-for-Dev to
    /// In-Progress to Done to Validated, any to Blocked and back; never straight to Validated, never
    /// back from it). Runs only with a base revision (CLI <c>--base</c> or <c>--changed-since</c>,
    /// MSBuild <c>GovernanceBaseRef</c>); reported at the STATUS value. A status that
    /// statusTransitions does not list may move anywhere (GOV107 judges unknown values).
    /// </summary>
    public sealed class GOV804StatusTransitionNotAllowed : TaskPacketRule
    {
        /// <summary>GOV804: an illegal STATUS transition.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV804", "STATUS must move only along the allowed transitions",
            "STATUS moves from '{0}' to '{1}' in this change; from '{0}' it may move to {2} (taskPacket.statusTransitions)",
            "Governance.Change", GovernanceSeverity.Error,
            "A packet's status records where its work stands in the protocol: it is started before it is done, done before it is validated, and a validated packet is not reopened (a new variant packet is written instead). A status that skips a step claims a gate nobody passed.",
            "seed 003 §6.3 (Orchestrator Responsibilities for TASK_BOARD), §6.4 and Part 9 (Done is not VALIDATED)");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var index = context.Index;
            if (index.Base == null || !index.Base.TryGetPacket(context.Packet.Path, out var before) || before == null) return;
            var status = new[] { context.Profile.FieldOf(before, "STATUS"), context.Profile.FieldOf(context.Packet, "STATUS") };
            if (!(status[0] is PacketField was) || !(status[1] is PacketField now)) return;
            string from = PacketFacts.Comparable(was.Value), to = PacketFacts.Comparable(now.Value);
            if (from.Length == 0 || to.Length == 0 || from == to) return;
            var edges = Model.Board.TopologyFacts.TransitionsFrom(index.Config.TaskPacket, was.Value);
            if (edges == null || Model.Board.TopologyFacts.IsOneOf(now.Value, edges)) return;
            string allowed = edges.Count == 0 ? "nothing (write a new variant packet instead)" : string.Join(", ", edges.Select(e => "'" + e + "'"));
            context.Report(now.ValueSpan, was.Value.Trim(), now.Value.Trim(), allowed);
        }
    }
}
