using System.Linq;
using Xunit;

namespace Orchestrator.Governance.Tests.Engine
{
    /// <summary>Documents saved through a wrong encoding: read repaired, reported once (GOV009), every span in the file's own columns.</summary>
    public class MojibakeDocumentTests
    {
        [Fact]
        public void A_double_encoded_anchor_resolves_and_GOV009_names_the_repair_once()
        {
            string text = Packets.Valid
                .Replace("- **SPEC_ANCHOR**: §2.3.12.3 (Storage API Abstraction Pattern)", "- **SPEC_ANCHOR**: Â§2.3.12.3 (Storage API Abstraction Pattern)")
                .Replace("**User Signature Locked:** ilja261220251430", "**User Signature Locked:** ilja261220251430 â€” signed");
            Assert.Contains("â€” signed", text);
            var result = Packets.Analyze(text);
            var d = Assert.Single(result.Diagnostics);
            Assert.Equal(("GOV009", Packets.Path, 58, 20, 58, 30), (d.Id, d.Path, d.Span.StartLine, d.Span.StartColumn, d.Span.EndLine, d.Span.EndColumn));
            Assert.Equal(new[] { "Â§2.3.12.3", "§2.3.12.3" }, d.Arguments);
        }

        [Fact]
        public void Diagnostics_after_a_repaired_sequence_point_at_the_file_s_own_columns()
        {
            // STATUS is wrong after a double-encoded dash on the same line: column 18 in the file, 16 in the repaired text.
            var result = Packets.Analyze(Packets.WithLine(9, "- STATUS: â€” Almost done"));
            Packets.Single(result, "GOV107", Packets.Path, 9, 11, "STATUS", "— Almost done", "Ready-for-Dev, In-Progress, Blocked, Done, Validated");
            var gov107 = result.Of("GOV107").Single();
            Assert.Equal((9, 26), (gov107.Span.EndLine, gov107.Span.EndColumn));
            Packets.Single(result, "GOV009", Packets.Path, 9, 11, "â€”", "—");
        }

        [Fact]
        public void A_document_that_is_not_read_gets_no_GOV009()
        {
            var result = Packets.Analyze((Packets.Path, Packets.Valid), ("notes/random.md", "Â§ not a governance document\n"));
            Assert.Empty(result.Diagnostics);
        }
    }
}
