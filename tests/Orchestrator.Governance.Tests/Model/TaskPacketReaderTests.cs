using System.Linq;
using Orchestrator.Governance.Model;
using Xunit;

namespace Orchestrator.Governance.Tests.Model
{
    public class TaskPacketReaderTests
    {
        private static TaskPacket Read(Marked packet) => TaskPacketReader.Read(packet.Markdown, Marked.Profile);

        [Fact]
        public void Title_sections_and_fields_are_read_with_their_places()
        {
            var m = new Marked(Packets.Path,
                "# {|#0:Task Packet: WP-1-Storage-Layer|}\n" +
                "\n" +
                "## {|#1:Metadata|}\n" +
                "- {|#2:TASK_ID|}: {|#3:WP-1-Storage-Layer|}\n" +
                "- **{|#4:Status|}:** {|#5:Ready-for-Dev|}\n" +
                "\n" +
                "## {|#6:Quality Gate|}\n" +
                "- **RISK_TIER**: HIGH\n");
            var packet = Read(m);

            Assert.Equal("WP-1-Storage-Layer", packet.FileStem);
            Assert.Equal(m.At(0), Marked.Of(packet.Title!.HeadingSpan));
            Assert.Equal(new[] { ("METADATA", 2), ("QUALITY_GATE", 2) }, packet.Sections.Select(s => (s.Key, s.Level)));
            Assert.Equal(m.At(1), Marked.Of(packet.Sections[0].HeadingSpan));
            Assert.Equal(m.At(6), Marked.Of(packet.Sections[1].HeadingSpan));

            var id = packet.FindField("TASK_ID")!;
            Assert.Equal(("WP-1-Storage-Layer", FieldForm.ListItem, "METADATA"), (id.Value, id.Form, id.Section!.Key));
            Assert.Equal(m.At(2), Marked.Of(id.KeySpan));
            Assert.Equal(m.At(3), Marked.Of(id.ValueSpan));

            // A bold key with the colon inside is normalized to the protocol's key, its raw spelling kept.
            var status = packet.FindField("STATUS")!;
            Assert.Equal(("Ready-for-Dev", "Status"), (status.Value, status.RawKey.Trim('*', ':')));
            Assert.Equal(m.At(4), Marked.Of(status.KeySpan));
            Assert.Equal(m.At(5), Marked.Of(status.ValueSpan));

            Assert.Equal("HIGH", packet.FindField("RISK_TIER")!.Value);
            Assert.Equal("QUALITY_GATE", packet.FindField("RISK_TIER")!.Section!.Key);
        }

        [Fact]
        public void A_list_field_has_its_items_with_their_places_and_a_code_block()
        {
            var m = new Marked(Packets.Path,
                "# Task Packet: WP-1-A\n" +
                "\n" +
                "## Scope\n" +
                "- **IN_SCOPE_PATHS**:\n" +
                "  * {|#0:src/storage/mod.rs|}\n" +
                "  * {|#1:`src/api/jobs.rs`|}\n" +
                "\n" +
                "## Quality Gate\n" +
                "- **TEST_PLAN**:\n" +
                "  ```bash\n" +
                "  cargo test\n" +
                "  ```\n");
            var packet = Read(m);

            var scope = packet.FindField("IN_SCOPE_PATHS")!;
            Assert.Equal("", scope.Value);
            Assert.False(scope.ValueIsEntry);
            Assert.Equal(new[] { "src/storage/mod.rs", "`src/api/jobs.rs`" }, scope.Items.Select(i => i.Text));
            Assert.Equal(m.At(0), Marked.Of(scope.Items[0].Span));
            Assert.Equal(m.At(1), Marked.Of(scope.Items[1].Span));
            Assert.Equal(scope.Items.Select(i => i.Text), scope.Entries.Select(e => e.Text));

            var plan = packet.FindField("TEST_PLAN")!;
            var block = Assert.Single(plan.CodeBlocks);
            Assert.Contains("cargo test", m.Text.Substring(block.Start, block.End - block.Start));
        }

        [Fact]
        public void A_field_written_as_a_heading_and_a_value_with_items_both_count()
        {
            var m = new Marked(Packets.Path,
                "# Task Packet: WP-1-A\n" +
                "\n" +
                "## {|#0:DONE_MEANS|}\n" +
                "- {|#1:Trait exists|}\n" +
                "\n" +
                "## Authority\n" +
                "- SPEC_ANCHOR: {|#2:§7.6|}\n" +
                "  - {|#3:§2.3.12|}\n");
            var packet = Read(m);

            var done = packet.FindField("DONE_MEANS")!;
            Assert.Equal(FieldForm.Heading, done.Form);
            Assert.Equal(m.At(0), Marked.Of(done.KeySpan));
            Assert.Equal(m.At(1), Marked.Of(Assert.Single(done.Entries).Span));

            var anchor = packet.FindField("SPEC_ANCHOR")!;
            Assert.True(anchor.ValueIsEntry);
            Assert.Equal(new[] { "§7.6", "§2.3.12" }, anchor.Entries.Select(e => e.Text));
            Assert.Equal(new[] { m.At(2), m.At(3) }, anchor.Entries.Select(e => Marked.Of(e.Span)));
        }

        [Fact]
        public void A_paragraph_line_is_a_field_of_form_Line()
        {
            var m = new Marked(Packets.Path, "# Task Packet: WP-1-A\n\n## Notes\n\n**{|#0:User Signature Locked|}:** {|#1:ilja261220251430|}\n");
            var signature = Marked.Profile.FieldOf(Read(m), "USER_SIGNATURE")!;
            Assert.Equal((FieldForm.Line, "ilja261220251430"), (signature.Form, signature.Value));
            Assert.Equal(m.At(0), Marked.Of(signature.KeySpan));
            Assert.Equal(m.At(1), Marked.Of(signature.ValueSpan));
        }
    }
}
