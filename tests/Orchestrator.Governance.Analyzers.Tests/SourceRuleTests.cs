using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Orchestrator.Governance.Analyzers.Tests
{
    /// <summary>
    /// GOV701 and GOV702 through the compiler (Microsoft.CodeAnalysis.Testing), each expected diagnostic
    /// at its place marked in the source (<c>{|#0:...|}</c>) with its severity and message arguments.
    /// </summary>
    public class SourceRuleTests
    {
        private const string JobsPath = "src/Jobs/JobService.cs";

        // #0, #1: the NotImplementedException creations (GOV701); #2, #4: TODO and HACK without an issue,
        // #3: FIXME with '#42' (GOV702 by default only for #2 and #4).
        private const string Jobs =
            "using System;\n" +                                                        // 1
            "namespace Consumer\n" +                                                   // 2
            "{\n" +                                                                    // 3
            "    public class JobService\n" +                                          // 4
            "    {\n" +                                                                // 5
            "        public void Cancel(Guid id) { throw {|#0:new NotImplementedException()|}; }\n" + // 6
            "        public int Count => throw {|#1:new System.NotImplementedException(\"later\")|};\n" + // 7
            "        public void Retry() { throw new InvalidOperationException(); }\n" + // 8
            "        // {|#2:TODO|}: handle retries\n" +                                   // 9
            "        // TODO(HSK-123): cap the backoff\n" +                                // 10
            "        /* {|#3:FIXME|} #42 and {|#4:HACK|} without one */\n" +               // 11
            "        /// <summary>TODOS and todo are words, not keywords.</summary>\n" +   // 12
            "        public string Note = \"TODO in a string is not a comment\";\n" +     // 13
            "    }\n" +                                                                // 14
            "}\n";                                                                     // 15

        private const string DefaultIssueReference = @"^(?:\(\s*(?:[A-Z][A-Z0-9]*-[0-9]+|#[0-9]+)\s*\)|:?\s*(?:[A-Z][A-Z0-9]*-[0-9]+|#[0-9]+)\b)";

        private static DiagnosticResult Gov701(int location, DiagnosticSeverity severity, string member) =>
            new DiagnosticResult("GOV701", severity).WithLocation(location).WithArguments(member);

        private static DiagnosticResult Gov702(int location, DiagnosticSeverity severity, string keyword, string pattern) =>
            new DiagnosticResult("GOV702", severity).WithLocation(location).WithArguments(keyword, pattern);

        [Fact]
        public async Task NotImplementedException_thrown_in_shipping_code_is_GOV701_at_the_creation()
        {
            var test = Markup.Sources<GOV701NotImplementedExceptionAnalyzer>(null, (JobsPath, Jobs));
            test.ExpectedDiagnostics.Add(Gov701(0, DiagnosticSeverity.Error, "JobService.Cancel"));
            test.ExpectedDiagnostics.Add(Gov701(1, DiagnosticSeverity.Error, "JobService.Count"));
            await test.RunAsync();
        }

        [Fact]
        public async Task TODO_FIXME_and_HACK_comments_without_an_issue_reference_are_GOV702_at_the_keyword()
        {
            var test = Markup.Sources<GOV702TodoWithoutIssueAnalyzer>(null, (JobsPath, Jobs));
            test.ExpectedDiagnostics.Add(Gov702(2, DiagnosticSeverity.Warning, "TODO", DefaultIssueReference));
            test.ExpectedDiagnostics.Add(Gov702(4, DiagnosticSeverity.Warning, "HACK", DefaultIssueReference));
            await test.RunAsync();
        }

        private static readonly (string, string)[] Exempt =
        {
            ("tests/Consumer.Tests/JobServiceTests.cs", Markup.Plain(Jobs)),
            ("samples/Demo.cs", Markup.Plain(Jobs).Replace("JobService", "Demo")),
            ("src/Consumer.Tests/Fake.cs", Markup.Plain(Jobs).Replace("JobService", "Fake")),
        };

        [Fact]
        public async Task Tests_samples_and_files_outside_the_root_are_exempt_by_default_from_GOV701()
        {
            await Markup.Sources<GOV701NotImplementedExceptionAnalyzer>(null, Exempt).RunAsync();
        }

        [Fact]
        public async Task Tests_samples_and_files_outside_the_root_are_exempt_by_default_from_GOV702()
        {
            await Markup.Sources<GOV702TodoWithoutIssueAnalyzer>(null, Exempt).RunAsync();
        }

        private const string Configured =
            "source:\n  exclude: ['src/Legacy/**']\n  todoKeywords: [FIXME]\n  issueReference: '^\\(JIRA-[0-9]+\\)'\nseverity:\n  GOV701: warning\n  GOV702: error\n";

        private static readonly (string, string)[] WithLegacy = { (JobsPath, Jobs), ("src/Legacy/Old.cs", Markup.Plain(Jobs).Replace("JobService", "Old")) };

        [Fact]
        public async Task Keywords_pattern_exclusion_and_severity_of_GOV702_come_from_governance_yml()
        {
            var test = Markup.Sources<GOV702TodoWithoutIssueAnalyzer>(Configured, WithLegacy);
            test.ExpectedDiagnostics.Add(Gov702(3, DiagnosticSeverity.Error, "FIXME", @"^\(JIRA-[0-9]+\)"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Exclusion_and_severity_of_GOV701_come_from_governance_yml_and_none_turns_it_off()
        {
            var test = Markup.Sources<GOV701NotImplementedExceptionAnalyzer>(Configured, WithLegacy);
            test.ExpectedDiagnostics.Add(Gov701(0, DiagnosticSeverity.Warning, "JobService.Cancel"));
            test.ExpectedDiagnostics.Add(Gov701(1, DiagnosticSeverity.Warning, "JobService.Count"));
            await test.RunAsync();

            await Markup.Sources<GOV701NotImplementedExceptionAnalyzer>("severity:\n  GOV701: none\n", WithLegacy).RunAsync();
        }

        [Fact]
        public async Task A_type_named_NotImplementedException_in_another_namespace_is_not_reported()
        {
            const string code = "namespace Consumer { public class NotImplementedException : System.Exception { } public class C { public void M() { throw new NotImplementedException(); } } }";
            await Markup.Sources<GOV701NotImplementedExceptionAnalyzer>(null, ("src/C.cs", code)).RunAsync();
        }
    }
}
