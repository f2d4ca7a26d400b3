using System.Linq;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules.Spec
{
    /// <summary>GOV201-GOV205 on the shared packet (anchor on line 58, value from column 20) and spec.</summary>
    public class SpecAnchorRuleTests
    {
        private const string SpecFile = "Example_Master_Spec_v01.2.md";

        private static Governance.Engine.GovernanceResult WithAnchor(string anchorLine) => Packets.Analyze(Packets.WithLine(58, anchorLine));

        [Fact]
        public void A_packet_without_SPEC_ANCHOR_is_GOV201_at_the_Authority_heading()
        {
            var result = WithAnchor("- **SPEC_CURRENT**: docs/SPEC_CURRENT.md");
            Packets.Single(result, "GOV201", Packets.Path, 57, 4, "AUTHORITY");
            Assert.Single(result.Diagnostics);
        }

        [Fact]
        public void An_anchor_in_prose_is_GOV202()
        {
            var result = WithAnchor("- **SPEC_ANCHOR**: Storage section (per Master Spec Main Body).");
            Packets.Single(result, "GOV202", Packets.Path, 58, 20, "Storage section (per Master Spec Main Body).");
        }

        [Fact]
        public void A_section_number_that_does_not_exist_is_GOV203_naming_the_nearest_section()
        {
            var result = WithAnchor("- **SPEC_ANCHOR**: §2.3.12.9 (Storage API)");
            Packets.Single(result, "GOV203", Packets.Path, 58, 21, "§2.3.12.9", SpecFile, "no such section; the nearest is §2.3.12 Storage Backend Portability [CX-DBP-001]");
        }

        [Fact]
        public void A_requirement_ID_that_does_not_exist_is_GOV203()
        {
            var result = WithAnchor("- **SPEC_ANCHOR**: CX-DBP-999");
            Packets.Single(result, "GOV203", Packets.Path, 58, 20, "CX-DBP-999", SpecFile, "no section or requirement defines this ID");
        }

        [Fact]
        public void An_anchor_only_into_the_Roadmap_is_GOV204()
        {
            var result = WithAnchor("- **SPEC_ANCHOR**: §7.6.3 (Phase 1)");
            Packets.Single(result, "GOV204", Packets.Path, 58, 21, "§7.6.3", "§7.6 Development Roadmap");
        }

        [Fact]
        public void A_roadmap_item_that_no_longer_exists_still_points_into_the_Roadmap()
        {
            var result = WithAnchor("- **SPEC_ANCHOR**: §7.6.3.13");
            Packets.Single(result, "GOV204", Packets.Path, 58, 21, "§7.6.3.13", "§7.6 Development Roadmap");
            Assert.Empty(result.Of("GOV203"));
        }

        [Fact]
        public void A_roadmap_pointer_beside_a_Main_Body_anchor_is_not_reported()
        {
            Assert.Empty(WithAnchor("- **SPEC_ANCHOR**: §7.6.3, §2.3.12.3").Diagnostics);
        }

        [Fact]
        public void An_ID_cited_with_a_number_it_no_longer_lives_under_is_GOV205_at_the_number()
        {
            var result = WithAnchor("- **SPEC_ANCHOR**: Example_Master_Spec_v01.2.md sections 1.1 (CX-DBP-021)");
            Packets.Single(result, "GOV205", Packets.Path, 58, 58, "CX-DBP-021 is §2.3.12.3 in " + SpecFile + ", not §1.1; revalidate the anchor");
            Assert.Empty(result.Of("GOV203"));
        }

        [Fact]
        public void An_older_spec_version_in_the_anchor_is_GOV205_at_the_file_name()
        {
            var result = WithAnchor("- **SPEC_ANCHOR**: Example_Master_Spec_v01.1.md §2.3.12.3");
            Packets.Single(result, "GOV205", Packets.Path, 58, 20, "the packet is anchored to spec v01.1; the current spec is v01.2 (" + SpecFile + "); revalidate its anchors");
        }

        [Fact]
        public void An_older_SPEC_BASELINE_is_GOV205()
        {
            var result = Packets.Analyze(Packets.Valid.Replace("- **Codex**:", "- SPEC_BASELINE: Example_Master_Spec_v01.0.md (recorded_at: 2025-12-01)\n- **Codex**:"));
            Packets.Single(result, "GOV205", Packets.Path, 59, 18, "the packet is anchored to spec v01.0; the current spec is v01.2 (" + SpecFile + "); revalidate its anchors");
        }

        [Fact]
        public void An_older_SPEC_TARGET_is_GOV205()
        {
            var result = Packets.Analyze(Packets.Valid.Replace("- **Codex**:", "- SPEC_TARGET: Example_Master_Spec_v01.1.md\n- **Codex**:"));
            Packets.Single(result, "GOV205", Packets.Path, 59, 16, "the packet is anchored to spec v01.1; the current spec is v01.2 (" + SpecFile + "); revalidate its anchors");
            Assert.Empty(Packets.Analyze(Packets.Valid.Replace("- **Codex**:", "- SPEC_TARGET: docs/SPEC_CURRENT.md (closure target)\n- **Codex**:")).Diagnostics);
        }

        [Theory]
        [InlineData("- **SPEC_ANCHOR**: §2.3.12.3 (Storage API Abstraction Pattern)")]
        [InlineData("- SPEC_ANCHOR: Example_Master_Spec_v01.2.md sections 2.3.12.3 (CX-DBP-021)")]
        [InlineData("- SPEC_ANCHOR: CX-DBP-021")]
        [InlineData("- SPEC_ANCHOR: Example_Master_Spec_v01.2.md:20")]
        [InlineData("- SPEC_ANCHOR: §2.3.12-2.3.12.3")]
        [InlineData("- SPEC_ANCHOR: A2.3.12.3")]
        [InlineData("- SPEC_ANCHOR: Example_Master_Spec_v01.2.md §2.3.12.3.2 (sub-item finer than the headings, CX-DBP-021)")]
        public void Every_anchor_form_that_resolves_into_the_Main_Body_passes(string line)
        {
            Assert.Empty(WithAnchor(line).Diagnostics);
        }

        [Fact]
        public void A_list_of_anchors_below_the_field_is_read_entry_by_entry()
        {
            var result = WithAnchor("- **SPEC_ANCHOR**:\n  * §2.3.12.3 (Storage API)\n  * Example_Master_Spec_v01.2.md:21\n  * §9.9.9");
            Packets.Single(result, "GOV203", Packets.Path, 61, 6, "§9.9.9", SpecFile, "no such section");
        }

        [Fact]
        public void A_line_reference_past_the_end_of_the_current_spec_is_GOV203()
        {
            var result = WithAnchor("- SPEC_ANCHOR: Example_Master_Spec_v01.2.md:900");
            var d = Assert.Single(result.Of("GOV203"));
            Assert.Equal(("line 900", (58, 16)), (d.Arguments[0], (d.Span.StartLine, d.Span.StartColumn)));
        }

        [Fact]
        public void Words_shaped_like_IDs_that_the_spec_does_not_use_are_not_IDs()
        {
            Assert.Empty(WithAnchor("- **SPEC_ANCHOR**: §2.3.12.3 (UTF-8 safe, SHA-256 hashes)").Diagnostics);
        }
    }
}
