using Xunit;

namespace Orchestrator.Governance.Tests.Rules.TaskPackets
{
    public class GOV106DuplicateTaskIdTests
    {
        private const string Copy = "docs/task_packets/WP-1-Storage-Layer-v2.md";

        [Fact]
        public void Two_packets_with_one_TASK_ID_are_both_reported_naming_the_other()
        {
            var result = Packets.Analyze((Packets.Path, Packets.Valid), (Copy, Packets.Valid));
            Assert.Equal(2, result.Of("GOV106").Count);
            Packets.Has(result, "GOV106", Packets.Path, 4, 12, "WP-1-Storage-Layer", Copy);
            Packets.Has(result, "GOV106", Copy, 4, 12, "WP-1-Storage-Layer", Packets.Path);
        }

        [Fact]
        public void A_variant_packet_with_its_own_TASK_ID_passes()
        {
            var result = Packets.Analyze((Packets.Path, Packets.Valid), (Copy, Packets.Valid.Replace("WP-1-Storage-Layer", "WP-1-Storage-Layer-v2")));
            Assert.Empty(result.Diagnostics);
        }
    }
}
