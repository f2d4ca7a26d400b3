using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules.Decisions
{
    /// <summary>GOV601-GOV604 through the engine on a folder of ADRs in both templates.</summary>
    public class AdrRuleTests
    {
        private static readonly (string Path, string Text)[] Files =
        {
            ("docs/adr/0001-use-postgres.md", "# 1. Use Postgres\n\n## Status\n\nSuperseded by [ADR-0003](0003-use-sqlite.md)\n\n## Context\n\nWe need a database.\n\n## Decision\n\nPostgres.\n\n## Consequences\n\nA server to run.\n"),
            ("docs/adr/0002-logging.md", "# 2. Logging\n\n## Status\n\nApproved\n\n## Context\n\nLogs.\n\n## Decision\n\nJSON lines.\n"),
            ("docs/adr/0003-cache.md", "# 3. Cache\n\n## Status\n\nProposed\n\n## Context\n\nSlow.\n\n## Decision\n\nAn LRU.\n\n## Consequences\n\nMemory.\n"),
            ("docs/adr/0003-use-sqlite.md", "---\nstatus: accepted\n---\n# Use SQLite\n\n## Context and Problem Statement\n\nLocal-first.\n\n## Considered Options\n\n* SQLite\n* Postgres\n\n## Decision Outcome\n\nSQLite.\n"),
            ("docs/adr/0004-queue.md", "# 4. Queue\n\n## Status\n\nSuperseded by ADR-0009\n\n## Context\n\nJobs.\n\n## Decision\n\nA table.\n\n## Consequences\n\nPolling.\n"),
            ("docs/adr/README.md", "# Decisions\n\nIndex.\n"),
            ("docs/decisions/ADR_05.md", "# ADR-0005: Runtime\n\n- **Status:** Accepted\n- **Context:** Local models.\n\n## Decision\nOllama.\n\n## Consequences\nA daemon.\n"),
            ("docs/adr/0006-old.md", "# 6. Old\n\n## Status\n\nSuperseded by ADR-0007\n\n## Context\n\nA.\n\n## Decision\n\nB.\n\n## Consequences\n\nC.\n"),
            ("docs/adr/0007-new.md", "# 7. New\n\n## Status\n\nAccepted. Supersedes ADR-0006.\n\n## Context\n\nA.\n\n## Decision\n\nB.\n\n## Consequences\n\nC.\n"),
        };

        private static GovernanceResult Analyze(params (string Path, string Text)[] files) =>
            GovernanceEngine.Analyze(files.Select(f => DocumentInput.FromText(f.Path, f.Text)));

        private static string Show(GovernanceResult result) => string.Join("\n", result.Diagnostics
            .Where(d => d.Id.StartsWith("GOV60", System.StringComparison.Ordinal))
            .Select(d => $"{d.Path}({d.Span.StartLine},{d.Span.StartColumn}) {d.Id} [{string.Join(" | ", d.Arguments)}]"));

        [Fact]
        public void Each_ADR_problem_is_reported_where_it_is_written()
        {
            Assert.Equal(
                "docs/adr/0001-use-postgres.md(5,1) GOV603 [1 | 3 | docs/adr/0003-cache.md does not say 'Supersedes ADR-1']\n" +
                "docs/adr/0002-logging.md(1,3) GOV601 [2 | Consequences | Nygard | Status, Context, Decision, Consequences]\n" +
                "docs/adr/0002-logging.md(5,1) GOV602 [2 | Approved | proposed, accepted, rejected, deprecated, superseded]\n" +
                "docs/adr/0003-use-sqlite.md(4,3) GOV604 [3 | docs/adr/0003-cache.md]\n" +
                "docs/adr/0004-queue.md(5,1) GOV603 [4 | 9 | no ADR has that number]",
                Show(Analyze(Files)));
        }

        [Fact]
        public void The_messages_name_the_value_and_what_was_expected()
        {
            var result = Analyze(Files);
            Assert.Equal("ADR 2 lacks Consequences (Nygard template: Status, Context, Decision, Consequences)", result.Of("GOV601").Single().Message);
            Assert.Equal("ADR 2 has status 'Approved'; expected one of proposed, accepted, rejected, deprecated, superseded (adr.statuses)", result.Of("GOV602").Single().Message);
            Assert.Equal("ADR number 3 is already used by docs/adr/0003-cache.md; renumber this ADR", result.Of("GOV604").Single().Message);
        }

        [Fact]
        public void A_suppression_comment_in_the_ADR_applies()
        {
            var files = Files.Select(f => f.Path.Contains("0002") ? (f.Path, f.Text + "\n<!-- governance-disable-file GOV601 -->\n") : f).ToArray();
            var result = Analyze(files);
            Assert.Empty(result.Of("GOV601"));
            Assert.Single(result.Of("GOV602"));
        }

        [Fact]
        public void A_MADR_record_lacking_its_parts_is_judged_by_the_MADR_template()
        {
            var result = Analyze(("docs/decisions/0010-api.md", "---\nstatus: accepted\n---\n# API style\n\n## Context and Problem Statement\n\nREST or RPC.\n"));
            Assert.Equal("docs/decisions/0010-api.md(4,3) GOV601 [10 | Considered Options, Decision Outcome | MADR | Status, Context and Problem Statement, Considered Options, Decision Outcome]", Show(result));
        }

        [Fact]
        public void Fields_under_the_title_count_as_parts_and_a_renumbered_successor_resolves()
        {
            var result = Analyze(Files.Where(f => f.Path.Contains("ADR_05") || f.Path.Contains("0006") || f.Path.Contains("0007") || f.Path.EndsWith("README.md")).ToArray());
            Assert.Equal(string.Empty, Show(result));

            // Fixing the successor fixes the chain.
            var fixedFiles = Files.Where(f => !f.Path.Contains("0003-cache")).Select(f => f.Path.Contains("0003-use-sqlite") ? (f.Path, f.Text + "\nSupersedes [ADR-0001](0001-use-postgres.md).\n") : f).ToArray();
            Assert.DoesNotContain(Analyze(fixedFiles).Diagnostics, d => d.Path.Contains("0001") && d.Id == "GOV603");
        }
    }
}
