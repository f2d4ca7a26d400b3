using System.Linq;
using System.Text;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Documents;
using Xunit;

namespace Orchestrator.Governance.Tests.Documents
{
    /// <summary>
    /// The shapes Markdig parses in more than linear time, refused before it runs (issue 31, H2;
    /// docs/upstream/markdig-quadratic.md), and the shapes next to them that are parsed.
    /// </summary>
    public class MarkdownCostTests
    {
        private static string Repeat(string s, int n) => string.Concat(Enumerable.Repeat(s, n));

        private static string Table(string header, int rows) => header + "\n| - | - |\n" + Repeat("| x | y |\n", rows);

        [Fact]
        public void Link_destinations_not_closed_before_white_space_on_a_long_line_are_refused()
        {
            string text = "# Notes\n\n" + Repeat("[](", 100_000) + "\n";
            Assert.Equal(
                "the Markdown parser would read link destinations over 15,000,050,000 characters (\"](\" whose \"(\" no \")\" closes in its paragraph, e.g. on line 3); more than 100,000,000 takes it more than linear time: close the links",
                MarkdownCost.Excess(text));
            Assert.NotNull(MarkdownCost.Excess(Repeat("![](", 20_000)));
        }

        /// <summary>
        /// Parentheses nest in a raw destination: "[](" then "[a](b)" leaves the first '(' open, so
        /// every destination runs to the paragraph's end (found by the costly-shapes property:
        /// 400 KB took 15 s in Markdig), though a ')' follows each "](" closely.
        /// </summary>
        [Fact]
        public void Link_destinations_whose_parentheses_nest_open_are_refused_and_balanced_ones_read()
        {
            Assert.StartsWith("the Markdown parser would read link destinations over ", MarkdownCost.Excess(Repeat("[a](b)-->[](", 40_000)));
            Assert.Null(MarkdownCost.Excess(Repeat("[a](b(c)) and [d](e) ", 40_000)));
        }

        [Theory]
        [InlineData("[a](b) ")]
        [InlineData("[a](b)\n")]
        [InlineData("[](\n\n")]
        [InlineData("See [the spec](https://example.org/spec.md#x \"title\") and ")]
        public void Links_closed_in_their_paragraph_are_read(string piece)
        {
            Assert.Null(MarkdownCost.Excess(Repeat(piece, 100_000)));
        }

        [Theory]
        [InlineData("![](\t&amp;\t(\t")]
        [InlineData("[]( ")]
        [InlineData("[](x (")]
        public void Links_whose_title_runs_on_to_the_paragraph_s_end_are_refused(string piece)
        {
            // The CsCheck property found the first: 564 KB took 41 s in Markdig.
            Assert.StartsWith("the Markdown parser would read link destinations over ", MarkdownCost.Excess(Repeat(piece, 40_000)));
        }

        [Theory]
        [InlineData("| **a** | b |", 1)]
        [InlineData("| a*b | b |", 1)]
        [InlineData("| _a_ | b |", 1)]
        [InlineData("*a*\n| a | b |", 1)]
        public void A_pipe_table_with_emphasis_above_1500_rows_is_refused(string header, int emphasisLine)
        {
            string text = Table(header, 2_000);
            int rows = text.Split('\n').Count(l => l.Length > 0) - emphasisLine + 1;
            Assert.Equal(
                $"the table at line 1 has {rows:N0} rows from the emphasis on line {emphasisLine} on, and the Markdown parser takes time in their square past 1,500: split the table or drop the emphasis ('*' or '_')",
                MarkdownCost.Excess(text));
        }

        [Theory]
        [InlineData("| a_b | b |")]
        [InlineData("| * | b |")]
        [InlineData("| a | b |")]
        public void A_large_table_without_emphasis_delimiters_is_read(string header)
        {
            Assert.Null(MarkdownCost.Excess(Table(header, 20_000)));
        }

        [Fact]
        public void Emphasis_near_the_end_of_a_table_or_in_another_paragraph_is_read()
        {
            Assert.Null(MarkdownCost.Excess(Table("| a | b |", 5_000) + "| *x* | y |\n"));
            Assert.Null(MarkdownCost.Excess("*a*\n\n" + Table("| a | b |", 5_000)));
            Assert.Null(MarkdownCost.Excess(Table("| **a** | b |", 1_400)));
        }

