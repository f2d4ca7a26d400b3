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
        public async Task A_bad_packet_is_reported_in_the_markdown_file_at_the_offending_text()
        {
            var diagnostics = await AnalyzerHarness.RunAsync(new[] { AnalyzerHarness.File(Packets.Path, Bad) });
            var d = Assert.Single(diagnostics);
            Assert.Equal("GOV107", d.Id);
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
            Assert.False(d.Location.IsInSource);
            var span = d.Location.GetLineSpan();
            Assert.Equal(AnalyzerHarness.Root + Packets.Path, span.Path);
            Assert.Equal((8, 10), (span.StartLinePosition.Line, span.StartLinePosition.Character)); // (9,11) 1-based
            Assert.Equal("Almost done", Bad.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
            Assert.Equal("STATUS 'Almost done' is not an allowed value (allowed: Ready-for-Dev, In-Progress, Blocked, Done, Validated)", d.GetMessage());
            Assert.Equal("docs/rules/GOV107.md", d.Descriptor.HelpLinkUri);
        }

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
        public async Task A_good_packet_gives_no_diagnostics()
        {
            Assert.Empty(await AnalyzerHarness.RunAsync(new[] { AnalyzerHarness.File(Packets.Path, Packets.Valid) }));
        }

        [Fact]
        public async Task Cross_document_facts_are_reported_per_file()
        {
            const string copy = "docs/task_packets/WP-1-Storage-Layer-v2.md";
            var diagnostics = await AnalyzerHarness.RunAsync(new[] { AnalyzerHarness.File(Packets.Path, Packets.Valid), AnalyzerHarness.File(copy, Packets.Valid) });
            var duplicates = diagnostics.Where(d => d.Id == "GOV106").ToList();
            Assert.Equal(2, duplicates.Count);
            var inOriginal = Assert.Single(duplicates, d => d.Location.GetLineSpan().Path == AnalyzerHarness.Root + Packets.Path);
            var inCopy = Assert.Single(duplicates, d => d.Location.GetLineSpan().Path == AnalyzerHarness.Root + copy);
            Assert.Equal("TASK_ID 'WP-1-Storage-Layer' is also declared in " + copy, inOriginal.GetMessage());
            Assert.Equal("TASK_ID 'WP-1-Storage-Layer' is also declared in " + Packets.Path, inCopy.GetMessage());
            Assert.Equal(3, inCopy.Location.GetLineSpan().StartLinePosition.Line);
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
        public async Task Findings_in_the_spec_are_reported_in_the_spec_file()
        {
            string spec = "# Spec v01.0\n\n# 2. Architecture\n\n### 2.3.12 Taste Engine\n\n#### 2.3.11.1 Goals\nThe engine MUST learn.\n";
            var diagnostics = await AnalyzerHarness.RunAsync(new[]
            {
                AnalyzerHarness.File("docs/SPEC_CURRENT.md", "**Spec_v01.0.md**\n"),
                AnalyzerHarness.File("Spec_v01.0.md", spec),
            });
            var d = Assert.Single(diagnostics);
            Assert.Equal("GOV211", d.Id);
            Assert.Equal(AnalyzerHarness.Root + "Spec_v01.0.md", d.Location.GetLineSpan().Path);
            Assert.Equal((6, 5), (d.Location.GetLineSpan().StartLinePosition.Line, d.Location.GetLineSpan().StartLinePosition.Character));
            Assert.Equal("Heading §2.3.11.1 Goals is numbered outside §2.3.12 Taste Engine, the section it stands in (line 5)", d.GetMessage());
        }

        [Fact]
        public async Task Files_that_are_not_governance_documents_are_ignored()
        {
            Assert.Empty(await AnalyzerHarness.RunAsync(new[] { AnalyzerHarness.File("src/App/Strings.resx", "<root/>"), AnalyzerHarness.File("README.md", "# Hello") }));
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
