using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Testing;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules.Change
{
    /// <summary>
    /// GOV803 on the shared spec, whose §2.3.12.3 (heading on line 20) holds two MUSTs (lines 21
    /// and 22: "- The backend MUST ...", the keyword from column 15) and a SHOULD, and which the
    /// shared packet anchors. The packet is Validated; the change touches the spec only.
    /// </summary>
    public class GOV803RequirementWeakenedTests
    {
        private const string Must46 = "The backend MUST define a Database trait with async methods.";

        private static GovernanceResult Analyze(string specNow, string status = "Validated", string? adr = null, string specBefore = ValidPacket.SpecText)
        {
            var inputs = new List<DocumentInput>
            {
                DocumentInput.FromText(ValidPacket.PointerPath, ValidPacket.PointerText),
                DocumentInput.FromText(ValidPacket.SpecPath, specNow),
                DocumentInput.FromText(Packets.Path, ChangeFixture.WithStatus(status)),
            };
            var changed = new List<string> { ValidPacket.SpecPath };
            if (adr != null)
            {
                inputs.Add(DocumentInput.FromText("docs/adr/0007-soften-storage.md", adr));
                changed.Add("docs/adr/0007-soften-storage.md");
            }

            return GovernanceEngine.Analyze(inputs, new AnalysisOptions
            {
                ChangedFiles = changed,
                BaseDocuments = new[] { DocumentInput.FromText(ValidPacket.SpecPath, specBefore) },
            });
        }

        private static string Spec(string from, string to) => ValidPacket.SpecText.Replace(from, to);

        [Fact]
        public void A_MUST_softened_to_SHOULD_under_a_validated_packet_is_reported_at_the_requirement()
        {
            var result = Analyze(Spec("The backend MUST define", "The backend SHOULD define"));
            var d = Packets.Single(result, "GOV803", ValidPacket.SpecPath, 21, 3, "MUST", "§2.3.12.3", Must46, "is softened from MUST to SHOULD", "WP-1-Storage-Layer (Validated)");
            Assert.Equal($"MUST requirement of §2.3.12.3 '{Must46}' is softened from MUST to SHOULD in this change, under WP-1-Storage-Layer (Validated); revalidate, or record the change in an ADR or waiver that names it", d.Message);
        }

        [Fact]
        public void A_MUST_inverted_to_MUST_NOT_and_back_is_reported_at_the_requirement()
        {
            Packets.Single(Analyze(Spec("The backend MUST define", "The backend MUST NOT define")), "GOV803", ValidPacket.SpecPath, 21, 3, "MUST", "§2.3.12.3", Must46, "is inverted from MUST to MUST NOT", "WP-1-Storage-Layer (Validated)");
            string negated = Spec("The backend MUST define", "The backend MUST NOT define");
            Packets.Single(Analyze(ValidPacket.SpecText, specBefore: negated), "GOV803", ValidPacket.SpecPath, 21, 3, "MUST NOT", "§2.3.12.3", Must46.Replace("MUST", "MUST NOT"), "is inverted from MUST NOT to MUST", "WP-1-Storage-Layer (Validated)");
        }

        [Fact]
        public void A_MUST_turned_into_MAY_is_found_in_the_section_s_text_at_the_new_keyword()
        {
            Packets.Single(Analyze(Spec("The backend MUST define", "The backend MAY define")), "GOV803", ValidPacket.SpecPath, 21, 15, "MUST", "§2.3.12.3", Must46, "is softened from MUST to MAY", "WP-1-Storage-Layer (Validated)");
        }

        [Fact]
        public void A_deleted_MUST_is_reported_at_the_section_heading_and_a_changed_number_at_the_requirement()
        {
            Packets.Single(Analyze(Spec("- The backend MUST implement a SqliteDatabase wrapper behind the trait.\n", "")), "GOV803", ValidPacket.SpecPath, 20, 6,
                "MUST", "§2.3.12.3", "The backend MUST implement a SqliteDatabase wrapper behind the trait.", "is deleted or reworded", "WP-1-Storage-Layer (Validated)");

            string withBound = Spec("with async methods.\n", "with async methods.\n- Every query MUST return within 50 ms.\n");
            var result = Analyze(withBound.Replace("within 50 ms", "within 200 ms"), specBefore: withBound);
            Packets.Single(result, "GOV803", ValidPacket.SpecPath, 22, 3, "MUST", "§2.3.12.3", "Every query MUST return within 50 ms.", "changes its numbers from 50 to 200", "WP-1-Storage-Layer (Validated)");
        }

        [Theory]
        [InlineData("Ready-for-Dev")]
        [InlineData("In-Progress")]
        public void Packets_not_yet_closed_are_validated_against_the_spec_as_it_is(string status)
        {
            Assert.Empty(Analyze(Spec("The backend MUST define", "The backend SHOULD define"), status).Of("GOV803"));
        }

        [Fact]
        public void An_ADR_the_change_adds_that_names_the_section_records_the_decision()
        {
            const string adr = "# 7. Soften the storage trait\n\n## Status\n\nAccepted\n\n## Context\n\nThe async trait of §2.3.12.3 is not needed yet.\n\n## Decision\n\nSHOULD.\n\n## Consequences\n\nWP-1-Storage-Layer keeps its validation.\n";
            Assert.Empty(Analyze(Spec("The backend MUST define", "The backend SHOULD define"), adr: adr).Of("GOV803"));
            // An ADR about another section records nothing about this one.
            Assert.Single(Analyze(Spec("The backend MUST define", "The backend SHOULD define"), adr: adr.Replace("§2.3.12.3", "§2.3.12.30")).Of("GOV803"));
        }

        [Fact]
        public void Unchanged_requirements_and_a_spec_the_change_does_not_touch_are_quiet()
        {
            // Only a SHOULD changed, and prose around the MUSTs.
            Assert.Empty(Analyze(Spec("SHOULD provide a PostgresDatabase stub", "MAY provide a PostgresDatabase stub").Replace("Every database access", "All database access")).Of("GOV803"));
            Assert.Empty(Analyze(ValidPacket.SpecText).Of("GOV803"));
        }

        [Fact]
        public void A_change_to_a_new_spec_version_is_compared_with_the_version_the_base_s_pointer_named()
        {
            const string newSpec = "Example_Master_Spec_v01.3.md";
            string v13 = ValidPacket.SpecText.Replace("v01.2", "v01.3").Replace("The backend MUST define", "The backend SHOULD define");
            var inputs = new[]
            {
                DocumentInput.FromText(ValidPacket.PointerPath, ValidPacket.PointerText.Replace("v01.2", "v01.3")),
                DocumentInput.FromText(newSpec, v13),
                DocumentInput.FromText(Packets.Path, ChangeFixture.WithStatus("Validated")),
            };
            var result = GovernanceEngine.Analyze(inputs, new AnalysisOptions
            {
                ChangedFiles = new[] { ValidPacket.PointerPath, newSpec },
                // The host hands over the base's pointer and the spec it named (unchanged, so not among the inputs).
                BaseDocuments = new[] { DocumentInput.FromText(ValidPacket.PointerPath, ValidPacket.PointerText), DocumentInput.FromText(ValidPacket.SpecPath, ValidPacket.SpecText) },
            });
            Packets.Single(result, "GOV803", newSpec, 21, 3, "MUST", "§2.3.12.3", Must46, "is softened from MUST to SHOULD", "WP-1-Storage-Layer (Validated)");
        }
    }
}
