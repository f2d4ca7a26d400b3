using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using Orchestrator.Governance.Cli;
using Xunit;

namespace Orchestrator.Governance.Cli.Tests
{
    /// <summary>
    /// <c>governance baseline</c> and <c>check</c> with a baseline, on a copy of the Handshake corpus
    /// (../shared/corpus/handshake beside the repository, as on every developer machine and in CI),
    /// and the CI output formats (GitHub workflow commands, JUnit XML) on the example repository.
    /// </summary>
    public sealed class BaselineCommandTests : IDisposable
    {
        private readonly string _repo = Path.Combine(Path.GetTempPath(), "orchestrator-baseline-" + Guid.NewGuid().ToString("N").Substring(0, 12));

        public void Dispose()
        {
            if (Directory.Exists(_repo)) Directory.Delete(_repo, recursive: true);
        }

        private static (int Exit, string Out, string Err) Run(params string[] args)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int exit = Program.Run(args, stdout, stderr);
            return (exit, stdout.ToString(), stderr.ToString());
        }

        private static string Corpus() => CorpusFixture.Corpus();

        private void CopyCorpus() => CorpusFixture.CopyTo(_repo);

        private void Prepend(string relative, string text)
        {
            string path = Path.Combine(_repo, relative);
            File.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(text).Concat(File.ReadAllBytes(path)).ToArray());
        }

        [Fact]
        public void On_the_corpus_a_baseline_hides_history_survives_moved_lines_and_reports_exactly_what_changes()
        {
            CopyCorpus();
            // Every finding, records' too (taskPacket.closedPackets: report): this is about the baseline, not records.
            File.WriteAllText(Path.Combine(_repo, "governance.yml"), "taskPacket:\n  closedPackets: report\n");

            // The corpus's findings before any baseline (every one is distinct: one entry each).
            var (exit, output, err) = Run("check", _repo, "--today", "2026-01-15");
            var summary = System.Text.RegularExpressions.Regex.Match(output, @"123 task packet\(s\) checked: (?<e>[0-9]+) error\(s\), (?<w>[0-9]+) warning\(s\)\.\n$");
            Assert.True(summary.Success, output);
            int errors = int.Parse(summary.Groups["e"].Value), warnings = int.Parse(summary.Groups["w"].Value);
            Assert.True(errors > 400 && warnings > 600, output);

            (exit, output, err) = Run("baseline", _repo, "--today", "2026-01-15");
            Assert.True(exit == 0, err);
            Assert.Equal($"governance.baseline.json: {errors + warnings} entries for {errors + warnings} diagnostic(s) recorded ({errors} error(s), {warnings} warning(s))\n", output);
            string baseline = File.ReadAllText(Path.Combine(_repo, "governance.baseline.json"));

            // (WP-1-ACE-Validators is among the ten packets moved below: its STATUS line 6 becomes 11.)
            // Nothing new; the summary counts what the baseline holds.
            (exit, output, _) = Run("check", _repo, "--today", "2026-01-15");
            Assert.Equal(0, exit);
            Assert.Equal($"123 task packet(s) checked: 0 new error(s), 0 new warning(s); {errors} error(s), {warnings} warning(s) in the baseline.\n", output);

            // Five lines at the top of ten packets, and two at the top of the Master Spec (whose line numbers messages quote).
            var packets = Directory.GetFiles(Path.Combine(_repo, "docs", "task_packets"), "WP-*.md").OrderBy(p => p, StringComparer.Ordinal).Take(10).ToList();
            Assert.Equal(10, packets.Count);
            foreach (var packet in packets) Prepend(Path.GetRelativePath(_repo, packet), "<!-- moved -->\n\n\n\n\n");
            Prepend("Handshake_Master_Spec_v02.123.md", "Inserted.\n\n");
            (exit, output, _) = Run("check", _repo, "--today", "2026-01-15");
            Assert.Equal(0, exit);
            Assert.Equal($"123 task packet(s) checked: 0 new error(s), 0 new warning(s); {errors} error(s), {warnings} warning(s) in the baseline.\n", output);

            // One new defect: exactly that one.
            const string Validators = "docs/task_packets/WP-1-ACE-Validators.md";
            string validators = Path.Combine(_repo, Validators);
            string text = File.ReadAllText(validators, System.Text.Encoding.Latin1);
            Assert.Contains("- STATUS: Ready for Dev\n", text);
            File.WriteAllText(validators, text.Replace("- STATUS: Ready for Dev\n", "- STATUS: Almost done\n"), System.Text.Encoding.Latin1);
            (exit, output, _) = Run("check", _repo, "--today", "2026-01-15", "--format", "json");
            Assert.Equal(1, exit);
            using (var json = JsonDocument.Parse(output))
            {
                var d = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray());
                Assert.Equal(("GOV107", Validators, 11, 11), (d.GetProperty("id").GetString(), d.GetProperty("path").GetString(), d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32()));
                Assert.Equal(new[] { "STATUS", "Almost done", "Ready-for-Dev, In-Progress, Blocked, Done, Validated" }, d.GetProperty("arguments").EnumerateArray().Select(a => a.GetString()));
                Assert.Equal(errors + warnings, json.RootElement.GetProperty("baselined").GetInt32());
            }

            // That defect undone, and one baselined defect fixed (the packet gains the AGENT_ID it lacked): exactly one GOV007, at its entry.
            File.WriteAllText(validators, text.Replace("- STATUS: Ready for Dev\n", "- STATUS: Ready for Dev\n- AGENT_ID: orchestrator-1\n"), System.Text.Encoding.Latin1);
            (exit, output, _) = Run("check", _repo, "--today", "2026-01-15");
            Assert.Equal(0, exit);
            var lines = baseline.Split('\n');
            int entry = Enumerable.Range(0, lines.Length).Single(i => lines[i].Contains("\"path\": \"" + Validators + "\"") && lines[i + 1].Contains("\"rule\": \"GOV104\"") && lines[i + 4].Contains("no AGENT_ID field"));
            Assert.Equal(
                $"governance.baseline.json({entry},5): warning GOV007: Baseline entry GOV104 for {Validators} records 1 diagnostic(s) but matches 0; run 'governance baseline --prune' to remove what was fixed\n" +
                $"123 task packet(s) checked: 0 new error(s), 1 new warning(s); {errors - 1} error(s), {warnings} warning(s) in the baseline.\n",
                output);

            // --prune removes that entry and adds nothing; then the check is clean.
            (exit, output, _) = Run("baseline", _repo, "--prune", "--today", "2026-01-15");
            Assert.Equal(0, exit);
            Assert.Equal($"governance.baseline.json: {errors + warnings - 1} entries for {errors + warnings - 1} diagnostic(s) kept, 1 removed\n", output);
            (exit, output, _) = Run("check", _repo, "--today", "2026-01-15");
            Assert.Equal($"123 task packet(s) checked: 0 new error(s), 0 new warning(s); {errors - 1} error(s), {warnings} warning(s) in the baseline.\n", output);
        }

        /// <summary>A copy of the example repository (its two defective packets give nine errors and one warning).</summary>
        private void CopyExample() => ExampleRepository.CopyTo(_repo);

        private const string Bad = "docs/task_packets/WP-1-Job-Cancel.md";

        [Fact]
        public void Prune_adds_nothing_and_SARIF_marks_baselined_and_new_results()
        {
            CopyExample();
            Assert.Equal(0, Run("baseline", _repo).Exit);
            File.AppendAllText(Path.Combine(_repo, Bad), "\n- **Note**: {TBD}\n");
            var (exit, output, _) = Run("baseline", _repo, "--prune");
            Assert.Equal(0, exit);
            Assert.Equal("governance.baseline.json: 10 entries for 10 diagnostic(s) kept, 0 removed\n", output);

            (exit, output, _) = Run("check", _repo, "--format", "sarif");
            Assert.Equal(1, exit);
            using var sarif = JsonDocument.Parse(output);
            var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
            var fresh = Assert.Single(results, r => r.GetProperty("baselineState").GetString() == "new");
            Assert.Equal("GOV110", fresh.GetProperty("ruleId").GetString());
            Assert.False(fresh.TryGetProperty("suppressions", out _));
            var unchanged = results.Where(r => r.GetProperty("baselineState").GetString() == "unchanged").ToList();
            Assert.Equal(10, unchanged.Count);
            Assert.All(unchanged, r => Assert.Equal("external", r.GetProperty("suppressions")[0].GetProperty("kind").GetString()));
            Assert.All(results, r => Assert.Matches("^[0-9a-f]{16}$", r.GetProperty("partialFingerprints").GetProperty("governanceFingerprint/v1").GetString()));

            // Text lists the baselined ones only when asked.
            (_, output, _) = Run("check", _repo);
            Assert.Equal(2, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            (_, output, _) = Run("check", _repo, "--include-baselined");
            Assert.Contains(Bad + "(9,11): error GOV107: STATUS 'Almost done' is not an allowed value (allowed: Ready-for-Dev, In-Progress, Blocked, Done, Validated) [baselined]\n", output);
            Assert.Contains("3 task packet(s) checked: 1 new error(s), 0 new warning(s); 9 error(s), 1 warning(s) in the baseline.\n", output);
        }

        [Fact]
        public void Prune_without_a_baseline_or_with_a_broken_one_is_a_usage_error_and_writes_nothing()
        {
            CopyExample();
            var (exit, _, err) = Run("baseline", _repo, "--prune");
            Assert.Equal(2, exit);
            Assert.Equal("governance: there is no governance.baseline.json to prune; run 'governance baseline' to write one\n", err);
            Assert.False(File.Exists(Path.Combine(_repo, "governance.baseline.json")));

            File.WriteAllText(Path.Combine(_repo, "governance.baseline.json"), "{\"version\": 1, \"entries\": [], \"entries\": []}");
            (exit, _, err) = Run("baseline", _repo, "--prune");
            Assert.Equal(2, exit);
            Assert.StartsWith("governance: governance.baseline.json is not a valid baseline (1,40: Property with the name 'entries' already exists", err);
            Assert.Equal("{\"version\": 1, \"entries\": [], \"entries\": []}", File.ReadAllText(Path.Combine(_repo, "governance.baseline.json")));

            // check reports it and suppresses nothing.
            var check = Run("check", _repo);
            Assert.Equal(1, check.Exit);
            Assert.Contains("governance.baseline.json(1,40): error GOV008: Baseline governance.baseline.json is not used: it is not valid JSON: Property with the name 'entries' already exists in the current JSON object.; every diagnostic is reported until it is fixed\n", check.Out);
            Assert.Contains("3 task packet(s) checked: 10 error(s), 1 warning(s).\n", check.Out); // 9 + GOV008
        }

        [Fact]
        public void GitHub_format_writes_workflow_commands_with_escaped_properties()
        {
            CopyExample();
            var (exit, output, _) = Run("check", _repo, "--format", "github");
            Assert.Equal(1, exit);
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains("::error file=" + Bad + ",line=9,col=11,endLine=9,endColumn=22,title=GOV107::STATUS 'Almost done' is not an allowed value (allowed: Ready-for-Dev, In-Progress, Blocked, Done, Validated)", lines);
            Assert.Contains("::warning file=" + Bad + ",line=29,col=5,endLine=29,endColumn=18,title=GOV109::FILES_TO_OPEN lists 3 item(s); expected 5 to 15", lines);
            Assert.Equal(10, lines.Count(l => l.StartsWith("::", StringComparison.Ordinal)));
            Assert.Equal("3 task packet(s) checked: 9 error(s), 1 warning(s).", lines[^1]);
        }

        [Fact]
        public void GitHub_format_escapes_percent_comma_and_colon_as_the_toolkit_does()
        {
            CopyExample();
            // A file name with ',' ':' and '%' (properties escape all three) and a value with '%' (data escapes '%').
            string odd = "docs/task_packets/WP-1-Odd,name:100%.md";
            string text = File.ReadAllText(Path.Combine(_repo, Bad)).Replace("- STATUS: Almost done", "- STATUS: 100% done");
            File.WriteAllText(Path.Combine(_repo, odd), text);
            var (_, output, _) = Run("check", _repo, "--format", "github");
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains("::error file=docs/task_packets/WP-1-Odd%2Cname%3A100%25.md,line=9,col=11,endLine=9,endColumn=20,title=GOV107::STATUS '100%25 done' is not an allowed value (allowed: Ready-for-Dev, In-Progress, Blocked, Done, Validated)", lines);
            Assert.DoesNotContain(lines, l => l.Contains("file=docs/task_packets/WP-1-Odd,", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.StartsWith("::", StringComparison.Ordinal) && System.Text.RegularExpressions.Regex.IsMatch(l, "%(?![0-9A-F]{2})"));
        }

        [Fact]
        public void JUnit_format_has_a_test_case_per_document_and_a_failure_per_diagnostic()
        {
            CopyExample();
            var (exit, output, _) = Run("check", _repo, "--format", "junit");
            Assert.Equal(1, exit);
            var xml = XDocument.Parse(output);
            var suite = xml.Root!.Element("testsuite")!;
            var cases = suite.Elements("testcase").ToList();
            Assert.Equal(new[] { "Example_Master_Spec_v01.2.md", "docs/SPEC_CURRENT.md", Bad, "docs/task_packets/WP-1-Job-Retry.md", "docs/task_packets/WP-1-Storage-Layer.md" }, cases.Select(c => (string)c.Attribute("name")!));
            Assert.Equal("10", (string)suite.Attribute("failures")!);
            var cancel = cases.Single(c => (string)c.Attribute("name")! == Bad).Elements("failure").ToList();
            Assert.Equal(8, cancel.Count);
            var status = cancel.Single(f => (string)f.Attribute("type")! == "GOV107");
            Assert.Equal("STATUS 'Almost done' is not an allowed value (allowed: Ready-for-Dev, In-Progress, Blocked, Done, Validated)", (string)status.Attribute("message")!);
            Assert.Equal(Bad + "(9,11): error GOV107: " + (string)status.Attribute("message")!, status.Value);
            Assert.Empty(cases.Single(c => (string)c.Attribute("name")! == "docs/task_packets/WP-1-Storage-Layer.md").Elements("failure"));
        }
    }
}
