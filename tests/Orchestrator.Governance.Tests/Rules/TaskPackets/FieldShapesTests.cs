using Orchestrator.Governance.Engine;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules.TaskPackets
{
    /// <summary>
    /// Issue 33: a field whose inline value follows the colon without a space, with items nested
    /// under it, is read with both (the inline value and the nested entries), in inline markup.
    /// </summary>
    public class FieldShapesTests
    {
        [Fact]
        public void SPEC_ANCHOR_without_a_space_reads_the_inline_anchor_and_the_nested_one()
        {
            EngineMarkup.Packet(Packets.WithLine(58, "- **SPEC_ANCHOR**:§2.3.12.3 (Storage API Abstraction Pattern)\n  - §{|#0:9.9.9|} (gone)"))
                .Expect(0, "GOV203", "§9.9.9", "Example_Master_Spec_v01.2.md", "no such section")
                .Verify();
        }

        [Fact]
        public void IN_SCOPE_PATHS_without_a_space_takes_the_inline_entry_and_the_nested_ones()
        {
            EngineMarkup.Packet(Packets.WithLine(14, "- **IN_SCOPE_PATHS**:{|#0:src/storage/gone.rs|}\n  * {|#1:src/storage/lost.rs|}"))
                .Expect(0, "GOV502", "src/storage/gone.rs")
                .Expect(1, "GOV502", "src/storage/lost.rs")
                .Verify(new AnalysisOptions { RepositoryFiles = new[] { "src/storage/mod.rs" } });
        }
    }
}
