using System;
using System.Linq;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Model.Board;

namespace Orchestrator.Governance.Rules.TaskPackets
{
    /// <summary>
    /// GOV116: a task packet stub (documents.taskPacketStubs) names its WP (WP_ID, equal to its file
    /// name) and its status; a stub is not in progress (seed 003: stubs are activated into packets
    /// before any coding starts); a superseded or folded stub names the WP that replaces it, and
    /// that WP exists as a packet or a stub. Reported at the field concerned, or at the stub's title.
    /// </summary>
    public sealed class GOV116StubInvalid : RepositoryRule
    {
        /// <summary>GOV116: a stub that does not say what it is, or says what a stub cannot be.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV116", "Task packet stubs must name their WP, their status and their replacement",
            "Task packet stub {0} {1}",
            "Governance.TaskPacket", GovernanceSeverity.Error,
            "A stub stands for a WP on the board until it is activated into a packet: it names its WP and status, it is never in progress (work starts from a packet), and a superseded or folded stub names the WP that replaced it, which must exist.",
            "seed 003 Part 4 (stubs are activated into packets before coding), §6.1 (the board lists every WP)");

        /// <summary>Status words that mark a stub replaced by another WP.</summary>
        private static readonly string[] Replaced = { "SUPERSEDED", "FOLDED", "REPLACED", "MERGED" };

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RepositoryRuleContext context)
        {
            var index = context.Index;
            var active = index.Scope.Gate.ActiveStatuses;
            foreach (var stub in index.Stubs)
            {
                if (stub.WpId == null)
                {
                    context.Report(stub.Path, stub.AnchorSpan, stub.FileStem, $"names no WP_ID; write '- WP_ID: {stub.FileStem}'");
                    continue;
                }

                if (!string.Equals(stub.Id, stub.FileStem, StringComparison.Ordinal))
                    context.Report(stub.Path, stub.WpId.ValueSpan, stub.Id, $"is kept as '{stub.FileStem}': its WP_ID and its file name must be the same WP");

                if (stub.Status == null)
                {
                    context.Report(stub.Path, stub.WpId.KeySpan, stub.Id, "names no status; write '- STUB_STATUS: STUB' (or SUPERSEDED, FOLDED with the WP that replaces it)");
                    continue;
                }

                string status = stub.Status.Value.Trim();
                if (active.Count > 0 && TopologyFacts.IsOneOf(status, active))
                {
                    context.Report(stub.Path, stub.Status.ValueSpan, stub.Id, $"is '{status}': a stub is activated into a task packet before work starts; create the packet and move the work there");
                    continue;
                }

                string comparable = Model.PacketFacts.Comparable(status);
                if (!Replaced.Any(r => comparable.Contains(r))) continue;
                if (stub.ReplacementId is not string replacement)
                {
                    context.Report(stub.Path, stub.Status.ValueSpan, stub.Id, $"is '{status}' but names no WP that replaces it; write '- SUPERSEDED_BY: WP-...' (or FOLDED_INTO)");
                    continue;
                }

                if (index.Topology.PacketOf(replacement) == null && !index.HasStub(replacement))
                    context.Report(stub.Path, stub.Replacement!.ValueSpan, stub.Id, $"is replaced by {replacement}, which is neither a task packet nor a stub of the repository");
            }
        }
    }
}
