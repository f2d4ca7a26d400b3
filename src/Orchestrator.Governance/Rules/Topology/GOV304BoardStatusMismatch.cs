using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Topology
{
    /// <summary>
    /// GOV304: a packet's STATUS agrees with its board entry (seed 003 §6.3: "If WP file shows
    /// STATUS: In-Progress but TASK_BOARD shows Ready-for-Dev → FAIL"). Board statuses with an empty
    /// agreement list (SUPERSEDED, STUB) are not compared. Reported at the packet's STATUS and at the
    /// board entry.
    /// </summary>
    public sealed class GOV304BoardStatusMismatch : RepositoryRule
    {
        /// <summary>GOV304: the packet's STATUS and the board disagree.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV304", "Packet STATUS and task board must agree",
            "{0}: the packet says STATUS '{1}' but the task board says '{2}'",
            "Governance.Topology", GovernanceSeverity.Error,
            "The packet and the board are updated together; a disagreement means one of them drifted. Reported at both places.",
            "seed 003 §6.3, Task State Management");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RepositoryRuleContext context)
        {
            var board = context.Index.Topology.Board;
            if (board == null) return;
            var config = context.Index.BoardConfig;
            foreach (var packet in context.Index.Packets)
            {
                string id = Model.Board.TopologyFacts.NameOf(context.Index.Topology, packet, context.Profile);
                // The entry whose status is compared (a WP listed as STUB and VALIDATED is read as VALIDATED).
                var entry = Model.Board.TopologyFacts.BoardEntryOf(context.Index.Topology, config, packet);
                if (entry == null || !(Model.Board.TopologyFacts.AgreementOf(config, entry.Status) is { Count: > 0 } agreeing)) continue;
                var status = context.Profile.FieldOf(packet, "STATUS");
                if (status == null || status.Value.Length == 0 || Model.Board.TopologyFacts.IsOneOf(status.Value, agreeing)) continue;
                // Two fixes, at both places: the packet takes the board's status, or (when the entry
                // writes its status on its own line and exactly one board status agrees with the
                // packet's) the board takes the packet's.
                var fixes = new List<GovernanceFix>
                {
                    new GovernanceFix($"Set {id}'s STATUS to '{agreeing[0]}' (the board's {entry.Status})", new[] { new TextEdit(packet.Path, status.ValueSpan.Start, status.ValueSpan.Length, agreeing[0]) }),
                };
                // The board status that means the packet's: the one agreeing with it that agrees with the
                // fewest others (BLOCKED rather than FAIL for Blocked); none when two tie (DONE, VALIDATED).
                var boardStatuses = config.Agreement.Where(e => Model.Board.TopologyFacts.IsOneOf(status.Value, e.Value)).OrderBy(e => e.Value.Count).ToList();
                bool unique = boardStatuses.Count == 1 || (boardStatuses.Count > 1 && boardStatuses[0].Value.Count < boardStatuses[1].Value.Count);
                if (unique && entry.StatusSpan.StartLine == entry.IdSpan.StartLine && entry.StatusSpan.Length > 0)
                    fixes.Add(new GovernanceFix($"Set {id}'s board status to '{boardStatuses[0].Key}' (the packet's {status.Value.Trim()})", new[] { new TextEdit(board.Path, entry.StatusSpan.Start, entry.StatusSpan.Length, boardStatuses[0].Key) }));
                context.Report(packet.Path, status.ValueSpan, fixes, id, status.Value, entry.Status);
                context.Report(board.Path, entry.StatusSpan, fixes, id, status.Value, entry.Status);
            }
        }
    }
}
