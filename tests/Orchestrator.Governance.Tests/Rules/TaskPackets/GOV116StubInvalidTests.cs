using Xunit;

namespace Orchestrator.Governance.Tests.Rules.TaskPackets
{
    /// <summary>
    /// Issue 33, stubs as documents, in inline markup: a task board that lists the shared packet's WP
    /// and a retired WP whose only document is a stub under docs/task_packets/stubs/.
    /// </summary>
    public class GOV116StubInvalidTests
    {
        private const string StubPath = "docs/task_packets/stubs/WP-1-Retired.md";

        private static string Board(string retiredStatus) =>
            "# Task Board\n\n## Ready for Dev\n- **[WP-1-Storage-Layer]** - [READY_FOR_DEV]\n\n## Done\n- **[{|#9:WP-1-Retired|}]** - [" + retiredStatus + "]\n";

        private static string Stub(string fields) =>
            "# Task Packet Stub: WP-1-Retired\n\n## Identity\n" + fields + "- Created: 2026-01-11\n";

        [Fact]
        public void A_board_entry_whose_only_document_is_a_stub_has_its_document()
        {
            EngineMarkup.Documents((Packets.Path, Packets.Valid), ("docs/TASK_BOARD.md", Board("SUPERSEDED").Replace("{|#9:", string.Empty).Replace("|}]", "]")),
                    (StubPath, Stub("- WP_ID: WP-1-Retired\n- STUB_STATUS: SUPERSEDED\n- SUPERSEDED_BY: WP-1-Storage-Layer\n")))
                .Verify();

            // Without the stub the entry has no document (GOV306).
            EngineMarkup.Documents((Packets.Path, Packets.Valid), ("docs/TASK_BOARD.md", Board("SUPERSEDED")))
                .Expect(9, "GOV306", "WP-1-Retired", "SUPERSEDED")
                .Verify();
        }

        [Fact]
        public void A_superseded_stub_whose_replacement_does_not_exist_is_reported_at_the_replacement()
        {
            EngineMarkup.Documents((Packets.Path, Packets.Valid), ("docs/TASK_BOARD.md", Board("SUPERSEDED").Replace("{|#9:", string.Empty).Replace("|}]", "]")),
                    (StubPath, Stub("- WP_ID: WP-1-Retired\n- STUB_STATUS: SUPERSEDED\n- SUPERSEDED_BY: {|#0:WP-1-Never-Written|}\n")))
                .Expect(0, "GOV116", "WP-1-Retired", "is replaced by WP-1-Never-Written, which is neither a task packet nor a stub of the repository")
                .Verify();
            EngineMarkup.Documents((Packets.Path, Packets.Valid), ("docs/TASK_BOARD.md", Board("SUPERSEDED").Replace("{|#9:", string.Empty).Replace("|}]", "]")),
                    (StubPath, Stub("- WP_ID: WP-1-Retired\n- STUB_STATUS: {|#0:FOLDED|}\n")))
                .Expect(0, "GOV116", "WP-1-Retired", "is 'FOLDED' but names no WP that replaces it; write '- SUPERSEDED_BY: WP-...' (or FOLDED_INTO)")
                .Verify();
        }

        [Fact]
        public void A_stub_that_is_not_UTF_8_is_GOV004_at_the_byte_and_an_empty_one_names_no_WP_ID()
        {
            string board = Board("STUB").Replace("{|#9:", string.Empty).Replace("|}]", "]");
            var bytes = System.Text.Encoding.UTF8.GetBytes("# Stub\n- WP_ID: WP-1-Retired\n- STUB_STATUS: STUB x\n");
            bytes[bytes.Length - 3] = 0x97; // the space before "x": a Windows-1252 dash
            var inputs = new[] { Governance.Documents.DocumentInput.FromText(Packets.Path, Packets.Valid), Governance.Documents.DocumentInput.FromText("docs/TASK_BOARD.md", board), Governance.Documents.DocumentInput.FromBytes(StubPath, bytes) };
            var result = Governance.Engine.GovernanceEngine.Analyze(System.Linq.Enumerable.Concat(Packets.SpecInputs(), inputs));
            var bad = Assert.Single(result.Of("GOV004"));
            Assert.Equal((StubPath, 3, 20), (bad.Path, bad.Span.StartLine, bad.Span.StartColumn));

            EngineMarkup.Documents((Packets.Path, Packets.Valid), ("docs/TASK_BOARD.md", board), (StubPath, "{|#0:|}"))
                .Expect(0, "GOV116", "WP-1-Retired", "names no WP_ID; write '- WP_ID: WP-1-Retired'")
                .Verify();
        }

        [Fact]
        public void A_stub_in_progress_or_without_its_WP_ID_is_reported()
        {
            string board = Board("STUB").Replace("{|#9:", string.Empty).Replace("|}]", "]");
            EngineMarkup.Documents((Packets.Path, Packets.Valid), ("docs/TASK_BOARD.md", board),
                    (StubPath, Stub("- WP_ID: WP-1-Retired\n- STUB_STATUS: {|#0:In Progress|}\n")))
                .Expect(0, "GOV116", "WP-1-Retired", "is 'In Progress': a stub is activated into a task packet before work starts; create the packet and move the work there")
                .Verify();
            EngineMarkup.Documents((Packets.Path, Packets.Valid), ("docs/TASK_BOARD.md", board),
                    (StubPath, "# {|#0:Task Packet Stub: WP-1-Retired|}\n\n- STUB_STATUS: STUB\n"))
                .Expect(0, "GOV116", "WP-1-Retired", "names no WP_ID; write '- WP_ID: WP-1-Retired'")
                .Verify();
            EngineMarkup.Documents((Packets.Path, Packets.Valid), ("docs/TASK_BOARD.md", board),
                    (StubPath, Stub("- WP_ID: {|#0:WP-1-Retired-v2|}\n- STUB_STATUS: STUB\n")))
                .Expect(0, "GOV116", "WP-1-Retired-v2", "is kept as 'WP-1-Retired': its WP_ID and its file name must be the same WP")
                .Verify();
        }
    }
}
