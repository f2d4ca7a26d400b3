using Xunit;

namespace Orchestrator.Governance.Tests.Rules.TaskPackets
{
    public class GOV111MissingUserSignatureTests
    {
        private static string NoDate(string signature) =>
            $"USER_SIGNATURE '{signature}' has no date or timestamp in a form taskPacket.signaturePattern accepts (a name, then a date of 8 or more digits such as 'ilja251220250328' or an ISO 8601 date such as 'ilja 2025-12-25'); the packet is not locked";

        [Fact]
        public void A_pending_signature_is_reported_at_the_value()
        {
            EngineMarkup.Packet(Packets.WithLine(68, "**User Signature Locked:** {|#0:<pending>|}"))
                .Expect(0, "GOV111", "USER_SIGNATURE '<pending>' is a placeholder, not a signature; the packet is not locked")
                .Verify();
        }

        [Fact]
        public void A_packet_without_a_lock_line_is_reported_at_the_title()
        {
            EngineMarkup.Packet(Packets.WithLines((1, Packets.MarkedTitle("#0")), (68, "")))
                .Expect(0, "GOV111", "Task packet has no USER_SIGNATURE lock line (expected '- USER_SIGNATURE: <signature>' or '**User Signature Locked:** <signature>')")
                .Verify();
        }

        [Fact]
        public void A_signature_in_Metadata_or_running_on_from_a_bullet_locks_the_packet()
        {
            EngineMarkup.Packet(Packets.WithLine(68, "").Replace("- STATUS: Ready-for-Dev", "- STATUS: Ready-for-Dev\n- USER_SIGNATURE: `ilja070120260227`")).Verify();
            EngineMarkup.Packet(Packets.Valid.Replace("- **Dependencies**: none\n\n---\n\n", "- **Dependencies**: none\n")).Verify();
        }

        [Fact]
        public void A_bare_name_alone_does_not_lock_the_packet()
        {
            EngineMarkup.Packet(Packets.WithLine(68, "- USER_SIGNATURE: {|#0:ilja|}"))
                .Expect(0, "GOV111", NoDate("ilja"))
                .Verify();
        }

        [Fact]
        public void A_bare_name_beside_a_timestamped_lock_line_is_fine()
        {
            EngineMarkup.Packet(Packets.Valid.Replace("- STATUS: Ready-for-Dev", "- STATUS: Ready-for-Dev\n- USER_SIGNATURE: ilja")).Verify();
        }

        [Fact]
        public void A_pending_lock_line_beside_a_signed_one_is_reported_at_the_placeholder()
        {
            EngineMarkup.Packet(Packets.Valid.Replace("- STATUS: Ready-for-Dev", "- STATUS: Ready-for-Dev\n- USER_SIGNATURE: {|#0:<pending>|}"))
                .Expect(0, "GOV111", "USER_SIGNATURE '<pending>' is a placeholder beside the signature 'ilja261220251430' (line 69); the packet says both that it is locked and that it is not")
                .Verify();
        }

        [Theory]
        [InlineData("ilja251220250328")]
        [InlineData("`ilja070120260227`")]
        [InlineData("ilja 2025-12-25")]
        [InlineData("Ana María 2025-12-25T14:30:00Z")]
        [InlineData("ilja_20251225")]
        [InlineData("ilja251225041502")]
        [InlineData("alice_25121510000")]
        public void Names_with_a_date_or_timestamp_lock(string signature)
        {
            EngineMarkup.Packet(Packets.WithLine(68, "**User Signature Locked:** " + signature)).Verify();
        }

        [Theory]
        [InlineData("ilja")]
        [InlineData("ilja 2025")]
        [InlineData("approved")]
        [InlineData("1234567")]
        [InlineData("ilja 25.12.2025")]
        public void Values_without_a_date_do_not_lock(string signature)
        {
            EngineMarkup.Packet(Packets.WithLine(68, "**User Signature Locked:** {|#0:" + signature + "|}"))
                .Expect(0, "GOV111", NoDate(signature))
                .Verify();
        }

        [Theory]
        [InlineData("ilja99999999")]
        [InlineData("ilja12345678")]
        public void Digits_that_begin_with_no_date_do_not_lock(string signature)
        {
            EngineMarkup.Packet(Packets.WithLine(68, "**User Signature Locked:** {|#0:" + signature + "|}"))
                .Expect(0, "GOV111", $"USER_SIGNATURE '{signature}' has digits that begin with no date (DDMMYYYY, YYYYMMDD, YYMMDD or DDMMYY, years 1970-2099); the packet is not locked")
                .Verify();
        }

        [Fact]
        public void With_a_pattern_of_its_own_the_message_names_that_pattern()
        {
            EngineMarkup.Documents(
                    ("governance.yml", "taskPacket:\n  signaturePattern: '^[a-z]+-signed-[0-9]+$'\n"),
                    (Packets.Path, Packets.WithLine(68, "**User Signature Locked:** {|#0:ilja-approved|}")))
                .Expect(0, "GOV111", "USER_SIGNATURE 'ilja-approved' does not match taskPacket.signaturePattern '^[a-z]+-signed-[0-9]+$'; the packet is not locked")
                .Verify();
        }

        [Fact]
        public void The_signature_pattern_is_configurable_and_checked()
        {
            string bare = Packets.WithLine(68, "**User Signature Locked:** ilja");
            EngineMarkup.Documents(("governance.yml", "taskPacket:\n  signaturePattern: '^[a-z]+$'\n"), (Packets.Path, bare)).Verify();
            // With the pattern refused, the default one reads the signature (and finds no date in it).
            string bareMarked = Packets.WithLine(68, "**User Signature Locked:** {|GOV111:ilja|}");
            var result = EngineMarkup.Documents(("governance.yml", "taskPacket:\n{|GOV001:  signaturePattern: '(['|}\n"), (Packets.Path, bareMarked)).Verify();
            Assert.StartsWith("'taskPacket.signaturePattern' is not a valid regular expression", Assert.Single(result.Of("GOV001")).Arguments[0]);
        }
    }
}
