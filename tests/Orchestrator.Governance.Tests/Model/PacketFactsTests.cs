using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Model;
using Xunit;

namespace Orchestrator.Governance.Tests.Model
{
    public class PacketFactsTests
    {
        [Theory]
        [InlineData("`WP-1-Storage-Layer` (revision of v1)", "WP-1-Storage-Layer")]
        [InlineData("**WP-1-Storage-Layer**", "WP-1-Storage-Layer")]
        [InlineData("WP-1-Storage-Layer", "WP-1-Storage-Layer")]
        public void The_declared_ID_is_the_first_word_without_markup(string value, string expected)
        {
            var packet = TaskPacketReader.Read(ParsedMarkdown.Parse(Packets.Path, "# Task Packet: x\n\n## Metadata\n- TASK_ID: " + value + "\n"), Marked.Profile);
            var field = PacketFacts.TaskIdField(packet, Marked.Profile)!;
            Assert.Equal(expected, PacketFacts.DeclaredId(field));
        }

        [Fact]
        public void Sections_are_found_by_their_rule_and_comparable_values_ignore_case_and_markup()
        {
            var profile = Marked.Profile;
            var packet = TaskPacketReader.Read(ParsedMarkdown.Parse(Packets.Path, Packets.Valid), profile);
            var authority = profile.Sections.Single(s => s.Name == "AUTHORITY");
            Assert.True(PacketFacts.HasSection(packet, authority));
            Assert.Equal(57, PacketFacts.FindSection(packet, authority)!.HeadingSpan.StartLine);
            var withoutAuthority = TaskPacketReader.Read(ParsedMarkdown.Parse(Packets.Path, Packets.WithLine(57, "")), profile);
            Assert.False(PacketFacts.HasSection(withoutAuthority, authority));
            var inline = TaskPacketReader.Read(ParsedMarkdown.Parse(Packets.Path, Packets.WithLine(57, "**Authority:** Master Spec §2.3.12")), profile);
            Assert.Null(PacketFacts.FindSection(inline, authority));
            Assert.True(PacketFacts.HasSection(inline, authority));
            Assert.Equal("READYFORDEV", PacketFacts.Comparable("Ready for Dev (blocked on X)"));
            Assert.Equal(PacketFacts.Comparable("READY_FOR_DEV"), PacketFacts.Comparable("ready-for-dev [x]"));
            Assert.Equal("LOW|HIGH", PacketFacts.Comparable("low / high"));
            Assert.NotEqual(PacketFacts.Comparable("Ready"), PacketFacts.Comparable("Done"));
        }
    }
}
