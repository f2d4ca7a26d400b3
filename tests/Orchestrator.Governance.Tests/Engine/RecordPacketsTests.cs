using System.Linq;
using Orchestrator.Governance.Engine;
using Xunit;

namespace Orchestrator.Governance.Tests.Engine
{
    /// <summary>
    /// Issue 33, closed packets are records, in inline markup: the shared packet closed (STATUS Done,
    /// line 9) with a finding that asks for an edit of its text (FILES_TO_OPEN with four items,
    /// GOV109 at line 31) and one that guards its integrity (evidence in a missing file, GOV114).
    /// </summary>
    public class RecordPacketsTests
    {
        private static readonly string[] Files = { "src/storage/mod.rs", Testing.ValidPacket.SpecPath };

        private static string Closed(string status = "Done", string? signature = null)
        {
            string text = Packets.WithLines((9, "- STATUS: " + status), (31, "- **{|#0:FILES_TO_OPEN|}**:"), (64, "- Evidence: {|#1:src/storage/gone.rs:3|}"))
                .Replace("  * src/storage/sqlite.rs\n", string.Empty);
            return signature == null ? text : text.Replace("**User Signature Locked:** ilja261220251430", "**User Signature Locked:** " + signature);
        }

        private static AnalysisOptions Repository => new AnalysisOptions { RepositoryFiles = Files };

        /// <summary>
        /// The lock manifest <c>governance lock</c> writes for the packet <paramref name="text"/> (its
        /// markup removed): its path, TASK_ID, signature and the hash of its normalized text.
        /// </summary>
        private static string Manifest(string text)
        {
            string plain = System.Text.RegularExpressions.Regex.Replace(text, @"\{\|[^:]*:|\|\}", string.Empty);
            var read = GovernanceEngine.Analyze(Packets.SpecInputs().Append(Orchestrator.Governance.Documents.DocumentInput.FromText(Packets.Path, plain)), Repository);
            var packet = read.Packets.Single();
            string hash = Orchestrator.Governance.Model.Locks.PacketLock.Hash(packet, read.Profile, read.Config.Locks);
            return "{\"version\": 1, \"packets\": {\"" + Packets.Path + "\": {\"taskId\": \"WP-1-Storage-Layer\", \"signature\": \"ilja261220251430\", \"sha256\": \"" + hash + "\"}}}\n";
        }

        [Fact]
        public void A_closed_locked_packet_keeps_its_integrity_findings_and_sets_aside_those_that_ask_for_an_edit()
        {
            // Locked by the user: a signature and an entry of the lock manifest whose hash the text matches.
            string packet = Closed().Replace("{|#0:", string.Empty).Replace("FILES_TO_OPEN|}", "FILES_TO_OPEN");
            var result = EngineMarkup.Documents((Packets.Path, packet), ("governance.lock.json", Manifest(packet)))
                .Expect(1, "GOV114", "src/storage/gone.rs:3", "names no file of the repository")
                .Verify(Repository);
            var aside = Assert.Single(result.SetAsideOnRecords);
            Assert.Equal(("GOV109", Packets.Path, 31, 5), (aside.Id, aside.Path, aside.Span.StartLine, aside.Span.StartColumn));
            Assert.Equal("closed", result.RecordPackets[Packets.Path]);
        }

        [Fact]
        public void With_closedPackets_report_every_finding_is_reported()
        {
            EngineMarkup.Documents((Packets.Path, Closed()), ("governance.yml", "taskPacket:\n  closedPackets: report\n"))
                .Expect(0, "GOV109", "FILES_TO_OPEN", "4", "5", "15")
                .Expect(1, "GOV114", "src/storage/gone.rs:3", "names no file of the repository")
                .Verify(Repository);
        }

        [Fact]
        public void A_packet_that_writes_Done_without_a_lock_or_the_board_is_no_record()
        {
            // An agent cannot make its open packet's findings go away by writing Done into it.
            EngineMarkup.Packet(Closed(signature: "{|GOV111:<pending>|}"))
                .Expect(0, "GOV109", "FILES_TO_OPEN", "4", "5", "15")
                .Expect(1, "GOV114", "src/storage/gone.rs:3", "names no file of the repository")
                .Verify(Repository);
        }

        [Fact]
        public void A_packet_that_writes_Done_and_a_signature_itself_without_the_lock_manifest_is_no_record()
        {
            // A signature of the right shape is what the packet says of itself; only `governance lock`
            // (the manifest's entry) shows the user locked it. Without it, off the board, the findings stand.
            EngineMarkup.Packet(Closed())
                .Expect(0, "GOV109", "FILES_TO_OPEN", "4", "5", "15")
                .Expect(1, "GOV114", "src/storage/gone.rs:3", "names no file of the repository")
                .Verify(Repository);
        }

        [Fact]
        public void The_board_makes_a_packet_a_record_whatever_its_STATUS_says()
        {
            // Superseded on the board: a record, though the packet still says Ready-for-Dev and is not locked (GOV111 guards the lock, so it stays).
            const string board = "# Task Board\n\n## Superseded\n- **[WP-1-Storage-Layer]** - [SUPERSEDED]\n";
            var result = EngineMarkup.Documents(
                    (Packets.Path, Closed("Ready-for-Dev", "{|GOV111:<pending>|}").Replace("{|#0:", string.Empty).Replace("FILES_TO_OPEN|}", "FILES_TO_OPEN")),
                    ("docs/TASK_BOARD.md", board))
                .Expect(1, "GOV114", "src/storage/gone.rs:3", "names no file of the repository")
                .Verify(Repository);
            Assert.Equal("superseded", result.RecordPackets[Packets.Path]);
            Assert.Equal(new[] { "GOV109" }, result.SetAsideOnRecords.Select(d => d.Id));
        }
    }
}
