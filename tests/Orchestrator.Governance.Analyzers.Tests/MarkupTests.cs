using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Orchestrator.Governance.Analyzers.Tests
{
    /// <summary>
    /// The analyzer through Microsoft.CodeAnalysis.Testing (the harness Roslyn analyzers are tested
    /// with): documents as additional files with the expected diagnostics marked inline,
    /// <c>{|GOV107:Almost done|}</c>, instead of lines and columns counted by hand. The test
    /// compiles a C# file against .NET 8's reference assemblies (restored with the project).
    /// </summary>
    public class MarkupTests
    {
        private static CSharpAnalyzerTest<GovernanceAnalyzer, DefaultVerifier> Test(params (string Path, string Markup)[] documents) => Markup.Documents(documents);

        private static readonly (string, string) Spec = Markup.Spec;
        private static readonly (string, string) Pointer = Markup.Pointer;

        [Fact]
        public async Task A_status_that_is_not_allowed_is_reported_at_its_value_with_the_allowed_ones()
        {
            string packet = Packets.Valid.Replace("- STATUS: Ready-for-Dev", "- STATUS: {|#0:Almost done|}");
            var test = Test((Packets.Path, packet), Spec, Pointer);
            test.ExpectedDiagnostics.Add(new DiagnosticResult("GOV107", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("STATUS", "Almost done", "Ready-for-Dev, In-Progress, Blocked, Done, Validated"));
            await test.RunAsync();
        }

        [Fact]
        public async Task A_packet_that_follows_the_protocol_has_no_diagnostic()
        {
            await Test((Packets.Path, Packets.Valid), Spec, Pointer).RunAsync();
        }

        [Fact]
        public async Task Two_packets_declaring_one_TASK_ID_are_reported_in_each_naming_the_other_and_the_copy_s_name_differs()
        {
            const string copyPath = "docs/task_packets/WP-1-Storage-Layer-v2.md";
            string original = Packets.Valid.Replace("- TASK_ID: WP-1-Storage-Layer", "- TASK_ID: {|#0:WP-1-Storage-Layer|}");
            string copy = Packets.Valid.Replace("- TASK_ID: WP-1-Storage-Layer", "- TASK_ID: {|#1:WP-1-Storage-Layer|}");
            var test = Test((Packets.Path, original), (copyPath, copy), Spec, Pointer);
            test.ExpectedDiagnostics.Add(new DiagnosticResult("GOV106", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithArguments("WP-1-Storage-Layer", copyPath));
            test.ExpectedDiagnostics.Add(new DiagnosticResult("GOV106", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(1).WithArguments("WP-1-Storage-Layer", Packets.Path));
            test.ExpectedDiagnostics.Add(new DiagnosticResult("GOV105", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(1).WithArguments("WP-1-Storage-Layer", "WP-1-Storage-Layer-v2", "file name"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Findings_in_the_spec_are_reported_in_the_spec_file()
        {
            string spec = "# Spec v01.0\n\n# 2. Architecture\n\n### 2.3.12 Taste Engine\n\n#### {|#0:2.3.11.1 Goals|}\nThe engine MUST learn.\n";
            var test = Test(("docs/SPEC_CURRENT.md", "**Spec_v01.0.md**\n"), ("Spec_v01.0.md", spec));
            test.ExpectedDiagnostics.Add(new DiagnosticResult("GOV211", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0).WithArguments("2.3.11.1 Goals", "2.3.12 Taste Engine", "5"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Files_that_are_not_governance_documents_are_ignored()
        {
            await Test(("src/App/Strings.resx", "<root/>"), ("README.md", "# Hello")).RunAsync();
        }
    }
}
