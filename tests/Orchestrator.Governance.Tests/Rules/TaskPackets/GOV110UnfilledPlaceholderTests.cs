using Xunit;

namespace Orchestrator.Governance.Tests.Rules.TaskPackets
{
    public class GOV110UnfilledPlaceholderTests
    {
        [Fact]
        public void A_seed_template_slot_left_in_DONE_MEANS_is_reported()
        {
            var result = Packets.Analyze(Packets.WithLine(26, "  * {Specific criterion 1}"));
            Packets.Single(result, "GOV110", Packets.Path, 26, 5, "{Specific criterion 1}");
        }

        [Fact]
        public void A_template_generator_token_in_a_value_is_reported()
        {
            var result = Packets.Analyze(Packets.WithLine(4, "- TASK_ID: {{WP_ID}}"));
            Packets.Single(result, "GOV110", Packets.Path, 4, 12, "{{WP_ID}}");
        }

        [Fact]
        public void TBD_as_a_value_is_reported()
        {
            var result = Packets.Analyze(Packets.WithLine(6, "- REQUESTOR: TBD"));
            Packets.Single(result, "GOV110", Packets.Path, 6, 14, "TBD");
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
            Assert.Empty(Packets.Analyze(Packets.WithLine(26, line)).Of("GOV110"));
        }
    }
}
