using System.Linq;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules.Spec
{
    /// <summary>
    /// GOV213 with the shared spec given two Main Body sections numbered 2.4 after §2.3.12.3:
    /// "2.4 Job Scheduling" (spec line 25, its MUST at 26) and "2.4 Queue Ordering" (line 28, its
    /// MUST at 29). The shared packet's SPEC_ANCHOR stands on line 58 (its number at column 21).
    /// </summary>
    public class GOV213SpecAnchorAmbiguousTests
    {
        private const string Twice =
            "- The backend SHOULD provide a PostgresDatabase stub.\n" +
            "\n" +
            "## 2.4 Job Scheduling\n" +
            "The scheduler MUST retry a failed job three times.\n" +
            "\n" +
            "## 2.4 Queue Ordering\n" +
            "The queue MUST deliver messages in the order they were sent.\n";

        private static EngineMarkup WithAnchor(string anchor, string? items = null, string doneMeans = "- **DONE_MEANS**:")
        {
            string spec = Testing.ValidPacket.SpecText.Replace("- The backend SHOULD provide a PostgresDatabase stub.\n", Twice);
            Assert.NotEqual(Testing.ValidPacket.SpecText, spec);
            string packet = Packets.WithLines((25, doneMeans), (58, anchor));
            if (items != null) packet = packet.Replace("  * Database trait, SqliteDatabase wrapper and PostgresDatabase stub exist (§2.3.12.3)\n", items);
            return EngineMarkup.Documents((Packets.Path, packet), (Testing.ValidPacket.PointerPath, Testing.ValidPacket.PointerText), (Testing.ValidPacket.SpecPath, spec));
        }

        [Fact]
        public void A_number_the_spec_gives_two_sections_is_reported_naming_both_and_neither_is_chosen()
        {
            // Neither section's MUST is asked of the packet (no GOV207), and no GOV203 says the anchor is missing: the anchor fails alone.
            WithAnchor("- **SPEC_ANCHOR**: §{|#0:2.4|}")
                .Expect(0, "GOV213", "§2.4", "2", "2.4", "'§2.4 Job Scheduling' (line 25), '§2.4 Queue Ordering' (line 28)")
                .Verify();
        }

        [Fact]
        public void The_title_after_the_number_picks_the_section()
        {
            // The packet's one item states §2.3.12.3's requirements (the section it cites), not the MUST of §2.4 Queue Ordering.
            WithAnchor("- **SPEC_ANCHOR**: §2.4 (Queue Ordering)", doneMeans: "- **{|#0:|}DONE_MEANS**:")
                .Expect(0, "GOV207", "1", "§2.4", "line 29 'The queue MUST deliver messages in the order they were sent.'")
                .Verify();
        }

        [Fact]
        public void A_DONE_MEANS_item_citing_the_number_searches_both_sections()
        {
            WithAnchor("- **SPEC_ANCHOR**: §2.4 (Queue Ordering), §2.4 (Job Scheduling)",
                "  * The queue delivers messages in the order they were sent (§2.4)\n  * A failed job is retried three times by the scheduler (§2.4)\n")
                .Verify();
        }
    }
}
