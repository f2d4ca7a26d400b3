using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules.Change
{
    /// <summary>GOV806 on the shared packet closed as Done (line 9), citing src/storage/mod.rs:12 in its Notes (line 64, column 13).</summary>
    public class GOV806EvidenceSuspectTests
    {
        private static readonly string[] Files = { "src/storage/mod.rs", "src/api/jobs.rs", Testing.ValidPacket.SpecPath };

        private static GovernanceResult Analyze(string status, params string[] changed)
        {
            string packet = Packets.WithLines((9, "- STATUS: " + status), (64, "- Evidence: src/storage/mod.rs:12 defines the trait"));
            var inputs = Packets.WithSpec(new[] { (Packets.Path, packet) }).Select(d => DocumentInput.FromText(d.Path, d.Text));
            return GovernanceEngine.Analyze(inputs, new AnalysisOptions { RepositoryFiles = Files, ChangedFiles = changed });
        }

        [Fact]
        public void A_change_to_a_file_a_closed_packet_cites_makes_the_evidence_suspect()
        {
            Packets.Single(Analyze("Done", "src/storage/mod.rs"), "GOV806", Packets.Path, 64, 13,
                "src/storage/mod.rs:12", "Done", "src/storage/mod.rs");
        }

        [Fact]
        public void Other_files_an_open_packet_or_a_change_to_the_packet_itself_are_not_suspect()
        {
            Assert.Empty(Analyze("Done", "src/api/jobs.rs").Of("GOV806"));
            Assert.Empty(Analyze("In-Progress", "src/storage/mod.rs").Of("GOV806"));
            Assert.Empty(Analyze("Done", "src/storage/mod.rs", Packets.Path).Of("GOV806"));
            Assert.Empty(Analyze("Done").Of("GOV806"));
        }
    }
}
