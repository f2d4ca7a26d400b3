using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Xunit;

namespace Orchestrator.Governance.Tests.Engine
{
    public class SuppressionTests
    {
        private static readonly string Bad = Packets.WithLine(9, "- STATUS: Almost done");

        [Fact]
        public void Disable_next_line_suppresses_the_rule_on_the_next_line_only()
        {
            var result = Packets.Analyze(Bad.Replace("- STATUS: Almost done", "<!-- governance-disable-next-line GOV107 -->\n- STATUS: Almost done"));
            Assert.Empty(result.Diagnostics);
        }

        [Fact]
        public void Disable_and_enable_bracket_a_range()
        {
            var result = Packets.Analyze("<!-- governance-disable GOV107 -->\n" + Bad.Replace("## Scope", "<!-- governance-enable GOV107 -->\n\n## Scope"));
            Assert.Empty(result.Diagnostics);
        }

        [Fact]
        public void Disable_file_covers_the_whole_document()
        {
            Assert.Empty(Packets.Analyze(Bad + "\n<!-- governance-disable-file GOV107 -->\n").Diagnostics);
        }

        [Fact]
        public void A_suppression_for_another_rule_does_not_apply()
        {
            var result = Packets.Analyze(Bad.Replace("- STATUS: Almost done", "<!-- governance-disable-next-line GOV108 -->\n- STATUS: Almost done"));
            Assert.Single(result.Of("GOV107"));
        }

        [Fact]
        public void An_unknown_rule_in_a_suppression_is_GOV005_at_the_ID()
        {
            var result = Packets.Analyze(Packets.Valid + "\n<!-- governance-disable-next-line GOV999 -->\n");
            Packets.Single(result, "GOV005", Packets.Path, 70, 35, "GOV999", "governance-disable-next-line");
        }

        [Fact]
        public void A_comment_in_a_code_span_is_not_a_directive()
        {
            var result = Packets.Analyze(Bad.Replace("- STATUS: Almost done", "`<!-- governance-disable-next-line GOV107 -->`\n\n- STATUS: Almost done"));
            Assert.Single(result.Of("GOV107"));
        }

        [Fact]
        public void Inline_configuration_can_be_switched_off()
        {
            var docs = Packets.SpecInputs().Append(DocumentInput.FromText(Packets.Path, Bad + "\n<!-- governance-disable-file GOV107 -->\n"));
            var result = GovernanceEngine.Analyze(docs, new AnalysisOptions { InlineConfig = false });
            Assert.Single(result.Of("GOV107"));
        }
    }
}
