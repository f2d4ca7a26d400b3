using Orchestrator.Governance.Model.State;
using Xunit;

namespace Orchestrator.Governance.Tests.Model.State
{
    public class StateDocumentTests
    {
        [Fact]
        public void JSON_that_its_schema_refuses_has_problems_at_the_offending_token()
        {
            var m = new Marked("session.json", "{|#1:{|}\n  \"Phase\": {|#0:\"02\"|},\n  \"GapCount\": 0\n}\n");
            var state = StateDocument.Read(m.Path, StateKind.Session, m.Text, 64);
            Assert.Equal("02", (string?)state.Root!["Phase"]);
            Assert.Equal(m.At(0), Marked.Of(state.SpanOf(state.Root!["Phase"]!)));
            Assert.Equal(
                new[] { (false, "'Task' is required", m.At(1)), (false, "'Phase': integer expected", m.At(0)) },
                System.Linq.Enumerable.Select(state.Problems, p => (p.IsSyntax, p.Message, Marked.Of(p.Span))));
        }

        [Fact]
        public void JSON_that_its_schema_accepts_has_no_problems()
        {
            var state = StateDocument.Read("session.json", StateKind.Session, "{ \"Phase\": 2, \"Task\": 3, \"GapCount\": 0 }", 64);
            Assert.Empty(state.Problems);
        }

        [Fact]
        public void Bad_JSON_is_a_syntax_problem_where_the_reader_stopped()
        {
            var state = StateDocument.Read("session.json", StateKind.Session, "{\n  \"Phase\": \"02\",\n  \"Task\": \n}\n", 64);
            var problem = Assert.Single(state.Problems);
            Assert.True(problem.IsSyntax);
            Assert.Equal(4, problem.Span.StartLine);
        }

        [Fact]
        public void An_empty_file_and_nesting_deeper_than_the_limit_are_problems()
        {
            var empty = StateDocument.Read("plan.json", StateKind.Plan, "  \n", 64);
            Assert.Equal("The file is empty; a JSON value is required.", Assert.Single(empty.Problems).Message);
            Assert.Null(empty.Root);

            string deep = new string('[', 10) + new string(']', 10);
            Assert.Contains(StateDocument.Read("plan.json", StateKind.Plan, deep, 5).Problems, p => p.IsSyntax);
            Assert.DoesNotContain(StateDocument.Read("plan.json", StateKind.Plan, deep, 64).Problems, p => p.IsSyntax);
        }
    }
}
