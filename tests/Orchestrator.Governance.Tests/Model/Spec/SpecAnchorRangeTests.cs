using System.Linq;
using Orchestrator.Governance.Model.Spec;
using Xunit;

namespace Orchestrator.Governance.Tests.Model.Spec
{
    /// <summary>
    /// A SPEC_ANCHOR range anchors every section from its first end to its last at the depth of its
    /// ends (issue 32: `2.3.10.6-2.3.10.8` left §2.3.10.7's MUSTs unasked).
    /// </summary>
    public class SpecAnchorRangeTests
    {
        private const string Item26 = "  * Database trait, SqliteDatabase wrapper and PostgresDatabase stub exist (§2.3.12.3)";

        private const string Spec =
            "# Example Master Specification v01.2\n\n" +
            "# 4. Runtime\n\n" +
            "## 4.1 Jobs\n\nA job MUST have an owner.\n\n" +
            "### 4.1.1 Job IDs\n\nJob IDs MUST be UUIDs.\n\n" +
            "## 4.2 Queues\n\nA queue MUST be bounded.\n\n" +
            "## 4.3 Workers\n\nA worker MUST heartbeat every 5 seconds.\n\n" +
            "## 4.4 Metrics\n\nMetrics MUST be exported.\n";

        [Theory]
        [InlineData("§4.1-4.3")]
        [InlineData("§4.1–§4.3 (Jobs to Workers)")]
        [InlineData("4.1 to 4.3")]
        [InlineData("4.1 through 4.3")]
        public void A_range_anchors_the_sections_between_its_ends_at_their_depth(string anchor)
        {
            string packet = Packets.Valid
                .Replace("- **SPEC_ANCHOR**: §2.3.12.3 (Storage API Abstraction Pattern)", "- **SPEC_ANCHOR**: " + anchor)
                .Replace(Item26, "  * §4.1 every job has an owner; job IDs are UUIDs (4.1.1)\n  * §4.3 workers heartbeat every 5 seconds");
            var result = Packets.Analyze((Packets.Path, packet), (Testing.ValidPacket.SpecPath, Spec));
            var coverage = result.Spec.CoverageOf(result.Packets.Single(), result.Profile)!;
            Assert.Equal(new[] { "4.1", "4.2", "4.3" }, coverage.Anchored.Select(s => s.Number));
            Packets.Single(result, "GOV207", Packets.Path, 25, 5, "1", "§4.1, §4.2, §4.3", "line 15 'A queue MUST be bounded.'");
        }

        [Fact]
        public void Two_numbers_not_joined_as_a_range_anchor_only_themselves()
        {
            var line = SpecAnchorParser.Parse("§4.1, 4.3 and 4.4-4.4.1", new Governance.Text.SourceSpan(0, 23, 1, 1, 1, 24), new Governance.Text.LineMap("§4.1, 4.3 and 4.4-4.4.1"), new System.Text.RegularExpressions.Regex("[A-Z]+-[0-9]+"), _ => false);
            Assert.Equal(new[] { "4.1", "4.3", "4.4", "4.4.1" }, line.References.Select(r => r.Value));
            Assert.Equal(new[] { ("4.4", "4.4.1") }, line.Ranges.Select(r => (r.From.Value, r.To.Value)));
        }
    }
}
