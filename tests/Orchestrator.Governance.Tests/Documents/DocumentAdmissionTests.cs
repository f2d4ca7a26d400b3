using System.Linq;
using System.Text;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Xunit;

namespace Orchestrator.Governance.Tests.Documents
{
    /// <summary>
    /// The one admission step every document kind passes: the reason a document is refused, and the
    /// same reason for a packet (GOV002) and for the spec (GOV210, at the pointer that names it).
    /// </summary>
    public class DocumentAdmissionTests
    {
        [Fact]
        public void A_readable_text_document_within_the_limit_is_admitted()
        {
            Assert.Null(DocumentAdmission.Refusal(DocumentInput.FromText("a.md", "# A\n"), 100, "Markdown"));
        }

        [Fact]
        public void An_unreadable_document_is_refused_with_the_host_s_reason_or_a_default()
        {
            Assert.Equal("it is a FIFO", DocumentAdmission.Refusal(DocumentInput.Unreadable("a.md", "it is a FIFO"), 100, "Markdown"));
        }

        [Fact]
        public void A_document_over_the_limit_is_refused_with_its_size_in_bytes_as_the_host_saw_it()
        {
            var input = DocumentInput.FromText("a.md", "short", sizeInBytes: 2048);
            Assert.Equal("2048 bytes is more than limits.maxDocumentBytes (1024)", DocumentAdmission.Refusal(input, 1024, "Markdown"));
        }

        [Fact]
        public void A_document_with_NUL_bytes_is_refused_as_binary_naming_the_format_expected()
        {
            Assert.Equal("it holds NUL bytes, so it is a binary file, not JSON", DocumentAdmission.Refusal(DocumentInput.FromText("a.json", "{\0}"), 100, "JSON"));
        }

        [Fact]
        public void Markdown_the_parser_rejects_is_refused_with_the_parser_s_message_and_other_input_is_parsed()
        {
            var deep = new StringBuilder();
            for (int i = 0; i < 10_000; i++) deep.Append('>');
            var refused = DocumentAdmission.AdmitMarkdown(DocumentInput.FromText("a.md", deep + " deep\n"), 1_000_000, out var refusal);
            if (refused == null) Assert.StartsWith("the Markdown parser rejected it: ", refusal);
            else Assert.Null(refusal);

            var parsed = DocumentAdmission.AdmitMarkdown(DocumentInput.FromText("b.md", "# B\n"), 1_000_000, out var none);
            Assert.NotNull(parsed);
            Assert.Null(none);
            Assert.Equal("b.md", parsed!.Path);
        }

        [Fact]
        public void A_packet_and_the_spec_over_the_limit_are_refused_with_the_same_reason()
        {
            string config = "limits:\n  maxDocumentBytes: 1024\n";
            string big = "# Spec v01.0\n\n" + new string('x', 2000) + "\n";
            var result = GovernanceEngine.Analyze(new[]
            {
                DocumentInput.FromText("governance.yml", config),
                DocumentInput.FromText("docs/SPEC_CURRENT.md", "**Spec_v01.0.md**\n"),
                DocumentInput.FromText("Spec_v01.0.md", big),
                DocumentInput.FromText("docs/task_packets/WP-1-Big.md", big),
            });
            string reason = "2015 bytes is more than limits.maxDocumentBytes (1024)";
            var packet = Assert.Single(result.Diagnostics, d => d.Path == "docs/task_packets/WP-1-Big.md");
            Assert.Equal(("GOV002", 1, 1), (packet.Id, packet.Span.StartLine, packet.Span.StartColumn));
            Assert.Equal(new[] { reason }, packet.Arguments);
            var spec = Assert.Single(result.Diagnostics, d => d.Id == "GOV210");
            Assert.Equal("docs/SPEC_CURRENT.md", spec.Path);
            Assert.Equal(new[] { "'Spec_v01.0.md' could not be used: " + reason }, spec.Arguments);
        }

        [Fact]
        public void A_document_of_three_kinds_over_the_limit_is_refused_once()
        {
            // An ADR that documents.rfcs and headers.include also match: admitted once, one GOV002.
            string config = "limits:\n  maxDocumentBytes: 1024\ndocuments:\n  rfcs:\n    include: ['docs/adr/**/*.md']\nheaders:\n  include: ['docs/**/*.md']\n";
            var result = GovernanceEngine.Analyze(new[]
            {
                DocumentInput.FromText("governance.yml", config),
                DocumentInput.FromText("docs/adr/0001-big.md", "# 1. Big\n\n" + new string('x', 2000) + "\n"),
            });
            var refused = Assert.Single(result.Diagnostics);
            Assert.Equal(("GOV002", "docs/adr/0001-big.md", 1, 1), (refused.Id, refused.Path, refused.Span.StartLine, refused.Span.StartColumn));
            Assert.Equal(new[] { "2011 bytes is more than limits.maxDocumentBytes (1024)" }, refused.Arguments);
        }

        [Fact]
        public void A_board_that_the_rfc_globs_also_match_is_refused_once()
        {
            string config = "limits:\n  maxDocumentBytes: 1024\ndocuments:\n  rfcs:\n    include: ['docs/*.md']\n";
            var result = GovernanceEngine.Analyze(new[]
            {
                DocumentInput.FromText("governance.yml", config),
                DocumentInput.FromText("docs/TASK_BOARD.md", "# Board\n\n" + new string('x', 2000) + "\n"),
            });
            var refused = Assert.Single(result.Diagnostics);
            Assert.Equal(("GOV002", "docs/TASK_BOARD.md", 1, 1), (refused.Id, refused.Path, refused.Span.StartLine, refused.Span.StartColumn));
            Assert.Equal(new[] { "2010 bytes is more than limits.maxDocumentBytes (1024)" }, refused.Arguments);
        }

        [Fact]
        public void A_spec_that_could_not_be_used_is_GOV210_only_though_the_link_globs_match_it_too()
        {
            var result = GovernanceEngine.Analyze(new[]
            {
                DocumentInput.FromText("governance.yml", "limits:\n  maxDocumentBytes: 1024\n"),
                DocumentInput.FromText("docs/SPEC_CURRENT.md", "**Spec_v01.0.md**\n"),
                DocumentInput.FromText("docs/Spec_v01.0.md", "# Spec v01.0\n\n" + new string('x', 2000) + "\n"),
            });
            var spec = Assert.Single(result.Diagnostics);
            Assert.Equal(("GOV210", "docs/SPEC_CURRENT.md"), (spec.Id, spec.Path));
            Assert.Equal(new[] { "'docs/Spec_v01.0.md' could not be used: 2015 bytes is more than limits.maxDocumentBytes (1024)" }, spec.Arguments);
        }
    }
}
