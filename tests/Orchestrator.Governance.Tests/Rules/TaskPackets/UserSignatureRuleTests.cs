using Xunit;

namespace Orchestrator.Governance.Tests.Rules.TaskPackets
{
    public class UserSignatureRuleTests
    {
        [Fact]
        public void A_pending_signature_is_reported_at_the_value()
        {
            var result = Packets.Analyze(Packets.WithLine(68, "**User Signature Locked:** <pending>"));
            Packets.Single(result, "GOV111", Packets.Path, 68, 28, "USER_SIGNATURE '<pending>' is a placeholder, not a signature; the packet is not locked");
        }

        [Fact]
        public void A_packet_without_a_lock_line_is_reported_at_the_title()
        {
            var result = Packets.Analyze(Packets.WithLine(68, ""));
            Packets.Single(result, "GOV111", Packets.Path, 1, 3, "Task packet has no USER_SIGNATURE lock line (expected '- USER_SIGNATURE: <signature>' or '**User Signature Locked:** <signature>')");
        }

        [Fact]
        public void A_signature_in_Metadata_or_running_on_from_a_bullet_locks_the_packet()
        {
            Assert.Empty(Packets.Analyze(Packets.WithLine(68, "").Replace("- STATUS: Ready-for-Dev", "- STATUS: Ready-for-Dev\n- USER_SIGNATURE: `ilja070120260227`")).Of("GOV111"));
            string runOn = Packets.Valid.Replace("- **Dependencies**: none\n\n---\n\n", "- **Dependencies**: none\n");
            Assert.Empty(Packets.Analyze(runOn).Of("GOV111"));
        }
    }
}
