using Xunit;

namespace Orchestrator.Governance.Tests.Rules.TaskPackets
{
    public class GOV107FieldValueNotAllowedTests
    {
        [Fact]
        public void A_STATUS_outside_the_vocabulary_is_reported_at_the_value()
        {
            EngineMarkup.Packet(Packets.WithLine(9, "- STATUS: {|#0:Almost done|}"))
                .Expect(0, "GOV107", "STATUS", "Almost done", "Ready-for-Dev, In-Progress, Blocked, Done, Validated")
                .Verify();
        }

        [Fact]
        public void The_unfilled_RISK_TIER_choice_is_reported()
        {
            EngineMarkup.Packet(Packets.WithLine(20, "- **RISK_TIER**: {|#0:LOW | MEDIUM | HIGH|}"))
                .Expect(0, "GOV107", "RISK_TIER", "LOW | MEDIUM | HIGH", "LOW, MEDIUM, HIGH")
                .Verify();
        }

        [Theory]
        [InlineData("- **Status:** READY FOR DEV 🔴")]
        [InlineData("- **STATUS:** Done [VALIDATED]")]
        [InlineData("- STATUS: In-Progress (revalidation required against Master Spec v02.96).")]
        [InlineData("- STATUS: in progress")]
        [InlineData("- **Status**: Validated (PASS)")]
        public void Spellings_of_allowed_values_pass(string line)
        {
            EngineMarkup.Packet(Packets.WithLine(9, line)).Verify();
        }
    }
}
