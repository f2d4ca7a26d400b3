using Xunit;

namespace Orchestrator.Governance.Tests.Rules.TaskPackets
{
    public class GOV110UnfilledPlaceholderTests
    {
        [Fact]
        public void A_seed_template_slot_left_in_DONE_MEANS_is_reported()
        {
            // The slot replaces the criterion that covered the anchor's requirements (GOV206-GOV208).
            EngineMarkup.Packet(Packets.WithLines((25, "- **{|GOV207:{|GOV208:DONE_MEANS|}|}**:"), (26, "  * {|GOV206:{|#0:{Specific criterion 1}|}|}")))
                .Expect(0, "GOV110", "{Specific criterion 1}")
                .Verify();
        }

        [Fact]
        public void A_template_generator_token_in_a_value_is_reported()
        {
            EngineMarkup.Packet(Packets.WithLine(4, "- TASK_ID: {|#0:{{WP_ID}}|}"))
                .Expect(0, "GOV110", "{{WP_ID}}")
                .Verify();
        }

        [Fact]
        public void TBD_as_a_value_is_reported()
        {
            EngineMarkup.Packet(Packets.WithLine(6, "- REQUESTOR: {|#0:TBD|}"))
                .Expect(0, "GOV110", "TBD")
                .Verify();
        }

        [Theory]
        [InlineData("  * Payload keys {capability_id, profile_id, job_id} are logged")]
        [InlineData("  * Data lives under {APP_DATA} only")]
        [InlineData("  * \"{{PROJECT_CODE}}\" is replaced by the generator")]
        [InlineData("  * Branch name `WP-{phase}-{name}` is documented")]
        [InlineData("  * The TBD note in START_HERE.md is replaced")]
        [InlineData("  * { stdout: String, exit_code: i32 }")]
        public void Braces_and_TBD_in_prose_code_or_quotes_pass(string line)
        {
            // Only GOV110 is asked about: the line replaces the criterion covering the anchor, so GOV206-GOV208 report.
            Assert.Empty(Packets.Analyze(Packets.WithLine(26, line)).Of("GOV110"));
        }
    }
}
