using Orchestrator.Governance.Diagnostics;
namespace Orchestrator.Governance.Rules.Topology
{
    /// <summary>GOV305 (warning): every packet is on the board, when the repository has one (seed 003 §6.1, §6.3).</summary>
    public sealed class GOV305PacketNotOnBoard : RepositoryRule
    {
        /// <summary>GOV305: a packet is not on the board.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV305", "Every task packet must be on the task board",
            "{0} is not on the task board ({1})",
            "Governance.Topology", GovernanceSeverity.Warning,
            "The board is the single status tracker; a packet missing from it is invisible to planning and phase gates.",
            "seed 003 §6.1, §6.3");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RepositoryRuleContext context)
        {
            var board = context.Index.Topology.Board;
            if (board == null) return;
            foreach (var packet in context.Index.Packets)
            {
                string id = Model.Board.TopologyFacts.NameOf(context.Index.Topology, packet, context.Profile);
                if (Model.Board.TopologyFacts.BoardEntriesOf(context.Index.Topology, packet).Count > 0) continue;
                context.Report(packet.Path, packet.AnchorSpan, id, board.Path);
            }
        }
    }
}
