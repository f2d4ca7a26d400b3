using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Model;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.TaskPackets
{
    /// <summary>
    /// GOV103: the template's sections appear in the protocol's order (seed 003 §5.1). Each
    /// section is placed at its first heading; one that comes after a section the protocol puts
    /// later is reported at its heading.
    /// </summary>
    public sealed class GOV103SectionOrder : TaskPacketRule
    {
        /// <summary>GOV103: sections are out of order.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV103", "Task packet sections must be in the protocol's order",
            "Section '{0}' comes after '{1}'; the expected order is {2}",
            "Governance.TaskPacket", GovernanceSeverity.Warning,
            "The protocol lists the sections of a packet in order, so that coders and validators find them where they expect.",
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
            var order = context.Profile.Sections;
            var seen = new HashSet<int>();
            int maxIndex = -1;
            string? maxName = null;
            foreach (var heading in context.Packet.Sections)
            {
                if (heading.Level > 2) continue;
                int index = IndexOf(order, heading);
                if (index < 0 || !seen.Add(index)) continue;
                if (index < maxIndex)
                {
                    context.Report(heading.HeadingSpan, order[index].Name, maxName!, string.Join(", ", order.Select(s => s.Name)));
                }
                else
                {
                    maxIndex = index;
                    maxName = order[index].Name;
                }
            }
        }

        private static int IndexOf(IReadOnlyList<TaskPacketProfile.SectionRule> order, PacketSection heading)
        {
            for (int i = 0; i < order.Count; i++)
            {
                if (order[i].Names.Contains(heading.Key) || order[i].Fields.Contains(heading.Key)) return i;
            }

            return -1;
        }
    }
}
