using System;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Model;

namespace Orchestrator.Governance.Rules.TaskPackets
{
    /// <summary>GOV105: the TASK_ID is the file name, or the folder's name in a folder per packet (seed 003 §5.1).</summary>
    public sealed class TaskIdMatchesFileNameRule : TaskPacketRule
    {
        /// <inheritdoc />
        public override RuleDescriptor Descriptor => RuleCatalog.TaskIdMismatch;

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
