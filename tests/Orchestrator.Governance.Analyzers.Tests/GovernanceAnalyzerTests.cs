using Microsoft.CodeAnalysis.Diagnostics;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Orchestrator.Governance.Rules;
using Xunit;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Analyzers.Tests
{
    public class GovernanceAnalyzerTests
    {
        private static readonly string Bad = Packets.Valid.Replace("- STATUS: Ready-for-Dev", "- STATUS: Almost done");

        [Fact]
        public async Task Files_the_targets_refused_are_GOV002_at_their_paths_and_nothing_else()
        {
            // obj/.../governance.refused.txt as the package's targets write it: the files never handed to the compiler.
            var refused = AnalyzerHarness.File("src/App/obj/Debug/net10.0/governance.refused.txt",
                "docs/task_packets/WP-1-Leak.md|is a symbolic link to a file outside the repository; not read\n" +
                "docs/task_packets/WP-1-Fifo.md|is a FIFO, not a regular file; not opened\n" +
                "governance.yml|is a symbolic link to a file outside the repository; not read\n" +
                "notes/x.txt|is a FIFO, not a regular file; not opened\n" + // no governance document: nothing to report
                "not a line\n");
            var diagnostics = await AnalyzerHarness.RunAsync(new[] { refused, AnalyzerHarness.File(Packets.Path, Bad) });

            Assert.Equal(new[]
            {
                ("GOV002", AnalyzerHarness.Root + "docs/task_packets/WP-1-Fifo.md", 0, 0, "Document skipped: is a FIFO, not a regular file; not opened"),
                ("GOV002", AnalyzerHarness.Root + "docs/task_packets/WP-1-Leak.md", 0, 0, "Document skipped: is a symbolic link to a file outside the repository; not read"),
                ("GOV107", AnalyzerHarness.Root + Packets.Path, 8, 10, "STATUS 'Almost done' is not an allowed value (allowed: Ready-for-Dev, In-Progress, Blocked, Done, Validated)"),
                ("GOV002", AnalyzerHarness.Root + "governance.yml", 0, 0, "Document skipped: is a symbolic link to a file outside the repository; not read"),
            }, diagnostics
                .Select(d => (d.Id, d.Location.GetLineSpan().Path, d.Location.GetLineSpan().StartLinePosition.Line, d.Location.GetLineSpan().StartLinePosition.Character, d.GetMessage()))
                .OrderBy(d => d.Path, System.StringComparer.Ordinal)
                .ToArray());
            Assert.All(diagnostics.Where(d => d.Id == "GOV002"), d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        }

        [Fact]
        public async Task Severities_from_governance_yml_apply_and_configuration_errors_point_into_it()
        {
            var raised = await AnalyzerHarness.RunAsync(new[]
            {
                AnalyzerHarness.File("governance.yml", "severity:\n  GOV107: warning\n"),
                AnalyzerHarness.File(Packets.Path, Bad),
            });
            Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(raised).Severity);

            var invalid = await AnalyzerHarness.RunAsync(new[] { AnalyzerHarness.File("governance.yml", "limits:\n  maxDocumentBytes: lots\n") });
            var d = Assert.Single(invalid);
            Assert.Equal("GOV001", d.Id);
            Assert.Equal(AnalyzerHarness.Root + "governance.yml", d.Location.GetLineSpan().Path);
            Assert.Equal(1, d.Location.GetLineSpan().StartLinePosition.Line);
        }

        [Fact]
        public async Task A_global_severity_option_overrides_the_default()
        {
            var diagnostics = await AnalyzerHarness.RunAsync(
                new[] { AnalyzerHarness.File(Packets.Path, Bad) },
                severities: new Dictionary<string, ReportDiagnostic> { ["GOV107"] = ReportDiagnostic.Suppress });
            Assert.Empty(diagnostics);
        }

        [Fact]
        public async Task A_file_the_compiler_decoded_as_Windows_1252_gets_GOV004_at_the_first_bad_byte()
        {
            // The compiler falls back to a single-byte encoding for the whole file when it is not UTF-8.
            var bytes = new List<byte>(Encoding.UTF8.GetBytes(Packets.Valid));
            int at = Packets.Valid.IndexOf("Add the storage trait.", System.StringComparison.Ordinal) + 3;
            bytes.Insert(at, 0x97);
            var latin1 = Encoding.Latin1;
            var text = SourceText.From(latin1.GetString(bytes.ToArray()), latin1);
            var diagnostics = await AnalyzerHarness.RunAsync(new[] { AnalyzerHarness.File(Packets.Path, text) });
            var d = Assert.Single(diagnostics);
            Assert.Equal("GOV004", d.Id);
            Assert.Equal((11, 15), (d.Location.GetLineSpan().StartLinePosition.Line, d.Location.GetLineSpan().StartLinePosition.Character));
            Assert.Equal($"Byte 0x97 at offset {at} is not valid UTF-8; the file mixes encodings (save it as UTF-8)", d.GetMessage());
        }

        [Fact]
        public async Task A_file_the_compiler_decoded_with_replacement_characters_gets_GOV004_at_the_first_one()
        {
            var bytes = new List<byte>(Encoding.UTF8.GetBytes(Packets.Valid));
            int at = Packets.Valid.IndexOf("Add the storage trait.", System.StringComparison.Ordinal) + 3;
            bytes.Insert(at, 0x97);
            var lenient = new UTF8Encoding(false, false);
            var text = SourceText.From(lenient.GetString(bytes.ToArray()), Encoding.UTF8);
            var diagnostics = await AnalyzerHarness.RunAsync(new[] { AnalyzerHarness.File(Packets.Path, text) });
            var d = Assert.Single(diagnostics);
            Assert.Equal("GOV004", d.Id);
            Assert.Equal((11, 15), (d.Location.GetLineSpan().StartLinePosition.Line, d.Location.GetLineSpan().StartLinePosition.Character));
            Assert.Equal("The character U+FFFD (a byte the compiler could not decode) is not valid UTF-8; the file mixes encodings (save it as UTF-8)", d.GetMessage());
        }

        [Fact]
        public async Task Inline_configuration_can_be_switched_off_with_an_MSBuild_property()
        {
            var files = new[] { AnalyzerHarness.File(Packets.Path, Bad + "\n<!-- governance-disable-file GOV107 -->\n") };
            Assert.Empty(await AnalyzerHarness.RunAsync(files));
            var off = await AnalyzerHarness.RunAsync(files, new Dictionary<string, string> { [GovernanceAnalyzer.InlineConfigProperty] = "false" });
            Assert.Equal("GOV107", Assert.Single(off).Id);
        }

        [Fact]
        public void Every_catalog_rule_is_supported_once_with_its_default_severity()
        {
            // The document analyzer reports every rule but the source rules, which have an analyzer each.
            var supported = new DiagnosticAnalyzer[] { new GovernanceAnalyzer(), new NotImplementedExceptionAnalyzer(), new TodoWithoutIssueAnalyzer() }
                .SelectMany(a => a.SupportedDiagnostics).OrderBy(d => d.Id, System.StringComparer.Ordinal).ToList();
            Assert.Equal(RuleCatalog.All.Select(r => r.Id), supported.Select(d => d.Id));
            foreach (var rule in RuleCatalog.All)
            {
                var d = supported.Single(s => s.Id == rule.Id);
                Assert.Equal(rule.Title, d.Title.ToString());
                Assert.Equal(rule.Category, d.Category);
                Assert.Equal("docs/rules/" + rule.Id + ".md", d.HelpLinkUri);
                Assert.True(d.IsEnabledByDefault);
            }
        }

        [Fact]
        public void AnalyzerReleases_Unshipped_lists_every_rule_with_its_category_and_severity()
        {
            var rows = File.ReadAllLines(Path.Combine("releases", "AnalyzerReleases.Unshipped.md"))
                .Where(l => l.StartsWith("GOV", System.StringComparison.Ordinal))
                .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
                .ToList();
            Assert.Equal(RuleCatalog.All.Select(r => r.Id), rows.Select(r => r[0]));
            foreach (var row in rows)
            {
                var rule = RuleCatalog.Find(row[0])!;
                Assert.Equal(rule.Category, row[1]);
                Assert.Equal(rule.DefaultSeverity.ToString(), row[2]);
                Assert.Equal(rule.Title, row[3]);
            }
        }
    }
}
