using Xunit;

namespace Orchestrator.Governance.Tests.Rules.TaskPackets
{
    public class GOV101PacketFileNameTests
    {
        private const string Pattern = @"^WP-[0-9]+(\.[0-9]+)?-[A-Za-z0-9][A-Za-z0-9.]*(-[A-Za-z0-9][A-Za-z0-9.]*)*$";

        [Fact]
        public void A_file_name_without_a_phase_is_reported_at_the_title()
        {
            var result = Packets.Analyze(("docs/task_packets/WP-Storage.md", Packets.Valid));
            Packets.Single(result, "GOV101", "docs/task_packets/WP-Storage.md", 1, 3, "WP-Storage", Pattern);
        }

        [Theory]
        [InlineData("WP-1-Storage-Layer")]
        [InlineData("WP-1-Storage-Layer-v2")]
        [InlineData("WP-1-Tokenization-Service-20251228")]
        [InlineData("WP-1-MEX-v1.2-Runtime-v3")]
        public void Names_of_the_protocol_form_and_its_variants_pass(string stem)
        {
            var result = Packets.Analyze(("docs/task_packets/" + stem + ".md", Packets.Valid.Replace("WP-1-Storage-Layer", stem)));
            Assert.Empty(result.Of("GOV101"));
        }
    }
}
