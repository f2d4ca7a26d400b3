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
    public sealed class BoardStatusRule : RepositoryRule
    {
        /// <inheritdoc />
        public override RuleDescriptor Descriptor => RuleCatalog.BoardStatusMismatch;

        /// <inheritdoc />
        public override void Analyze(RepositoryRuleContext context)
        {
            var board = context.Index.Topology.Board;
            if (board == null) return;
            var config = context.Index.BoardConfig;
            foreach (var packet in context.Index.Packets)
            {
                string id = TopologyFacts.IdOf(packet, context.Profile);
                // The entry whose status is compared (a WP listed as STUB and VALIDATED is read as VALIDATED).
                var entry = board.EntriesOf(id).Concat(board.EntriesOf(packet.FileStem))
                    .FirstOrDefault(e => TopologyFacts.AgreementOf(config, e.Status) is { Count: > 0 });
                if (entry == null) continue;
                var agreeing = TopologyFacts.AgreementOf(config, entry.Status)!;
                var status = packet.FindField("STATUS", context.Profile.AliasesOf("STATUS"));
                if (status == null || status.Value.Length == 0 || TopologyFacts.IsOneOf(status.Value, agreeing)) continue;
                context.Report(packet.Path, status.ValueSpan, id, status.Value, entry.Status);
                context.Report(board.Path, entry.StatusSpan, id, status.Value, entry.Status);
            }
        }
    }
}
