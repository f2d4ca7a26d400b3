using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Xunit;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Tests.Rules.Decisions
{
    /// <summary>GOV610 through the engine: relative links and heading anchors between the documents under docs/.</summary>
    public class GOV610BrokenLinkTests
    {
        private const string Index =
            "# Index\n\n" +
            "See [b](b.md), [gone](missing.md) and [out](../../x.md).\n" +
            "Anchors: [ok](b.md#second-section-v2), [dup](b.md#notes-1), [bad](b.md#nope), [line](b.md#L20).\n" +
            "Here: [top](#index), [wrong](#indx), [src](../src/), [web](https://example.com/x.md).\n" +
            "`[code](nowhere.md)` is code.\n\n" +
            "```\n[fenced](nowhere.md)\n```\n\n" +
            "[ref]: ./sub%20dir/c.md\n" +
            "[ref2]: missing2.md\n";

        private const string B = "# B\n\n## Second *section* (v2)\n\n## Notes\n\n## Notes\n";

        private static readonly string[] OtherFiles = { "src/main.rs", "docs/sub dir/c.md" };

        private static GovernanceResult Analyze(bool withFileList, params (string Path, string Text)[] documents) =>
            GovernanceEngine.Analyze(documents.Select(d => DocumentInput.FromText(d.Path, d.Text)),
                new AnalysisOptions { RepositoryFiles = withFileList ? documents.Select(d => d.Path).Concat(OtherFiles).ToList() : null });

        private static string Show(GovernanceResult result) => string.Join("\n", result.Of("GOV610")
            .Select(d => $"{d.Path}({d.Span.StartLine},{d.Span.StartColumn}) [{string.Join(" | ", d.Arguments)}]"));

        [Fact]
        public void Missing_files_escapes_and_unknown_anchors_are_reported_at_the_destination()
        {
            var result = Analyze(true, ("docs/a.md", Index), ("docs/b.md", B));
            Assert.Equal(
                "docs/a.md(3,23) [missing.md | docs/missing.md is not a file or folder of the repository]\n" +
                "docs/a.md(3,45) [../../x.md | it climbs out of the repository]\n" +
                "docs/a.md(4,67) [b.md#nope | docs/b.md has no heading with the anchor #nope]\n" +
                "docs/a.md(5,30) [#indx | this document has no heading with the anchor #indx]\n" +
                "docs/a.md(13,9) [missing2.md | docs/missing2.md is not a file or folder of the repository]",
                Show(result));
            Assert.Equal("Link 'missing.md' is broken: docs/missing.md is not a file or folder of the repository", result.Of("GOV610").First().Message);
            Assert.Equal(Orchestrator.Governance.Diagnostics.GovernanceSeverity.Warning, result.Of("GOV610").First().Severity);
        }

        [Fact]
        public void Without_the_file_list_only_anchors_are_checked()
        {
            Assert.Equal(
                "docs/a.md(3,45) [../../x.md | it climbs out of the repository]\n" +
                "docs/a.md(4,67) [b.md#nope | docs/b.md has no heading with the anchor #nope]\n" +
                "docs/a.md(5,30) [#indx | this document has no heading with the anchor #indx]",
                Show(Analyze(false, ("docs/a.md", Index), ("docs/b.md", B))));
        }

        [Fact]
        public void Documents_outside_documents_links_are_neither_checked_nor_anchor_targets()
        {
            var result = Analyze(true, ("notes/a.md", "[x](missing.md)\n"), ("docs/c.md", "[y](../notes/a.md#whatever) [z](../README.md)\n"), ("README.md", "# R\n"));
            Assert.Equal(string.Empty, Show(result));
        }

        [Fact]
        public void A_suppression_comment_applies_and_a_heading_slug_follows_GitHub()
        {
            Assert.Empty(Analyze(true, ("docs/a.md", "<!-- governance-disable-file GOV610 -->\n[gone](missing.md)\n")).Of("GOV610"));
            Assert.Equal("23123-storage-api-abstraction-pattern", MarkdownLinks.Slug("§2.3.12.3 Storage API Abstraction Pattern"));
            Assert.Equal("waivers-granted-cx-573f-append-only", MarkdownLinks.Slug("WAIVERS GRANTED [CX-573F] (APPEND-ONLY)"));
            Assert.Equal("see-the-spec-now", MarkdownLinks.Slug("See [the spec](x.md) `now`"));
        }

        [Fact]
        public void A_binary_or_empty_document_under_docs_gets_one_GOV002_or_nothing_and_a_bad_escape_is_kept()
        {
            var result = Analyze(true, ("docs/task_packets/WP-1-X.md", "# x\0\0"), ("docs/notes.md", "\0bin"), ("docs/empty.md", ""), ("docs/esc.md", "[x](a%zz.md)\n"));
            Assert.Equal(new[] { "docs/notes.md", "docs/task_packets/WP-1-X.md" }, result.Of("GOV002").Select(d => d.Path).ToArray());
            Assert.Equal("docs/esc.md(1,5) [a%zz.md | docs/a%zz.md is not a file or folder of the repository]", Show(result));
            Assert.Empty(result.Of("GOV003"));
        }
    }
}