using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Testing;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules.Change
{
    /// <summary>
    /// GOV805 on the shared packet with a SPEC_BASELINE (line 59) naming v01.1 of the shared spec,
    /// kept beside the current v01.2; the packet's SPEC_ANCHOR §2.3.12.3 is on line 58.
    /// </summary>
    public class GOV805SuspectPacketTests
    {
        private const string OldPath = "Example_Master_Spec_v01.1.md";

        private static readonly string Old = ValidPacket.SpecText
            .Replace("v01.2", "v01.1")
            .Replace("- The backend MUST implement a SqliteDatabase wrapper behind the trait.\n", string.Empty)
            .Replace("- The backend SHOULD provide a PostgresDatabase stub.\n", "- The backend MUST provide a PostgresDatabase stub.\n- The backend MUST log every query.\n");

        private static GovernanceResult Analyze(string baseline, string? old = null)
        {
            var inputs = Packets.SpecInputs().Append(DocumentInput.FromText(Packets.Path, Packets.WithLine(59, "- **SPEC_BASELINE**: " + baseline)));
            if (old != null) inputs = inputs.Append(DocumentInput.FromText(OldPath, old));
            return GovernanceEngine.Analyze(inputs);
        }

        [Fact]
        public void Requirements_added_removed_and_changed_in_strength_since_the_baseline_make_the_packet_suspect_at_its_anchor()
        {
            var result = Analyze("Example_Master_Spec_v01.1.md (recorded_at: 2025-12-20)", Old);
            var d = Packets.Single(result, "GOV805", Packets.Path, 58, 21, "2.3.12.3", "01.1", "01.2",
                "MUST is now SHOULD in 'The backend SHOULD provide a PostgresDatabase stub.'; removed MUST 'The backend MUST log every query.'; added MUST 'The backend MUST implement a SqliteDatabase wrapper behind the trait.'");
            Assert.Equal("§2.3.12.3 changed between spec v01.1 (SPEC_BASELINE) and v01.2: MUST is now SHOULD in 'The backend SHOULD provide a PostgresDatabase stub.'; removed MUST 'The backend MUST log every query.'; added MUST 'The backend MUST implement a SqliteDatabase wrapper behind the trait.'; revalidate the packet against v01.2", d.Message);
            Assert.Equal(Orchestrator.Governance.Diagnostics.GovernanceSeverity.Warning, d.Severity);
        }

        [Fact]
        public void Unchanged_sections_a_version_the_repository_no_longer_keeps_and_the_current_version_are_not_suspect()
        {
            // The anchored section is the same in both versions; another section changed.
            Assert.Empty(Analyze("Example_Master_Spec_v01.1.md", ValidPacket.SpecText.Replace("v01.2", "v01.1").Replace("It SHOULD start in under two seconds.", string.Empty)).Of("GOV805"));
            Assert.Empty(Analyze("Example_Master_Spec_v01.0.md", Old).Of("GOV805"));
            Assert.Empty(Analyze("Example_Master_Spec_v01.2.md", Old).Of("GOV805"));
            Assert.Empty(Analyze("Example_Master_Spec_v01.1.md").Of("GOV805"));
        }

        [Fact]
        public void A_bare_version_or_one_spelled_with_other_zeros_names_the_kept_version()
        {
            const string changes = "MUST is now SHOULD in 'The backend SHOULD provide a PostgresDatabase stub.'; removed MUST 'The backend MUST log every query.'; added MUST 'The backend MUST implement a SqliteDatabase wrapper behind the trait.'";
            Packets.Single(Analyze("v01.1 (validated 2025-12-20)", Old), "GOV805", Packets.Path, 58, 21, "2.3.12.3", "01.1", "01.2", changes);
            Packets.Single(Analyze("Example_Master_Spec_v1.1.md", Old), "GOV805", Packets.Path, 58, 21, "2.3.12.3", "1.1", "01.2", changes);
        }
    }
}
