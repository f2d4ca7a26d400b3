using System.Linq;
using Orchestrator.Governance.Documents;
using Xunit;

namespace Orchestrator.Governance.Tests.Documents
{
    /// <summary>The YAML front matter reader the ADR and metadata header rules share.</summary>
    public class YamlFrontMatterTests
    {
        private static string Entries(string text, YamlFrontMatter front) =>
            string.Join("\n", front.Entries.Select(e => $"{e.Key}@{e.KeyStart}=[{e.Value}] '{text.Substring(e.ValueStart, e.ValueLength)}'"));

        [Fact]
        public void Top_level_scalar_keys_are_read_with_their_places_quotes_excluded()
        {
            const string text = "---\nstatus: \"accepted\"\ndate: 2024-01-01\ndeciders: [a, b]\nmeta: {x: 1}\ntitle: 'It''s'\n---\n# Title\n";
            var front = YamlFrontMatter.Read(text)!;
            Assert.Equal(7, front.LineCount);
            Assert.Null(front.Problem);
            Assert.Equal("status@4=[accepted] 'accepted'\ndate@23=[2024-01-01] '2024-01-01'\ntitle@70=[It's] 'It''s'", Entries(text, front));
            Assert.Equal("accepted", front.Find("STATUS")!.Value);
            Assert.Null(front.Find("deciders"));
        }

        [Theory]
        [InlineData("# Title\n")]
        [InlineData("---\nstatus: accepted\n")]
        [InlineData(" ---\nstatus: accepted\n---\n")]
        [InlineData("")]
        public void Text_that_does_not_open_and_close_a_front_matter_has_none(string text)
        {
            Assert.Null(YamlFrontMatter.Read(text));
        }

        [Fact]
        public void Invalid_YAML_keeps_the_keys_before_the_error_and_says_where_the_parser_stopped()
        {
            const string text = "---\nstatus: accepted\ntitle: Use X: the sequel\nowner: ops\n---\n";
            var front = YamlFrontMatter.Read(text)!;
            Assert.Equal("While scanning a plain scalar value, found invalid mapping.", front.Problem);
            Assert.Equal(text.IndexOf("X:") + 1, front.ProblemStart);
            Assert.Equal("status@4=[accepted] 'accepted'", Entries(text, front));
        }

        [Fact]
        public void A_flow_list_that_runs_on_to_an_unindented_line_is_a_problem_at_its_bracket()
        {
            const string text = "---\ndeciders: [ana\nstatus: accepted\n---\n";
            var front = YamlFrontMatter.Read(text)!;
            Assert.Equal("a '[' or '{' collection is not closed on its line and its next line is not indented more", front.Problem);
            Assert.Equal(text.IndexOf('['), front.ProblemStart);
            Assert.Empty(front.Entries);
        }

        [Fact]
        public void Aliases_are_never_expanded_and_deep_nesting_is_read_without_recursion()
        {
            string bomb = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n";
            for (int i = 0; i < 9; i++) bomb += $"{(char)('b' + i)}: &{(char)('b' + i)} [" + string.Join(", ", Enumerable.Repeat($"*{(char)('a' + i)}", 10)) + "]\n";
            bomb += "status: *a\ndescription: Still read.\n---\n";
            var front = YamlFrontMatter.Read(bomb)!;
            Assert.Null(front.Problem);
            Assert.Equal(new[] { "description" }, front.Entries.Select(e => e.Key));

            string deep = "---\nk: " + new string('[', 10_000) + new string(']', 10_000) + "\nstatus: proposed\n---\n";
            Assert.Equal("proposed", YamlFrontMatter.Read(deep)!.Find("status")!.Value);
        }

        [Fact]
        public void A_text_is_parsed_once_however_many_readers_ask()
        {
            string text = "---\nstatus: accepted\n---\n# T\n";
            Assert.Same(YamlFrontMatter.Read(text), YamlFrontMatter.Read(text));
            Assert.NotSame(YamlFrontMatter.Read(text), YamlFrontMatter.Read(new string(text.ToCharArray())));
        }

        [Fact]
        public void CRLF_line_ends_and_a_closing_dot_line_are_accepted()
        {
            Assert.Equal(3, YamlFrontMatter.Read("---\r\nstatus: accepted\r\n---\r\nText\r\n")!.LineCount);
            Assert.Equal("accepted", YamlFrontMatter.Read("---\nstatus: accepted\n...\n")!.Find("status")!.Value);
        }
    }
}
