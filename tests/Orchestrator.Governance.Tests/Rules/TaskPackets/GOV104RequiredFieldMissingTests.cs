using Xunit;

namespace Orchestrator.Governance.Tests.Rules.TaskPackets
{
    public class GOV104RequiredFieldMissingTests
    {
        [Fact]
        public void A_missing_AGENT_ID_is_reported_at_the_Metadata_heading()
        {
            EngineMarkup.Packet(Packets.WithLines((3, "## {|#0:Metadata|}"), (7, "")))
                .Expect(0, "GOV104", "AGENT_ID", "METADATA", "")
                .Verify();
        }

        [Fact]
        public void A_field_missing_from_a_section_written_as_field_headings_is_reported_at_the_first_of_them()
        {
            string text = Packets.Valid
                .Replace("## Quality Gate\n- **RISK_TIER**: HIGH\n", "## {|#0:RISK_TIER|}\n- Level: HIGH\n\n")
                .Replace("- **TEST_PLAN**:\n", "## TEST_PLAN\n")
                .Replace("- **DONE_MEANS**:\n", "## DONE_MEANS\n")
                .Replace("- **ROLLBACK_HINT**: git revert <commit-sha>\n", "");
            EngineMarkup.Packet(text)
                .Expect(0, "GOV104", "ROLLBACK_HINT", "QUALITY_GATE", "")
                .Verify();
        }

        [Fact]
        public void Fields_written_bold_with_the_colon_inside_or_outside_count()
        {
            string text = Packets.WithLine(7, "- **AGENT_ID:** orchestrator-1").Replace("- ROLE: Orchestrator", "- **Role**: Orchestrator");
            EngineMarkup.Packet(text).Verify();
        }

        [Fact]
        public void Metadata_indented_under_TASK_ID_still_counts()
        {
            string text = Packets.Valid
                .Replace("- DATE:", "  - DATE:").Replace("- REQUESTOR:", "  - REQUESTOR:").Replace("- AGENT_ID:", "  - AGENT_ID:")
                .Replace("- ROLE:", "  - ROLE:").Replace("- STATUS:", "  - STATUS:");
            EngineMarkup.Packet(text).Verify();
        }

        [Fact]
        public void A_field_written_only_in_a_validation_report_is_present()
        {
            string text = Packets.WithLine(9, "") + "\n## VALIDATION REPORT\n- STATUS: Done\n";
            EngineMarkup.Packet(text).Verify();
        }
    }
}
