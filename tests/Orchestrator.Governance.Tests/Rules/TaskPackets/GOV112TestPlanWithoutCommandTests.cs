using Xunit;

namespace Orchestrator.Governance.Tests.Rules.TaskPackets
{
    public class GOV112TestPlanWithoutCommandTests
    {
        private const string Plan = "- **TEST_PLAN**:\n  ```bash\n  cargo test --manifest-path src/Cargo.toml\n  ```\n";

        [Fact]
        public void A_TEST_PLAN_in_prose_is_reported_at_the_key()
        {
            EngineMarkup.Packet(Packets.Valid.Replace(Plan, "- **{|#0:TEST_PLAN|}**: Run all the tests and check the output.\n"))
                .Expect(0, "GOV112", "Run all the tests and check the output.")
                .Verify();
        }

        [Theory]
        [InlineData("- **TEST_PLAN**: `just validator-scan`\n")]
        [InlineData("## TEST_PLAN\n`ash\njust validator-spec-regression\n`\n\n## Quality Gate\n")]
        [InlineData("### TEST_PLAN\n```bash\n# Run before handoff:\njust pre-work WP-1-Storage-Layer\n```\n")]
        public void Commands_in_code_or_starting_with_a_known_runner_pass(string plan)
        {
            EngineMarkup.Packet(Packets.Valid.Replace(Plan, plan)).Verify();
        }

        [Fact]
        public void A_code_block_holding_only_comments_is_not_a_command()
        {
            string text = Packets.Valid
                .Replace("- **TEST_PLAN**:", "- **{|#0:TEST_PLAN|}**:")
                .Replace("  cargo test --manifest-path src/Cargo.toml\n", "  # ...task-specific commands...\n");
            EngineMarkup.Packet(text)
                .Expect(0, "GOV112", "```bash")
                .Verify();
        }
    }
}
