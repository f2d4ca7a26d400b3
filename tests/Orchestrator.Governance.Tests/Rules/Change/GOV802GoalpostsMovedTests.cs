using Xunit;
using static Orchestrator.Governance.Tests.Rules.Change.ChangeFixture;

namespace Orchestrator.Governance.Tests.Rules.Change
{
    /// <summary>
    /// GOV802 on the shared valid packet: STATUS value at line 9, column 11; IN_SCOPE_PATHS entry on
    /// line 15; DONE_MEANS items on lines 26 and 27; SPEC_ANCHOR on line 58.
    /// </summary>
    public class GOV802GoalpostsMovedTests
    {
        [Fact]
        public void A_DONE_MEANS_item_removed_in_the_change_that_marks_the_packet_done_is_reported_at_the_status()
        {
            var result = Analyze(WithStatus("In-Progress"), WithStatus("Done", (27, "")));
            Packets.Single(result, "GOV802", Packets.Path, 9, 11, "In-Progress", "Done", "removes DONE_MEANS 'All tests pass'");
            Assert.Equal("STATUS moves from 'In-Progress' to 'Done' in the same change that removes DONE_MEANS 'All tests pass'", result.Of("GOV802")[0].Message);
        }

        [Fact]
        public void Rewording_widening_the_scope_and_narrowing_the_anchor_are_each_listed()
        {
            var now = WithStatus("VALIDATED",
                (27, "  * Most tests pass"),
                (15, "  * src/storage/mod.rs\n  * src/storage/sqlite.rs"),
                (58, "- **SPEC_ANCHOR**: §2.3.12 (Storage Backend Portability)"));
            Assert.Equal(
                "docs/task_packets/WP-1-Storage-Layer.md(9,11) [In-Progress | VALIDATED | rewords DONE_MEANS 'All tests pass' as 'Most tests pass'; adds IN_SCOPE_PATHS 'src/storage/sqlite.rs'; drops SPEC_ANCHOR '§2.3.12.3 (Storage API Abstraction Pattern)']",
                Found(Analyze(WithStatus("In-Progress"), now), "GOV802"));
        }

        [Fact]
        public void Ticking_an_item_or_adding_its_evidence_does_not_weaken_it()
        {
            var now = WithStatus("Done", (26, "  * [x] Database trait, SqliteDatabase wrapper and PostgresDatabase stub exist (§2.3.12.3)"), (27, "  * [x] All tests pass: 42 passed, see CI run 1234"));
            Assert.Empty(Analyze(WithStatus("In-Progress", (27, "  * [ ] All tests pass")), now).Of("GOV802"));
        }

        [Fact]
        public void Text_after_an_item_that_narrows_it_rewords_it()
        {
            Assert.Equal(
                "docs/task_packets/WP-1-Storage-Layer.md(9,11) [In-Progress | Done | rewords DONE_MEANS 'All tests pass' as 'All tests pass except the Postgres stub']",
                Found(Analyze(WithStatus("In-Progress"), WithStatus("Done", (27, "  * All tests pass except the Postgres stub"))), "GOV802"));
            Assert.Equal(
                "docs/task_packets/WP-1-Storage-Layer.md(9,11) [In-Progress | Done | rewords DONE_MEANS 'All tests pass' as 'All tests pass (only on Linux)']",
                Found(Analyze(WithStatus("In-Progress"), WithStatus("Done", (27, "  * All tests pass (only on Linux)"))), "GOV802"));
        }

        [Fact]
        public void Weakening_without_closing_and_closing_without_weakening_are_not_reported()
        {
            // Still in progress: changing the promises is a change of their own (GOV607 judges locked packets).
            Assert.Empty(Analyze(WithStatus("In-Progress"), WithStatus("In-Progress", (27, ""))).Of("GOV802"));
            // Already closed at the base: Done to VALIDATED moves no goalpost of this change's making.
            Assert.Empty(Analyze(WithStatus("Done"), WithStatus("VALIDATED", (27, ""))).Of("GOV802"));
            // Closed with every promise kept.
            Assert.Empty(Analyze(WithStatus("In-Progress"), WithStatus("Done")).Of("GOV802"));
            // No base revision.
            Assert.Empty(Analyze(WithStatus("In-Progress"), WithStatus("Done", (27, "")), baseGiven: false).Of("GOV802"));
        }

        [Fact]
        public void More_than_three_weakenings_are_counted()
        {
            var now = WithStatus("Done", (26, ""), (27, ""), (15, "  * src/storage/sqlite.rs"), (58, "- **SPEC_ANCHOR**: §2.3.12"));
            Packets.Single(Analyze(WithStatus("In-Progress"), now), "GOV802", Packets.Path, 9, 11, "In-Progress", "Done",
                "removes DONE_MEANS 'Database trait, SqliteDatabase wrapper and PostgresDatabase stub exist (§2.3....'; removes DONE_MEANS 'All tests pass'; adds IN_SCOPE_PATHS 'src/storage/sqlite.rs'; and 1 more");
        }
    }
}
