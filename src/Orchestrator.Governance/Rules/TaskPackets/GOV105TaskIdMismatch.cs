using System;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Model;

namespace Orchestrator.Governance.Rules.TaskPackets
{
    /// <summary>GOV105: the TASK_ID is the file name, or the folder's name in a folder per packet (seed 003 §5.1).</summary>
    public sealed class GOV105TaskIdMismatch : TaskPacketRule
    {
        /// <summary>GOV105: TASK_ID differs from the file name.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV105", "TASK_ID must match the file name",
            "TASK_ID '{0}' does not match the {2} '{1}'",
            "Governance.TaskPacket", GovernanceSeverity.Error,
            "The packet's TASK_ID and its file name are the same ID, so that tools and people can go from one to the other.",
            "seed 003 §5.1")
        {
            AsksPacketEdit = true,
        };

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var field = PacketFacts.TaskIdField(context.Packet, context.Profile);
            if (field == null) return;
            string? id = PacketFacts.DeclaredId(field);

            // A data packet's TASK_ID that is an object or a list names no ID: it is reported as written.
            bool notText = field.Form == Model.FieldForm.Data && field.Value.Length > 0 && (field.Value[0] == '{' || field.Value[0] == '[' || field.Value[0] == '-');
            if ((id != null || notText) && !string.Equals(id, context.Packet.FileStem, StringComparison.Ordinal))
                context.Report(field.ValueSpan, field.Value, context.Packet.FileStem, context.Packet.NamedByFolder ? "folder name" : "file name");
        }
    }
}
