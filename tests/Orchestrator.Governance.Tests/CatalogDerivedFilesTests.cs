using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Orchestrator.Governance.Diagnostics;
using Xunit;
using Orchestrator.Governance.Rules;

namespace Orchestrator.Governance.Tests
{
    /// <summary>
    /// The files that repeat each rule's facts, checked against the one source (RuleCatalog): the README's
    /// rule table, the analyzer's release-tracking file and the strict .globalconfig preset. Any drift fails.
    /// </summary>
    public class CatalogDerivedFilesTests
    {
        private static string Root()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Orchestrator.sln"))) dir = dir.Parent;
            return dir!.FullName;
        }

        private static string Lower(GovernanceSeverity severity) => GovernanceSeverityNames.ToName(severity);

        [Fact]
        public void The_README_table_has_every_rule_once_with_its_default_severity_and_title()
        {
            string readme = File.ReadAllText(Path.Combine(Root(), "README.md"));
            var rows = Regex.Matches(readme, @"^\| \[(?<id>GOV\d{3})\]\(docs/rules/\k<id>\.md\) \| (?<severity>\w+) \| (?<title>[^|]+) \|", RegexOptions.Multiline)
                .Select(m => (Id: m.Groups["id"].Value, Severity: m.Groups["severity"].Value, Title: m.Groups["title"].Value.Trim())).ToList();
            Assert.Equal(RuleCatalog.All.Select(r => r.Id).OrderBy(i => i, StringComparer.Ordinal), rows.Select(r => r.Id).OrderBy(i => i, StringComparer.Ordinal));
            foreach (var rule in RuleCatalog.All)
            {
                var row = rows.Single(r => r.Id == rule.Id);
                Assert.True(row.Severity == Lower(rule.DefaultSeverity), $"{rule.Id}: README says {row.Severity}, the catalog {Lower(rule.DefaultSeverity)}");
                Assert.True(row.Title.StartsWith(rule.Title, StringComparison.Ordinal), $"{rule.Id}: README title '{row.Title}' does not start with '{rule.Title}'");
            }
        }

        [Fact]
        public void The_release_tracking_file_has_every_rule_once_with_its_category_severity_and_title()
        {
            var lines = File.ReadAllLines(Path.Combine(Root(), "src", "Orchestrator.Governance.Analyzers", "AnalyzerReleases.Unshipped.md"))
                .Concat(File.ReadAllLines(Path.Combine(Root(), "src", "Orchestrator.Governance.Analyzers", "AnalyzerReleases.Shipped.md")))
                .Where(l => Regex.IsMatch(l, @"^GOV\d{3} \|")).ToList();
            var expected = RuleCatalog.All.Select(r => $"{r.Id} | {r.Category} | {r.DefaultSeverity} | {r.Title}").OrderBy(l => l, StringComparer.Ordinal);
            Assert.Equal(expected, lines.Select(l => l.Trim()).OrderBy(l => l, StringComparer.Ordinal));
        }

        [Fact]
        public void The_strict_preset_raises_exactly_the_rules_that_are_not_errors_by_default()
        {
            string preset = File.ReadAllText(Path.Combine(Root(), "build", "config", "governance-strict.globalconfig"));
            var raised = Regex.Matches(preset, @"^dotnet_diagnostic\.(?<id>GOV\d{3})\.severity = error$", RegexOptions.Multiline).Select(m => m.Groups["id"].Value).ToList();
            var expected = RuleCatalog.All.Where(r => r.DefaultSeverity != GovernanceSeverity.Error && r.DefaultSeverity != GovernanceSeverity.None).Select(r => r.Id).OrderBy(i => i, StringComparer.Ordinal);
            Assert.Equal(expected, raised);
        }
    }
}
