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

        /// <summary>The DONE_MEANS field with GOV207 (#7) and GOV208 (#8) marked where they are reported.</summary>
        private const string Field = "- **{|#7:|}{|#8:|}DONE_MEANS**:";

        /// <summary>The shared packet with the item on line 26 replaced by <paramref name="items"/> and line 25 by <paramref name="field"/>.</summary>
        private static string Packet(string items, string field = "- **DONE_MEANS**:") => Packets.WithLine(25, field).Replace(Item26 + "\n", items);

        private static EngineMarkup WithItems(string items, string field = "- **DONE_MEANS**:") => EngineMarkup.Packet(Packet(items, field));

        private static EngineMarkup WithSpec(string packet, string specFrom, string specTo)
        {
            string spec = Testing.ValidPacket.SpecText.Replace(specFrom, specTo);
            Assert.NotEqual(Testing.ValidPacket.SpecText, spec);
            return EngineMarkup.Documents((Packets.Path, packet), (Testing.ValidPacket.PointerPath, Testing.ValidPacket.PointerText), (Testing.ValidPacket.SpecPath, spec));
        }

        [Fact]
        public void An_item_naming_each_requirement_s_subject_covers_all_three()
        {
            EngineMarkup.Packet(Packets.Valid).Verify();
        }

        [Fact]
        public void A_section_number_with_a_topic_word_covers_nothing_and_the_MUSTs_stay_uncovered()
        {
            WithItems("  * {|#0:§2.3.12.3 storage implemented|}\n", Field)
                .Expect(0, "GOV206", "§2.3.12.3 storage implemented", "§2.3.12.3", "none")
                .Expect(7, "GOV207", "2", "§2.3.12.3", Line21 + "; " + Line22)
                .Expect(8, "GOV208", "1", "§2.3.12.3", Line23)
                .Verify();
        }

        [Fact]
        public void A_section_number_narrows_where_to_look_and_the_item_covers_what_it_states_there()
        {
            WithItems("  * The Database trait with async methods is defined (§2.3.12.3)\n", Field)
                .Expect(7, "GOV207", "1", "§2.3.12.3", Line22)
                .Expect(8, "GOV208", "1", "§2.3.12.3", Line23)
                .Verify();

            // Cited elsewhere (§1.1, which states nothing of the kind), the same words cover nothing.
            WithItems(Item26 + "\n  * {|#0:The backend implements the SqliteDatabase wrapper behind the trait (§1.1)|}\n")
                .Expect(0, "GOV206", "The backend implements the SqliteDatabase wrapper behind the trait (§1.1)", "§2.3.12.3", "none")
                .Verify();
        }

        [Fact]
        public void A_requirement_named_by_its_spec_line_is_covered()
        {
            WithItems("  * Done per spec line 22\n  * Trait: see spec L21\n", "- **{|#8:|}DONE_MEANS**:")
                .Expect(8, "GOV208", "1", "§2.3.12.3", Line23)
                .Verify();

            // A bare "line 22" or "L21" cites a file's or a log's line, not the spec's: it names nothing.
            WithItems("  * {|GOV206:The parser no longer fails on line 22|}\n  * {|GOV206:Trait: see L21|}\n", Field)
                .Expect(7, "GOV207", "2", "§2.3.12.3", Line21 + "; " + Line22)
                .Expect(8, "GOV208", "1", "§2.3.12.3", Line23)
                .Verify();
        }

        [Fact]
        public void A_file_s_line_in_an_evidence_path_names_no_spec_line()
        {
            // "#L21" and ":L22" cite lines of src/ files, not requirements at spec lines 21 and 22.
            WithItems("  * {|GOV206:Done, see src/storage/trait.rs#L21 and src/storage/sqlite.rs:L22|}\n", Field)
                .Expect(7, "GOV207", "2", "§2.3.12.3", Line21 + "; " + Line22)
                .Expect(8, "GOV208", "1", "§2.3.12.3", Line23)
                .Verify();
        }

        [Fact]
        public void A_lead_in_is_covered_only_when_every_requirement_of_its_list_is()
        {
            const string leadIn = "#### 2.3.12.3 Storage API Abstraction Pattern [CX-DBP-021]\nThe backend MUST provide these parts:\n\n";
            WithSpec(Packet("  * The backend defines a Database trait with async methods\n", Field),
                    "#### 2.3.12.3 Storage API Abstraction Pattern [CX-DBP-021]\n", leadIn)
                .Expect(7, "GOV207", "2", "§2.3.12.3",
                    "line 21 'The backend MUST provide these parts:'; line 24 'The backend MUST implement a SqliteDatabase wrapper behind the trait.'")
                .Expect(8, "GOV208", "1", "§2.3.12.3", "line 25 'The backend SHOULD provide a PostgresDatabase stub.'")
                .Verify();
        }

        [Fact]
        public void The_subject_alone_is_not_the_requirement()
        {
            // "Database trait" and "wrapper" name subjects; "async methods", "behind the trait" are the constraints.
            WithItems("  * {|#0:SqliteDatabase exists|}\n", Field)
                .Expect(0, "GOV206", "SqliteDatabase exists", "§2.3.12.3",
                    "'The backend MUST implement a SqliteDatabase wrapper behind the trait.' (§2.3.12.3, spec line 22, 44% of its weighted terms stated)")
                .Expect(7, "GOV207", "2", "§2.3.12.3", Line21 + "; " + Line22)
                .Expect(8, "GOV208", "1", "§2.3.12.3", Line23)
                .Verify();
        }

        [Fact]
        public void Nested_sub_items_are_part_of_their_item()
        {
            WithItems(
                "  * Storage layer delivered:\n" +
                "    - the backend defines a Database trait with async methods\n" +
                "    - the SqliteDatabase wrapper sits behind the trait\n" +
                "    - a PostgresDatabase stub is provided\n").Verify();
        }

        [Fact]
        public void Tests_that_verify_a_requirement_state_it()
        {
            WithItems("  * Tests verify that the backend defines the Database trait with async methods and the SqliteDatabase wrapper behind it; the PostgresDatabase stub is provided\n").Verify();
        }

        [Fact]
        public void Snake_case_identifiers_meet_the_spec_s_words()
        {
            WithSpec(
                    Packet("  * `integration_mode` is recorded on every job record (§2.3.12.3)\n", Field),
                    "- The backend MUST define a Database trait with async methods.\n",
                    "- Every job record MUST record its integration mode.\n")
                .Expect(7, "GOV207", "1", "§2.3.12.3", Line22)
                .Expect(8, "GOV208", "1", "§2.3.12.3", Line23)
                .Verify();
        }

        [Fact]
        public void A_requirement_introducing_a_list_includes_it_and_an_item_restating_the_list_covers_it()
        {
            WithSpec(
                    Packet("  * Each model call loads the snapshot, redacts secrets and hashes the prompt (§2.3.12.3)\n"),
                    "- The backend MUST define a Database trait with async methods.\n- The backend MUST implement a SqliteDatabase wrapper behind the trait.\n- The backend SHOULD provide a PostgresDatabase stub.\n",
                    "Each model call MUST execute the following steps:\n\n1. load the context snapshot\n2. redact secrets\n3. hash the prompt\n")
                .Verify();
        }

        [Fact]
        public void A_keyword_comment_in_fenced_code_is_a_requirement_the_items_must_cover()
        {
            const string should = "- The backend SHOULD provide a PostgresDatabase stub.\n";
            const string code = should + "\n```rust\npub struct Row {\n    pub id: i64, // REQUIRED: non-nil\n}\n```\n"; // the comment on spec line 27
            WithSpec(Packet(Item26 + "\n", "- **{|#7:|}DONE_MEANS**:"), should, code)
                .Expect(7, "GOV207", "1", "§2.3.12.3", "line 27 'REQUIRED: non-nil'")
                .Verify();
            WithSpec(Packet(Item26 + "\n  * Row ids are never nil (spec line 27)\n"), should, code).Verify();
        }

        [Fact]
        public void A_sentence_with_a_SHOULD_and_a_MUST_NOT_is_a_MUST_requirement()
        {
            // "SHOULD be kept ... and MUST NOT be exported": the MUST NOT is asked of the packet (GOV207), not only a SHOULD.
            const string should = "- The backend SHOULD provide a PostgresDatabase stub.\n";
            WithSpec(Packet(Item26 + "\n", "- **{|#7:|}DONE_MEANS**:"), should,
                    should + "\nPrompts SHOULD be kept for a week and MUST NOT be exported.\n")
                .Expect(7, "GOV207", "1", "§2.3.12.3", "line 25 'Prompts SHOULD be kept for a week and MUST NOT be exported.'")
                .Verify();
        }

        [Fact]
        public void A_range_in_an_item_holds_the_sections_between_its_ends()
        {
            WithItems("  * Offline mode and the SqliteDatabase wrapper behind the trait (1.1-2.3.12.3)\n", Field)
                .Expect(7, "GOV207", "1", "§2.3.12.3", Line21)
                .Expect(8, "GOV208", "1", "§2.3.12.3", Line23)
                .Verify();
        }
    }
}
