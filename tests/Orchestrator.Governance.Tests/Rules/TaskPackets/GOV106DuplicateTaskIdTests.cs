using Xunit;

namespace Orchestrator.Governance.Tests.Rules.TaskPackets
{
    public class GOV106DuplicateTaskIdTests
    {
        private const string Copy = "docs/task_packets/WP-1-Storage-Layer-v2.md";

        [Fact]
        public void Two_packets_with_one_TASK_ID_are_both_reported_naming_the_other()
        {
            // The copy's TASK_ID also differs from its file name (GOV105).
            EngineMarkup.Documents(
                    (Packets.Path, Packets.WithLine(4, "- TASK_ID: {|#0:WP-1-Storage-Layer|}")),
                    (Copy, Packets.WithLine(4, "- TASK_ID: {|GOV105:{|#1:WP-1-Storage-Layer|}|}")))
                .Expect(0, "GOV106", "WP-1-Storage-Layer", Copy)
                .Expect(1, "GOV106", "WP-1-Storage-Layer", Packets.Path)
                .Verify();
        }

        [Fact]
        public void A_variant_packet_with_its_own_TASK_ID_passes()
        {
            EngineMarkup.Documents((Packets.Path, Packets.Valid), (Copy, Packets.Valid.Replace("WP-1-Storage-Layer", "WP-1-Storage-Layer-v2"))).Verify();
        }
    }
}
