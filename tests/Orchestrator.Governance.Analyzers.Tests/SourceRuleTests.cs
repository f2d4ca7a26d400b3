using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Orchestrator.Governance.Analyzers.Tests
{
    /// <summary>GOV701 and GOV702 through the compiler, with exact places and message arguments.</summary>
    public class SourceRuleTests
    {
        private const string Jobs =
            "using System;\n" +                                                        // 1
            "namespace Consumer\n" +                                                   // 2
            "{\n" +                                                                    // 3
            "    public class JobService\n" +                                          // 4
            "    {\n" +                                                                // 5
            "        public void Cancel(Guid id) { throw new NotImplementedException(); }\n" + // 6
            "        public int Count => throw new System.NotImplementedException(\"later\");\n" + // 7
            "        public void Retry() { throw new InvalidOperationException(); }\n" + // 8
            "        // TODO: handle retries\n" +                                         // 9
            "        // TODO(HSK-123): cap the backoff\n" +                                // 10
            "        /* FIXME #42 and HACK without one */\n" +                            // 11
            "        /// <summary>TODOS and todo are words, not keywords.</summary>\n" +   // 12
            "        public string Note = \"TODO in a string is not a comment\";\n" +     // 13
            "    }\n" +                                                                // 14
            "}\n";                                                                     // 15

        private static string Show(ImmutableArray<Diagnostic> diagnostics) => string.Join("\n", diagnostics
            .OrderBy(d => d.Location.SourceTree!.FilePath).ThenBy(d => d.Location.SourceSpan.Start)
            .Select(d =>
            {
                var at = d.Location.GetLineSpan();
                return $"{at.Path.Substring(AnalyzerHarness.Root.Length)}({at.StartLinePosition.Line + 1},{at.StartLinePosition.Character + 1}) {d.Id} {d.Severity}: {d.GetMessage()}";
            }));

        [Fact]
        public async Task NotImplementedException_thrown_in_shipping_code_is_GOV701_at_the_creation()
        {
            var diagnostics = await AnalyzerHarness.RunSourceAsync(new NotImplementedExceptionAnalyzer(), new[] { ("src/Jobs/JobService.cs", Jobs) });
            Assert.Equal(
                "src/Jobs/JobService.cs(6,45) GOV701 Error: 'JobService.Cancel' throws NotImplementedException; implement it, or take it out of the packet's DONE_MEANS\n" +
                "src/Jobs/JobService.cs(7,35) GOV701 Error: 'JobService.Count' throws NotImplementedException; implement it, or take it out of the packet's DONE_MEANS",
                Show(diagnostics));
        }

        [Fact]
        public async Task TODO_FIXME_and_HACK_comments_without_an_issue_reference_are_GOV702_at_the_keyword()
        {
            var diagnostics = await AnalyzerHarness.RunSourceAsync(new TodoWithoutIssueAnalyzer(), new[] { ("src/Jobs/JobService.cs", Jobs) });
            string pattern = @"^(?:\(\s*(?:[A-Z][A-Z0-9]*-[0-9]+|#[0-9]+)\s*\)|:?\s*(?:[A-Z][A-Z0-9]*-[0-9]+|#[0-9]+)\b)";
            Assert.Equal(
                $"src/Jobs/JobService.cs(9,12) GOV702 Warning: TODO comment has no issue reference; write TODO(ISSUE-123) or TODO #123 (source.issueReference: {pattern})\n" +
                $"src/Jobs/JobService.cs(11,26) GOV702 Warning: HACK comment has no issue reference; write HACK(ISSUE-123) or HACK #123 (source.issueReference: {pattern})",
                Show(diagnostics));
        }

        [Fact]
        public async Task Tests_samples_and_files_outside_the_root_are_exempt_by_default()
        {
            var sources = new[]
            {
                ("tests/Consumer.Tests/JobServiceTests.cs", Jobs),
                ("samples/Demo.cs", Jobs.Replace("JobService", "Demo")),
                ("src/Consumer.Tests/Fake.cs", Jobs.Replace("JobService", "Fake")),
            };
            Assert.Empty(await AnalyzerHarness.RunSourceAsync(new NotImplementedExceptionAnalyzer(), sources));
            Assert.Empty(await AnalyzerHarness.RunSourceAsync(new TodoWithoutIssueAnalyzer(), sources));
        }

        [Fact]
        public async Task Globs_keywords_pattern_and_severity_come_from_governance_yml()
        {
            var config = AnalyzerHarness.File("governance.yml",
                "source:\n  exclude: ['src/Legacy/**']\n  todoKeywords: [FIXME]\n  issueReference: '^\\(JIRA-[0-9]+\\)'\nseverity:\n  GOV701: warning\n  GOV702: error\n");
            var sources = new[] { ("src/Jobs/JobService.cs", Jobs), ("src/Legacy/Old.cs", Jobs.Replace("JobService", "Old")) };

            var todo = await AnalyzerHarness.RunSourceAsync(new TodoWithoutIssueAnalyzer(), sources, config);
            Assert.Equal(@"src/Jobs/JobService.cs(11,12) GOV702 Error: FIXME comment has no issue reference; write FIXME(ISSUE-123) or FIXME #123 (source.issueReference: ^\(JIRA-[0-9]+\))", Show(todo));

            var thrown = await AnalyzerHarness.RunSourceAsync(new NotImplementedExceptionAnalyzer(), sources, config);
            Assert.Equal(new[] { DiagnosticSeverity.Warning, DiagnosticSeverity.Warning }, thrown.Select(d => d.Severity));

            var off = AnalyzerHarness.File("governance.yml", "severity:\n  GOV701: none\n");
            Assert.Empty(await AnalyzerHarness.RunSourceAsync(new NotImplementedExceptionAnalyzer(), sources, off));
        }

        [Fact]
        public async Task A_type_named_NotImplementedException_in_another_namespace_is_not_reported()
        {
            const string code = "namespace Consumer { public class NotImplementedException : System.Exception { } public class C { public void M() { throw new NotImplementedException(); } } }";
            Assert.Empty(await AnalyzerHarness.RunSourceAsync(new NotImplementedExceptionAnalyzer(), new[] { ("src/C.cs", code) }));
        }
    }
}
