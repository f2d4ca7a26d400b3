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
        public void A_packet_whose_TASK_ID_another_packet_holds_is_read_by_its_file_name_on_the_board()
        {
            // WP-1-B.md declares TASK_ID WP-1-A (GOV105), which WP-1-A.md holds: the board's WP-1-A
            // entry is WP-1-A's, so WP-1-B is not on the board, and its STATUS is not compared with WP-1-A's.
            var b = Packet("WP-1-B", status: "In-Progress");
            b.Text = b.Text.Replace("- TASK_ID: WP-1-B", "- TASK_ID: WP-1-A");
            string board = "## Done\n- **[WP-1-A]** - [VALIDATED]\n";
            var result = Packets.Analyze(Packet("WP-1-A", status: "Done"), b, (Board, board));
            Assert.Empty(result.Of("GOV304"));
            Packets.Single(result, "GOV305", "docs/task_packets/WP-1-B.md", 1, 3, "WP-1-B", Board);
            Assert.Equal(new[] { "WP-1-A" }, result.Topology.IdsOf(result.Packets.Single(p => p.FileStem == "WP-1-A")));
            Assert.Equal(new[] { "WP-1-B" }, result.Topology.IdsOf(result.Packets.Single(p => p.FileStem == "WP-1-B")));
        }

        [Fact]
        public void A_file_name_holds_its_ID_before_another_packet_s_TASK_ID_whatever_the_file_order()
        {
            // WP-1-A.md (first in path order) declares TASK_ID WP-1-B; WP-1-B.md is still WP-1-B, with its board
            // entry and its dependency, and WP-1-A.md is named by its file name alone.
            var a = Packet("WP-1-A", status: "In-Progress");
            a.Text = a.Text.Replace("- TASK_ID: WP-1-A", "- TASK_ID: WP-1-B");
            string board = "## Done\n- **[WP-1-B]** - [VALIDATED]\n\n## Ready for Dev\n- **[WP-1-C]** - [READY_FOR_DEV]\n";
            var result = Packets.Analyze(a, Packet("WP-1-B", "WP-1-C", status: "Done"), Packet("WP-1-C"), (Board, board));
            Assert.Empty(result.Of("GOV304"));
            Packets.Single(result, "GOV305", "docs/task_packets/WP-1-A.md", 1, 3, "WP-1-A", Board);
            var packetA = result.Packets.Single(p => p.FileStem == "WP-1-A");
            var packetB = result.Packets.Single(p => p.FileStem == "WP-1-B");
            Assert.Same(packetB, result.Topology.PacketOf("WP-1-B"));
            Assert.Equal(new[] { "WP-1-A" }, result.Topology.IdsOf(packetA));
            Assert.Empty(Orchestrator.Governance.Model.Board.TopologyFacts.BlockersOf(result.Topology, packetA));
            Assert.Equal(new[] { "WP-1-C" }, Orchestrator.Governance.Model.Board.TopologyFacts.BlockersOf(result.Topology, packetB));
            Assert.Equal(("VALIDATED", "board"), result.Topology.StatusOf("WP-1-B"));
            Assert.Equal(("In-Progress", "packet"), result.Topology.StatusOf("WP-1-A"));
        }

        [Fact]
        public void A_packet_holding_its_TASK_ID_and_its_file_name_is_found_on_the_board_by_either()
        {
            var (path, text) = Packet("WP-1-B-20251228", status: "Done");
            text = text.Replace("- TASK_ID: WP-1-B-20251228", "- TASK_ID: WP-1-B-v2");
            string board = "## Done\n- **[WP-1-B-v2]** - [VALIDATED]\n";
            var result = Packets.Analyze((path, text), (Board, board));
            Assert.Empty(result.Of("GOV304"));
            Assert.Empty(result.Of("GOV305"));
            Assert.Equal(new[] { "WP-1-B-v2", "WP-1-B-20251228" }, result.Topology.IdsOf(result.Packets.Single()));
        }

        [Fact]
        public void A_WP_listed_as_STUB_and_as_VALIDATED_is_compared_as_VALIDATED()
        {
            string board = "## Stub Backlog\n- **[WP-1-A]** - [STUB]\n\n## Done\n- **[WP-1-A]** - [VALIDATED]\n";
            var result = Packets.Analyze(Packet("WP-1-A", status: "In-Progress"), (Board, board));
            Packets.Has(result, "GOV304", Board, 5, 19, "WP-1-A", "In-Progress", "VALIDATED");
            Assert.Equal(2, result.Of("GOV304").Count);
        }

        [Fact]
        public void A_Dependencies_section_with_Depends_on_and_Blocks_lines_makes_edges_at_each_ID()
        {
            string text = Packet("WP-1-A").Text.Replace("## Notes\n- **Dependencies**: none\n", "## Dependencies\n- Depends on: WP-1-Ghost\n- Blocks: WP-1-Phantom\n");
            var result = Packets.Analyze(("docs/task_packets/WP-1-A.md", text));
            var unknown = result.Of("GOV301");
            Assert.Equal(2, unknown.Count);
            Packets.Has(result, "GOV301", "docs/task_packets/WP-1-A.md", 63, 15, "Dependency", "WP-1-Ghost");
            Packets.Has(result, "GOV301", "docs/task_packets/WP-1-A.md", 64, 11, "Blocks", "WP-1-Phantom");
        }

        [Fact]
        public void A_backticked_ID_in_prose_is_a_blocker_at_its_span()
        {
            var result = Packets.Analyze(
                Packet("WP-1-A", "Depends on `WP-1-Storage-Foundation-v2` (Completed).", status: "In-Progress"),
                Packet("WP-1-Storage-Foundation-v2", status: "Ready-for-Dev"));
            Packets.Single(result, "GOV303", "docs/task_packets/WP-1-A.md", 63, 33, "WP-1-A", "In-Progress", "WP-1-Storage-Foundation-v2", "Ready-for-Dev");
        }

        [Fact]
        public void A_Blocker_field_is_a_dependency()
        {
            string text = Packet("WP-1-A").Text.Replace("- **Dependencies**: none", "- Blocker: WP-1-Ghost (MUST COMPLETE FIRST)");
            var result = Packets.Analyze(("docs/task_packets/WP-1-A.md", text));
            Packets.Single(result, "GOV301", "docs/task_packets/WP-1-A.md", 63, 12, "Dependency", "WP-1-Ghost");
        }

        [Fact]
        public void NONE_or_foundational_makes_no_edge()
        {
            var result = Packets.Analyze(Packet("WP-1-A", "NONE (foundational WP-level work)", status: "In-Progress"));
            Assert.Empty(result.Of("GOV301"));
            Assert.Empty(result.Of("GOV303"));
        }

        private const string Gate =
            "## 🚨 PHASE 1 CLOSURE GATES (BLOCKING)\n" +
            "**Status:** {0}\n" +
            "\n" +
            "1. **[WP-1-A]** - Define the storage trait\n" +
            "   - Status: [READY FOR DEV 🔴]\n" +
            "2. **[WP-1-B]** - Refactor AppState\n" +
            "   - Status: [VALIDATED]\n";

        [Fact]
        public void A_closed_phase_gate_with_a_WP_not_VALIDATED_is_GOV307_at_the_status()
        {
            var result = Packets.Analyze(Packet("WP-1-A"), Packet("WP-1-B", status: "Done"), (Board, string.Format(Gate, "CLOSED - all gates passed")));
            Packets.Single(result, "GOV307", Board, 2, 13, "1", "CLOSED", "WP-1-A", "READY_FOR_DEV");
        }

        [Fact]
        public void A_holding_phase_gate_is_not_closed()
        {
            var result = Packets.Analyze(Packet("WP-1-A"), Packet("WP-1-B", status: "Done"), (Board, string.Format(Gate, "HOLDING - 1 of 2 gate-critical WPs VALIDATED")));
            Assert.Empty(result.Of("GOV307"));
        }

        [Fact]
        public void A_Phase_closed_line_covers_every_WP_of_that_phase_and_no_other()
        {
            string board = "## In Progress\n- **[WP-1-A]** - [IN_PROGRESS]\n- **[WP-2-C]** - [IN_PROGRESS]\n\n## Done\n- **[WP-1-B]** - [VALIDATED]\n\n**Phase 1: CLOSED**\n";
            var result = Packets.Analyze(Packet("WP-1-A", status: "In-Progress"), Packet("WP-1-B", status: "Done"), Packet("WP-2-C", status: "In-Progress"), (Board, board));
            Packets.Single(result, "GOV307", Board, 8, 3, "1", "Phase 1: CLOSED", "WP-1-A", "IN_PROGRESS");
        }

        [Fact]
        public void A_closed_phase_whose_WPs_are_all_VALIDATED_passes()
        {
            string board = "## Done\n- **[WP-1-A]** - [VALIDATED]\n- **[WP-1-B]** - [VALIDATED]\n\nPhase 1: CLOSED\n";
            var result = Packets.Analyze(Packet("WP-1-A", status: "Done"), Packet("WP-1-B", status: "Done"), (Board, board));
            Assert.Empty(result.Diagnostics);
        }

        [Fact]
        public void A_board_table_row_gives_the_status_of_its_first_status_cell_or_of_its_section()
        {
            string board = "## Ready for Dev\n| WP | Status | Owner |\n|----|--------|-------|\n| WP-1-A | **IN_PROGRESS** | coder |\n| WP-1-B | pending review | coder |\n";
            var result = Packets.Analyze(Packet("WP-1-A"), Packet("WP-1-B"), (Board, board));
            Assert.Equal(2, result.Of("GOV304").Count);
            Packets.Has(result, "GOV304", Board, 4, 14, "WP-1-A", "Ready-for-Dev", "IN_PROGRESS");
            Assert.Empty(result.Of("GOV305"));
        }

        [Fact]
        public void A_binary_or_oversized_board_is_GOV002_and_not_read()
        {
            var binary = Packets.Analyze(Packet("WP-1-A"), (Board, "## Ready for Dev\n- **[WP-1-A]** - [READY_FOR_DEV]\0\n"));
            Packets.Single(binary, "GOV002", Board, 1, 1, "it holds NUL bytes, so it is a binary file, not Markdown");
            Assert.Empty(binary.Of("GOV305"));

            string huge = "## Ready for Dev\n" + string.Concat(Enumerable.Repeat("- **[WP-1-A]** - [READY_FOR_DEV]\n", 300_000));
            var oversized = Packets.Analyze(Packet("WP-1-A"), (Board, huge));
            Packets.Single(oversized, "GOV002", Board, 1, 1, $"{huge.Length} bytes is more than limits.maxDocumentBytes (8388608)");
            Assert.Empty(oversized.Of("GOV305"));
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
