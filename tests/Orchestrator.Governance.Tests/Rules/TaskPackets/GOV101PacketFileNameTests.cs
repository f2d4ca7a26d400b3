using Xunit;

namespace Orchestrator.Governance.Tests.Rules.TaskPackets
{
    public class GOV101PacketFileNameTests
    {
        private const string Pattern = @"^WP-[0-9]+(\.[0-9]+)?-[A-Za-z0-9][A-Za-z0-9.]*(-[A-Za-z0-9][A-Za-z0-9.]*)*$";

        [Fact]
        public void A_file_name_without_a_phase_is_reported_at_the_title()
        {
            // The TASK_ID differs from that name too (GOV105).
            EngineMarkup.Documents(("docs/task_packets/WP-Storage.md", Packets.WithLines((1, Packets.MarkedTitle("#0")), (4, "- TASK_ID: {|GOV105:WP-1-Storage-Layer|}"))))
                .Expect(0, "GOV101", "WP-Storage", Pattern)
                .Verify();
        }

        [Theory]
        [InlineData("WP-1-Storage-Layer")]
        [InlineData("WP-1-Storage-Layer-v2")]
        [InlineData("WP-1-Tokenization-Service-20251228")]
        [InlineData("WP-1-MEX-v1.2-Runtime-v3")]
        public void Names_of_the_protocol_form_and_its_variants_pass(string stem)
        {
            EngineMarkup.Documents(("docs/task_packets/" + stem + ".md", Packets.Valid.Replace("WP-1-Storage-Layer", stem))).Verify();
        }
    }
}
