using System;
using System.Linq;
using Orchestrator.Governance.Model;
using Xunit;

namespace Orchestrator.Governance.Tests.Model
{
    /// <summary>Waivers as <see cref="TaskPacketReader"/> reads them from a WAIVERS GRANTED section.</summary>
    public class PacketWaiverTests
    {
        private static readonly Marked Packet = new Marked(Packets.Path,
            "# Task Packet: WP-1-A\n" +
            "\n" +
            "## WAIVERS GRANTED\n" +
            "- (Record explicit user waivers here. Include Waiver ID, Date, Scope, and Justification.)\n" +
            "- WAIVER-STORAGE-001 [CX-573F]\n" +
            "  - Date: {|#0:2026-01-18|}\n" +
            "  - Scope: touch `src/api/jobs.rs`\n" +
            "  - Expires: {|#1:2026-02-01|}\n" +
            "- [WAIVER-2026-01-01-ROLLOUT] allowed for this WP only. Expires: on WP closure.\n" +
            "- WAIVER_ID: W-7 | Date: 2026-01-07 | Scope: a.rs\n" +
            "- Approved by the operator in chat\n" +
            "  - Expiry: On WP closure (validation complete).\n" +
            "- NONE\n");

        private static PacketWaiver[] Waivers() => TaskPacketReader.Read(Packet.Markdown, Marked.Profile).Waivers.ToArray();

        [Fact]
        public void Each_entry_but_the_template_note_and_a_none_marker_is_a_waiver_with_its_ID()
        {
            Assert.Equal(new[] { "WAIVER-STORAGE-001", "WAIVER-2026-01-01-ROLLOUT", "W-7", null }, Waivers().Select(w => w.Id));
        }

        [Fact]
        public void Nested_Key_value_items_and_bar_separated_parts_are_attributes_with_their_places()
        {
            var w = Waivers();
            Assert.Equal(new[] { "DATE", "SCOPE", "EXPIRES" }, w[0].Attributes.Select(a => a.Key));
            Assert.Equal("2026-01-18", w[0].Find("DATE")!.Value);
            Assert.Equal(Packet.At(0), Marked.Of(w[0].Find("DATE")!.ValueSpan));
            Assert.Equal(Packet.At(1), Marked.Of(w[0].Expiry!.ValueSpan));
            Assert.Equal(new[] { ("DATE", "2026-01-07"), ("SCOPE", "a.rs") }, w[2].Attributes.Select(a => (a.Key, a.Value)));
        }

        [Fact]
        public void An_expiry_date_expires_the_waiver_after_that_day_and_prose_never_does()
        {
            var w = Waivers();
            Assert.Equal(new DateTime(2026, 2, 1), w[0].Expires);
            Assert.False(w[0].HasExpired(new DateTime(2026, 2, 1)));
            Assert.True(w[0].HasExpired(new DateTime(2026, 2, 2)));
            Assert.False(w[0].HasExpired(null));
            Assert.Equal("On WP closure (validation complete).", w[3].Expiry!.Value);
            Assert.Null(w[3].Expires);
            Assert.False(w[3].HasExpired(new DateTime(2030, 1, 1)));
        }
    }
}
