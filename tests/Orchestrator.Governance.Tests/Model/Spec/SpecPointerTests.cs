using Orchestrator.Governance.Model.Spec;
using Xunit;

namespace Orchestrator.Governance.Tests.Model.Spec
{
    public class SpecPointerTests
    {
        [Fact]
        public void A_Markdown_pointer_names_the_file_where_it_stands()
        {
            var m = new Marked("docs/SPEC_CURRENT.md", "# SPEC_CURRENT\n\nThe current authoritative Master Specification is:\n\n**{|#0:Example_Master_Spec_v01.2.md|}**\n");
            var pointer = SpecPointer.Read(m.Path, m.Text);
            Assert.Null(pointer.Problem);
            Assert.False(pointer.IsData);
            Assert.Equal("Example_Master_Spec_v01.2.md", pointer.FileName);
            Assert.Equal(m.At(0), Marked.Of(Assert.Single(pointer.Targets).Span));
            Assert.False(pointer.EscapesRepository);
            Assert.Contains("Example_Master_Spec_v01.2.md", pointer.CandidatePaths());
        }

        [Fact]
        public void A_JSON_pointer_is_data_and_a_pointer_out_of_the_repository_escapes()
        {
            var json = SpecPointer.Read("docs/SPEC_CURRENT.json", "{ \"spec\": \"Spec_v2.md\" }");
            Assert.True(json.IsData);
            Assert.Equal("Spec_v2.md", json.FileName);
            Assert.True(SpecPointer.Escapes("docs/SPEC_CURRENT.md", "../../outside/Spec.md"));
            Assert.False(SpecPointer.Escapes("docs/SPEC_CURRENT.md", "Spec.md"));
            Assert.True(SpecPointer.IsAbsolute("/etc/spec.md"));
        }

        [Fact]
        public void A_pointer_that_names_no_spec_has_no_targets()
        {
            var pointer = SpecPointer.Read("docs/SPEC_CURRENT.md", "# SPEC_CURRENT\n\nTo be decided.\n");
            Assert.Empty(pointer.Targets);
            Assert.Null(pointer.FileName);
        }
    }
}
