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
    /// The files that repeat each rule's facts, checked against the one source (each rule's descriptor,
    /// through RuleCatalog): the README's rule table, the analyzer's release-tracking file and the strict
    /// .globalconfig preset. Any drift fails. The release file and the preset are derived whole: run
    /// <c>ORCHESTRATOR_UPDATE_DERIVED=1 dotnet test --filter CatalogDerivedFilesTests</c> to write them from
    /// the rules (the README's rows carry prose of their own and are written by hand).
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

        private static bool Update => Environment.GetEnvironmentVariable("ORCHESTRATOR_UPDATE_DERIVED") == "1";

        /// <summary>
        /// The header of a rule's page (docs/rules/GOVnnn.md): its title line and the table of its descriptor's facts,
        /// ID, category, default severity, source and its side of the line on records (issue 33). The prose below is
        /// written by hand.
        /// </summary>
        internal static string[] PageHeader(Governance.Diagnostics.RuleDescriptor r) => new[]
        {
            $"# {r.Id}: {r.Title}",
            string.Empty,
            "| | |",
            "|---|---|",
            $"| ID | {r.Id} |",
            $"| Category | {r.Category} |",
            $"| Default severity | {r.DefaultSeverity} |",
            $"| Source | {r.Source} |",
            r.AsksPacketEdit
                ? "| Closed packets | not reported on a closed or superseded packet, a record: it asks for an edit of the packet's text ([lifecycle](../lifecycle.md); `taskPacket.closedPackets: report` reports it) |"
                : "| Closed packets | reported on closed and superseded packets too ([lifecycle](../lifecycle.md)) |",
        };

        [Fact]
        public void Each_rule_page_s_header_is_its_descriptor()
        {
            // Issue 35: generated from the descriptor (ORCHESTRATOR_UPDATE_DERIVED=1 rewrites the header, the prose stays).
            var stale = new System.Collections.Generic.List<string>();
            foreach (var rule in RuleCatalog.All)
            {
                string path = Path.Combine(Root(), "docs", "rules", rule.Id + ".md");
                var lines = File.ReadAllText(path).Split('\n').ToList();
                var header = PageHeader(rule);
                int end = lines.FindIndex(l => l.StartsWith("| Closed packets |", StringComparison.Ordinal));
                Assert.True(end > 0, path + " has no header table ending in its 'Closed packets' row");
                if (lines.Take(end + 1).SequenceEqual(header)) continue;
                stale.Add(rule.Id + ": " + string.Join(" / ", lines.Take(end + 1).Zip(header, (page, descriptor) => (page, descriptor)).Where(p => p.page != p.descriptor).Select(p => $"page '{p.page}', descriptor '{p.descriptor}'")));
                if (Update) File.WriteAllText(path, string.Join("\n", header.Concat(lines.Skip(end + 1))));
            }

            Assert.True(stale.Count == 0 || Update, "rule pages whose header is not their descriptor's (ORCHESTRATOR_UPDATE_DERIVED=1 rewrites them):\n" + string.Join("\n", stale));
        }

        private static string Row(Governance.Diagnostics.RuleDescriptor r) => $"{r.Id} | {r.Category} | {r.DefaultSeverity} | {r.Title}";

        /// <summary>Replaces the lines of <paramref name="path"/> that match <paramref name="line"/> with <paramref name="rows"/>, where the first of them stood (or at the end).</summary>
        private static void Rewrite(string path, string line, System.Collections.Generic.IEnumerable<string> rows)
        {
            var lines = File.ReadAllLines(path).ToList();
            int at = lines.FindIndex(l => Regex.IsMatch(l, line));
            lines.RemoveAll(l => Regex.IsMatch(l, line));
            lines.InsertRange(at < 0 ? lines.Count : at, rows);
            File.WriteAllText(path, string.Join("\n", lines) + "\n");
        }

        [Fact]
        public void The_release_tracking_file_has_every_rule_once_with_its_category_severity_and_title()
        {
            string shipped = Path.Combine(Root(), "src", "Orchestrator.Governance.Analyzers", "AnalyzerReleases.Shipped.md");
            if (Update)
            {
                var shippedIds = File.ReadAllLines(shipped).Select(l => Regex.Match(l, @"^(GOV\d{3}) \|")).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();
                Rewrite(Path.Combine(Root(), "src", "Orchestrator.Governance.Analyzers", "AnalyzerReleases.Unshipped.md"), @"^GOV\d{3} \|", RuleCatalog.All.Where(r => !shippedIds.Contains(r.Id)).Select(Row));
            }

            var lines = File.ReadAllLines(Path.Combine(Root(), "src", "Orchestrator.Governance.Analyzers", "AnalyzerReleases.Unshipped.md"))
                .Concat(File.ReadAllLines(Path.Combine(Root(), "src", "Orchestrator.Governance.Analyzers", "AnalyzerReleases.Shipped.md")))
                .Where(l => Regex.IsMatch(l, @"^GOV\d{3} \|")).ToList();
            var expected = RuleCatalog.All.Select(Row).OrderBy(l => l, StringComparer.Ordinal);
            Assert.Equal(expected, lines.Select(l => l.Trim()).OrderBy(l => l, StringComparer.Ordinal));
        }

        [Fact]
        public void The_strict_preset_raises_exactly_the_rules_that_are_not_errors_by_default()
        {
            string presetPath = Path.Combine(Root(), "build", "config", "governance-strict.globalconfig");
            if (Update)
            {
                Rewrite(presetPath, @"^dotnet_diagnostic\.GOV\d{3}\.severity", RuleCatalog.All.Where(r => r.DefaultSeverity != GovernanceSeverity.Error && r.DefaultSeverity != GovernanceSeverity.None).Select(r => $"dotnet_diagnostic.{r.Id}.severity = error"));
            }

            string preset = File.ReadAllText(presetPath);
            var raised = Regex.Matches(preset, @"^dotnet_diagnostic\.(?<id>GOV\d{3})\.severity = error$", RegexOptions.Multiline).Select(m => m.Groups["id"].Value).ToList();
            var expected = RuleCatalog.All.Where(r => r.DefaultSeverity != GovernanceSeverity.Error && r.DefaultSeverity != GovernanceSeverity.None).Select(r => r.Id).OrderBy(i => i, StringComparer.Ordinal);
            Assert.Equal(expected, raised);
        }
    }
}
