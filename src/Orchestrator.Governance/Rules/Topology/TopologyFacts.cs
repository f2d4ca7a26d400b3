using System;
using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Rules.TaskPackets;

namespace Orchestrator.Governance.Rules.Topology
{
    /// <summary>Status comparisons the topology rules share.</summary>
    internal static class TopologyFacts
    {
        /// <summary>Whether a status (board token or packet STATUS) is one of <paramref name="values"/>, compared as GOV107 compares.</summary>
        public static bool IsOneOf(string status, IEnumerable<string> values)
        {
            string s = AllowedValueRule.Comparable(status);
            return s.Length > 0 && values.Any(v => AllowedValueRule.Comparable(v) == s);
        }

        /// <summary>The board's agreement list for a board status, or null when it has none configured.</summary>
        public static List<string>? AgreementOf(Configuration.BoardConfig config, string boardStatus) =>
            config.Agreement.Where(e => AllowedValueRule.Comparable(e.Key) == AllowedValueRule.Comparable(boardStatus)).Select(e => e.Value).FirstOrDefault();

        public static string IdOf(Model.TaskPacket packet, Model.TaskPacketProfile profile)
        {
            var field = PacketFacts.TaskIdField(packet, profile);
            return (field == null ? null : PacketFacts.DeclaredId(field)) ?? packet.FileStem;
        }

        public static readonly StringComparer Ids = StringComparer.Ordinal;
    }
}
