using System;
using System.IO;
using System.Linq;
using Orchestrator.Governance.Cli;
using Orchestrator.Governance.Hosting;
using Xunit;
using Orchestrator.Governance.Rules.Scope;
using Orchestrator.Governance.Rules.TaskPackets;

namespace Orchestrator.Governance.Cli.Tests
{
    /// <summary><c>governance fix</c>: the engine's fixes applied to files, shown as a diff, checked again, idempotent.</summary>
    public sealed class FixCommandTests : IDisposable
    {
        private const string Retry = "docs/task_packets/WP-1-Job-Retry.md";
        private const string Cancel = "docs/task_packets/WP-1-Job-Cancel.md";
        private readonly string _repo = Path.Combine(Path.GetTempPath(), "orchestrator-fix-" + Guid.NewGuid().ToString("N").Substring(0, 12));

        public FixCommandTests()
        {
            ExampleRepository.CopyTo(_repo);

            // A misspelt STATUS the engine can fix (the example's other defects have no fix of their own).
            File.WriteAllText(At(Retry), File.ReadAllText(At(Retry)).Replace("- STATUS: Ready-for-Dev", "- STATUS: Blokced"));
        }

        public void Dispose() => Directory.Delete(_repo, recursive: true);

        private string At(string relative) => Path.Combine(_repo, relative);

        private (int Exit, string Out, string Err) Run(params string[] args)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int exit = Program.Run(args, stdout, stderr);
            return (exit, stdout.ToString(), stderr.ToString());
        }

        [Fact]
        public void Dry_run_prints_the_unified_diff_and_writes_nothing()
        {
            string before = File.ReadAllText(At(Retry));
            var (exit, output, error) = Run("fix", _repo, "--dry-run", "--today", "2026-01-15");
            Assert.Equal((0, string.Empty), (exit, error));
            Assert.Equal(
                "--- a/" + Retry + "\n+++ b/" + Retry + "\n" +
                "@@ -6,7 +6,7 @@\n" +
                " - REQUESTOR: ilja\n - AGENT_ID: orchestrator-1\n - ROLE: Orchestrator\n" +
                "-- STATUS: Blokced\n+- STATUS: Blocked\n" +
                " \n ## Scope\n - **What**: Add the storage trait.\n" +
                "1 fix(es) in 1 file(s) would be applied (--dry-run: nothing written).\n",
                output);
            Assert.Equal(before, File.ReadAllText(At(Retry)));
        }

        [Fact]
        public void Fix_writes_only_what_its_fixes_say_checks_again_and_a_second_run_changes_nothing()
        {
            string before = File.ReadAllText(At(Retry));
            var (exit, output, error) = Run("fix", _repo, "--today", "2026-01-15");
            Assert.Equal((1, string.Empty), (exit, error));
            Assert.Equal(Retry + "(9): Set STATUS to 'Blocked'\n1 fix(es) applied in 1 file(s); 9 error(s), 1 warning(s) remain.\n", output);
            Assert.Equal(before.Replace("- STATUS: Blokced", "- STATUS: Blocked"), File.ReadAllText(At(Retry)));
            Assert.Empty(Directory.GetFiles(_repo, "*.governance-fix.tmp", SearchOption.AllDirectories));

            var snapshot = Directory.GetFiles(_repo, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);
            (exit, output, _) = Run("fix", _repo, "--today", "2026-01-15");
            Assert.Equal((1, "0 fix(es) applied in 0 file(s); 9 error(s), 1 warning(s) remain.\n"), (exit, output));
            Assert.All(snapshot, f => Assert.Equal(f.Value, File.ReadAllText(f.Key)));
        }

        [Fact]
        public void Suppress_with_a_rule_inserts_one_comment_and_that_diagnostic_is_gone()
        {
            var (exit, output, _) = Run("fix", _repo, "--rule", "GOV109", "--suppress", "--today", "2026-01-15");
            Assert.Equal(1, exit);
            Assert.Equal(Cancel + "(29): Suppress GOV109 on this line\n1 fix(es) applied in 1 file(s); 10 error(s), 0 warning(s) remain.\n", output);
            Assert.Contains("\n<!-- governance-disable-next-line GOV109 -->\n- **FILES_TO_OPEN**:", File.ReadAllText(At(Cancel)));
            Assert.Contains("- STATUS: Blokced", File.ReadAllText(At(Retry)));
            var (_, check, _) = Run("check", _repo, "--today", "2026-01-15");
            Assert.DoesNotContain("GOV109", check);
        }

