using System.Linq;
using Xunit;

namespace Orchestrator.Governance.Tests.Model.Spec
{
    /// <summary>
    /// A number the spec gives two sections: the title the anchor (or a DONE_MEANS item) writes after
    /// it picks the section (issue 32: a packet anchored to "3.3 (Lossless role catalog ...)" was
    /// resolved to the first §3.3, which holds no requirement).
    /// </summary>
    public class SpecAnchorTitleTests
    {
        private const string Item26 = "  * Database trait, SqliteDatabase wrapper and PostgresDatabase stub exist (§2.3.12.3)";

        private const string Spec =
            "# Example Master Specification v01.2\n\n" +
            "# 3. Roles\n\n" +
            "## 3.3 Overview\n\nRoles are described below.\n\n" +
            "## 3.4 Mailboxes\n\nA mailbox MUST have an owner.\n\n" +
            "# 9. Addendum Roles\n\n" +
            "## 3.3 Lossless role catalog\n\nThe role catalog MUST be lossless.\n";

        private static Governance.Engine.GovernanceResult Analyze(string anchor, string item)
        {
            string packet = Packets.Valid
                .Replace("- **SPEC_ANCHOR**: §2.3.12.3 (Storage API Abstraction Pattern)", "- **SPEC_ANCHOR**: " + anchor)
                .Replace(Item26, "  * " + item);
            return Packets.Analyze((Packets.Path, packet), (Testing.ValidPacket.SpecPath, Spec));
        }

        [Fact]
        public void The_title_after_the_number_picks_the_section_of_that_title()
        {
            var result = Analyze("§3.3 (Lossless role catalog)", "Role registry keeps every role");
            var coverage = result.Spec.CoverageOf(result.Packets.Single(), result.Profile)!;
            Assert.Equal(new[] { 15 }, coverage.Anchored.Select(s => result.Spec.Spec!.Document.Lines.GetPosition(s.Start).Line));
            Packets.Single(result, "GOV207", Packets.Path, 25, 5, "1", "§3.3", "line 17 'The role catalog MUST be lossless.'");
        }

        [Fact]
        public void Without_a_title_the_first_section_of_the_number_is_kept()
        {
            var result = Analyze("§3.3", "Role registry keeps every role");
            var coverage = result.Spec.CoverageOf(result.Packets.Single(), result.Profile)!;
            Assert.Equal(new[] { "Overview" }, coverage.Anchored.Select(s => s.Title));
            Assert.Empty(result.Of("GOV207"));
        }

        [Fact]
        public void A_DONE_MEANS_item_citing_the_number_with_the_title_is_credited_in_that_section()
        {
            var result = Analyze("§3.3 (Lossless role catalog)", "§3.3 Lossless role catalog: the catalog keeps every role");
            Assert.Empty(result.Of("GOV207"));
            Assert.Empty(result.Of("GOV206"));
        }
    }
}
