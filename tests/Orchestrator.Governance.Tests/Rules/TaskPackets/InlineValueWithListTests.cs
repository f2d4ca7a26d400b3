using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules.TaskPackets
{
    /// <summary>
    /// A field with an inline value and a nested list below it (<c>- SPEC_ANCHOR: §7.6</c> then
    /// indented items): both are read, neither is dropped; a lead-in ("All of:") is not an entry.
    /// </summary>
    public class InlineValueWithListTests
    {
        [Fact]
        public void SPEC_ANCHOR_reads_the_inline_anchor_and_the_nested_ones()
        {
            var result = Packets.Analyze(Packets.WithLine(58, "- **SPEC_ANCHOR**: §2.3.12.3 (Storage API Abstraction Pattern)\n  - §9.9.9 (gone)"));
            Packets.Single(result, "GOV203", Packets.Path, 59, 6, "§9.9.9", "Example_Master_Spec_v01.2.md", "no such section");
        }

        [Fact]
        public void DONE_MEANS_maps_the_inline_item_as_well_as_the_nested_ones()
        {
            var result = Packets.Analyze(Packets.WithLine(25, "- **DONE_MEANS**: Every TBD item is closed"));
            Packets.Single(result, "GOV206", Packets.Path, 25, 19, "Every TBD item is closed", "§2.3.12.3", "none");
        }

        [Fact]
        public void A_lead_in_ending_with_a_colon_is_not_an_entry()
        {
            Assert.Empty(Packets.Analyze(Packets.WithLine(25, "- **DONE_MEANS**: All of the following:")).Diagnostics);
            Assert.Empty(Packets.Analyze(Packets.WithLine(25, "- **DONE_MEANS**: (see below)")).Diagnostics);
        }

        [Fact]
        public void IN_SCOPE_PATHS_and_list_counts_take_the_inline_entry_too()
        {
            string text = Packets.WithLine(14, "- **IN_SCOPE_PATHS**: src/storage/gone.rs");
            var inputs = Packets.SpecInputs().Concat(new[] { DocumentInput.FromText(Packets.Path, text) });
            var result = GovernanceEngine.Analyze(inputs, new AnalysisOptions { RepositoryFiles = new[] { "src/storage/mod.rs" } });
            Packets.Single(result, "GOV502", Packets.Path, 14, 23, "src/storage/gone.rs");

            // FILES_TO_OPEN: five nested items plus one inline entry are six, within 5-15; without the inline one, four are too few.
            Assert.Empty(Packets.Analyze(Packets.WithLine(31, "- **FILES_TO_OPEN**: docs/extra.md")).Of("GOV109"));
            var four = Packets.Valid.Replace("  * src/storage/sqlite.rs\n", string.Empty);
            Packets.Single(Packets.Analyze(four), "GOV109", Packets.Path, 31, 5, "FILES_TO_OPEN", "4", "5", "15");
            Assert.Empty(Packets.Analyze(four.Replace("- **FILES_TO_OPEN**:\n", "- **FILES_TO_OPEN**: src/storage/sqlite.rs\n")).Of("GOV109"));
        }
    }
}
