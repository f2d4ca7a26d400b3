using System.Linq;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Model.Spec;
using Xunit;

namespace Orchestrator.Governance.Tests.Documents
{
    public class ParsedMarkdownTests
    {
        private const string Text =
            "# Title\n\nPlain prose with *emphasis* and a [reference][x].\n\nA [link](x.md) here.\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n\nA note <!-- governance-disable-line GOV107 --> here.\n\n- item with `code | pipe`\n";

        [Fact]
        public void Inlines_are_parsed_only_in_tables_and_in_blocks_holding_an_HTML_comment_or_an_inline_link()
        {
            var doc = ParsedMarkdown.Parse("a.md", Text);
            var paragraphs = doc.Ast.Descendants<ParagraphBlock>().ToList();

            // Prose and the list item: no inline pass (nothing reads their inlines).
            Assert.Null(paragraphs.Single(p => doc.Text.Substring(p.Span.Start).StartsWith("Plain prose")).Inline);
            Assert.Null(paragraphs.Single(p => doc.Text.Substring(p.Span.Start).StartsWith("item with")).Inline);

            // The inline link is a link, as GOV610 needs.
            var linked = paragraphs.Single(p => doc.Text.Substring(p.Span.Start).StartsWith("A [link]"));
            Assert.Equal("x.md", Assert.Single(linked.Inline!.Descendants<LinkInline>()).Url);

            // The pipe table is still a table, with its cells.
            var table = Assert.Single(doc.Ast.Descendants<Table>());
            Assert.Equal(2, table.Count);
            Assert.Equal(2, ((TableRow)table[0]).Count);

            // The comment is an inline HTML comment, as inline suppressions need.
            var note = paragraphs.Single(p => doc.Text.Substring(p.Span.Start).StartsWith("A note"));
            var comment = Assert.Single(note.Inline!.Descendants<HtmlInline>());
            Assert.Equal("<!-- governance-disable-line GOV107 -->", comment.Tag);
        }

        [Fact]
        public void A_line_of_pipes_and_dashes_that_is_no_delimiter_row_leaves_prose_prose()
        {
            var doc = ParsedMarkdown.Parse("a.md", "a | b\nnot a delimiter | row\n");
            Assert.Empty(doc.Ast.Descendants<Table>());
            Assert.Null(Assert.Single(doc.Ast.Descendants<ParagraphBlock>()).Inline);
        }

        [Fact]
        public void The_text_document_kept_after_reading_shares_text_and_line_map_and_has_no_tree()
        {
            var doc = ParsedMarkdown.Parse("a.md", Text);
            var kept = doc.WithoutTree();
            Assert.IsType<TextDocument>(kept);
            Assert.Same(doc.Text, kept.Text);
            Assert.Same(doc.Lines, kept.Lines);
            Assert.Same(kept, kept.WithoutTree());
        }

        [Fact]
        public void Requirement_IDs_are_the_occurrences_lying_wholly_in_a_range_each_once()
        {
            string text = "See CX-1 and CX-2, then CX-1 again; CX-3 ends here";
            var ids = IdOccurrences.Scan(text, new System.Text.RegularExpressions.Regex(@"\bCX-\d+\b"));
            Assert.Equal(new[] { "CX-1", "CX-2", "CX-1", "CX-3" }, ids.All.Select(o => o.Value));
            Assert.Equal(new[] { "CX-1", "CX-2" }, ids.Within(0, text.IndexOf(';')));
            // CX-3 starts inside the range but ends outside it.
            Assert.Empty(ids.Within(text.IndexOf("CX-3"), text.IndexOf("CX-3") + 3));
            Assert.Equal(new[] { "CX-3" }, ids.Within(text.IndexOf("CX-3"), text.Length));
        }

        [Fact]
        public void Content_words_are_lower_case_without_stop_words_short_words_or_a_plural_s()
        {
            var words = DoneMeansCoverage.Words("The Validators MUST reject job_ids, 9lives and x2 for ALL classes; it is OK.");
            Assert.Equal(new[] { "validator", "reject", "job_id", "live", "classe" }.OrderBy(w => w, System.StringComparer.Ordinal),
                words.OrderBy(w => w, System.StringComparer.Ordinal));
        }
    }
}