        [Fact]
        public void Many_tables_just_under_the_bound_add_up_and_are_refused()
        {
            // 600 tables of 1,400 rows under a bold header: each alone is read, together they were minutes.
            string one = Table("| **a** | b |", 1_398);
            string text = string.Join("\n", Enumerable.Repeat(one, 600));
            Assert.Equal(
                "its pipe tables with emphasis add up to 1,176,000,000 steps of the Markdown parser (the sum of the squares of their rows after the first emphasis; the largest, at line 1, has 1,400 rows from line 1 on), more than 2,250,000: split the document or drop the emphasis ('*' or '_')",
                MarkdownCost.Excess(text));
            Assert.Null(MarkdownCost.Excess(one + "\n" + string.Join("\n", Enumerable.Repeat(Table("| **a** | b |", 100), 20))));
            Assert.NotNull(MarkdownCost.Excess(one + "\n" + one));
        }

        [Fact]
        public void HTML_comments_not_closed_are_refused_and_closed_ones_are_read()
        {
            string text = "text " + Repeat("<!--", 400_000) + "\n";
            Assert.Equal(
                "the Markdown parser would read HTML comments over 320,001,200,000 characters (\"<!--\" without a \"-->\" after it, e.g. on line 1); more than 100,000,000 takes it more than linear time: close the comments",
                MarkdownCost.Excess(text));
            Assert.Null(MarkdownCost.Excess(Repeat("<!-- a --> ", 200_000)));
        }

        [Fact]
        public void Lines_that_start_like_reference_definitions_in_one_long_paragraph_are_refused()
        {
            // The CsCheck property found it: "[a]: " on 200,000 lines, 1.2 MB, took 24 s in Markdig.
            Assert.Equal(
                "the paragraph at line 1 has 20,000 lines that start like link reference definitions ('[x]:'), and the Markdown parser tries each against the rest of its paragraph (2,400,000,000 steps in all, more than 1,000,000,000): separate them with blank lines or complete them",
                MarkdownCost.Excess(Repeat("[a]: \n", 20_000)));
            Assert.Null(MarkdownCost.Excess(Repeat("[a]: https://example.org/a\n", 200) + "\ntext\n"));
        }

        [Fact]
        public void A_paragraph_with_pipes_links_and_emphasis_is_measured_as_a_table()
        {
            // The CsCheck property found it: no delimiter row, 154 KB took 2.7 s.
            string text = "[x](y)\n| *x* | y |\n" + Repeat("-->[a](b)| *x* | y |\n", 2_000);
            Assert.Equal(
                "the table at line 1 has 2,001 rows from the emphasis on line 2 on, and the Markdown parser takes time in their square past 1,500: split the table or drop the emphasis ('*' or '_')",
                MarkdownCost.Excess(text));
            Assert.Null(MarkdownCost.Excess("| *x* | y |\n" + Repeat("| a | b |\n", 5_000)));
        }

        [Fact]
        public void A_table_inside_block_quotes_is_measured_as_a_table()
        {
            string text = "> *a*\n> | a | b |\n> |---|---|\n" + Repeat("> | 1 | 2 |\n", 2_000);
            Assert.Equal(
                "the table at line 1 has 2,003 rows from the emphasis on line 1 on, and the Markdown parser takes time in their square past 1,500: split the table or drop the emphasis ('*' or '_')",
                MarkdownCost.Excess(text));
        }

        [Fact]
        public void A_heading_of_unclosed_brackets_is_read()
        {
            // Our own heading slug read a heading of 160,000 '<' in quadratic time.
            var result = Packets.Analyze((Packets.Path, Packets.Valid), ("docs/notes.md", "# " + new string('<', 160_000) + "\n\n# " + new string('[', 160_000) + "\n"));
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "GOV003" || d.Id == "GOV002");
        }

        [Fact]
        public void The_engine_refuses_such_a_packet_with_GOV002_an_error_and_keeps_the_others()
        {
            string packet = Packets.Valid + "\n| **a** | b |\n| - | - |\n" + Repeat("| x | y |\n", 2_000);
            var result = Packets.Analyze((Packets.Path, packet), ("docs/task_packets/WP-1-Other.md", Packets.WithLine(9, "- STATUS: Almost done").Replace("WP-1-Storage-Layer", "WP-1-Other")));
            var refused = Assert.Single(result.Of("GOV002"));
            Assert.Equal((Packets.Path, 1, 1, GovernanceSeverity.Error), (refused.Path, refused.Span.StartLine, refused.Span.StartColumn, refused.Severity));
            int tableLine = Packets.Valid.Split('\n').Length + 1;
            Assert.StartsWith($"the table at line {tableLine} has 2,002 rows from the emphasis on line {tableLine} on", refused.Arguments[0]);
            Assert.Single(result.Of("GOV107"));
            Assert.True(result.HasErrors);
        }
    }
}
