using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules.Change
{
    /// <summary>
    /// GOV806 on the shared packet closed as Done (line 9), citing src/storage/mod.rs:12 in its
    /// Notes (line 64), in the engine's inline markup; the change under review is the host's
    /// list of changed files.
    /// </summary>
    public class GOV806EvidenceSuspectTests
    {
        private static readonly string[] Files = { "src/storage/mod.rs", "src/api/jobs.rs", Testing.ValidPacket.SpecPath };

        /// <summary>The packet with its STATUS and evidence; <paramref name="changed"/> are the changed files as documents, where GOV505 (a change with no packet In Progress) is marked.</summary>
        private static EngineMarkup Packet(string status, string evidence = "src/storage/mod.rs:12", params (string Path, string Markup)[] changed) =>
            EngineMarkup.Documents(new[] { (Packets.Path, Packets.WithLines((9, "- STATUS: " + status), (64, "- Evidence: " + evidence + " defines the trait"))) }.Concat(changed).ToArray());

        private static AnalysisOptions Changed(params string[] changed) =>
            new AnalysisOptions { RepositoryFiles = Files, ChangedFiles = changed };

        [Fact]
        public void A_change_to_a_file_a_closed_packet_cites_makes_the_evidence_suspect()
        {
            Packet("Done", "{|#0:src/storage/mod.rs:12|}", ("src/storage/mod.rs", "{|#1:|}"))
                .Expect(0, "GOV806", "src/storage/mod.rs:12", "Done", "src/storage/mod.rs")
                .Expect(1, "GOV505", "src/storage/mod.rs", "no task packet is In Progress")
                .Verify(Changed("src/storage/mod.rs"));
        }

        [Fact]
        public void An_edit_elsewhere_in_the_packet_leaves_its_old_evidence_suspect_and_rewritten_evidence_is_revalidated()
        {
            string before = Packets.WithLines((9, "- STATUS: Done"), (64, "- Evidence: src/storage/mod.rs:12 defines the trait"));
            var options = new AnalysisOptions
            {
                RepositoryFiles = Files,
                ChangedFiles = new[] { "src/storage/mod.rs", Packets.Path },
                BaseDocuments = new[] { DocumentInput.FromText(Packets.Path, before) },
            };

            // The change edits the packet's What line only: the evidence is as it was, and suspect.
            EngineMarkup.Documents(
                    (Packets.Path, "{|GOV505:|}" + Packets.WithLines((9, "- STATUS: Done"), (12, "- **What**: Add the storage trait (typo fixed)."), (64, "- Evidence: {|#0:src/storage/mod.rs:12|} defines the trait"))),
                    ("src/storage/mod.rs", "{|GOV505:|}"))
                .Expect(0, "GOV806", "src/storage/mod.rs:12", "Done", "src/storage/mod.rs")
                .Verify(options);

            // The change rewrites the reference itself (line 14 now): it is revalidated.
            EngineMarkup.Documents(
                    (Packets.Path, "{|GOV505:|}" + Packets.WithLines((9, "- STATUS: Done"), (64, "- Evidence: src/storage/mod.rs:14 defines the trait"))),
                    ("src/storage/mod.rs", "{|GOV505:|}"))
                .Verify(options);
        }

        [Fact]
        public void Other_files_an_open_packet_or_a_change_to_the_packet_itself_are_not_suspect()
        {
            Packet("Done", changed: ("src/api/jobs.rs", "{|GOV505:|}")).Verify(Changed("src/api/jobs.rs"));
            Packet("In-Progress").Verify(Changed("src/storage/mod.rs"));
            EngineMarkup.Documents(
                    (Packets.Path, "{|GOV505:|}" + Packets.WithLines((9, "- STATUS: Done"), (64, "- Evidence: src/storage/mod.rs:12 defines the trait"))),
                    ("src/storage/mod.rs", "{|GOV505:|}"))
                .Verify(Changed("src/storage/mod.rs", Packets.Path));
            Packet("Done").Verify(Changed());
        }
    }
}
