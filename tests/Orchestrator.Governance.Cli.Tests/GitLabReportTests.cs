using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;
using static Orchestrator.Governance.Cli.Tests.CommandLine;

namespace Orchestrator.Governance.Cli.Tests
{
    /// <summary>
    /// `check --format gitlab` (issue 34): GitLab's Code Quality report. Each issue has what GitLab's
    /// own validation of these reports requires (a description, a fingerprint and a severity as
    /// strings, a location object whose path is a string and whose lines.begin is an integer), a
    /// severity of GitLab's scale, and a fingerprint that a line inserted above keeps.
    /// </summary>
    public sealed class GitLabReportTests : IDisposable
    {
        private const string Bad = "docs/task_packets/WP-1-Job-Cancel.md";
        private readonly string _repo = Path.Combine(Path.GetTempPath(), "orchestrator-gitlab-" + Guid.NewGuid().ToString("N").Substring(0, 12));

        public GitLabReportTests() => ExampleRepository.CopyTo(_repo);

        public void Dispose() => Directory.Delete(_repo, recursive: true);

        private JsonElement[] Issues()
        {
            var (exit, output, error) = Run("check", _repo, "--format", "gitlab", "--today", "2026-01-15");
            Assert.Equal((1, string.Empty), (exit, error));
            using var json = JsonDocument.Parse(output);
            Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
            return json.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
        }

        [Fact]
        public void Each_issue_has_what_GitLab_requires_and_the_rule_message_and_lines()
        {
            var issues = Issues();
            var (_, text, _) = Run("check", _repo, "--today", "2026-01-15");
            Assert.Equal(text.Split('\n').Count(l => l.Contains(": error GOV", StringComparison.Ordinal) || l.Contains(": warning GOV", StringComparison.Ordinal) || l.Contains(": info GOV", StringComparison.Ordinal)), issues.Length);
            foreach (var issue in issues)
            {
                Assert.Equal(JsonValueKind.String, issue.GetProperty("description").ValueKind);
                Assert.Matches("^[0-9a-f]{32}$", issue.GetProperty("fingerprint").GetString());
                Assert.Contains(issue.GetProperty("severity").GetString(), new[] { "info", "minor", "major", "critical", "blocker" });
                Assert.Equal(JsonValueKind.String, issue.GetProperty("location").GetProperty("path").ValueKind);
                Assert.Equal(JsonValueKind.Number, issue.GetProperty("location").GetProperty("lines").GetProperty("begin").ValueKind);
                Assert.True(issue.GetProperty("location").GetProperty("lines").GetProperty("begin").TryGetInt32(out _));
            }

            Assert.Equal(issues.Length, issues.Select(i => i.GetProperty("fingerprint").GetString()).Distinct().Count());
            var status = issues.Single(i => i.GetProperty("check_name").GetString() == "GOV107");
            Assert.Equal("GOV107: STATUS 'Almost done' is not an allowed value (allowed: Ready-for-Dev, In-Progress, Blocked, Done, Validated)", status.GetProperty("description").GetString());
            Assert.Equal("major", status.GetProperty("severity").GetString());
            Assert.Equal(Bad, status.GetProperty("location").GetProperty("path").GetString());
            Assert.Equal((9, 9), (status.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32(), status.GetProperty("location").GetProperty("lines").GetProperty("end").GetInt32()));
            Assert.Equal("minor", issues.First(i => i.GetProperty("check_name").GetString() == "GOV109").GetProperty("severity").GetString());
        }

        [Fact]
        public void A_line_inserted_above_a_finding_keeps_its_fingerprint()
        {
            string Fingerprint(JsonElement[] issues) => issues.Single(i => i.GetProperty("check_name").GetString() == "GOV107").GetProperty("fingerprint").GetString()!;
            string before = Fingerprint(Issues());
            string file = Path.Combine(_repo, Bad);
            var lines = File.ReadAllLines(file).ToList();
            lines.Insert(2, "<!-- a note -->");
            File.WriteAllLines(file, lines);
            var after = Issues();
            Assert.Equal(before, Fingerprint(after));
            Assert.Equal(10, after.Single(i => i.GetProperty("check_name").GetString() == "GOV107").GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32());
        }
    }
}
