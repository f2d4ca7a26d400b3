using Orchestrator.Governance.Model.Headers;
using Xunit;

namespace Orchestrator.Governance.Tests.Model.Headers
{
    public class MetadataHeaderTests
    {
        private static readonly string[] Statuses = { "In-Progress", "Done" };

        private static HeaderProblem? Check(string text, CommentStyle style) => MetadataHeader.Check(text, style, Statuses);

        [Fact]
        public void A_well_formed_header_has_no_problem()
        {
            Assert.Null(Check("// Description: Storage API\n// Orchestration: Phase 01 | In-Progress\nnamespace X { }\n", CommentStyle.Slashes));
            Assert.Null(Check("#!/bin/sh\n# Description: Build\n# Orchestration: Phase 02 | Done\necho\n", CommentStyle.Hash));
        }

        [Fact]
        public void A_file_without_a_header_is_missing_one_at_its_first_line()
        {
            var m = new Marked("a.cs", "{|#0:namespace X { }|}\n");
            var problem = Check(m.Text, CommentStyle.Slashes)!;
            Assert.True(problem.IsMissing);
            Assert.Equal(MetadataHeader.Expected(CommentStyle.Slashes), problem.Message);
            Assert.Equal(m.At(0), Marked.Of(m.Document.Span(problem.Start, problem.Length)));
        }

        [Fact]
        public void Swapped_lines_and_an_unknown_status_are_malformed()
        {
            var swapped = Check("// Orchestration: Phase 01 | Done\n// Description: x\n", CommentStyle.Slashes)!;
            Assert.False(swapped.IsMissing);
            Assert.Contains("swapped", swapped.Message);

            var m = new Marked("a.cs", "// Description: x\n// Orchestration: Phase 01 | Almost\n");
            var status = Check(m.Text, CommentStyle.Slashes)!;
            Assert.False(status.IsMissing);
            Assert.Contains("Almost", status.Message);
        }

        [Fact]
        public void Repair_writes_a_header_that_then_passes()
        {
            const string Text = "namespace X { }\n";
            var edit = MetadataHeader.Repair(Text, CommentStyle.Slashes, "Storage API", "01", "Done")!;
            string repaired = Text.Substring(0, edit.Start) + edit.NewText + Text.Substring(edit.Start + edit.Length);
            Assert.StartsWith("// Description: Storage API\n// Orchestration: Phase 01 | Done\n", repaired);
            Assert.Null(Check(repaired, CommentStyle.Slashes));
        }

        [Fact]
        public void A_JSON_file_carries_its_header_in_a_comment_property()
        {
            Assert.Null(Check("{\n  \"$comment\": \"Description: Plan\\nOrchestration: Phase 01 | Done\",\n  \"a\": 1\n}\n", CommentStyle.JsonComment));
            Assert.True(Check("{\n  \"a\": 1\n}\n", CommentStyle.JsonComment)!.IsMissing);
        }
    }
}
