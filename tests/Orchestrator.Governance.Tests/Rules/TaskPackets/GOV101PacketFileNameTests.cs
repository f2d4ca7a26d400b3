using Xunit;

namespace Orchestrator.Governance.Tests.Rules.TaskPackets
{
    public class GOV101PacketFileNameTests
    {
        private const string Pattern = @"^WP-([0-9]+(\.[0-9]+)?|[A-Z][A-Z0-9]*)-[A-Za-z0-9][A-Za-z0-9.]*(-[A-Za-z0-9][A-Za-z0-9.]*)*$";

        [Fact]
        public void A_file_name_without_a_phase_is_reported_at_the_title()
        {
            // The TASK_ID differs from that name too (GOV105).
            EngineMarkup.Documents(("docs/task_packets/WP-Storage.md", Packets.WithLines((1, Packets.MarkedTitle("#0")), (4, "- TASK_ID: {|GOV105:WP-1-Storage-Layer|}"))))
                .Expect(0, "GOV101", "WP-Storage", Pattern, "file name")
                .Verify();
        }

        [Theory]
        [InlineData("WP-1-Storage-Layer")]
        [InlineData("WP-1-Storage-Layer-v2")]
        [InlineData("WP-1-Tokenization-Service-20251228")]
        [InlineData("WP-1-MEX-v1.2-Runtime-v3")]
        [InlineData("WP-KERNEL-001-Event-Ledger-v1")]
        public void Names_of_the_protocol_form_and_its_variants_pass(string stem)
        {
            EngineMarkup.Documents(("docs/task_packets/" + stem + ".md", Packets.Valid.Replace("WP-1-Storage-Layer", stem))).Verify();
        }

        [Theory]
        [InlineData("WP-1-Storage-Layer")]
        [InlineData("WP-KERNEL-001-Event-Ledger-v1")]
        [InlineData("WP-1.2-Storage-Layer-v2")]
        public void A_packet_in_a_folder_of_its_own_is_named_by_the_folder_whatever_its_phase(string id)
        {
            EngineMarkup.Documents(("docs/task_packets/" + id + "/packet.md", Packets.Valid.Replace("WP-1-Storage-Layer", id))).Verify();
        }

        [Fact]
        public void A_folder_name_without_a_phase_is_reported_as_the_folder_s()
        {
            // packet.md carries no ID: the folder's name is judged, and TASK_ID is compared with it (GOV105).
            EngineMarkup.Documents(("docs/task_packets/WP-Storage/packet.md", Packets.WithLines((1, Packets.MarkedTitle("#0")), (4, "- TASK_ID: {|#1:WP-1-Storage-Layer|}"))))
                .Expect(0, "GOV101", "WP-Storage", Pattern, "folder name")
                .Expect(1, "GOV105", "WP-1-Storage-Layer", "WP-Storage", "folder name")
                .Verify();
        }

        [Fact]
        public void A_name_in_lower_case_or_without_a_name_part_is_reported()
        {
            EngineMarkup.Documents(("docs/task_packets/WP-kernel-Ledger.md", Packets.WithLines((1, Packets.MarkedTitle("#0")), (4, "- TASK_ID: {|GOV105:WP-1-Storage-Layer|}"))))
                .Expect(0, "GOV101", "WP-kernel-Ledger", Pattern, "file name")
                .Verify();
        }
    }
}
