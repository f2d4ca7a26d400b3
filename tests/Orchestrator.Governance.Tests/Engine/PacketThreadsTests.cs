using System;
using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Rules;
using Orchestrator.Governance.Rules.TaskPackets;
using Xunit;

namespace Orchestrator.Governance.Tests.Engine
{
    /// <summary>
    /// Task packets are parsed and read, and their rules run, on several threads
    /// (AnalysisOptions.Threads, issue 33): the result is the one of one thread, diagnostics and
    /// their order included, over several batches and with every way a packet's read can end
    /// (findings, an inline suppression, Markdig refusing the text, NUL bytes, a reader that
    /// throws) and a rule that throws on one packet.
    /// </summary>
    public class PacketThreadsTests
    {
        private const int Count = 300; // more than two batches of 128

        private static string PathOf(int i) => $"docs/task_packets/WP-1-Read-{i:D3}.md";

        private static List<DocumentInput> Inputs()
        {
            string bad = Packets.WithLine(9, "- STATUS: Almost done");
            var inputs = Packets.SpecInputs().ToList();
            for (int i = 0; i < Count; i++)
            {
                string text = bad.Replace("WP-1-Storage-Layer", $"WP-1-Read-{i:D3}");
                if (i % 7 == 0) text = text.Replace("- STATUS: Almost done", "<!-- governance-disable-next-line GOV107 -->\n- STATUS: Almost done");
                if (i == 130) text += "\n" + string.Concat(Enumerable.Repeat("[](", 100_000)) + "\n"; // Markdig would take seconds: refused
                if (i == 131) text += "\0";
                inputs.Add(DocumentInput.FromText(PathOf(i), text));
            }

            return inputs;
        }

        private static GovernanceResult Analyze(int threads) => GovernanceEngine.Analyze(Inputs(), new AnalysisOptions
        {
            Threads = threads,
            FaultInjection = path => { if (path == PathOf(200)) throw new InvalidOperationException("boom"); },
        }, RuleCatalog.TaskPacketRules.Concat(new TaskPacketRule[] { new FailingOn(PathOf(250)) }).ToList());

        /// <summary>A task packet rule that throws on one packet: GOV003 there, from whichever thread ran it.</summary>
        private sealed class FailingOn : TaskPacketRule
        {
            private readonly string _path;

            public FailingOn(string path) => _path = path;

            public override RuleDescriptor Descriptor => GOV101PacketFileName.Rule;

            public override void Analyze(RuleContext context)
            {
                if (context.Packet.Path == _path) throw new InvalidOperationException("rule boom");
            }
        }

        [Fact]
        public void Packets_read_and_checked_on_four_threads_give_the_diagnostics_of_one_thread_in_the_same_order()
        {
            var one = Analyze(1);
            var four = Analyze(4);
            Assert.Equal(one.Diagnostics.Select(d => d.ToString()), four.Diagnostics.Select(d => d.ToString()));
            Assert.Equal(one.Packets.Select(p => p.Path), four.Packets.Select(p => p.Path));

            // What the read ends in, asserted once, so the equality above is not of two empty lists.
            Assert.Equal(Count - 3, four.Packets.Count);
            var status = four.Diagnostics.Single(d => d.Id == "GOV107" && d.Path == PathOf(1));
            Assert.Equal((9, 11), (status.Span.StartLine, status.Span.StartColumn));
            Assert.Equal(new object[] { "STATUS", "Almost done", "Ready-for-Dev, In-Progress, Blocked, Done, Validated" }, status.Arguments);
            Assert.DoesNotContain(four.Diagnostics, d => d.Id == "GOV107" && d.Path == PathOf(7));
            var failed = four.Diagnostics.Where(d => d.Id == "GOV003").ToList();
            Assert.Equal(2, failed.Count);
            Assert.Equal((PathOf(200), 1, 1), (failed[0].Path, failed[0].Span.StartLine, failed[0].Span.StartColumn));
            Assert.Equal(new object[] { "The document's reader", "InvalidOperationException: boom" }, failed[0].Arguments);
            Assert.Equal(PathOf(250), failed[1].Path);
            Assert.Equal(new object[] { "Rule GOV101", "InvalidOperationException: rule boom" }, failed[1].Arguments);
            Assert.Equal(new[] { PathOf(130), PathOf(131) }, four.Diagnostics.Where(d => d.Id == "GOV002").Select(d => d.Path));
            Assert.StartsWith("the Markdown parser would read link destinations over", (string)four.Diagnostics.Single(d => d.Id == "GOV002" && d.Path == PathOf(130)).Arguments[0], StringComparison.Ordinal);
            // 300 packets, less the 43 whose GOV107 is suppressed (every seventh from 0) and the three not read (130, 131, 200).
            Assert.Equal(254, four.Diagnostics.Count(d => d.Id == "GOV107"));
        }
    }
}
