using Orchestrator.Governance.Diagnostics;
namespace Orchestrator.Governance.Rules.Topology
{
    /// <summary>GOV305 (warning): every packet is on the board, when the repository has one (seed 003 §6.1, §6.3).</summary>
    public sealed class PacketNotOnBoardRule : RepositoryRule
    {
        /// <inheritdoc />
        public override RuleDescriptor Descriptor => RuleCatalog.PacketNotOnBoard;

        /// <inheritdoc />
        public override void Analyze(RepositoryRuleContext context)
        {
            var board = context.Index.Topology.Board;
            if (board == null) return;
            foreach (var packet in context.Index.Packets)
            {
                string id = TopologyFacts.IdOf(packet, context.Profile);
                if (board.ById.ContainsKey(id) || board.ById.ContainsKey(packet.FileStem)) continue;
                context.Report(packet.Path, packet.AnchorSpan, id, board.Path);
            }
        }
    }
}
