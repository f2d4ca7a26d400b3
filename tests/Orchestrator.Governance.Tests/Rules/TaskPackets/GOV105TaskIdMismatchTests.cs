using Xunit;

namespace Orchestrator.Governance.Tests.Rules.TaskPackets
{
    public class GOV105TaskIdMismatchTests
    {
        [Fact]
        public void A_TASK_ID_that_differs_from_the_file_name_is_reported_at_the_value()
        {
            EngineMarkup.Packet(Packets.WithLine(4, "- TASK_ID: {|#0:WP-1-Storage|}"))
                .Expect(0, "GOV105", "WP-1-Storage", "WP-1-Storage-Layer", "file name")
                .Verify();
        }

        [Fact]
        public void A_TASK_ID_in_backticks_with_a_qualifier_matches()
        {
            EngineMarkup.Packet(Packets.WithLine(4, "- **TASK_ID**: `WP-1-Storage-Layer` (revision of v1)")).Verify();
        }

        [Fact]
        public void In_a_folder_per_packet_the_folder_name_is_the_expected_ID()
        {
            const string Path = "docs/task_packets/WP-1-Storage-Layer/packet.md";
            EngineMarkup.Documents((Path, Packets.Valid)).Verify();
            EngineMarkup.Documents((Path, Packets.WithLine(4, "- TASK_ID: {|#0:WP-1-Storage|}")))
                .Expect(0, "GOV105", "WP-1-Storage", "WP-1-Storage-Layer", "folder name")
                .Verify();
        }

        [Fact]
        public void A_file_named_like_a_WP_keeps_its_own_name_and_packet_md_takes_its_folder_s_whatever_it_is()
        {
            var pattern = new System.Text.RegularExpressions.Regex("^WP-[0-9]+-[A-Za-z0-9-]+$");
            Assert.Equal(("WP-1-B", false), Governance.Model.TaskPacket.IdName("docs/task_packets/WP-1-A/WP-1-B.md", pattern));
            Assert.Equal(("WP-1-A", true), Governance.Model.TaskPacket.IdName("docs/task_packets/WP-1-A/packet.md", pattern));
            Assert.Equal(("misc", true), Governance.Model.TaskPacket.IdName("docs/task_packets/misc/packet.md", pattern));
            Assert.Equal(("notes", false), Governance.Model.TaskPacket.IdName("docs/task_packets/misc/notes.md", pattern));
            Assert.Equal(("WP-1-A", true), Governance.Model.TaskPacket.IdName("docs/task_packets/WP-1-A/notes.md", pattern));
            Assert.Equal(("packet", false), Governance.Model.TaskPacket.IdName("packet.md", pattern));
        }
    }
}
