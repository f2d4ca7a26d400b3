using System;
using System.IO;
using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules.State
{
    /// <summary>
    /// The fixture repositories tests/Fixtures/state-files/valid and /invalid: one file of each
    /// state kind (plan.json, session.json, PROGRESS.json, .agent/state/active_phase.json, an
    /// idempotency contract), read from disk as a host would and analyzed with the defaults.
    /// </summary>
    public class StateFileFixtureTests
    {
        /// <summary>The fixture's files: repository-relative path and raw bytes, as a host reads them.</summary>
        private static System.Collections.Generic.List<(string Path, byte[] Bytes)> FixtureFiles(string name)
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Orchestrator.sln"))) dir = dir.Parent;
            string root = Path.Combine(dir!.FullName, "tests", "Fixtures", "state-files", name);
            return Directory.GetFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => (Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes(f)))
                .ToList();
        }

        private static GovernanceResult AnalyzeFixture(string name) =>
            GovernanceEngine.Analyze(FixtureFiles(name).Select(f => DocumentInput.FromBytes(f.Path, f.Bytes)));

        [Fact]
        public void The_valid_state_files_pass()
        {
            Assert.Empty(AnalyzeFixture("valid").Diagnostics);
        }

        [Fact]
        public void The_state_schemas_accept_a_metadata_header_as_a_first_comment_property()
        {
            const string config = "headers:\n  include: ['**/*.json']\n  styles: { '.json': '$comment' }\n";
            var files = FixtureFiles("valid");
            Assert.Equal(5, files.Count);
            var headed = files
                .Select(f => DocumentInput.FromText(f.Path, "{\n  \"$comment\": \"Description: State.\\nOrchestration: Phase 14 | Active\"," + System.Text.Encoding.UTF8.GetString(f.Bytes).TrimStart().Substring(1)))
                .Append(DocumentInput.FromText("governance.yml", config));
            Assert.Empty(GovernanceEngine.Analyze(headed).Diagnostics);

            // Without the header, each of the five files is reported.
            var bare = files.Select(f => DocumentInput.FromBytes(f.Path, f.Bytes)).Append(DocumentInput.FromText("governance.yml", config));
            Assert.Equal(new[] { "GOV401", "GOV401", "GOV401", "GOV401", "GOV401" }, GovernanceEngine.Analyze(bare).Diagnostics.Select(d => d.Id));
        }

        [Fact]
        public void The_invalid_state_files_get_each_diagnostic_at_the_offending_value()
        {
            var actual = AnalyzeFixture("invalid").Diagnostics
                .Select(d => $"{d.Path}({d.Span.StartLine},{d.Span.StartColumn}) {d.Id} [{string.Join(" | ", d.Arguments)}]").ToList();
            string[] expected =
            {
                ".agent/state/active_phase.json(4,78) GOV319 [LAYER_D | LAYER_C]",
                ".agent/state/active_phase.json(4,89) GOV318 [LAYER_F | LAYER_S]",
                ".agent/state/active_phase.json(4,89) GOV319 [LAYER_F | LAYER_C]",
                "PROGRESS.json(5,58) GOV317 [planning | 301 | 300]",
                "PROGRESS.json(6,41) GOV316 [implementation | in_progress | planning | complete with validation.passed false]",
                "artifacts/plan.json(3,55) GOV312 [0 | 1 | t2]",
                "artifacts/plan.json(4,58) GOV313 ['t2' | t9]",
                "artifacts/plan.json(4,74) GOV314 ['t2' | 4 | 3]",
                "artifacts/plan.json(5,50) GOV311 [artifacts/plan.json | schemas/state/plan.schema.json | 'tasks[2].dependencies': array expected]",
                "docs/idempotency_contracts/phase_14.json(5,5) GOV311 [docs/idempotency_contracts/phase_14.json | schemas/state/idempotency-contract.schema.json | 'actions[1].idempotencyKey' is required]",
                "session.json(1,1) GOV311 [session.json | schemas/state/session.schema.json | 'Task' is required]",
                "session.json(1,27) GOV315 [3 | 2]",
            };
            Assert.Equal(expected, actual);
        }
    }
}
