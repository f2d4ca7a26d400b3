using System;
using System.Linq;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Xunit;

namespace Orchestrator.Governance.Tests.Engine
{
    /// <summary>
    /// An engine failure never turns a check green (issue 31, H1): a reader that throws is GOV003,
    /// an error, at its document while every other document's findings stand; a failure outside any
    /// one document is one GOV003 error; the inputs found to make the engine throw are handled.
    /// </summary>
    public class EngineFailureTests
    {
        private static readonly string Bad = Packets.WithLine(9, "- STATUS: Almost done");

        [Fact]
        public void A_reader_that_throws_is_GOV003_error_at_its_document_and_the_other_documents_findings_stand()
        {
            var options = new AnalysisOptions { FaultInjection = path => { if (path == "docs/task_packets/WP-1-Other.md") throw new InvalidOperationException("boom"); } };
            var inputs = Packets.SpecInputs().Concat(new[]
            {
                DocumentInput.FromText(Packets.Path, Bad),
                DocumentInput.FromText("docs/task_packets/WP-1-Other.md", Bad.Replace("WP-1-Storage-Layer", "WP-1-Other")),
            });
            var result = GovernanceEngine.Analyze(inputs, options);
            var failed = Packets.Single(result, "GOV003", "docs/task_packets/WP-1-Other.md", 1, 1, "The document's reader", "InvalidOperationException: boom");
            Assert.Equal(GovernanceSeverity.Error, failed.Severity);
            Packets.Single(result, "GOV107", Packets.Path, 9, 11, "STATUS", "Almost done", "Ready-for-Dev, In-Progress, Blocked, Done, Validated");
            Assert.DoesNotContain(result.Diagnostics, d => d.Path == "docs/task_packets/WP-1-Other.md" && d.Id != "GOV003");
            Assert.Equal(new[] { Packets.Path }, result.Packets.Select(p => p.Path));
        }

        [Fact]
        public void A_failure_outside_any_document_is_one_GOV003_error_at_the_configuration()
        {
            var options = new AnalysisOptions { FaultInjection = path => { if (path == "(index)") throw new InvalidOperationException("index"); } };
            var inputs = Packets.SpecInputs().Concat(new[] { DocumentInput.FromText(Packets.Path, Bad), DocumentInput.FromText("governance.yml", "severity: {}\n") });
            var result = GovernanceEngine.Analyze(inputs, options);
            var failed = Assert.Single(result.Diagnostics);
            Assert.Equal(("GOV003", "governance.yml", 1, 1, GovernanceSeverity.Error), (failed.Id, failed.Path, failed.Span.StartLine, failed.Span.StartColumn, failed.Severity));
            Assert.Equal(new[] { "The analysis", "InvalidOperationException: index" }, failed.Arguments);
            Assert.True(result.HasErrors);
        }

        [Fact]
        public void Without_a_configuration_the_failure_is_at_the_first_document()
        {
            var options = new AnalysisOptions { FaultInjection = path => { if (path == "(index)") throw new InvalidOperationException("index"); } };
            var result = GovernanceEngine.Analyze(Packets.SpecInputs().Concat(new[] { DocumentInput.FromText(Packets.Path, Bad) }), options);
            var failed = Assert.Single(result.Diagnostics);
            Assert.Equal(("GOV003", Testing.ValidPacket.SpecPath), (failed.Id, failed.Path));
        }

        [Fact]
        public void An_analysis_that_failed_with_a_cache_is_followed_by_a_whole_one()
        {
            var cache = new AnalysisCache();
            var inputs = Packets.SpecInputs().Concat(new[] { DocumentInput.FromText(Packets.Path, Bad) }).ToList();
            var failedRun = GovernanceEngine.Analyze(inputs, new AnalysisOptions { Cache = cache, FaultInjection = path => { if (path == "(index)") throw new InvalidOperationException("index"); } });
            Assert.Equal("GOV003", Assert.Single(failedRun.Diagnostics).Id);
            var next = GovernanceEngine.Analyze(inputs, new AnalysisOptions { Cache = cache });
            Assert.Equal(GovernanceEngine.Analyze(inputs).Diagnostics.Select(d => d.ToString()), next.Diagnostics.Select(d => d.ToString()));
        }

        [Fact]
        public void A_long_line_of_unclosed_anchor_tags_in_a_linked_document_is_read_and_the_packet_still_fails()
        {
            // 15 KB of "<a " with no '>' in a document GOV610 reads made the anchor pattern time out, and the engine throw.
            string notes = "# Notes\n\n" + string.Concat(Enumerable.Repeat("<a ", 5000)) + "\n\n<a name=\"kept\"></a>\n\n[back](#kept)\n";
            var result = Packets.Analyze((Packets.Path, Bad), ("docs/notes.md", notes));
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "GOV003");
            Assert.Empty(result.Of("GOV610"));
            Packets.Single(result, "GOV107", Packets.Path, 9, 11, "STATUS", "Almost done", "Ready-for-Dev, In-Progress, Blocked, Done, Validated");
        }

        [Theory]
        [InlineData("documents:\n  adrs:\n    include: ['docs/../x/*.md']\n", 3, "documents.adrs.include", "docs/../x/*.md")]
        [InlineData("headers:\n  include:\n    - 'src/**/*.cs'\n    - 'src/../../etc/*'\n", 4, "headers.include", "src/../../etc/*")]
        [InlineData("spec:\n  files: ['../spec/*.md']\n", 2, "spec.files", "../spec/*.md")]
        public void A_glob_with_a_parent_segment_is_GOV001_and_the_defaults_apply(string yaml, int line, string key, string glob)
        {
            var result = Packets.Analyze((Packets.Path, Bad), ("governance.yml", yaml));
            Packets.Single(result, "GOV001", "governance.yml", line, 1,
                $"'{key}' glob '{glob}' cannot be used: it has a '..' segment; globs are relative to the repository root and cannot leave it");
            Packets.Single(result, "GOV107", Packets.Path, 9, 11, "STATUS", "Almost done", "Ready-for-Dev, In-Progress, Blocked, Done, Validated");
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "GOV003");
        }
    }
}
