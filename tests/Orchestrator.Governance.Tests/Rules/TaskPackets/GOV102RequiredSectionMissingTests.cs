using Xunit;

namespace Orchestrator.Governance.Tests.Rules.TaskPackets
{
    public class GOV102RequiredSectionMissingTests
    {
        [Fact]
        public void A_packet_without_an_Authority_section_is_reported_at_the_title()
        {
            EngineMarkup.Packet(Packets.WithLines((1, Packets.MarkedTitle("#0")), (57, "")))
                .Expect(0, "GOV102", "AUTHORITY", "AUTHORITY")
                .Verify();
        }

        [Fact]
        public void Quality_gate_fields_written_as_sections_of_their_own_count_as_the_section()
        {
            string text = Packets.Valid
                .Replace("## Quality Gate\n- **RISK_TIER**: HIGH\n", "## RISK_TIER\n- Level: HIGH\n\n")
                .Replace("- **TEST_PLAN**:\n", "## TEST_PLAN\n")
                .Replace("- **DONE_MEANS**:\n", "## DONE_MEANS\n")
                .Replace("- **ROLLBACK_HINT**: git revert <commit-sha>\n", "## ROLLBACK_HINT\ngit revert <commit-sha>\n");
            EngineMarkup.Packet(text).Verify();
        }

        [Fact]
        public void An_Authority_line_counts_as_the_Authority_section_and_its_anchor()
        {
            string text = Packets.Valid.Replace(
                "## Authority\n- **SPEC_ANCHOR**: §2.3.12.3 (Storage API Abstraction Pattern)\n- **Codex**: Handshake Codex v1.4.md\n- **Task Board**: docs/TASK_BOARD.md\n",
                "**Authority:** Master Spec §2.3.12 (Pillar 1: One Storage API)\n");
            EngineMarkup.Packet(text).Verify();
        }

        [Theory]
        [InlineData("## METADATA")]
        [InlineData("## metadata")]
        [InlineData("##   Metadata   ")]
        [InlineData("## 🕵️ METADATA")]
        public void Headings_in_any_case_and_spacing_count(string heading)
        {
            EngineMarkup.Packet(Packets.WithLine(3, heading)).Verify();
        }
    }
}
