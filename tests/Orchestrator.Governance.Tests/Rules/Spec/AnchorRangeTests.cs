using Xunit;

namespace Orchestrator.Governance.Tests.Rules.Spec
{
    /// <summary>
    /// Issue 32: a SPEC_ANCHOR range anchors every section from its first to its last end, in
    /// document order, at the depth of its ends; the sections between the ends are asked of the
    /// packet too. The shared spec is given §2.4, §2.5 and §2.6 after §2.3.12.3, one MUST each
    /// (spec lines 26, 29 and 32); the packet's one item (line 26) states §2.4's.
    /// </summary>
    public class AnchorRangeTests
    {
        private const string Sections =
            "- The backend SHOULD provide a PostgresDatabase stub.\n" +  // 23
            "\n" +                                                        // 24
            "## 2.4 Jobs\n" +                                             // 25
            "The scheduler MUST retry a failed job three times.\n" +     // 26
            "\n" +                                                        // 27
            "## 2.5 Queue\n" +                                            // 28
            "The queue MUST deliver messages in the order they came.\n" + // 29
            "\n" +                                                        // 30
            "## 2.6 Runner\n" +                                           // 31
            "The runner MUST stop a job past its quota.\n";              // 32

        private static EngineMarkup WithAnchor(string anchor)
        {
            string spec = Testing.ValidPacket.SpecText.Replace("- The backend SHOULD provide a PostgresDatabase stub.\n", Sections);
            Assert.NotEqual(Testing.ValidPacket.SpecText, spec);
            string packet = Packets.WithLines((25, "- **{|#0:|}DONE_MEANS**:"), (26, "  * The scheduler retries a failed job three times (§2.4)"), (58, anchor));
            return EngineMarkup.Documents((Packets.Path, packet), (Testing.ValidPacket.PointerPath, Testing.ValidPacket.PointerText), (Testing.ValidPacket.SpecPath, spec));
        }

        /// <summary>The message names every section the range anchors.</summary>
        [Theory]
        [InlineData("- **SPEC_ANCHOR**: §2.4-2.6")]
        [InlineData("- **SPEC_ANCHOR**: §2.4–2.6 (Jobs to Runner)")]
        public void The_sections_between_the_ends_are_anchored(string anchor)
        {
            WithAnchor(anchor)
                .Expect(0, "GOV207", "2", "§2.4, §2.5, §2.6",
                    "line 29 'The queue MUST deliver messages in the order they came.'; line 32 'The runner MUST stop a job past its quota.'")
                .Verify();
        }

        [Fact]
        public void A_range_of_two_sections_leaves_the_third_out()
        {
            WithAnchor("- **SPEC_ANCHOR**: §2.4-2.5")
                .Expect(0, "GOV207", "1", "§2.4, §2.5", "line 29 'The queue MUST deliver messages in the order they came.'")
                .Verify();
        }
    }
}
