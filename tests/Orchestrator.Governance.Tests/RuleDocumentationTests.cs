using System;
using System.IO;
using System.Linq;
using Orchestrator.Governance.Rules;
using Xunit;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Tests
{
    /// <summary>One docs page per rule (docs/rules/GOVnnn.md), titled as the catalog says, and no page without a rule.</summary>
    public class RuleDocumentationTests
    {
        private static string RulesFolder()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Orchestrator.sln"))) dir = dir.Parent;
            Assert.NotNull(dir);
            return Path.Combine(dir!.FullName, "docs", "rules");
        }

        [Fact]
        public void Every_rule_has_a_page_with_its_title_severity_and_both_examples()
        {
            foreach (var rule in RuleCatalog.All)
            {
                string path = Path.Combine(RulesFolder(), rule.Id + ".md");
                Assert.True(File.Exists(path), "missing " + path);
                string text = File.ReadAllText(path);
                Assert.StartsWith($"# {rule.Id}: {rule.Title}\n", text);
                Assert.Contains($"| Default severity | {rule.DefaultSeverity} |", text);
                Assert.Contains("## Example that fails", text);
                Assert.Contains("## Example that passes", text);
                Assert.Contains("## How to suppress", text);
                // Its side of the line on records (issue 33): a fact of its descriptor, on its page.
                Assert.Contains(rule.AsksPacketEdit ? "| Closed packets | not reported on a closed or superseded packet" : "| Closed packets | reported on closed and superseded packets too", text);
            }
        }

        [Fact]
        public void Every_page_documents_an_existing_rule()
        {
            var pages = Directory.GetFiles(RulesFolder(), "GOV*.md").Select(Path.GetFileNameWithoutExtension);
            Assert.All(pages, id => Assert.NotNull(RuleCatalog.Find(id!)));
        }
    }
}
