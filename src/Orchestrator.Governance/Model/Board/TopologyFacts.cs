using System;
using System.Collections.Generic;
using System.Linq;

namespace Orchestrator.Governance.Model.Board
{
    /// <summary>Status comparisons the topology rules share.</summary>
    public static class TopologyFacts
    {
        /// <summary>Whether a status (board token or packet STATUS) is one of <paramref name="values"/>, compared as GOV107 compares.</summary>
        public static bool IsOneOf(string status, IEnumerable<string> values)
        {
            string s = PacketFacts.Comparable(status);
            return s.Length > 0 && values.Any(v => PacketFacts.Comparable(v) == s);
        }

        /// <summary>
        /// The statuses <paramref name="status"/> may move to (taskPacket.statusTransitions, keys
        /// compared as allowed values are), or null when the map does not list it (it may move
        /// anywhere). Read by GOV804 and the agents' ready_to_close.
        /// </summary>
        public static IReadOnlyList<string>? TransitionsFrom(Configuration.TaskPacketConfig config, string status)
        {
            string from = PacketFacts.Comparable(status);
            return config.StatusTransitions.Where(e => PacketFacts.Comparable(e.Key) == from).Select(e => e.Value).FirstOrDefault();
        }

        /// <summary>The board's agreement list for a board status, or null when it has none configured.</summary>
        public static IReadOnlyList<string>? AgreementOf(Configuration.BoardConfig config, string boardStatus) =>
            config.Agreement.Where(e => PacketFacts.Comparable(e.Key) == PacketFacts.Comparable(boardStatus)).Select(e => e.Value).FirstOrDefault();

        /// <summary>
        /// Whether a WP counts as VALIDATED: one of its board entries has a status in
        /// dependencies.validated (a WP listed as STUB and as VALIDATED is validated), or, when the
        /// board does not list it, its packet STATUS is one.
        /// </summary>
        public static bool IsValidated(Model.Board.Topology topology, string id)
        {
            var validated = topology.Config.Validated;
            var entries = topology.Board?.EntriesOf(id).ToList();
            if (entries != null && entries.Count > 0) return entries.Any(e => IsOneOf(e.Status, validated));
            var status = topology.StatusOf(id);
            return status != null && IsOneOf(status.Value.Status, validated);
        }

        /// <summary>
        /// The edge's dependent has started (its board status, else packet STATUS, and its packet
        /// STATUS are in dependencies.started) while its blocker is not VALIDATED (GOV303). Returns
        /// the dependent's packet STATUS and the blocker's status, or null when the edge is fine.
        /// </summary>
        public static (string DependentStatus, string BlockerStatus)? Blocked(Model.Board.Topology topology, Model.Board.DependencyEdge edge, Model.TaskPacketProfile profile)
        {
            var started = topology.Config.Started;
            var dependent = topology.StatusOf(edge.Dependent);
            if (dependent == null || !IsOneOf(dependent.Value.Status, started)) return null;

            // A dependent whose own board entry is not a working status (superseded) is history.
            var packetStatus = topology.PacketOf(edge.Dependent) is Model.TaskPacket dependentPacket ? profile.FieldOf(dependentPacket, "STATUS")?.Value : null;
            if (packetStatus == null || !IsOneOf(packetStatus, started)) return null;
            var blocker = topology.StatusOf(edge.Blocker);
            if (blocker == null || IsValidated(topology, edge.Blocker)) return null;
            return (packetStatus, blocker.Value.Status);
        }

        /// <summary>The WP ID a packet declares (its TASK_ID's first word), else its file name without the extension.</summary>
        public static string IdOf(Model.TaskPacket packet, Model.TaskPacketProfile profile)
        {
            var field = PacketFacts.TaskIdField(packet, profile);
            return (field == null ? null : PacketFacts.DeclaredId(field)) ?? packet.FileStem;
        }

        /// <summary>The WP ID a packet goes by in the graph: the first of <see cref="Topology.IdsOf"/> (its TASK_ID unless another packet holds it, else its file name), else <see cref="IdOf"/>.</summary>
        public static string NameOf(Topology topology, Model.TaskPacket packet, Model.TaskPacketProfile profile)
        {
            var ids = topology.IdsOf(packet);
            return ids.Count > 0 ? ids[0] : IdOf(packet, profile);
        }

        /// <summary>Every board entry of a packet (of each of its IDs, <see cref="Topology.IdsOf"/>), in board order; empty without a board.</summary>
        public static IReadOnlyList<BoardEntry> BoardEntriesOf(Topology topology, Model.TaskPacket packet)
        {
            var board = topology.Board;
            if (board == null) return Array.Empty<BoardEntry>();
            var ids = topology.IdsOf(packet);
            if (ids.Count == 1) return board.EntriesOf(ids[0]);
            return ids.SelectMany(board.EntriesOf).Distinct().OrderBy(e => e.IdSpan.Start).ToList();
        }

        /// <summary>
        /// The board entry whose status stands for a packet (GOV304, and the agents' packet and
        /// ready_to_close): the first of its entries whose status has an agreement list (a WP listed
        /// as STUB and as VALIDATED reads as VALIDATED, seed 003 §6.1), else its first entry; null
        /// when the board does not list it.
        /// </summary>
        public static BoardEntry? BoardEntryOf(Topology topology, Configuration.BoardConfig config, Model.TaskPacket packet)
        {
            var entries = BoardEntriesOf(topology, packet);
            return entries.FirstOrDefault(e => AgreementOf(config, e.Status) is { Count: > 0 }) ?? entries.FirstOrDefault();
        }

        /// <summary>The WPs a packet waits for (edges whose dependent is one of its IDs), distinct, in ordinal order.</summary>
        public static IReadOnlyList<string> BlockersOf(Topology topology, Model.TaskPacket packet)
        {
            var ids = topology.IdsOf(packet);
            return topology.Edges.Where(e => ids.Contains(e.Dependent, Ids)).Select(e => e.Blocker).Distinct(Ids).OrderBy(b => b, Ids).ToList();
        }

        /// <summary>How WP IDs compare: ordinally.</summary>
        public static readonly StringComparer Ids = StringComparer.Ordinal;
    }
}
