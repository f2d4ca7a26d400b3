using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Model;
namespace Orchestrator.Governance.Rules.TaskPackets
{
    /// <summary>GOV102: every required section of the template is present (seed 003 §5.1).</summary>
    public sealed class GOV102RequiredSectionMissing : TaskPacketRule
    {
        /// <summary>GOV102: a required section is missing.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV102", "Task packet must have every required section",
            "Task packet has no '{0}' section (expected one of: {1})",
            "Governance.TaskPacket", GovernanceSeverity.Error,
            "Every work packet includes the sections of the protocol's template. A section also counts as present when its fields stand as sections of their own (## DONE_MEANS for Quality Gate).",
            "seed 003 §5.1")
        {
            AsksPacketEdit = true,
        };

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            // A packet kept as data has fields, not Markdown sections.
            if (context.Packet.IsData) return;
            foreach (var section in context.Profile.Sections)
            {
                if (section.Required && !PacketFacts.HasSection(context.Packet, section))
                    context.Report(context.Packet.AnchorSpan, section.Name, string.Join(", ", section.Names));
            }
        }
    }
}
