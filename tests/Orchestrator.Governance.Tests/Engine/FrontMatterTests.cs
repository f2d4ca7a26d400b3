using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Xunit;

namespace Orchestrator.Governance.Tests.Engine
{
    /// <summary>GOV006: a front matter that the ADR or header rules read and that is not valid YAML.</summary>
    public class FrontMatterTests
    {
        private const string Madr = "# Use SQLite\n\n## Context and Problem Statement\n\nLocal-first.\n\n## Considered Options\n\n* SQLite\n\n## Decision Outcome\n\nSQLite.\n";

        private static string Show(GovernanceResult result) => string.Join("\n", result.Diagnostics
            .Select(d => $"{d.Path}({d.Span.StartLine},{d.Span.StartColumn}) {d.Id} [{string.Join(" | ", d.Arguments)}]"));

        [Fact]
        public void A_break_after_the_status_is_reported_and_the_status_still_counts()
        {
            var result = GovernanceEngine.Analyze(new[]
            {
                DocumentInput.FromText("docs/adr/0003-use-sqlite.md", "---\nstatus: accepted\ntitle: Use SQLite: the sequel\n---\n" + Madr),
            });
            Assert.Equal("docs/adr/0003-use-sqlite.md(3,18) GOV006 [While scanning a plain scalar value, found invalid mapping.]", Show(result));
            Assert.Equal("The YAML front matter is not valid YAML: While scanning a plain scalar value, found invalid mapping.; its keys from here on are not read", result.Diagnostics[0].Message);
        }

        [Fact]
        public void A_comment_after_the_front_matter_suppresses_it()
        {
            var result = GovernanceEngine.Analyze(new[]
            {
                DocumentInput.FromText("docs/adr/0003-use-sqlite.md", "---\nstatus: accepted\ntitle: Use SQLite: the sequel\n---\n<!-- governance-disable-file GOV006 -->\n" + Madr),
            });
            Assert.Empty(result.Diagnostics);
        }

        [Fact]
        public void A_break_before_the_status_is_the_reason_it_is_not_read()
        {
            var result = GovernanceEngine.Analyze(new[]
            {
                DocumentInput.FromText("docs/adr/0003-use-sqlite.md", "---\ndeciders: [ana\nstatus: accepted\n---\n" + Madr),
            });
            // MADR's status is optional, so GOV006 is the one word on it.
            Assert.Equal(
                "docs/adr/0003-use-sqlite.md(2,11) GOV006 [a '[' or '{' collection is not closed on its line and its next line is not indented more]",
                Show(result));
        }

        [Fact]
        public void A_Markdown_file_with_a_header_is_reported_once_even_when_it_is_also_an_ADR()
        {
            // The ADR's description is after the break, so its header is missing; the notes' header
            // keys come before theirs and count. The parser notices the open '[' at the closing line.
            var result = GovernanceEngine.Analyze(new[]
            {
                DocumentInput.FromText("governance.yml", "headers:\n  include: ['docs/**/*.md']\n"),
                DocumentInput.FromText("docs/adr/0003-use-sqlite.md", "---\nstatus: accepted\ndescription: SQLite: why\n---\n" + Madr),
                DocumentInput.FromText("docs/notes.md", "---\ndescription: Notes\norchestration: Phase 2 | Active\nowner: [ops\n---\n# Notes\n"),
                DocumentInput.FromText("docs/plain.md", "---\ndescription: Plain.\norchestration: Phase 2 | Active\n---\n# Plain\n"),
            });
            Assert.Equal(
                "docs/adr/0003-use-sqlite.md(3,20) GOV006 [While scanning a plain scalar value, found invalid mapping.]\n" +
                "docs/adr/0003-use-sqlite.md(5,1) GOV401 [its first two lines must be '<!-- Description: <summary> -->' and '<!-- Orchestration: Phase <XX> | <Status> -->']\n" +
                "docs/notes.md(5,1) GOV006 [While parsing a flow sequence, did not find expected ',' or ']'.]",
                Show(result));
        }
    }
}
