using System.Collections.Generic;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Topology
{
    /// <summary>
    /// GOV306 (warning): every board entry in a working status has a packet (seed 003 §6.1, Part 4).
    /// Statuses in board.withoutPacket (STUB, GAP) need none, and a WP a stub declares
    /// (documents.taskPacketStubs) has its document. Reported at the entry's ID.
    /// </summary>
    public sealed class GOV306BoardEntryWithoutPacket : RepositoryRule
    {
        /// <summary>GOV306: a board entry has no packet.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV306", "Every board entry must have a task packet",
            "Task board lists {0} as {1}, but there is no task packet {0}",
            "Governance.Topology", GovernanceSeverity.Warning,
            "A board entry in a working status (Ready for Dev, In Progress, Done) needs its packet; stubs and gaps are allowed (board.withoutPacket).",
            "seed 003 §6.1, Part 4 (packet before delegation)");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RepositoryRuleContext context)
        {
            var topology = context.Index.Topology;
            var board = topology.Board;
            if (board == null) return;
            var allowed = context.Index.BoardConfig.WithoutPacket;
            var reported = new HashSet<string>(Model.Board.TopologyFacts.Ids);
            foreach (var entry in board.Entries)
            {
                // A WP whose only document is a stub (documents.taskPacketStubs: superseded or folded work, backlog) has one.
                if (topology.PacketOf(entry.Id) != null || context.Index.HasStub(entry.Id) || Model.Board.TopologyFacts.IsOneOf(entry.Status, allowed) || !reported.Add(entry.Id)) continue;
                context.Report(board.Path, entry.IdSpan, entry.Id, entry.Status);
            }
        }
    }
}
