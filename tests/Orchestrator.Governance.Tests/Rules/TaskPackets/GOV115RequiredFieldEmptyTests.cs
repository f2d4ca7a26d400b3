using Xunit;

namespace Orchestrator.Governance.Tests.Rules.TaskPackets
{
    /// <summary>
    /// GOV115 on the shared packet, in inline markup: DONE_MEANS (line 25) with its items (26-27)
    /// de-indented beside it is empty, and the de-indented items are not read as its items (so
    /// GOV207 and GOV208 list every requirement of §2.3.12.3).
    /// </summary>
    public class GOV115RequiredFieldEmptyTests
    {
        private const string Items = "  * Database trait, SqliteDatabase wrapper and PostgresDatabase stub exist (§2.3.12.3)\n  * All tests pass\n";
        private const string Musts = "line 21 'The backend MUST define a Database trait with async methods.'; line 22 'The backend MUST implement a SqliteDatabase wrapper behind the trait.'";
        private const string Should = "line 23 'The backend SHOULD provide a PostgresDatabase stub.'";

        [Fact]
        public void Items_de_indented_beside_DONE_MEANS_leave_it_empty_and_are_not_its_items()
        {
            string packet = Packets.WithLine(25, "- **{|#0:{|#1:{|#2:DONE_MEANS|}|}|}**:")
                .Replace(Items, "- Database trait, SqliteDatabase wrapper and PostgresDatabase stub exist (§2.3.12.3)\n- All tests pass\n");
            EngineMarkup.Packet(packet)
                .Expect(0, "GOV115", "DONE_MEANS", "; the list at line 26 stands beside it, not under it: indent its items")
                .Expect(1, "GOV207", "2", "§2.3.12.3", Musts)
                .Expect(2, "GOV208", "1", "§2.3.12.3", Should)
                .Verify();
        }

        [Fact]
        public void A_field_with_nothing_after_or_under_it_is_empty()
        {
            EngineMarkup.Packet(Packets.WithLine(13, "- **{|#0:Why|}**:"))
                .Expect(0, "GOV115", "WHY", string.Empty)
                .Verify();
            EngineMarkup.Packet(Packets.WithLine(13, "- **{|#0:Why|}**: **"))
                .Expect(0, "GOV115", "WHY", string.Empty)
                .Verify();
        }

        [Theory]
        [InlineData(13, "- **Why**:Portability of the storage backend.")]
        [InlineData(25, "- **DONE_MEANS**:")]
        public void A_value_without_a_space_after_the_colon_or_items_under_the_field_are_content(int line, string text)
        {
            EngineMarkup.Packet(Packets.WithLine(line, text)).Verify();
        }

        [Fact]
        public void A_field_written_again_with_content_is_not_empty()
        {
            // An empty heading the profile takes for WHAT ("## Executive Summary"), then "- **What**: ..." filled in.
            EngineMarkup.Packet(Packets.WithLine(10, "\n## Executive Summary\n")).Verify();
        }
    }
}
