using System.Linq;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Model;
using Xunit;

namespace Orchestrator.Governance.Tests.Model
{
    public class DataPacketReaderTests
    {
        private static readonly TaskPacketProfile Profile = new TaskPacketProfile(ConfigLoader.LoadUnchecked(
            "taskPacket:\n  dataFields:\n    TASK_ID: /id\n    STATUS: /state/status\n    DONE_MEANS: /done\n").TaskPacket);

        [Fact]
        public void JSON_fields_by_pointer_and_by_key_with_their_places()
        {
            var m = new Marked("docs/task_packets/WP-1-A/packet.json",
                "{\n" +
                "  \"id\": {|#0:\"WP-1-A\"|},\n" +
                "  \"state\": { \"status\": {|#1:\"Done\"|} },\n" +
                "  \"done\": [{|#2:\"Trait exists\"|}, { \"id\": \"DM-2\", \"text\": {|#3:\"Tests pass\"|} }],\n" +
                "  \"{|#4:risk_tier|}\": \"HIGH\"\n" +
                "}\n");
            var packet = DataPacketReader.Read(m.Document, Profile, out var problem, out _)!;
            Assert.Null(problem);
            Assert.True(packet.IsData);

            var id = packet.FindField("TASK_ID")!;
            Assert.Equal(("WP-1-A", FieldForm.Data), (id.Value, id.Form));
            Assert.Equal(m.At(0).Item1, id.ValueSpan.StartLine);
            Assert.Equal("Done", packet.FindField("STATUS")!.Value);
            Assert.Equal(m.At(1).Item1, packet.FindField("STATUS")!.ValueSpan.StartLine);

            var done = packet.FindField("DONE_MEANS")!;
            Assert.Equal(new[] { "Trait exists", "Tests pass" }, done.Items.Select(i => i.Text));
            Assert.Equal(new[] { m.At(2).Item1, m.At(3).Item1 }, done.Items.Select(i => i.Span.StartLine));
            Assert.Equal(m.At(4), Marked.Of(packet.FindField("RISK_TIER")!.KeySpan));
        }

        [Fact]
        public void YAML_reads_the_same_fields()
        {
            var doc = new TextDocument("docs/task_packets/WP-1-A/packet.yaml", "id: WP-1-A\nstate:\n  status: In-Progress\ndone:\n  - Trait exists\n");
            var packet = DataPacketReader.Read(doc, Profile, out var problem, out _)!;
            Assert.Null(problem);
            Assert.Equal("WP-1-A", packet.FindField("TASK_ID")!.Value);
            Assert.Equal((3, "In-Progress"), (packet.FindField("STATUS")!.ValueSpan.StartLine, packet.FindField("STATUS")!.Value));
            Assert.Equal(5, Assert.Single(packet.FindField("DONE_MEANS")!.Items).Span.StartLine);
        }

        [Fact]
        public void Invalid_JSON_and_a_packet_that_is_not_an_object_are_problems_with_a_place()
        {
            var broken = DataPacketReader.Read(new TextDocument("p.json", "{\n  \"id\": \"WP-1-A\",\n  \"done\": [\n}\n"), Profile, out var problem, out var span);
            Assert.Null(broken);
            Assert.StartsWith("it is not valid JSON: ", problem);
            Assert.Equal(4, span.StartLine);

            Assert.Null(DataPacketReader.Read(new TextDocument("p.json", "[1, 2]"), Profile, out problem, out _));
            Assert.Equal("a task packet kept as data is an object, not an array", problem);
            Assert.True(DataPacketReader.IsDataPath("x/packet.YAML"));
            Assert.False(DataPacketReader.IsDataPath("x/packet.md"));
        }
    }
}
