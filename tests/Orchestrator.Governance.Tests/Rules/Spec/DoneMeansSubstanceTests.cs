using Xunit;

namespace Orchestrator.Governance.Tests.Rules.Spec
{
    /// <summary>
    /// Issue 32: DONE_MEANS items cover the requirements they name or state in substance, never a
    /// section by citing its number. The shared packet's DONE_MEANS stand on lines 26-27, GOV207 and
    /// GOV208 at the field (25,5); §2.3.12.3 of the shared spec has MUST Database trait (spec line 21),
    /// MUST SqliteDatabase wrapper (22) and SHOULD PostgresDatabase stub (23).
    /// </summary>
    public class DoneMeansSubstanceTests
    {
        private const string Item26 = "  * Database trait, SqliteDatabase wrapper and PostgresDatabase stub exist (§2.3.12.3)";
        private const string Line21 = "line 21 'The backend MUST define a Database trait with async methods.'";
        private const string Line22 = "line 22 'The backend MUST implement a SqliteDatabase wrapper behind the trait.'";
        private const string Line23 = "line 23 'The backend SHOULD provide a PostgresDatabase stub.'";

        private static Governance.Engine.GovernanceResult WithItems(string items) => Packets.Analyze(Packets.Valid.Replace(Item26 + "\n", items));

        private static Governance.Engine.GovernanceResult WithSpec(string packet, string specFrom, string specTo)
        {
            string spec = Testing.ValidPacket.SpecText.Replace(specFrom, specTo);
            Assert.NotEqual(Testing.ValidPacket.SpecText, spec);
            return Packets.Analyze((Packets.Path, packet), (Testing.ValidPacket.PointerPath, Testing.ValidPacket.PointerText), (Testing.ValidPacket.SpecPath, spec));
        }

        [Fact]
        public void An_item_naming_each_requirement_s_subject_covers_all_three()
        {
            Assert.Empty(Packets.Analyze(Packets.Valid).Diagnostics);
        }

        [Fact]
        public void A_section_number_with_a_topic_word_covers_nothing_and_the_MUSTs_stay_uncovered()
        {
            var result = WithItems("  * §2.3.12.3 storage implemented\n");
            Packets.Single(result, "GOV206", Packets.Path, 26, 5, "§2.3.12.3 storage implemented", "§2.3.12.3", "none");
            Packets.Single(result, "GOV207", Packets.Path, 25, 5, "2", "§2.3.12.3", Line21 + "; " + Line22);
            Packets.Single(result, "GOV208", Packets.Path, 25, 5, "1", "§2.3.12.3", Line23);
        }

        [Fact]
        public void A_section_number_narrows_where_to_look_and_the_item_covers_what_it_states_there()
        {
            var result = WithItems("  * The Database trait with async methods is defined (§2.3.12.3)\n");
            Packets.Single(result, "GOV207", Packets.Path, 25, 5, "1", "§2.3.12.3", Line22);
            Packets.Single(result, "GOV208", Packets.Path, 25, 5, "1", "§2.3.12.3", Line23);

            // Cited elsewhere (§1.1, which states nothing of the kind), the same words cover nothing.
            result = WithItems(Item26 + "\n  * The backend implements the SqliteDatabase wrapper behind the trait (§1.1)\n");
            Packets.Single(result, "GOV206", Packets.Path, 27, 5, "The backend implements the SqliteDatabase wrapper behind the trait (§1.1)", "§2.3.12.3", "none");
        }

        [Fact]
        public void A_requirement_named_by_its_spec_line_is_covered()
        {
            var result = WithItems("  * Done per spec line 22\n  * Trait: see L21\n");
            Assert.Empty(result.Of("GOV207"));
            Packets.Single(result, "GOV208", Packets.Path, 25, 5, "1", "§2.3.12.3", Line23);
        }

