using System.Linq;
using System.Text;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Testing;
using Xunit;

namespace Orchestrator.Governance.Tests.Engine
{
    /// <summary>The fix model: fixes the engine attaches, checked by applying them and analyzing again.</summary>
    public class FixTests
    {
        private static string Apply(string text, GovernanceFix fix)
        {
            var sb = new StringBuilder(text);
            foreach (var edit in fix.Edits.OrderByDescending(e => e.Start))
            {
                sb.Remove(edit.Start, edit.Length);
                sb.Insert(edit.Start, edit.NewText);
            }

            return sb.ToString();
        }

        [Fact]
        public void A_misspelt_STATUS_gets_the_allowed_value_it_is_closest_to_and_then_passes()
        {
            string packet = Packets.WithLine(9, "- STATUS: Blokced");
            var d = Packets.Single(Packets.Analyze(packet), "GOV107", Packets.Path, 9, 11, "STATUS", "Blokced", "Ready-for-Dev, In-Progress, Blocked, Done, Validated");
            Assert.Equal(new[] { "Set STATUS to 'Blocked'", "Suppress GOV107 on this line" }, d.Fixes.Select(f => f.Title));
            var edit = Assert.Single(d.Fixes[0].Edits);
            Assert.Equal((Packets.Path, "Blocked"), (edit.Path, edit.NewText));
            string fixedText = Apply(packet, d.Fixes[0]);
            Assert.Contains("\n- STATUS: Blocked\n", fixedText);
            Assert.Empty(Packets.Analyze(fixedText).Diagnostics);
        }

        [Fact]
        public void A_value_near_none_or_two_allowed_values_gets_no_value_fix()
        {
            var far = Assert.Single(Packets.Analyze(Packets.WithLine(9, "- STATUS: Almost done")).Of("GOV107"));
            Assert.Equal(new[] { "Suppress GOV107 on this line" }, far.Fixes.Select(f => f.Title));
        }

        [Fact]
        public void Suppressing_on_the_line_inserts_the_comment_with_the_line_s_indentation_and_the_diagnostic_is_gone()
        {
            string packet = Packets.WithLine(9, "- STATUS: Almost done").Replace("- **DONE_MEANS**:\n  * Database trait", "- **DONE_MEANS**:\n  * {Specific criterion 2}\n  * Database trait");
            var result = Packets.Analyze(packet);
            var status = Assert.Single(result.Of("GOV107"));
            var suppress = status.Fixes.Single(f => f.IsSuppression);
            var edit = Assert.Single(suppress.Edits);
            Assert.Equal("<!-- governance-disable-next-line GOV107 -->\n", edit.NewText);
            var placeholder = Assert.Single(result.Of("GOV110"));
            var indented = Assert.Single(placeholder.Fixes.Single(f => f.IsSuppression).Edits);
            Assert.Equal("  <!-- governance-disable-next-line GOV110 -->\n", indented.NewText);

            string fixedText = Apply(Apply(packet, placeholder.Fixes.Single(f => f.IsSuppression)), suppress);
            var after = Packets.Analyze(fixedText);
            Assert.Equal(result.Diagnostics.Select(x => x.Id).Where(id => id != "GOV107" && id != "GOV110"), after.Diagnostics.Select(x => x.Id));
        }

        [Fact]
        public void A_data_packet_gets_the_value_fix_inside_its_quotes_and_no_comment()
        {
            const string path = "docs/task_packets/WP-1-Storage-Layer/packet.json";
            string json = "{ \"id\": \"WP-1-Storage-Layer\", \"status\": \"Valdated\" }";
            var inputs = Packets.SpecInputs().Concat(new[]
            {
                DocumentInput.FromText("governance.yml", "documents:\n  taskPackets:\n    include: ['**/task_packets/WP-*/packet.json']\n"),
                DocumentInput.FromText(path, json),
            });
            var d = Assert.Single(GovernanceEngine.Analyze(inputs).Of("GOV107"));
            var fix = Assert.Single(d.Fixes);
            Assert.Equal("{ \"id\": \"WP-1-Storage-Layer\", \"status\": \"Validated\" }", Apply(json, fix));
        }

        [Fact]
        public void In_text_saved_through_a_wrong_encoding_the_edit_lands_on_the_file_s_own_offsets()
        {
            string packet = Packets.WithLine(9, "- STATUS: Blokced").Replace("(§2.3.12.3)", "(Â§2.3.12.3)");
            var d = Assert.Single(Packets.Analyze(packet).Of("GOV107"));
            string fixedText = Apply(packet, d.Fixes[0]);
            Assert.Contains("\n- STATUS: Blocked\n", fixedText);
            Assert.Contains("(Â§2.3.12.3)", fixedText);
        }

        [Fact]
        public void A_packet_and_board_that_disagree_get_two_fixes_and_either_ends_the_disagreement()
        {
            const string board = "docs/TASK_BOARD.md", packetPath = "docs/task_packets/WP-1-Storage-Layer.md";
            string packet = Packets.WithLine(9, "- STATUS: Blocked");
            string boardText = "## In Progress\n- **[WP-1-Storage-Layer]** - [IN_PROGRESS]\n";
            var result = Packets.Analyze((packetPath, packet), (board, boardText));
            var atPacket = Packets.Has(result, "GOV304", packetPath, 9, 11, "WP-1-Storage-Layer", "Blocked", "IN_PROGRESS");
            Packets.Has(result, "GOV304", board, 2, 31, "WP-1-Storage-Layer", "Blocked", "IN_PROGRESS");
            var own = atPacket.Fixes.Where(f => !f.IsSuppression).ToList();
            Assert.Equal(new[] { "Set WP-1-Storage-Layer's STATUS to 'In-Progress' (the board's IN_PROGRESS)", "Set WP-1-Storage-Layer's board status to 'BLOCKED' (the packet's Blocked)" }, own.Select(f => f.Title));

            string fixedPacket = Apply(packet, own[0]);
            Assert.Empty(Packets.Analyze((packetPath, fixedPacket), (board, boardText)).Of("GOV304"));
            string fixedBoard = Apply(boardText, own[1]);
            Assert.Equal("## In Progress\n- **[WP-1-Storage-Layer]** - [BLOCKED]\n", fixedBoard);
            Assert.Empty(Packets.Analyze((packetPath, packet), (board, fixedBoard)).Of("GOV304"));
        }

        [Fact]
        public void No_comment_is_offered_inside_a_code_block_or_front_matter_as_the_parser_finds_them()
        {
            string text = "---\ntitle: x\n---\n# T\n```bash\nrun\n```\n~~~\n```\n~~~\ntext\n\n    indented code\n\nafter\n";
            var read = Governance.Suppressions.InlineSuppressions.Read(Governance.Documents.ParsedMarkdown.Parse("a.md", text));
            Assert.Equal(new[] { true, true, true, false, true, true, true, true, true, true, false, false, true, false, false },
                Enumerable.Range(1, 15).Select(read.IsCode));
        }
    }
}
