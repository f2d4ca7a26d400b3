using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Model;
namespace Orchestrator.Governance.Rules.TaskPackets
{
    /// <summary>GOV102: every required section of the template is present (seed 003 §5.1).</summary>
    public sealed class RequiredSectionRule : TaskPacketRule
    {
        /// <inheritdoc />
        public override RuleDescriptor Descriptor => RuleCatalog.RequiredSectionMissing;

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
