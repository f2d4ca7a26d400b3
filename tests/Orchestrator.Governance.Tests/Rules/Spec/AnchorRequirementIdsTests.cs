using Xunit;

namespace Orchestrator.Governance.Tests.Rules.Spec
{
    /// <summary>
    /// Issue 32: a SPEC_ANCHOR that names requirement IDs within a section (one, a list or a range)
    /// anchors the requirements those IDs label, not the whole section. The shared spec's §2.3.12.3
    /// is given three labelled list items and a labelled paragraph (spec lines 24-31); the packet's
    /// one DONE_MEANS item (line 26) covers the three storage requirements of lines 21-23.
    /// </summary>
    public class AnchorRequirementIdsTests
    {
        private const string Labelled =
            "- The backend SHOULD provide a PostgresDatabase stub.\n" +   // 23
            "- **JOB-RUN-001 (Retry)**\n" +                                // 24
            "  - The scheduler MUST retry a failed job three times.\n" +  // 25
            "- **JOB-RUN-002 (Order)**\n" +                                // 26
            "  - The queue MUST deliver jobs in the order they came.\n" + // 27
            "- **JOB-RUN-003 (Quota)**\n" +                                // 28
            "  - The runner MUST stop a job past its quota.\n" +          // 29
            "\n" +                                                         // 30
            "**[JOB-RUN-004] Audit:** Every job MUST be logged with its outcome.\n" + // 31
            "\n" +                                                         // 32
            "- **JOB-RUN-005 (Shape)**\n" +                                // 33
            "  - a JSON object with an id and a state\n";                 // 34

        /// <summary>The packet anchored by <paramref name="anchor"/>, its DONE_MEANS field (line 25) marked #0 where GOV207 stands.</summary>
        private static EngineMarkup WithAnchor(string anchor)
        {
            string spec = Testing.ValidPacket.SpecText.Replace("- The backend SHOULD provide a PostgresDatabase stub.\n", Labelled);
            Assert.NotEqual(Testing.ValidPacket.SpecText, spec);
            return EngineMarkup.Documents(
                (Packets.Path, Packets.WithLines((25, "- **{|#0:|}DONE_MEANS**:"), (58, anchor))),
                (Testing.ValidPacket.PointerPath, Testing.ValidPacket.PointerText),
                (Testing.ValidPacket.SpecPath, spec));
        }

        private const string Line25 = "line 25 'The scheduler MUST retry a failed job three times.'";
        private const string Line27 = "line 27 'The queue MUST deliver jobs in the order they came.'";
        private const string Line29 = "line 29 'The runner MUST stop a job past its quota.'";
        private const string Line31 = "line 31 '**[JOB-RUN-004] Audit:** Every job MUST be logged with its outcome.'";

        [Fact]
        public void The_whole_section_is_anchored_without_IDs()
        {
            WithAnchor("- **SPEC_ANCHOR**: §2.3.12.3")
                .Expect(0, "GOV207", "4", "§2.3.12.3", Line25 + "; " + Line27 + "; " + Line29 + "; " + Line31)
                .Verify();
        }

        /// <summary>An ID that labels no requirement (line 33, a shape) narrows nothing: the section is anchored whole.</summary>
        [Theory]
        [InlineData("- **SPEC_ANCHOR**: §2.3.12.3 (JOB-RUN-002)", "1", Line27)]
        [InlineData("- **SPEC_ANCHOR**: §2.3.12.3 JOB-RUN-001..002", "2", Line25 + "; " + Line27)]
        [InlineData("- **SPEC_ANCHOR**: §2.3.12.3 JOB-RUN-002 to JOB-RUN-003", "2", Line27 + "; " + Line29)]
        [InlineData("- **SPEC_ANCHOR**: §2.3.12.3 (JOB-RUN-001/003)", "2", Line25 + "; " + Line29)]
        [InlineData("- **SPEC_ANCHOR**: §2.3.12.3 [JOB-RUN-004]", "1", Line31)]
        [InlineData("- **SPEC_ANCHOR**: §2.3.12.3 (JOB-RUN-005: a shape, no requirement)", "4", Line25 + "; " + Line27 + "; " + Line29 + "; " + Line31)]
        public void IDs_beside_the_section_anchor_only_the_requirements_they_label(string anchor, string count, string uncovered)
        {
            WithAnchor(anchor).Expect(0, "GOV207", count, "§2.3.12.3", uncovered).Verify();
        }
    }
}
