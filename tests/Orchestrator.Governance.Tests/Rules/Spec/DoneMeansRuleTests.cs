using Xunit;

namespace Orchestrator.Governance.Tests.Rules.Spec
{
    /// <summary>
    /// GOV206-GOV209 on the shared packet, whose DONE_MEANS entries stand on lines 26-27, against
    /// §2.3.12.3 of the shared spec: MUST Database trait (spec line 21), MUST SqliteDatabase
    /// wrapper (22), SHOULD PostgresDatabase stub (23).
    /// </summary>
    public class DoneMeansRuleTests
    {
        private const string Item26 = "  * Database trait, SqliteDatabase wrapper and PostgresDatabase stub exist (§2.3.12.3)";

        private static Governance.Engine.GovernanceResult WithItems(string items) => Packets.Analyze(Packets.Valid.Replace(Item26 + "\n", items));

        [Fact]
        public void Items_that_cite_requirements_by_index_cover_only_those()
        {
            var result = WithItems("  * MUST: Database trait defined (§2.3.12.3, requirement 1)\n");
            Packets.Single(result, "GOV207", Packets.Path, 25, 5, "1", "§2.3.12.3",
                "line 22 'The backend MUST implement a SqliteDatabase wrapper behind the trait.'");
            Packets.Single(result, "GOV208", Packets.Path, 25, 5, "1", "§2.3.12.3",
                "line 23 'The backend SHOULD provide a PostgresDatabase stub.'");
        }

        [Fact]
        public void Items_map_by_shared_words_or_code_identifiers()
        {
            var result = WithItems(
                "  * The backend defines a Database trait with async methods\n" +
                "  * `SqliteDatabase` sits behind the trait\n" +
                "  * PostgresDatabase stub provided\n");
            Assert.Empty(result.Diagnostics);
        }

        [Fact]
        public void An_item_that_maps_to_no_requirement_is_GOV206_naming_the_closest()
        {
            var result = WithItems(Item26 + "\n  * The dashboard shows a green badge\n");
            Packets.Single(result, "GOV206", Packets.Path, 27, 5, "The dashboard shows a green badge", "§2.3.12.3", "none");
        }

        [Fact]
        public void A_closest_requirement_below_the_threshold_is_named_with_its_overlap()
        {
            var result = WithItems(Item26 + "\n  * Database migrations are reversible\n");
            Packets.Single(result, "GOV206", Packets.Path, 27, 5, "Database migrations are reversible", "§2.3.12.3",
                "'The backend MUST define a Database trait with async methods.' (§2.3.12.3, spec line 21, 12% of its weighted terms stated)");
        }

        [Fact]
        public void Generic_gates_need_no_requirement()
        {
            Assert.Empty(WithItems(Item26 + "\n  * Validation clean\n  * cargo test passes (2 new tests added)\n  * No new warnings\n").Diagnostics);
        }

        [Fact]
        public void Without_a_Main_Body_anchor_there_is_nothing_to_map_against()
        {
            var result = Packets.Analyze(Packets.WithLine(58, "- **SPEC_ANCHOR**: §7.6.3").Replace(Item26, "  * The dashboard shows a green badge"));
            Assert.Empty(result.Of("GOV206"));
            Assert.Empty(result.Of("GOV207"));
            Assert.Single(result.Of("GOV204"));
        }

        [Fact]
        public void A_vague_item_is_GOV209()
        {
            var result = WithItems(Item26 + "\n  * Feature works as needed\n");
            Packets.Single(result, "GOV209", Packets.Path, 27, 5, "Feature works as needed", "works");
        }

        [Fact]
        public void Examples_in_parentheses_do_not_make_an_item_vague()
        {
            Assert.Empty(WithItems(Item26 + "\n  * The view lists AI events (job start, completion, etc.) with timestamps\n").Of("GOV209"));
        }

        [Fact]
        public void A_lead_in_requirement_is_covered_by_the_requirements_below_it()
        {
            string spec = Testing.ValidPacket.SpecText.Replace(
                "#### 2.3.12.3 Storage API Abstraction Pattern [CX-DBP-021]\n",
                "#### 2.3.12.3 Storage API Abstraction Pattern [CX-DBP-021]\nThe backend MUST provide these parts:\n\n");
            var result = Packets.Analyze((Packets.Path, Packets.Valid), ("docs/SPEC_CURRENT.md", Testing.ValidPacket.PointerText), (Testing.ValidPacket.SpecPath, spec));
            Assert.Empty(result.Diagnostics);
        }

        [Theory]
        [InlineData("  * Cancel works for running jobs (POST /jobs/:id/cancel returns 200)\n")]
        [InlineData("  * Workflow stops within 5 seconds, so cancel works\n")]
        [InlineData("  * `just cancel-test` works\n")]
        public void A_vague_word_with_a_command_number_or_path_is_measurable(string item)
        {
            Assert.Empty(WithItems(Item26 + "\n" + item).Of("GOV209"));
        }
    }
}