        [Fact]
        public void A_file_that_is_not_valid_UTF_8_is_left_as_it_is_with_a_line_saying_why()
        {
            var bytes = File.ReadAllBytes(At(Retry)).ToList();
            bytes.Insert(3, 0x97);
            File.WriteAllBytes(At(Retry), bytes.ToArray());
            var (_, output, error) = Run("fix", _repo, "--today", "2026-01-15");
            Assert.Equal("governance: " + Retry + " is left as it is: it is not valid UTF-8 (GOV004): save it as UTF-8 first\n", error);
            Assert.StartsWith("0 fix(es) applied in 0 file(s);", output);
            Assert.Equal(bytes.ToArray(), File.ReadAllBytes(At(Retry)));
        }

        [Fact]
        public void A_fix_not_applied_by_default_waits_for_its_rule_and_comments_on_one_line_merge()
        {
            var descriptor = GOV502ScopePathMissing.Rule;
            var edit = new Diagnostics.TextEdit("p.md", 10, 0, " (new)");
            var marker = new Diagnostics.GovernanceFix("Mark as new", new[] { edit }, appliedByDefault: false);
            var marked = new Diagnostics.GovernanceDiagnostic(descriptor, "p.md", default, descriptor.DefaultSeverity, new[] { "x" }, new[] { marker });
            Assert.Empty(FixApplier.Choose(new[] { marked }, null, suppress: false));
            Assert.Same(marker, Assert.Single(FixApplier.Choose(new[] { marked }, "GOV502", suppress: false)));

            var a = new Diagnostics.GovernanceFix("Suppress GOV107 on this line", new[] { new Diagnostics.TextEdit("p.md", 0, 0, "<!-- governance-disable-next-line GOV107 -->\n") }, isSuppression: true);
            var b = new Diagnostics.GovernanceFix("Suppress GOV109 on this line", new[] { new Diagnostics.TextEdit("p.md", 0, 0, "<!-- governance-disable-next-line GOV109 -->\n") }, isSuppression: true);
            var d107 = new Diagnostics.GovernanceDiagnostic(GOV107FieldValueNotAllowed.Rule, "p.md", default, Diagnostics.GovernanceSeverity.Error, new[] { "S", "v", "a" }, new[] { a });
            var d109 = new Diagnostics.GovernanceDiagnostic(GOV109ListCountOutOfRange.Rule, "p.md", default, Diagnostics.GovernanceSeverity.Warning, new[] { "F", "1", "5", "15" }, new[] { b });
            var merged = Assert.Single(FixApplier.Choose(new[] { d107, d109 }, null, suppress: true));
            Assert.Equal("<!-- governance-disable-next-line GOV107 GOV109 -->\n", Assert.Single(merged.Edits).NewText);
        }

        [Fact]
        public void SARIF_carries_the_rule_s_fix_as_a_replacement()
        {
            var (_, output, _) = Run("check", _repo, "--format", "sarif", "--today", "2026-01-15");
            using var doc = System.Text.Json.JsonDocument.Parse(output);
            var result = doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "GOV107" && r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString() == Retry);
            var fix = Assert.Single(result.GetProperty("fixes").EnumerateArray());
            Assert.Equal("Set STATUS to 'Blocked'", fix.GetProperty("description").GetProperty("text").GetString());
            var change = Assert.Single(fix.GetProperty("artifactChanges").EnumerateArray());
            Assert.Equal(Retry, change.GetProperty("artifactLocation").GetProperty("uri").GetString());
            var replacement = Assert.Single(change.GetProperty("replacements").EnumerateArray());
            string text = File.ReadAllText(At(Retry));
            int offset = replacement.GetProperty("deletedRegion").GetProperty("charOffset").GetInt32();
            Assert.Equal("Blokced", text.Substring(offset, replacement.GetProperty("deletedRegion").GetProperty("charLength").GetInt32()));
            Assert.Equal("Blocked", replacement.GetProperty("insertedContent").GetProperty("text").GetString());
        }

        [Fact]
        public void An_unknown_rule_is_a_usage_error()
        {
            var (exit, _, error) = Run("fix", _repo, "--rule", "GOV999");
            Assert.Equal((2, "governance: --rule 'GOV999' names no governance rule\n"), (exit, error));
        }
    }
}
