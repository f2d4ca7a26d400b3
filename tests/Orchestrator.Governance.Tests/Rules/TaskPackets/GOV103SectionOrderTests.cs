using System.Linq;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules.TaskPackets
{
    public class GOV103SectionOrderTests
    {
        [Fact]
        public void Bootstrap_after_Authority_is_reported_at_the_Bootstrap_heading()
        {
            var lines = Packets.Valid.Replace("## BOOTSTRAP (Coder Work Plan)", "## {|#0:BOOTSTRAP (Coder Work Plan)|}").Split('\n').ToList();
            var authority = lines.GetRange(56, 5); // lines 57-61
            lines.RemoveRange(56, 5);
            lines.InsertRange(29, authority);      // before line 30, "## BOOTSTRAP"
            EngineMarkup.Packet(string.Join("\n", lines))
                .Expect(0, "GOV103", "BOOTSTRAP", "AUTHORITY", "METADATA, SCOPE, QUALITY_GATE, BOOTSTRAP, AUTHORITY, NOTES")
                .Verify();
        }

        [Fact]
        public void The_protocol_order_passes()
        {
            EngineMarkup.Packet(Packets.Valid).Verify();
        }
    }
}
