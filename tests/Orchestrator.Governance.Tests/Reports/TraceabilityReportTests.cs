using System.Linq;
using Newtonsoft.Json.Linq;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Model.Spec;
using Orchestrator.Governance.Reports;
using Xunit;

namespace Orchestrator.Governance.Tests.Reports
{
    public class TraceabilityReportTests
    {
        private const string Item26 = "  * Database trait, SqliteDatabase wrapper and PostgresDatabase stub exist (§2.3.12.3)";

        private static TraceabilityReport Report(string packet, string? phase = null) => TraceabilityReport.Build(Packets.Analyze(packet), phase);

        [Fact]
        public void Anchored_sections_list_each_requirement_with_what_covers_it()
        {
            var report = Report(Packets.Valid.Replace(Item26, "  * MUST: Database trait defined (§2.3.12.3, requirement 1)"));
            var section = Assert.Single(report.Sections);
            Assert.Equal("2.3.12.3", section.Section.Number);
            Assert.Equal(new[] { "WP-1-Storage-Layer" }, section.AnchoredBy);
            Assert.Equal(new[] { 21, 22, 23 }, section.Requirements.Select(r => r.Requirement.Span.StartLine));
            var first = section.Requirements[0].CoveredBy.Single();
            Assert.Equal(("WP-1-Storage-Layer", "MUST: Database trait defined (§2.3.12.3, requirement 1)", MappingKind.Explicit), (first.Packet, first.Item, first.Kind));
            Assert.Empty(first.Tests);
            Assert.Empty(section.Requirements[1].CoveredBy);
            Assert.Equal(100.0 / 3, section.CoveragePercent, 3);
        }

        [Fact]
        public void Main_Body_MUSTs_no_packet_covers_are_listed_and_the_Roadmap_is_not()
        {
            var report = Report(Packets.Valid);
            // The spec's Main Body MUSTs: §1.1 (line 11) and §2.3.12.3 (lines 21, 22); the packet covers §2.3.12.3.
            Assert.Equal(3, report.MainBodyMustCount);
            Assert.Equal(new[] { 11 }, report.UncoveredMainBodyMusts.Select(q => q.Span.StartLine));
        }

        [Fact]
        public void Markdown_and_JSON_carry_the_same_facts()
        {
            var report = Report(Packets.Valid.Replace(Item26, "  * MUST: Database trait defined (§2.3.12.3, requirement 1)"));
            string md = report.ToMarkdown();
            Assert.Contains("| 5 | 3 | 1 | 33.3% |", md);
            Assert.Contains("### §2.3.12.3 Storage API Abstraction Pattern [CX-DBP-021]", md);
            Assert.Contains("| 22 | MUST | The backend MUST implement a SqliteDatabase wrapper behind the trait. | **not covered** |  |", md);
            Assert.Contains("  - line 11: The product MUST run fully offline.", md);

            var json = JObject.Parse(report.ToJson());
            Assert.Equal(3, (int)json["mainBodyMusts"]!);
            var requirement = json["sections"]![0]!["requirements"]![0]!;
            Assert.Equal("explicit", (string)requirement["coveredBy"]![0]!["mapping"]!);
            Assert.Equal(2, json["uncoveredMainBodyMusts"]!.Count());
        }

        [Fact]
        public void The_tests_column_names_the_tests_the_covering_items_name()
        {
            var report = Report(Packets.Valid.Replace(Item26, "  * MUST: Database trait defined (§2.3.12.3, requirement 1), test: `Storage.Tests.TraitTests.Defines_the_trait`"));
            var first = report.Sections.Single().Requirements[0].CoveredBy.Single();
            Assert.Equal(new[] { "Storage.Tests.TraitTests.Defines_the_trait" }, first.Tests);
            Assert.Contains("(explicit) | `Storage.Tests.TraitTests.Defines_the_trait` |", report.ToMarkdown());
            var json = JObject.Parse(report.ToJson());
            Assert.Equal("Storage.Tests.TraitTests.Defines_the_trait", (string)json["sections"]![0]!["requirements"]![0]!["coveredBy"]![0]!["tests"]![0]!);
        }

        [Fact]
        public void A_phase_keeps_only_its_packets()
        {
            var report = Report(Packets.Valid, phase: "2");
            Assert.Equal(0, report.PacketCount);
            Assert.Empty(report.Sections);
            Assert.Equal(3, report.UncoveredMainBodyMusts.Count);
        }
    }
}
