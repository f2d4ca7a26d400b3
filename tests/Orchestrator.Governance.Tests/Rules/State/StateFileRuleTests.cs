using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules.State
{
    /// <summary>GOV310-GOV319 on inline state files: bad JSON, configuration, edge cases.</summary>
    public class StateFileRuleTests
    {
        private static GovernanceResult Analyze(params (string Path, string Text)[] documents) =>
            GovernanceEngine.Analyze(documents.Select(d => DocumentInput.FromText(d.Path, d.Text)));

        private static string Describe(GovernanceResult result) =>
            string.Join("\n", result.Diagnostics.Select(d => $"{d.Path}({d.Span.StartLine},{d.Span.StartColumn}) {d.Id} [{string.Join(" | ", d.Arguments)}]"));

        [Fact]
        public void Truncated_JSON_is_GOV310_where_the_reader_stopped()
        {
            var result = Analyze(("session.json", "{\n  \"Phase\": 1,\n  \"GapCount\": tru\n}"));
            Assert.Equal("session.json(3,17) GOV310 [session.json | Error parsing boolean value.]", Describe(result));
        }

        [Fact]
        public void JSON_nested_ten_thousand_deep_is_one_GOV310_and_nothing_else()
        {
            var result = Analyze(("PROGRESS.json", new string('[', 10000) + new string(']', 10000)));
            Assert.Equal("PROGRESS.json(1,65) GOV310 [PROGRESS.json | The reader's MaxDepth of 64 has been exceeded.]", Describe(result));
        }

        [Fact]
        public void Text_after_the_JSON_value_is_GOV310()
        {
            var result = Analyze(("session.json", "{ \"Phase\": 1, \"Task\": 0, \"GapCount\": 0 } {}"));
            Assert.Equal("session.json(1,42) GOV310 [session.json | Additional text encountered after finished reading JSON content: {.]", Describe(result));
        }

        [Fact]
        public void A_plan_task_may_depend_on_itself_only_as_a_future_task()
        {
            var result = Analyze(("plan.json", "{ \"tasks\": [ { \"id\": \"t1\", \"dependencies\": [\"t1\"] } ] }"));
            Assert.Equal("plan.json(1,45) GOV312 [0 | 0 | t1]", Describe(result));
        }

        [Fact]
        public void Governance_yml_changes_the_budget_and_which_files_are_state_files()
        {
            string plan = "{ \"tasks\": [ { \"id\": \"t1\", \"files\": [\"a\", \"b\", \"c\", \"d\"] } ] }";
            Assert.Equal("plan.json(1,37) GOV314 ['t1' | 4 | 3]", Describe(Analyze(("plan.json", plan))));

            string config = "state:\n  contextBudgetFiles: 4\ndocuments:\n  plan:\n    include: [\"orchestration/*.plan.json\"]\n";
            Assert.Empty(Analyze(("governance.yml", config), ("orchestration/phase1.plan.json", plan)).Diagnostics);
            Assert.Empty(Analyze(("governance.yml", config), ("plan.json", plan.Replace("\"d\"]", "\"d\", \"e\"]"))).Diagnostics);
            Assert.Equal("orchestration/phase1.plan.json(1,37) GOV314 ['t1' | 5 | 4]",
                Describe(Analyze(("governance.yml", config), ("orchestration/phase1.plan.json", plan.Replace("\"d\"]", "\"d\", \"e\"]")))));
        }

        [Fact]
        public void A_phase_started_after_a_phase_that_is_not_complete_is_GOV316_once_per_later_phase()
        {
            string progress = "{ \"phases\": [\n" +
                "  { \"id\": \"a\", \"status\": \"failed\" },\n" +
                "  { \"id\": \"b\", \"status\": \"completed\", \"validation\": { \"passed\": true } },\n" +
                "  { \"id\": \"c\", \"status\": \"pending\" }\n] }";
            Assert.Equal("PROGRESS.json(3,26) GOV316 [b | completed | a | failed]", Describe(Analyze(("PROGRESS.json", progress))));
        }

        [Fact]
        public void A_signed_gate_lets_the_next_batch_run()
        {
            string active = "{ \"phaseId\": \"1\", \"completedLayers\": [\"LAYER_0_REFLECTION\", \"LAYER_A\", \"LAYER_B\", \"LAYER_C\", \"LAYER_D\"], \"nextAction\": \"LAYER_S\", \"requiresSignoff\": true, \"isSignedOff\": true }";
            Assert.Empty(Analyze((".agent/state/active_phase.json", active)).Diagnostics);
        }

        [Fact]
        public void A_binary_state_file_is_GOV002()
        {
            var result = Analyze(("session.json", "{\0}"));
            Assert.Equal("session.json(1,1) GOV002 [it holds NUL bytes, so it is a binary file, not JSON]", Describe(result));
        }
        [Fact]
        public void Artifacts_are_looked_up_in_the_file_list_the_host_hands_over()
        {
            string active = "{ \"phaseId\": \"1\", \"completedLayers\": [], \"nextAction\": \"LAYER_0_REFLECTION\",\n" +
                "  \"artifacts\": { \"LAYER_0_REFLECTION\": \"Analysis in Chat\", \"LAYER_A\": \"./docs/phases/MILESTONE_01.md\", \"LAYER_B\": \"docs/decisions/ADR_01.md\", \"LAYER_C\": \"../outside/audit.md\" } }";
            var inputs = new[] { DocumentInput.FromText(".agent/state/active_phase.json", active) };

            // Without the file list (a host that did not gather it) nothing is claimed about existence.
            Assert.Empty(GovernanceEngine.Analyze(inputs).Diagnostics);

            var options = new AnalysisOptions { RepositoryFiles = new[] { "docs/phases/MILESTONE_01.md", ".agent/state/active_phase.json" } };
            var result = GovernanceEngine.Analyze(inputs, options);
            Assert.Equal(
                ".agent/state/active_phase.json(2,115) GOV320 [LAYER_B | docs/decisions/ADR_01.md | is not a file of the repository]\n" +
                ".agent/state/active_phase.json(2,154) GOV320 [LAYER_C | ../outside/audit.md | is outside the repository (absolute, or climbing out with '..')]",
                Describe(result));
        }
        [Theory]
        [InlineData("")]
        [InlineData("  \n\t\n")]
        public void An_empty_state_file_is_GOV310_at_its_start(string text)
        {
            Assert.Equal("PROGRESS.json(1,1) GOV310 [PROGRESS.json | The file is empty; a JSON value is required.]", Describe(Analyze(("PROGRESS.json", text))));
        }
    }
}
