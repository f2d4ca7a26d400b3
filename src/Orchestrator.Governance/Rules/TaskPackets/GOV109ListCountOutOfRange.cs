using System.Linq;
using Orchestrator.Governance.Model;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.TaskPackets
{
    /// <summary>
    /// GOV109: BOOTSTRAP lists have the protocol's number of entries (seed 003 §5.5, §8: 5-15
    /// FILES_TO_OPEN, 10-20 SEARCH_TERMS, 3-8 RISK_MAP). Entries are the list items below the field;
    /// a value written on one line counts its comma- or semicolon-separated parts, and a code
    /// block below the field counts its lines (fences and # comments aside).
    /// </summary>
    public sealed class GOV109ListCountOutOfRange : TaskPacketRule
    {
        /// <summary>GOV109: a list field has too few or too many items.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV109", "BOOTSTRAP lists must have the protocol's number of items",
            "{0} lists {1} item(s); expected {2} to {3}",
            "Governance.TaskPacket", GovernanceSeverity.Warning,
            "BOOTSTRAP gives the coder 5-15 FILES_TO_OPEN, 10-20 SEARCH_TERMS and 3-8 RISK_MAP entries.",
            "seed 003 §5.5, §8")
        {
            AsksPacketEdit = true,
        };

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            foreach (var entry in context.Profile.Config.Counts.OrderBy(e => e.Key, System.StringComparer.Ordinal))
            {
                string key = KeyNormalizer.Normalize(entry.Key);
                var field = context.Profile.FieldOf(context.Packet, key);
                if (field == null) continue;
                int count = Count(field, context.Packet.Document.Text);
                if (count < entry.Value.Min || count > entry.Value.Max)
                    context.Report(field.KeySpan, key, count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        entry.Value.Min.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.Value.Max.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        /// <summary>The parts of a one-line value that is an entry (<see cref="Model.PacketField.ValueIsEntry"/>) plus the list items; else the lines of a code block below the field.</summary>
        internal static int Count(PacketField field, string text)
        {
            int inline = field.ValueIsEntry ? field.Value.Split(',', ';').Count(p => p.Trim().Length > 0) : 0;
            if (field.Items.Count > 0 || inline > 0) return field.Items.Count + inline;
            int count = 0;
            foreach (var (start, end) in field.CodeBlocks)
            {
                foreach (var line in text.Substring(start, System.Math.Min(end, text.Length) - start).Split('\n'))
                {
                    string t = line.Trim();
                    if (t.Length > 0 && !t.StartsWith("```", System.StringComparison.Ordinal) && !t.StartsWith("~~~", System.StringComparison.Ordinal) && !t.StartsWith("#", System.StringComparison.Ordinal)) count++;
                }
            }

            return count;
        }
    }
}
