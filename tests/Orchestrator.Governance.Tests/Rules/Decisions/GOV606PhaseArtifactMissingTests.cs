using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules.Decisions
{
    /// <summary>GOV606 through the engine, with the repository's file list handed over as the hosts do.</summary>
    public class GOV606PhaseArtifactMissingTests
    {
        private const string ActivePhase =
            "{\n" +
            "  \"phaseId\": \"14\",\n" +
            "  \"completedLayers\": [\"LAYER_0_REFLECTION\", \"LAYER_A\", \"LAYER_B\", \"LAYER_C\", \"LAYER_D\"],\n" +
            "  \"nextAction\": \"LAYER_S\"\n" +
            "}\n";

        private static GovernanceResult Analyze((string Path, string Text)[] documents, params string[] otherFiles) =>
            GovernanceEngine.Analyze(documents.Select(f => DocumentInput.FromText(f.Path, f.Text)),
                new AnalysisOptions { RepositoryFiles = documents.Select(d => d.Path).Concat(otherFiles).ToList() });

        private static string Show(GovernanceResult result) => string.Join("\n", result.Of("GOV606")
            .Select(d => $"{d.Path}({d.Span.StartLine},{d.Span.StartColumn}) [{string.Join(" | ", d.Arguments)}]"));

        [Fact]
        public void A_completed_layer_without_its_artifact_is_reported_at_its_entry_in_completedLayers()
        {
            var result = Analyze(new[] { (".agent/state/active_phase.json", ActivePhase), ("docs/phases/MILESTONE_14.md", "# M14\n"), ("docs/rfcs/RFC_14.md", "# RFC 14\n") });
            Assert.Equal(
                ".agent/state/active_phase.json(3,56) [14 | completed LAYER_B (active_phase.json completedLayers) | docs/decisions/ADR_14.md | the LAYER_B artifact]",
                Show(result));
            Assert.Equal(
                "Phase '14' completed LAYER_B (active_phase.json completedLayers), so docs/decisions/ADR_14.md must exist (the LAYER_B artifact); it is not a file of the repository",
                result.Of("GOV606").Single().Message);
        }

        [Fact]
        public void An_earlier_phase_is_closed_and_needs_every_layer_and_the_closing_set_and_05_is_phase_5()
        {
            var phase13 = new[] { "docs/phases/MILESTONE_13.md", "docs/decisions/ADR_13.md", "docs/rfcs/RFC_13.md", "prototypes/phase_13_sim.ts", "docs/idempotency_contracts/phase_13.json",
                "tests/red_team/phase_13_attack.py", "scripts/judges/PHASE_13_JUDGE.py", "docs/reports/PHASE_13_EXECUTION_REPORT.md" };
            var result = Analyze(new[] { (".agent/state/active_phase.json", ActivePhase), ("docs/phases/MILESTONE_14.md", "# M14\n"), ("docs/decisions/ADR_14.md", "# ADR 14\n"), ("docs/rfcs/RFC_14.md", "# RFC 14\n") },
                phase13.Concat(new[] { "docs/phases/MILESTONE_5.md", "docs/decisions/ADR_05.md" }).ToArray());
            Assert.Equal(
                ".agent/state/active_phase.json(2,14) [13 | is before the active phase '14' (active_phase.json phaseId) | a file matching **/FINAL_PHASE_13_HANDOFF.md | a closing artifact of seed 001]\n" +
                ".agent/state/active_phase.json(2,14) [13 | is before the active phase '14' (active_phase.json phaseId) | docs/improvements/phase_13_log.md | the LAYER_H artifact]",
                string.Join("\n", Show(result).Split('\n').Where(l => l.Contains("[13 |"))));

            // MILESTONE_5.md and ADR_05.md are one phase, named as first found: six layers and two closing artifacts missing.
            var phase5 = result.Of("GOV606").Where(d => d.Arguments[0] == "05").ToList();
            Assert.Equal(8, phase5.Count);
            Assert.Contains(phase5, d => d.Arguments[2] == "docs/rfcs/RFC_05.md" && d.Arguments[3] == "the LAYER_D artifact");
        }

        [Fact]
        public void A_later_layer_artifact_means_the_earlier_layers_are_complete_and_the_report_stands_in_a_document()
        {
            var result = Analyze(new[] { ("docs/phases/MILESTONE_07.md", "# M7\n") }, "prototypes/phase_07_sim.ts");
            Assert.Equal(
                "docs/phases/MILESTONE_07.md(1,1) [07 | has its LAYER_S artifact prototypes/phase_07_sim.ts | docs/decisions/ADR_07.md | the LAYER_B artifact]\n" +
                "docs/phases/MILESTONE_07.md(1,1) [07 | has its LAYER_S artifact prototypes/phase_07_sim.ts | docs/rfcs/RFC_07.md | the LAYER_D artifact]",
                Show(result));
        }

        [Fact]
        public void A_seed_001_phase_with_one_closing_artifact_needs_the_other_and_no_layers()
        {
            var result = Analyze(new[] { ("docs/phases/PHASE_A_EXECUTION_REPORT.md", "# Phase A report\n") });
            Assert.Equal(
                "docs/phases/PHASE_A_EXECUTION_REPORT.md(1,1) [A | has its closing artifact docs/phases/PHASE_A_EXECUTION_REPORT.md | a file matching **/FINAL_PHASE_A_HANDOFF.md | a closing artifact of seed 001]",
                Show(result));
            Assert.Empty(Analyze(new[] { ("docs/phases/PHASE_A_EXECUTION_REPORT.md", "# Phase A report\n"), ("FINAL_PHASE_A_HANDOFF.md", "# Handoff\n") }).Of("GOV606"));
        }

        [Fact]
        public void A_phase_closed_on_the_task_board_is_reported_at_the_closure_line()
        {
            string board = "# Task Board\n\n## PHASE 2 CLOSURE GATES\n**Status:** CLOSED\n";
            var result = Analyze(new[] { ("docs/TASK_BOARD.md", board), ("docs/phases/MILESTONE_02.md", "# M2\n") },
                "docs/decisions/ADR_02.md", "docs/rfcs/RFC_02.md", "prototypes/phase_02_sim.ts", "docs/idempotency_contracts/phase_02.json", "tests/red_team/phase_02_attack.py",
                "scripts/judges/PHASE_02_JUDGE.py", "docs/improvements/phase_02_log.md", "docs/PHASE_02_EXECUTION_REPORT.md");
            Assert.Equal("docs/TASK_BOARD.md(4,13) [02 | is closed on the task board | a file matching **/FINAL_PHASE_02_HANDOFF.md | a closing artifact of seed 001]", Show(result));
        }

        [Fact]
        public void A_complete_phase_passes_the_paths_are_configurable_and_without_a_file_list_the_rule_does_not_run()
        {
            var documents = new[] { (".agent/state/active_phase.json", ActivePhase), ("docs/phases/MILESTONE_14.md", "# M14\n"), ("docs/decisions/ADR_14.md", "# ADR 14\n"), ("docs/rfcs/RFC_14.md", "# RFC 14\n") };
            Assert.Empty(Analyze(documents).Of("GOV606"));

            var moved = documents.Where(d => !d.Item1.Contains("RFC")).Append(("governance.yml", "state:\n  layerArtifacts:\n    LAYER_D: design/**/rfc-{XX}.md\n")).ToArray();
            Assert.Equal(
                ".agent/state/active_phase.json(3,78) [14 | completed LAYER_D (active_phase.json completedLayers) | a file matching design/**/rfc-14.md | the LAYER_D artifact]",
                Show(Analyze(moved)));
            Assert.Empty(Analyze(moved, "design/v1/rfc-14.md").Of("GOV606"));

            var noList = GovernanceEngine.Analyze(new[] { DocumentInput.FromText(".agent/state/active_phase.json", ActivePhase) });
            Assert.Empty(noList.Of("GOV606"));
        }

        [Fact]
        public void A_one_digit_phase_is_written_with_two_digits_for_XX_and_found_with_either()
        {
            const string phase3 = "{ \"phaseId\": 3, \"completedLayers\": [\"LAYER_0_REFLECTION\", \"LAYER_A\"], \"nextAction\": \"LAYER_B\" }";
            var d = Analyze(new[] { (".agent/state/active_phase.json", phase3) }).Of("GOV606").Single();
            Assert.Equal(new[] { "3", "completed LAYER_A (active_phase.json completedLayers)", "docs/phases/MILESTONE_03.md", "the LAYER_A artifact" }, d.Arguments.ToArray());
            Assert.Empty(Analyze(new[] { (".agent/state/active_phase.json", phase3) }, "docs/phases/MILESTONE_3.md").Of("GOV606"));
        }
    }
}