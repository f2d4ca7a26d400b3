using Xunit;

namespace Orchestrator.Governance.Tests.Rules.TaskPackets
{
    public class GOV112TestPlanWithoutCommandTests
    {
        [Fact]
        public void A_TEST_PLAN_in_prose_is_reported_at_the_key()
        {
            string text = Packets.Valid.Replace("- **TEST_PLAN**:\n  ```bash\n  cargo test --manifest-path src/Cargo.toml\n  ```\n", "- **TEST_PLAN**: Run all the tests and check the output.\n");
            var result = Packets.Analyze(text);
            Packets.Single(result, "GOV112", Packets.Path, 21, 5, "Run all the tests and check the output.");
        }

        [Theory]
        [InlineData("- **TEST_PLAN**: `just validator-scan`\n")]
        [InlineData("## TEST_PLAN\n`ash\njust validator-spec-regression\n`\n\n## Quality Gate\n")]
        [InlineData("### TEST_PLAN\n```bash\n# Run before handoff:\njust pre-work WP-1-Storage-Layer\n```\n")]
        public void Commands_in_code_or_starting_with_a_known_runner_pass(string plan)
        {
            string text = Packets.Valid.Replace("- **TEST_PLAN**:\n  ```bash\n  cargo test --manifest-path src/Cargo.toml\n  ```\n", plan);
            Assert.Empty(Packets.Analyze(text).Of("GOV112"));
        }

        [Fact]
        public void A_code_block_holding_only_comments_is_not_a_command()
        {
            string text = Packets.Valid.Replace("  cargo test --manifest-path src/Cargo.toml\n", "  # ...task-specific commands...\n");
            Packets.Single(Packets.Analyze(text), "GOV112", Packets.Path, 21, 5, "```bash");
        }
    }
}
