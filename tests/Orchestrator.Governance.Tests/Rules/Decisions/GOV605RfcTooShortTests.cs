using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Xunit;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Tests.Rules.Decisions
{
    /// <summary>GOV605 through the engine: RFC_XX.md under docs/rfcs must hold rfc.minLines lines of text.</summary>
    public class GOV605RfcTooShortTests
    {
        /// <summary>A title, then <paramref name="lines"/> - 1 lines of text, each followed by a blank line.</summary>
        private static string Rfc(int lines) =>
            "# RFC 14: Larder sync\n\n" + string.Concat(Enumerable.Range(2, lines - 1).Select(i => $"Design line {i}.\n\n"));

        private static GovernanceResult Analyze(params (string Path, string Text)[] files) =>
            GovernanceEngine.Analyze(files.Select(f => DocumentInput.FromText(f.Path, f.Text)));

        [Fact]
        public void An_RFC_one_line_short_is_reported_at_its_first_line_and_blank_lines_do_not_count()
        {
            var result = Analyze(("docs/rfcs/RFC_14.md", Rfc(299)));
            var d = Packets.Single(result, "GOV605", "docs/rfcs/RFC_14.md", 1, 1, "299", "300");
            Assert.Equal((1, 22), (d.Span.EndLine, d.Span.EndColumn));
            Assert.Equal("RFC has 299 lines of text; seed 000 LAYER_D asks for at least 300 (rfc.minLines)", d.Message);
            Assert.Equal(Orchestrator.Governance.Diagnostics.GovernanceSeverity.Warning, d.Severity);
        }

        [Fact]
        public void Three_hundred_lines_of_text_pass_and_other_files_in_the_folder_are_not_RFCs()
        {
            var result = Analyze(("docs/rfcs/RFC_14.md", Rfc(300)), ("docs/rfcs/README.md", "# RFCs\n"), ("docs/notes/RFC_15.md", "# Short\n"));
            Assert.Empty(result.Of("GOV605"));
        }

        [Fact]
        public void The_minimum_is_configurable_and_CRLF_lines_count_once()
        {
            var config = ("governance.yml", "rfc:\n  minLines: 4\n");
            var result = Analyze(config, ("docs/rfcs/RFC_01.md", "# RFC 1\r\n\r\nOne.\r\nTwo.\r\n"));
            Packets.Single(result, "GOV605", "docs/rfcs/RFC_01.md", 1, 1, "3", "4");
            Assert.Empty(Analyze(config, ("docs/rfcs/RFC_01.md", "# RFC 1\r\n\r\nOne.\r\nTwo.\r\nThree.")).Of("GOV605"));
        }

        [Fact]
        public void A_suppression_in_the_RFC_applies_and_an_empty_RFC_is_judged_without_throwing()
        {
            Assert.Empty(Analyze(("docs/rfcs/RFC_02.md", "<!-- governance-disable-file GOV605 -->\n# RFC 2\n")).Of("GOV605"));
            Packets.Single(Analyze(("docs/rfcs/RFC_03.md", "")), "GOV605", "docs/rfcs/RFC_03.md", 1, 1, "0", "300");
        }
    }
}
