using System.Linq;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules.TaskPackets
{
    public class GOV103SectionOrderTests
    {
        [Fact]
        public void Bootstrap_after_Authority_is_reported_at_the_Bootstrap_heading()
        {
            var lines = Packets.Valid.Split('\n').ToList();
            var authority = lines.GetRange(56, 5); // lines 57-61
            lines.RemoveRange(56, 5);
            lines.InsertRange(29, authority);      // before line 30, "## BOOTSTRAP"
            var result = Packets.Analyze(string.Join("\n", lines));
            Packets.Single(result, "GOV103", Packets.Path, 35, 4, "BOOTSTRAP", "AUTHORITY", "METADATA, SCOPE, QUALITY_GATE, BOOTSTRAP, AUTHORITY, NOTES");
        }

        [Fact]
        public void The_protocol_order_passes()
        {
            Assert.Empty(Packets.Analyze(Packets.Valid).Of("GOV103"));
        }
    }
}
