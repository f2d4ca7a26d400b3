using System.Linq;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules.Topology
{
    /// <summary>
    /// GOV301-GOV306. Each packet is the shared valid packet with another ID, STATUS (line 9) and
    /// Dependencies line (line 63, "- **Dependencies**: " then the value from column 21).
    /// </summary>
    public class TopologyRuleTests
    {
        private const string Board = "docs/TASK_BOARD.md";

        private static (string Path, string Text) Packet(string id, string dependencies = "none", string status = "Ready-for-Dev") =>
            ("docs/task_packets/" + id + ".md", Packets.Valid.Replace("WP-1-Storage-Layer", id)
                .Replace("- **Dependencies**: none", "- **Dependencies**: " + dependencies)
                .Replace("- STATUS: Ready-for-Dev", "- STATUS: " + status));

        [Fact]
        public void A_dependency_on_an_unknown_WP_is_GOV301_at_its_ID()
        {
            var result = Packets.Analyze(Packet("WP-1-A", "Depends on WP-1-Ghost (MUST COMPLETE FIRST)"));
            Packets.Single(result, "GOV301", "docs/task_packets/WP-1-A.md", 63, 32, "Dependency", "WP-1-Ghost");
        }

        [Fact]
        public void A_WP_known_only_from_the_board_is_not_unknown()
        {
            var result = Packets.Analyze(Packet("WP-1-A", "WP-1-Planned"), (Board, "## Stub Backlog\n- **[WP-1-Planned]** - [STUB]\n\n## Ready for Dev\n- **[WP-1-A]** - [READY_FOR_DEV]\n"));
            Assert.Empty(result.Of("GOV301"));
            Assert.Empty(result.Of("GOV306"));
        }

        [Fact]
        public void A_three_packet_cycle_is_GOV302_on_each_edge_naming_the_whole_cycle()
        {
            var result = Packets.Analyze(Packet("WP-1-A", "WP-1-B"), Packet("WP-1-B", "WP-1-C"), Packet("WP-1-C", "WP-1-A"));
            var cycle = result.Of("GOV302");
            Assert.Equal(3, cycle.Count);
            Assert.All(cycle, d => Assert.Equal(new[] { "WP-1-A → WP-1-B → WP-1-C → WP-1-A" }, d.Arguments));
            Assert.Equal(new[] { "docs/task_packets/WP-1-A.md", "docs/task_packets/WP-1-B.md", "docs/task_packets/WP-1-C.md" }, cycle.Select(d => d.Path));
            Assert.All(cycle, d => Assert.Equal((63, 21), (d.Span.StartLine, d.Span.StartColumn)));
        }

        [Fact]
        public void A_chain_is_not_a_cycle_and_Blocks_reads_in_reverse()
        {
            var result = Packets.Analyze(Packet("WP-1-A", "WP-1-B"), Packet("WP-1-B", "none"), Packet("WP-1-C", "none").Text.Replace("- **Dependencies**: none", "- **Blocks**: WP-1-A") is var c ? ("docs/task_packets/WP-1-C.md", c) : default);
            Assert.Empty(result.Of("GOV302"));
            Assert.Empty(result.Of("GOV301"));
        }

        [Fact]
        public void A_WP_in_progress_while_its_blocker_is_not_VALIDATED_is_GOV303()
        {
            var result = Packets.Analyze(Packet("WP-1-A", "WP-1-B", status: "In-Progress"), Packet("WP-1-B", status: "Ready-for-Dev"));
            Packets.Single(result, "GOV303", "docs/task_packets/WP-1-A.md", 63, 21, "WP-1-A", "In-Progress", "WP-1-B", "Ready-for-Dev");
        }

        [Fact]
        public void The_board_status_of_a_blocker_wins_and_VALIDATED_unblocks()
        {
            string board = "## In Progress\n- **[WP-1-A]** - [IN_PROGRESS]\n\n## Done\n- **[WP-1-B]** - [VALIDATED]\n";
            var result = Packets.Analyze(Packet("WP-1-A", "WP-1-B", status: "In-Progress"), Packet("WP-1-B", status: "Done"), (Board, board));
            Assert.Empty(result.Diagnostics);
        }

        [Fact]
        public void A_prerequisite_for_sentence_names_a_dependent_not_a_blocker()
        {
            var result = Packets.Analyze(Packet("WP-1-A", "This packet is a prerequisite for WP-1-B.", status: "In-Progress"), Packet("WP-1-B", status: "Ready-for-Dev"));
            Assert.Empty(result.Of("GOV303"));
        }

        [Fact]
        public void Packet_and_board_disagreeing_is_GOV304_at_both_places()
        {
            string board = "## Done\n- **[WP-1-A]** - [VALIDATED]\n";
            var result = Packets.Analyze(Packet("WP-1-A", status: "In-Progress"), (Board, board));
            Assert.Equal(2, result.Of("GOV304").Count);
            Packets.Has(result, "GOV304", "docs/task_packets/WP-1-A.md", 9, 11, "WP-1-A", "In-Progress", "VALIDATED");
            Packets.Has(result, "GOV304", Board, 2, 19, "WP-1-A", "In-Progress", "VALIDATED");
        }

        [Theory]
        [InlineData("## Ready for Dev\n- **[WP-1-A]** - [READY_FOR_DEV]\n", "Ready for Dev")]
        [InlineData("## Done\n- **[WP-1-A]** - [VALIDATED]\n", "Done")]
        [InlineData("## Superseded (Archive)\n- **[WP-1-A]** - [SUPERSEDED]\n", "In Progress")]
        [InlineData("## Ready for Dev\n\n1. **[WP-1-A]** - Define the storage trait\n   - Status: [READY FOR DEV 🔴]\n", "Ready-for-Dev")]
        [InlineData("## Ready for Dev\n- [WP-1-A]: Define the storage trait\n", "READY FOR DEV")]
        public void Agreeing_statuses_and_board_forms_pass(string board, string status)
        {
            var result = Packets.Analyze(Packet("WP-1-A", status: status), (Board, board));
            Assert.Empty(result.Of("GOV304"));
            Assert.Empty(result.Of("GOV305"));
        }

        [Fact]
        public void A_packet_missing_from_the_board_is_GOV305_and_an_entry_without_packet_GOV306()
        {
            string board = "## Ready for Dev\n- **[WP-1-Other]** - [READY_FOR_DEV]\n- **[WP-1-Planned]** - [STUB]\n";
            var result = Packets.Analyze(Packet("WP-1-A"), (Board, board));
            Packets.Single(result, "GOV305", "docs/task_packets/WP-1-A.md", 1, 3, "WP-1-A", Board);
            Packets.Single(result, "GOV306", Board, 2, 6, "WP-1-Other", "READY_FOR_DEV");
        }

        [Fact]
        public void A_thousand_packet_chain_is_checked()
        {
            var packets = Enumerable.Range(0, 1000).Select(i => Packet("WP-1-P" + i, i + 1 < 1000 ? "WP-1-P" + (i + 1) : "none")).ToArray();
            var result = Packets.Analyze(packets);
            Assert.Empty(result.Of("GOV301"));
            Assert.Empty(result.Of("GOV302"));
        }
    }
}
