using System.Linq;

namespace Orchestrator.Governance.Rules.TaskPackets
{
    /// <summary>
    /// GOV104: every required field of the template is present (seed 003 §5.1, §8). When a whole
    /// section and all its fields are absent, GOV102 alone reports it.
    /// </summary>
    public sealed class RequiredFieldRule : TaskPacketRule
    {
        /// <inheritdoc />
        public override RuleDescriptor Descriptor => RuleCatalog.RequiredFieldMissing;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var packet = context.Packet;
            foreach (var section in context.Profile.Sections)
            {
                var missing = section.Fields.Where(f => packet.FindFieldAnywhere(f, context.Profile.AliasesOf(f)) == null).ToList();
                if (missing.Count == 0) continue;
                bool sectionPresent = PacketFacts.HasSection(packet, section);
                if (!sectionPresent && missing.Count == section.Fields.Count) continue;

                var span = PacketFacts.FindSection(packet, section)?.HeadingSpan ?? packet.AnchorSpan;
                foreach (var field in missing) context.Report(span, field, section.Name);
            }
        }
    }
}
