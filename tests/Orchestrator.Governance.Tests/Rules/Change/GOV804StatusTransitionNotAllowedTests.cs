using System.Linq;
using Xunit;
using static Orchestrator.Governance.Tests.Rules.Change.ChangeFixture;

namespace Orchestrator.Governance.Tests.Rules.Change
{
    /// <summary>GOV804 on the shared valid packet, whose STATUS value starts at line 9, column 11.</summary>
    public class GOV804StatusTransitionNotAllowedTests
    {
        [Fact]
        public void Straight_to_Validated_is_reported_at_the_status_with_the_allowed_moves()
        {
            var result = Analyze(WithStatus("Ready-for-Dev"), WithStatus("Validated"));
            Packets.Single(result, "GOV804", Packets.Path, 9, 11, "Ready-for-Dev", "Validated", "'In-Progress', 'Blocked'");
            Assert.Equal("STATUS moves from 'Ready-for-Dev' to 'Validated' in this change; from 'Ready-for-Dev' it may move to 'In-Progress', 'Blocked' (taskPacket.statusTransitions)", result.Of("GOV804")[0].Message);
        }

        [Fact]
        public void A_validated_packet_is_not_reopened()
        {
            Packets.Single(Analyze(WithStatus("VALIDATED"), WithStatus("In-Progress")), "GOV804", Packets.Path, 9, 11, "VALIDATED", "In-Progress", "nothing (write a new variant packet instead)");
        }

        [Theory]
        [InlineData("Ready-for-Dev", "In-Progress")]
        [InlineData("In Progress", "Done (validator approved 2025-12-30)")]
        [InlineData("Done", "VALIDATED")]
        [InlineData("In-Progress", "Blocked")]
        [InlineData("Blocked", "In-Progress")]
        [InlineData("In-Progress", "in_progress")]
        [InlineData("Proposed", "Validated")]
        public void The_protocol_s_moves_and_statuses_it_does_not_list_pass(string from, string to)
        {
            Assert.Empty(Analyze(WithStatus(from), WithStatus(to)).Of("GOV804"));
        }

        [Fact]
        public void Without_a_base_revision_or_for_a_packet_the_change_creates_or_does_not_touch_nothing_is_compared()
        {
            Assert.Empty(Analyze(WithStatus("Ready-for-Dev"), WithStatus("Validated"), baseGiven: false).Of("GOV804"));
            Assert.Empty(Analyze(null!, WithStatus("Validated")).Of("GOV804"));
            Assert.Empty(Analyze(WithStatus("Ready-for-Dev"), WithStatus("Validated"), touched: false).Of("GOV804"));
        }

        [Fact]
        public void Teams_configure_their_moves_in_governance_yml()
        {
            const string config = "taskPacket:\n  statusTransitions:\n    Done: [Validated, In-Progress]\n";
            Assert.Empty(Analyze(WithStatus("Done"), WithStatus("In-Progress"), config).Of("GOV804"));
            // The defaults of the statuses the team did not list still hold.
            Packets.Single(Analyze(WithStatus("Ready-for-Dev"), WithStatus("Done"), config), "GOV804", Packets.Path, 9, 11, "Ready-for-Dev", "Done", "'In-Progress', 'Blocked'");
        }

        [Fact]
        public void A_key_spelled_otherwise_than_the_default_replaces_it()
        {
            // The corpus writes VALIDATED and "In Progress": those keys stand for the defaults' Validated and In-Progress.
            const string config = "taskPacket:\n  statusTransitions:\n    VALIDATED: [In-Progress]\n    'In Progress': [Done]\n";
            Assert.Empty(Analyze(WithStatus("Validated"), WithStatus("In-Progress"), config).Of("GOV804"));
            Packets.Single(Analyze(WithStatus("In-Progress"), WithStatus("Blocked"), config), "GOV804", Packets.Path, 9, 11, "In-Progress", "Blocked", "'Done'");
        }

        [Fact]
        public void A_host_that_hands_over_a_null_base_document_gets_the_same_result()
        {
            var inputs = Packets.SpecInputs().Append(Orchestrator.Governance.Documents.DocumentInput.FromText(Packets.Path, WithStatus("Validated")));
            var result = Orchestrator.Governance.Engine.GovernanceEngine.Analyze(inputs, new Orchestrator.Governance.Engine.AnalysisOptions
            {
                ChangedFiles = new[] { Packets.Path },
                BaseDocuments = new[] { null!, Orchestrator.Governance.Documents.DocumentInput.FromText(Packets.Path, WithStatus("Ready-for-Dev")) },
            });
            Packets.Single(result, "GOV804", Packets.Path, 9, 11, "Ready-for-Dev", "Validated", "'In-Progress', 'Blocked'");
        }
    }
}
