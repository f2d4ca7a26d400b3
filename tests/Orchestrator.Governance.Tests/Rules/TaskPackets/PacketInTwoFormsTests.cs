using Xunit;

namespace Orchestrator.Governance.Tests.Rules.TaskPackets
{
    /// <summary>
    /// Issue 33, a packet in transition, in inline markup: WP-1-Storage-Layer kept as a flat file
    /// (docs/task_packets/WP-1-Storage-Layer.md) and as a folder (docs/task_packets/WP-1-Storage-Layer/packet.md).
    /// They are one WP: no duplicate TASK_ID, the folder's form is read, and the two must agree (GOV113).
    /// </summary>
    public class PacketInTwoFormsTests
    {
        private const string Folder = "docs/task_packets/WP-1-Storage-Layer/packet.md";

        [Fact]
        public void A_flat_file_and_a_folder_of_one_WP_are_one_packet()
        {
            var result = EngineMarkup.Documents((Packets.Path, Packets.Valid), (Folder, Packets.Valid)).Verify();
            Assert.Equal(new[] { Folder }, System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(result.Packets, p => p.Path)));
        }

        [Fact]
        public void The_forms_must_agree_and_the_flat_file_is_reported()
        {
            EngineMarkup.Documents((Packets.Path, Packets.WithLine(9, "- STATUS: {|#0:Done|}")), (Folder, Packets.Valid))
                .Expect(0, "GOV113", "STATUS", "Done", "Ready-for-Dev", Folder, "folder")
                .Verify();
        }

        [Fact]
        public void With_taskPacket_authoritative_flat_the_flat_file_is_read_and_the_folder_reported()
        {
            var result = EngineMarkup.Documents(
                    (Packets.Path, Packets.Valid),
                    (Folder, Packets.WithLine(9, "- STATUS: {|#0:Done|}")),
                    ("governance.yml", "taskPacket:\n  authoritative: flat\n"))
                .Expect(0, "GOV113", "STATUS", "Done", "Ready-for-Dev", Packets.Path, "flat")
                .Verify();
            Assert.Equal(Packets.Path, Assert.Single(result.Packets).Path);
        }
    }
}
