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

        private static Governance.Engine.GovernanceResult WithAnchor(string anchor, string? items = null)
        {
            string spec = Testing.ValidPacket.SpecText.Replace("- The backend SHOULD provide a PostgresDatabase stub.\n", Twice);
            Assert.NotEqual(Testing.ValidPacket.SpecText, spec);
            string packet = Packets.WithLine(58, anchor);
            if (items != null) packet = packet.Replace("  * Database trait, SqliteDatabase wrapper and PostgresDatabase stub exist (§2.3.12.3)\n", items);
            return Packets.Analyze((Packets.Path, packet), (Testing.ValidPacket.PointerPath, Testing.ValidPacket.PointerText), (Testing.ValidPacket.SpecPath, spec));
        }

        [Fact]
        public void A_number_the_spec_gives_two_sections_is_reported_naming_both_and_neither_is_chosen()
        {
            var result = WithAnchor("- **SPEC_ANCHOR**: §2.4");
            Packets.Single(result, "GOV213", Packets.Path, 58, 21, "§2.4", "2", "2.4",
                "'§2.4 Job Scheduling' (line 25), '§2.4 Queue Ordering' (line 28)");
            Assert.Empty(result.Of("GOV203"));
            // Neither section's MUST is asked of the packet, and the gate fails on the anchor.
            Assert.Empty(result.Of("GOV207"));
        }

        [Fact]
        public void The_title_after_the_number_picks_the_section()
        {
            var result = WithAnchor("- **SPEC_ANCHOR**: §2.4 (Queue Ordering)");
            Assert.Empty(result.Of("GOV213"));
            Packets.Single(result, "GOV207", Packets.Path, 25, 5, "1", "§2.4",
                "line 29 'The queue MUST deliver messages in the order they were sent.'");
        }

        [Fact]
        public void A_DONE_MEANS_item_citing_the_number_searches_both_sections()
        {
            var result = WithAnchor("- **SPEC_ANCHOR**: §2.4 (Queue Ordering), §2.4 (Job Scheduling)",
                "  * The queue delivers messages in the order they were sent (§2.4)\n  * A failed job is retried three times by the scheduler (§2.4)\n");
            Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("GOV2", System.StringComparison.Ordinal));
        }
    }
}
