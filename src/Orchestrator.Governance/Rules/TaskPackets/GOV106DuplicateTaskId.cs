using System.Linq;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Model;

namespace Orchestrator.Governance.Rules.TaskPackets
{
    /// <summary>GOV106: no two packets declare one TASK_ID (seed 003 §4 Step 2, ID collision).</summary>
    public sealed class GOV106DuplicateTaskId : TaskPacketRule
    {
        /// <summary>GOV106: two packets share a TASK_ID.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV106", "TASK_ID must be unique",
            "TASK_ID '{0}' is also declared in {1}",
            "Governance.TaskPacket", GovernanceSeverity.Error,
            "Two packets with one TASK_ID make the board and dependency links ambiguous; a variant packet gets its own ID (-v2).",
            "seed 003 §4 Step 2 (ID collision)");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var field = PacketFacts.TaskIdField(context.Packet, context.Profile);
            string? id = field == null ? null : PacketFacts.DeclaredId(field);
            if (id == null || !context.Index.PacketsByTaskId.TryGetValue(id, out var packets) || packets.Count < 2) return;
            var others = packets.Where(p => p.Path != context.Packet.Path).Select(p => p.Path).ToList();
            if (others.Count > 0) context.Report(field!.ValueSpan, id, string.Join(", ", others));
        }
    }
}
