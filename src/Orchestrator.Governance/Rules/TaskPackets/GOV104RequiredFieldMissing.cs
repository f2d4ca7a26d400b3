using System.Linq;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Model;

namespace Orchestrator.Governance.Rules.TaskPackets
{
    /// <summary>
    /// GOV104: every required field of the template is present (seed 003 §5.1, §8). When a whole
    /// section and all its fields are absent, GOV102 alone reports it. The diagnostic stands on the
    /// section's heading, or on the first of its fields written as a heading, or on the title.
    /// </summary>
    public sealed class GOV104RequiredFieldMissing : TaskPacketRule
    {
        /// <summary>GOV104: a required field is missing.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV104", "Task packet must have every required field",
            "Task packet has no {0} field (expected in the '{1}' section{2})",
            "Governance.TaskPacket", GovernanceSeverity.Error,
            "Every work packet fills the fields of the protocol's template (TASK_ID, STATUS, RISK_TIER, DONE_MEANS, SPEC_ANCHOR, ...).",
            "seed 003 §5.1, §8")
        { AsksPacketEdit = true,
            // {2}: for a packet kept as data, where the field would come from (guidance, not the finding).
            LocationArguments = new[] { 2 },
        };

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var packet = context.Packet;
            foreach (var section in context.Profile.Sections)
            {
                var missing = section.Fields.Where(f => packet.FindFieldAnywhere(f, context.Profile.AliasesOf(f)) == null).ToList();
                if (missing.Count == 0) continue;
                bool sectionPresent = PacketFacts.HasSection(packet, section);
                if (packet.IsData)
                {
                    // A packet kept as data has no sections: each missing field, at the document's start.
                    foreach (var field in missing)
                        context.Report(packet.AnchorSpan, field, section.Name, $"; in a packet kept as data, map it in taskPacket.dataFields or add a top-level key '{field.ToLowerInvariant()}'");
                    continue;
                }

                if (!sectionPresent && missing.Count == section.Fields.Count) continue;

                // At the section's heading; when the packet writes the section's fields as headings of
                // their own (## RISK_TIER, ## TEST_PLAN), at the first of those; else at the title.
                var span = PacketFacts.FindSection(packet, section)?.HeadingSpan
                    ?? packet.Fields.FirstOrDefault(f => f.Form == Model.FieldForm.Heading && section.Fields.Contains(f.Key))?.KeySpan
                    ?? packet.AnchorSpan;
                foreach (var field in missing) context.Report(span, field, section.Name, string.Empty);
            }
        }
    }
}