        [Fact]
        public void A_file_s_line_in_an_evidence_path_names_no_spec_line()
        {
            // "#L21" and ":L22" cite lines of src/ files, not requirements at spec lines 21 and 22.
            var result = WithItems("  * Done, see src/storage/trait.rs#L21 and src/storage/sqlite.rs:L22\n");
            Packets.Single(result, "GOV207", Packets.Path, 25, 5, "2", "§2.3.12.3", Line21 + "; " + Line22);
        }

        [Fact]
        public void A_lead_in_is_covered_only_when_every_requirement_of_its_list_is()
        {
            const string leadIn = "#### 2.3.12.3 Storage API Abstraction Pattern [CX-DBP-021]\nThe backend MUST provide these parts:\n\n";
            var result = WithSpec(Packets.Valid.Replace(Item26, "  * The backend defines a Database trait with async methods"),
                "#### 2.3.12.3 Storage API Abstraction Pattern [CX-DBP-021]\n", leadIn);
            var must = Assert.Single(result.Of("GOV207"));
            Assert.Equal("2", must.Arguments[0]);
            Assert.StartsWith("line 21 'The backend MUST provide these parts:'; line 24 'The backend MUST implement a SqliteDatabase wrapper", must.Arguments[2]);
        }

        [Fact]
        public void The_subject_alone_is_not_the_requirement()
        {
            // "Database trait" and "wrapper" name subjects; "async methods", "behind the trait" are the constraints.
            var result = WithItems("  * SqliteDatabase exists\n");
            Packets.Single(result, "GOV206", Packets.Path, 26, 5, "SqliteDatabase exists", "§2.3.12.3",
                "'The backend MUST implement a SqliteDatabase wrapper behind the trait.' (§2.3.12.3, spec line 22, 44% of its weighted terms stated)");
        }

        [Fact]
        public void Nested_sub_items_are_part_of_their_item()
        {
            var result = WithItems(
                "  * Storage layer delivered:\n" +
                "    - the backend defines a Database trait with async methods\n" +
                "    - the SqliteDatabase wrapper sits behind the trait\n" +
                "    - a PostgresDatabase stub is provided\n");
            Assert.Empty(result.Diagnostics);
        }

        [Fact]
        public void Tests_that_verify_a_requirement_state_it()
        {
            var result = WithItems("  * Tests verify that the backend defines the Database trait with async methods and the SqliteDatabase wrapper behind it; the PostgresDatabase stub is provided\n");
            Assert.Empty(result.Diagnostics);
        }

        [Fact]
        public void Snake_case_identifiers_meet_the_spec_s_words()
        {
            var result = WithSpec(
                Packets.Valid.Replace(Item26, "  * `integration_mode` is recorded on every job record (§2.3.12.3)"),
                "- The backend MUST define a Database trait with async methods.\n",
                "- Every job record MUST record its integration mode.\n");
            Assert.Empty(result.Of("GOV206"));
            Assert.DoesNotContain("line 21", result.Of("GOV207")[0].Arguments[2]);
        }

        [Fact]
        public void A_requirement_introducing_a_list_includes_it_and_an_item_restating_the_list_covers_it()
        {
            var result = WithSpec(
                Packets.Valid.Replace(Item26, "  * Each model call loads the snapshot, redacts secrets and hashes the prompt (§2.3.12.3)"),
                "- The backend MUST define a Database trait with async methods.\n- The backend MUST implement a SqliteDatabase wrapper behind the trait.\n- The backend SHOULD provide a PostgresDatabase stub.\n",
                "Each model call MUST execute the following steps:\n\n1. load the context snapshot\n2. redact secrets\n3. hash the prompt\n");
            Assert.Empty(result.Of("GOV206"));
            Assert.Empty(result.Of("GOV207"));
        }

        [Fact]
        public void A_range_in_an_item_holds_the_sections_between_its_ends()
        {
            string packet = Packets.Valid.Replace(Item26, "  * Offline mode and the SqliteDatabase wrapper behind the trait (1.1-2.3.12.3)");
            var result = Packets.Analyze(packet);
            Packets.Single(result, "GOV207", Packets.Path, 25, 5, "1", "§2.3.12.3", Line21);
        }
    }
}
