using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Rules.TaskPackets;
using Orchestrator.Governance.Text;
using Xunit;

namespace Orchestrator.Governance.Tests.Diagnostics
{
    /// <summary>Document text quoted in a diagnostic is one printable line (issue 31, M7, M8, L1).</summary>
    public class MessageTextTests
    {
        [Theory]
        [InlineData("plain text, § and emoji \U0001F600", "plain text, § and emoji \U0001F600")]
        [InlineData("tab\tkept", "tab\tkept")]
        [InlineData("x\n::error::pwned", "x\\u000A::error::pwned")]
        [InlineData("x\r\n::error::pwned", "x\\u000D\\u000A::error::pwned")]
        [InlineData("\u001b[31mred", "\\u001B[31mred")]
        [InlineData("del\u007f c1\u0085 ls\u2028 ps\u2029", "del\\u007F c1\\u0085 ls\\u2028 ps\\u2029")]
        [InlineData("\u202Eevil\u2066", "\\u202Eevil\\u2066")]
        [InlineData("a\uFFFEb\uFFFF", "a\\uFFFEb\\uFFFF")]
        public void OneLine_escapes_what_could_end_a_line_steer_a_terminal_or_break_XML(string text, string expected)
        {
            Assert.Equal(expected, MessageText.OneLine(text));
        }

        [Fact]
        public void A_surrogate_without_its_pair_is_escaped_and_a_pair_is_kept()
        {
            // Built in code: attribute arguments cannot carry a lone surrogate.
            Assert.Equal("lone \\uD800 high", MessageText.OneLine("lone " + '\uD800' + " high"));
            Assert.Equal("lone \\uDC00 low", MessageText.OneLine("lone " + '\uDC00' + " low"));
            Assert.Equal("end \\uD83D", MessageText.OneLine("end " + '\uD83D'));
            Assert.Equal("pair \uD83D\uDE00", MessageText.OneLine("pair \uD83D\uDE00"));
        }

        [Fact]
        public void Text_without_such_a_character_is_returned_as_it_is()
        {
            string text = "STATUS 'Done'";
            Assert.Same(text, MessageText.OneLine(text));
        }

        [Fact]
        public void A_diagnostic_s_arguments_and_message_are_one_line_and_its_path_never_starts_a_command()
        {
            var d = new GovernanceDiagnostic(GOV107FieldValueNotAllowed.Rule, "::warning::x/task_packets/WP-1-A.md", new SourceSpan(0, 1, 1, 1, 1, 2), GovernanceSeverity.Error, new[] { "STATUS", "Done\n::error::pwned", "Done" });
            Assert.Equal("Done\\u000A::error::pwned", d.Arguments[1]);
            Assert.DoesNotContain("\n", d.Message);
            Assert.StartsWith("./::warning::x/task_packets/WP-1-A.md(1,1): error GOV107: STATUS 'Done\\u000A::error::pwned'", d.ToString());
        }
    }
}
