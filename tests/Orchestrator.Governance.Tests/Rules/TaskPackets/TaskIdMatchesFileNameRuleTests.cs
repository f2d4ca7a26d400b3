using Xunit;

namespace Orchestrator.Governance.Tests.Rules.TaskPackets
{
    public class TaskIdMatchesFileNameRuleTests
    {
        [Fact]
        public void A_TASK_ID_that_differs_from_the_file_name_is_reported_at_the_value()
        {
            var result = Packets.Analyze(Packets.WithLine(4, "- TASK_ID: WP-1-Storage"));
            Packets.Single(result, "GOV105", Packets.Path, 4, 12, "WP-1-Storage", "WP-1-Storage-Layer");
        }

        [Fact]
        public void A_TASK_ID_in_backticks_with_a_qualifier_matches()
        {
            var result = Packets.Analyze(Packets.WithLine(4, "- **TASK_ID**: `WP-1-Storage-Layer` (revision of v1)"));
            Assert.Empty(result.Of("GOV105"));
        }
    }
}
