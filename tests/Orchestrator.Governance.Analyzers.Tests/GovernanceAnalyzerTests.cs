using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Orchestrator.Governance.Rules;
using Xunit;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Analyzers.Tests
{
    public class GovernanceAnalyzerTests
    {
        private const string Allowed = "Ready-for-Dev, In-Progress, Blocked, Done, Validated";

        // The valid packet with a STATUS outside the vocabulary, marked where GOV107 is reported.
        private static readonly string Bad = Packets.Valid.Replace("- STATUS: Ready-for-Dev", "- STATUS: {|#0:Almost done|}");

        private static DiagnosticResult Gov107(DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
            new DiagnosticResult("GOV107", severity).WithLocation(0).WithArguments("STATUS", "Almost done", Allowed);

        [Fact]
        public async Task Files_the_targets_refused_are_GOV002_at_their_paths_and_nothing_else()
        {
            // obj/.../governance.refused.txt as the package's targets write it: the files never handed to the compiler.
            const string refused =
                "docs/task_packets/WP-1-Leak.md|is a symbolic link to a file outside the repository; not read\n" +
                "docs/task_packets/WP-1-Fifo.md|is a FIFO, not a regular file; not opened\n" +
                "governance.yml|is a symbolic link to a file outside the repository; not read\n" +
                "notes/x.txt|is a FIFO, not a regular file; not opened\n" + // no governance document: nothing to report
                "not a line\n";
            var test = Markup.Documents(("src/App/obj/Debug/net10.0/governance.refused.txt", refused), (Packets.Path, Bad), Markup.Spec, Markup.Pointer);

            // A refused file is no document of the compilation, so no markup can stand in it: GOV002 is at
            // the start of its path (line 1, column 1, empty span).
            test.ExpectedDiagnostics.Add(Refused("docs/task_packets/WP-1-Fifo.md", "is a FIFO, not a regular file; not opened"));
            test.ExpectedDiagnostics.Add(Refused("docs/task_packets/WP-1-Leak.md", "is a symbolic link to a file outside the repository; not read"));
            test.ExpectedDiagnostics.Add(Gov107());
            test.ExpectedDiagnostics.Add(Refused("governance.yml", "is a symbolic link to a file outside the repository; not read"));
            await test.RunAsync();
        }

        /// <summary>
        /// Issue 32, GOV114 as the CLI judges it: the targets hand the analyzer, which reads no file,
        /// the repository's file list (governance.files.txt) and the line counts of the files packets
        /// cite (governance.lines.txt, 'count|path'): a line past the end and a missing file are
        /// reported, a line within the file is not.
        /// </summary>
        [Fact]
        public async Task Evidence_is_judged_from_the_file_list_and_line_counts_the_targets_write()
        {
            string packet = Packets.Valid.Replace("- **Dependencies**: none\n",
                "- **Dependencies**: none\n- Evidence: src/storage/mod.rs:40, {|#0:src/storage/mod.rs:41|}, {|#1:src/storage/gone.rs:2|}, {|#2:src/linked.rs:2|}\n");
            var test = Markup.Documents(
                ("src/App/obj/Debug/net10.0/governance.files.txt", "src/storage/mod.rs\nExample_Master_Spec_v01.2.md\ndocs/SPEC_CURRENT.md\n" + Packets.Path + "\n"),
                ("src/App/obj/Debug/net10.0/governance.lines.txt", "40|src/storage/mod.rs\nrefused|src/linked.rs|is a symbolic link to a file outside the repository; not read\n"),
                (Packets.Path, packet), Markup.Spec, Markup.Pointer);
            // A cited file the targets' walk refused: the CLI's words, not "names no file".
            test.ExpectedDiagnostics.Add(new DiagnosticResult("GOV114", DiagnosticSeverity.Error).WithLocation(2).WithArguments("src/linked.rs:2", "names a file that is not read: is a symbolic link to a file outside the repository; not read"));
            test.ExpectedDiagnostics.Add(new DiagnosticResult("GOV114", DiagnosticSeverity.Error).WithLocation(0).WithArguments("src/storage/mod.rs:41", "cites line 41, past the end of src/storage/mod.rs (40 lines)"));
            test.ExpectedDiagnostics.Add(new DiagnosticResult("GOV114", DiagnosticSeverity.Error).WithLocation(1).WithArguments("src/storage/gone.rs:2", "names no file of the repository"));
            await test.RunAsync();
        }

        /// <summary>
        /// Issue 32, named tests that passed, as the CLI and the task judge them: with
        /// GovernanceTestResults the targets hand the analyzer the result files as additional files
        /// and list them (governance.testresults.txt); the failed and the skipped named test are
        /// GOV704, the passed one is not, and a listed file that is no test result is GOV002 at it.
        /// </summary>
        [Fact]
        public async Task Named_tests_are_judged_from_the_result_files_the_targets_list()
        {
            string items = Testing.TestResultSamples.NamedTestItems
                .Replace("`Storage.Tests.DatabaseTests.Migrates`", "`{|#0:Storage.Tests.DatabaseTests.Migrates|}`")
                .Replace("`Storage.Tests.DatabaseTests.RollsBack`", "`{|#1:Storage.Tests.DatabaseTests.RollsBack|}`");
            var test = Markup.Documents(
                ("src/App/obj/Debug/net10.0/governance.testresults.txt", "TestResults/run.trx\nTestResults/notes.xml\n"),
                ("TestResults/run.trx", Testing.TestResultSamples.Trx),
                ("TestResults/notes.xml", "<notes/>"),
                (Packets.Path, Packets.Valid.Replace("  * All tests pass\n", items + "\n")), Markup.Spec, Markup.Pointer);
            test.ExpectedDiagnostics.Add(new DiagnosticResult("GOV704", DiagnosticSeverity.Error).WithLocation(0).WithArguments("Storage.Tests.DatabaseTests.Migrates", "failed in TestResults/run.trx (2026-11-30T10:01:30Z)"));
            test.ExpectedDiagnostics.Add(new DiagnosticResult("GOV704", DiagnosticSeverity.Error).WithLocation(1).WithArguments("Storage.Tests.DatabaseTests.RollsBack", "was skipped in TestResults/run.trx (2026-11-30T10:01:30Z)"));
            test.ExpectedDiagnostics.Add(new DiagnosticResult("GOV002", DiagnosticSeverity.Error).WithSpan(Markup.Root + "TestResults/notes.xml", 1, 1, 1, 1)
                .WithArguments("test results not read: the root element is 'notes', neither TRX's TestRun nor JUnit's testsuites or testsuite"));

            // An item that only names a test states no requirement of §2.3.12.3 (as in the engine's GOV704 tests).
            foreach (var (line, name, end) in new[] { (27, "Opens", 53), (28, "Migrates", 56), (29, "RollsBack", 57) })
            {
                test.ExpectedDiagnostics.Add(new DiagnosticResult("GOV206", DiagnosticSeverity.Warning).WithSpan(Markup.Root + Packets.Path, line, 5, line, end)
                    .WithArguments($"test: `Storage.Tests.DatabaseTests.{name}` passes", "§2.3.12.3", "'The backend MUST define a Database trait with async methods.' (§2.3.12.3, spec line 21, 12% of its weighted terms stated)"));
            }

            await test.RunAsync();
        }

        private static DiagnosticResult Refused(string path, string reason) =>
            new DiagnosticResult("GOV002", DiagnosticSeverity.Error).WithSpan(Markup.Root + path, 1, 1, 1, 1).WithArguments(reason);

        [Fact]
        public async Task Severities_from_governance_yml_apply()
        {
            var test = Markup.Documents(("governance.yml", "severity:\n  GOV107: warning\n"), (Packets.Path, Bad), Markup.Spec, Markup.Pointer);
            test.ExpectedDiagnostics.Add(Gov107(DiagnosticSeverity.Warning));
            await test.RunAsync();
        }

        [Fact]
        public async Task Configuration_errors_point_into_governance_yml()
        {
            var test = Markup.Documents(("governance.yml", "limits:\n{|#0:  maxDocumentBytes: lots|}\n"), Markup.Spec, Markup.Pointer);
            test.ExpectedDiagnostics.Add(new DiagnosticResult("GOV001", DiagnosticSeverity.Error).WithLocation(0).WithArguments("'limits.maxDocumentBytes': integer expected"));
            await test.RunAsync();
        }

        [Fact]
        public async Task A_global_severity_option_overrides_the_default()
        {
            // GOV107 suppressed in the compilation options (as /nowarn or a ruleset does): the packet's finding is gone.
            var test = Markup.Documents((Packets.Path, Markup.Plain(Bad)), Markup.Spec, Markup.Pointer);
            test.DisabledDiagnostics.Add("GOV107");
            await test.RunAsync();
        }

        /// <summary>The valid packet's bytes with 0x97 (a Windows-1252 dash) inserted in line 12, and where.</summary>
        private static (byte[] Bytes, int At) WithStrayByte()
        {
            var bytes = new List<byte>(Encoding.UTF8.GetBytes(Packets.Valid));
            int at = Packets.Valid.IndexOf("Add the storage trait.", System.StringComparison.Ordinal) + 3;
            bytes.Insert(at, 0x97);
            return (bytes.ToArray(), at);
        }

        /// <summary>The decoded text with the character at <paramref name="at"/> marked as location 0.</summary>
        private static string MarkAt(string text, int at) => text.Insert(at + 1, "|}").Insert(at, "{|#0:");

        [Fact]
        public async Task A_file_the_compiler_decoded_as_Windows_1252_gets_GOV004_at_the_first_bad_byte()
        {
            // The compiler falls back to a single-byte encoding for the whole file when it is not UTF-8.
            var (bytes, at) = WithStrayByte();
            var latin1 = Encoding.Latin1;
            var test = Markup.Documents(Markup.Spec, Markup.Pointer);
            test.TestState.AdditionalFiles.Add((Markup.Root + Packets.Path, SourceText.From(MarkAt(latin1.GetString(bytes), at), latin1)));
            test.ExpectedDiagnostics.Add(new DiagnosticResult("GOV004", DiagnosticSeverity.Warning).WithLocation(0).WithArguments($"Byte 0x97 at offset {at}"));
            await test.RunAsync();
        }

        [Fact]
        public async Task A_file_the_compiler_decoded_with_replacement_characters_gets_GOV004_at_the_first_one()
        {
            var (bytes, at) = WithStrayByte();
            var lenient = new UTF8Encoding(false, false);
            var test = Markup.Documents(Markup.Spec, Markup.Pointer);
            test.TestState.AdditionalFiles.Add((Markup.Root + Packets.Path, SourceText.From(MarkAt(lenient.GetString(bytes), at), Encoding.UTF8)));
            test.ExpectedDiagnostics.Add(new DiagnosticResult("GOV004", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("The character U+FFFD (a byte the compiler could not decode)"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Inline_configuration_can_be_switched_off_with_an_MSBuild_property()
        {
            string packet = Bad + "\n<!-- governance-disable-file GOV107 -->\n";
            await Markup.Documents((Packets.Path, Markup.Plain(packet)), Markup.Spec, Markup.Pointer).RunAsync();

            var off = Markup.Documents((Packets.Path, packet), Markup.Spec, Markup.Pointer);
            off.TestState.AnalyzerConfigFiles.Clear();
            off.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", Markup.GlobalConfig(GovernanceAnalyzer.InlineConfigProperty + " = false")));
            off.ExpectedDiagnostics.Add(Gov107());
            await off.RunAsync();
        }

        [Fact]
        public void Every_catalog_rule_is_supported_once_with_its_default_severity()
        {
            // The document analyzer reports every rule but the source rules, which have an analyzer each.
            var supported = new DiagnosticAnalyzer[] { new GovernanceAnalyzer(), new GOV701NotImplementedExceptionAnalyzer(), new GOV702TodoWithoutIssueAnalyzer(), new GOV703DoneMeansTestAnalyzer() }
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
        public void With_a_help_folder_a_diagnostic_links_to_its_page_there_by_file_URI()
        {
            // Issue 34: the package's props set GovernanceHelpFolder to its docs/rules/; the link opens the shipped page.
            string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pkg", "docs", "rules") + System.IO.Path.DirectorySeparatorChar;
            var linked = GovernanceAnalyzer.DescriptorFor("GOV107", folder);
            Assert.Equal(new System.Uri(System.IO.Path.Combine(folder, "GOV107.md")).AbsoluteUri, linked.HelpLinkUri);
            Assert.StartsWith("file:///", linked.HelpLinkUri);
            Assert.Equal(("GOV107", GovernanceAnalyzer.Descriptors["GOV107"].Title.ToString(), GovernanceAnalyzer.Descriptors["GOV107"].DefaultSeverity), (linked.Id, linked.Title.ToString(), linked.DefaultSeverity));
            Assert.Same(linked, GovernanceAnalyzer.DescriptorFor("GOV107", folder));

            // Unset, or not an absolute folder: the page's path in this repository.
            Assert.Equal("docs/rules/GOV107.md", GovernanceAnalyzer.DescriptorFor("GOV107", null).HelpLinkUri);
            Assert.Equal("docs/rules/GOV107.md", GovernanceAnalyzer.DescriptorFor("GOV107", "docs/rules").HelpLinkUri);
        }

        [Fact]
        public void An_analyzer_of_one_rule_carries_the_rule_s_ID_in_its_name()
        {
            // Issue 35: as the engine's rules are named GOVnnnName, so are the source analyzers that report one rule each.
            var analyzers = typeof(GovernanceAnalyzer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
                .Select(t => (Type: t, Ids: ((DiagnosticAnalyzer)System.Activator.CreateInstance(t)!).SupportedDiagnostics.Select(d => d.Id).Distinct().ToList()))
                .Where(a => a.Ids.Count == 1)
                .ToList();
            Assert.True(analyzers.Count >= 3, string.Join(", ", analyzers.Select(a => a.Type.Name)));
            Assert.All(analyzers, a => Assert.Matches("^" + a.Ids[0] + "[A-Z][A-Za-z]*Analyzer$", a.Type.Name));
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
