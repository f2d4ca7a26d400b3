using System.Linq;
using Orchestrator.Governance.Model.Decisions;
using Xunit;

namespace Orchestrator.Governance.Tests.Model.Decisions
{
    public class AdrDocumentTests
    {
        [Fact]
        public void A_Nygard_ADR_has_its_number_title_status_and_parts()
        {
            var m = new Marked("docs/adr/0002-use-sqlite.md",
                "# {|#0:2. Use SQLite|}\n" +
                "\n" +
                "Status: {|#1:Superseded by ADR-0005|}\n" +
                "\n" +
                "## Context\n" +
                "We need storage.\n" +
                "\n" +
                "## Decision\n" +
                "SQLite.\n");
            Assert.Equal(2, AdrDocument.NumberOf(m.Path));
            var adr = AdrDocument.Read(m.Markdown, 2);
            Assert.Equal((2, AdrStyle.Nygard), (adr.Number, adr.Style));
            Assert.Equal(m.At(0), Marked.Of(adr.TitleSpan));
            Assert.Equal("Superseded by ADR-0005", adr.Status);
            Assert.Equal(m.At(1), Marked.Of(adr.StatusSpan));
            Assert.Equal(new[] { "Consequences" }, adr.MissingParts);
            Assert.Equal(5, Assert.Single(adr.SupersededBy).Number);
            Assert.Empty(adr.Supersedes);
        }

        [Fact]
        public void A_MADR_with_front_matter_takes_its_status_from_there()
        {
            var m = new Marked("docs/decisions/0007-queue.md",
                "---\n" +
                "status: {|#0:accepted|}\n" +
                "---\n" +
                "# Use a durable queue\n" +
                "\n" +
                "## Context and Problem Statement\n" +
                "x\n" +
                "\n" +
                "## Considered Options\n" +
                "x\n" +
                "\n" +
                "## Decision Outcome\n" +
                "x\n");
            var adr = AdrDocument.Read(m.Markdown, 7);
            Assert.Equal(AdrStyle.Madr, adr.Style);
            Assert.Equal("accepted", adr.Status);
            Assert.Equal(m.At(0), Marked.Of(adr.StatusSpan));
            Assert.Empty(adr.MissingParts);
        }

        [Theory]
        [InlineData("docs/adr/0012-thing.md", 12)]
        [InlineData("docs/adr/ADR-003-thing.md", 3)]
        [InlineData("docs/adr/README.md", null)]
        public void The_number_comes_from_the_file_name(string path, int? number)
        {
            Assert.Equal(number, AdrDocument.NumberOf(path));
        }
    }
}
