using Xunit;

namespace Orchestrator.Governance.Tests.Rules.TaskPackets
{
    public class GOV108DateNotIso8601Tests
    {
        [Theory]
        [InlineData("26/12/2025")]
        [InlineData("2025-02-30")]
        [InlineData("December 26, 2025")]
        public void A_DATE_that_is_not_ISO_8601_is_reported_at_the_value(string value)
        {
            EngineMarkup.Packet(Packets.WithLine(5, "- DATE: {|#0:" + value + "|}"))
                .Expect(0, "GOV108", value)
                .Verify();
        }

        [Theory]
        [InlineData("2025-12-26")]
        [InlineData("2026-02-03T07:53:09.870Z")]
        [InlineData("2025-12-26T14:30")]
        [InlineData("2025-12-26T14:30:00+01:00")]
        public void ISO_8601_dates_and_timestamps_pass(string value)
        {
            EngineMarkup.Packet(Packets.WithLine(5, "- DATE: " + value)).Verify();
        }
    }
}
