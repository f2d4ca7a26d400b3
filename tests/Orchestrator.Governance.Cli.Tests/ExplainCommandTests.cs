using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;
using static Orchestrator.Governance.Cli.Tests.CommandLine;

namespace Orchestrator.Governance.Cli.Tests
{
    /// <summary>
    /// `governance explain GOVnnn` prints the rule's page shipped beside the tool, and SARIF carries
    /// every rule's page as help.markdown (issue 34: help that opens wherever the tool runs).
    /// </summary>
    public class ExplainCommandTests
    {
        private static string SourcePage(string id) => File.ReadAllText(Path.Combine(CorpusFixture.RepositoryRoot(), "docs", "rules", id + ".md"));

        [Fact]
        public void Explain_prints_the_rules_page_whatever_the_case_of_the_ID()
        {
            var (exit, output, error) = Run("explain", "gov107");
            Assert.Equal(0, exit);
            Assert.Equal(SourcePage("GOV107"), output);
            Assert.StartsWith("# GOV107", output);
            Assert.Equal(string.Empty, error);
        }

        [Theory]
        [InlineData("GOV999", "GOV999")]
        [InlineData("../../etc/passwd", "../../ETC/PASSWD")]
        public void An_ID_that_names_no_rule_is_one_line_on_stderr_and_exit_2(string id, string shown)
        {
            var (exit, output, error) = Run("explain", id);
            Assert.Equal(2, exit);
            Assert.Equal(string.Empty, output);
            Assert.Equal($"governance: '{shown}' names no governance rule; rule IDs are GOV and three digits, e.g. GOV107 (governance check prints them with each diagnostic)\n", error);
        }

        [Fact]
        public void SARIF_carries_each_rules_page_as_help_markdown()
        {
            string repo = Path.Combine(Path.GetTempPath(), "explain-" + Guid.NewGuid().ToString("N"));
            ExampleRepository.CopyTo(repo);
            try
            {
                var (_, output, _) = Run("check", repo, "--format", "sarif");
                using var sarif = JsonDocument.Parse(output);
                var rules = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
                var rule = rules.Single(r => r.GetProperty("id").GetString() == "GOV107");
                var descriptor = Rules.RuleCatalog.Find("GOV107")!;
                Assert.Equal(descriptor.Description + " Source: " + descriptor.Source + ".", rule.GetProperty("help").GetProperty("text").GetString());
                Assert.Equal(SourcePage("GOV107"), rule.GetProperty("help").GetProperty("markdown").GetString());
                Assert.All(rules, r => Assert.StartsWith("# " + r.GetProperty("id").GetString(), r.GetProperty("help").GetProperty("markdown").GetString()));
                Assert.Equal("docs/rules/GOV107.md", rule.GetProperty("helpUri").GetString());

                // Issue 34: with helpBaseUrl, helpUri is the repository's address of each rule's page.
                File.AppendAllText(Path.Combine(repo, "governance.yml"), "\nhelpBaseUrl: \"https://docs.example.org/rules/{id}.html\"\n");
                var (_, linked, _) = Run("check", repo, "--format", "sarif");
                using var linkedSarif = JsonDocument.Parse(linked);
                var linkedRules = linkedSarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
                Assert.Equal(rules.Count, linkedRules.Count);
                Assert.All(linkedRules, r => Assert.Equal("https://docs.example.org/rules/" + r.GetProperty("id").GetString() + ".html", r.GetProperty("helpUri").GetString()));
                Assert.DoesNotContain(linkedSarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "GOV001");
            }
            finally
            {
                Directory.Delete(repo, true);
            }
        }
    }
}
