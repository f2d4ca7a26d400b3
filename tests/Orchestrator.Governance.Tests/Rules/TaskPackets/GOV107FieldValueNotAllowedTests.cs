using Xunit;

namespace Orchestrator.Governance.Tests.Rules.TaskPackets
{
    public class GOV107FieldValueNotAllowedTests
    {
        [Fact]
        public void A_STATUS_outside_the_vocabulary_is_reported_at_the_value()
        {
            var result = Packets.Analyze(Packets.WithLine(9, "- STATUS: Almost done"));
            Packets.Single(result, "GOV107", Packets.Path, 9, 11, "STATUS", "Almost done", "Ready-for-Dev, In-Progress, Blocked, Done, Validated");
        }

        [Fact]
        public void The_unfilled_RISK_TIER_choice_is_reported()
        {
            var result = Packets.Analyze(Packets.WithLine(20, "- **RISK_TIER**: LOW | MEDIUM | HIGH"));
            Packets.Single(result, "GOV107", Packets.Path, 20, 18, "RISK_TIER", "LOW | MEDIUM | HIGH", "LOW, MEDIUM, HIGH");
        }

        [Theory]
        [InlineData("- **Status:** READY FOR DEV 🔴")]
        [InlineData("- **STATUS:** Done [VALIDATED]")]
        [InlineData("- STATUS: In-Progress (revalidation required against Master Spec v02.96).")]
        [InlineData("- STATUS: in progress")]
        [InlineData("- **Status**: Validated (PASS)")]
        public void Spellings_of_allowed_values_pass(string line)
        {
            Assert.Empty(Packets.Analyze(Packets.WithLine(9, line)).Diagnostics);
        }
    }
}
