using System.Linq;
using Orchestrator.Governance.Model.Board;
using Xunit;

namespace Orchestrator.Governance.Tests.Model.Board
{
    public class TaskBoardTests
    {
        [Fact]
        public void Entries_have_their_IDs_statuses_sections_and_places()
        {
            var m = new Marked("docs/TASK_BOARD.md",
                "# Task Board\n" +
                "\n" +
                "## Ready for Dev\n" +
                "- **[{|#0:WP-1-Storage-Layer|}]** - [{|#1:READY_FOR_DEV|}]\n" +
                "\n" +
                "## Done\n" +
                "- **[{|#2:WP-1-Job-Cancel|}]** - [{|#3:VALIDATED|}]\n" +
                "- **[WP-1-Old]** - [SUPERSEDED]\n");
            var board = TaskBoard.Read(m.Markdown, Marked.Config.Board);

            Assert.Equal(
                new[] { ("WP-1-Storage-Layer", "READY_FOR_DEV"), ("WP-1-Job-Cancel", "VALIDATED"), ("WP-1-Old", "SUPERSEDED") },
                board.Entries.Select(e => (e.Id, e.Status)));
            var first = board.ById["WP-1-Storage-Layer"];
            Assert.Equal(m.At(0), Marked.Of(first.IdSpan));
            Assert.Equal(m.At(1), Marked.Of(first.StatusSpan));
            Assert.Equal(m.At(2), Marked.Of(board.Entries[1].IdSpan));
            Assert.Equal(m.At(3), Marked.Of(board.Entries[1].StatusSpan));
            Assert.NotEqual(first.Section, board.Entries[1].Section);
            Assert.Single(board.EntriesOf("WP-1-Job-Cancel"));
            Assert.Empty(board.EntriesOf("WP-9-None"));
        }

        [Fact]
        public void IDs_are_found_in_running_text()
        {
            Assert.Equal(new[] { ("WP-1-A", 4), ("WP-2-B-v2", 15) }, TaskBoard.FindIds("See WP-1-A and WP-2-B-v2.").ToArray());
        }
    }
}
