using System.Linq;
using Orchestrator.Governance.Model;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.TaskPackets
{
    /// <summary>
    /// GOV107: fields with a fixed vocabulary (STATUS, RISK_TIER; seed 003 §5.1, §6.2) hold one of
    /// the allowed values. Case, spaces, hyphens, underscores, emphasis and emoji do not matter, nor
    /// does a trailing qualifier: "READY FOR DEV 🔴", "Done [VALIDATED]" and "In-Progress (revalidation
    /// required)" are allowed; "LOW | MEDIUM | HIGH" (the unfilled template) is not.
    /// </summary>
    public sealed class GOV107FieldValueNotAllowed : TaskPacketRule
    {
        /// <summary>GOV107: STATUS / RISK_TIER value not allowed.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV107", "Field value must be one of the allowed values",
            "{0} '{1}' is not an allowed value (allowed: {2})",
            "Governance.TaskPacket", GovernanceSeverity.Error,
            "STATUS and RISK_TIER take values from a fixed vocabulary so that boards and gates can read them. Case, spaces, hyphens and a trailing qualifier such as '(VALIDATED)' do not matter.",
            "seed 003 §5.1, §6.2")
        {
            AsksPacketEdit = true,
        };

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            foreach (var entry in context.Profile.Config.AllowedValues.OrderBy(e => e.Key, System.StringComparer.Ordinal))
            {
                string key = KeyNormalizer.Normalize(entry.Key);
                var field = context.Profile.FieldOf(context.Packet, key);
                if (field == null || field.Value.Length == 0) continue;
                string value = PacketFacts.Comparable(field.Value);
                if (value.Length == 0) continue;
                if (entry.Value.Any(allowed => PacketFacts.Comparable(allowed) == value)) continue;
                string allowedList = string.Join(", ", entry.Value);
                string? closest = Closest(value, entry.Value);
                if (closest == null) context.Report(field.ValueSpan, key, field.Value, allowedList);
                else context.Report(field.ValueSpan, new GovernanceFix($"Set {key} to '{closest}'", new[] { new TextEdit(context.Packet.Path, field.ValueSpan.Start, field.ValueSpan.Length, closest) }), key, field.Value, allowedList);
            }
        }

        /// <summary>
        /// The one allowed value <paramref name="comparable"/> is a misspelling of: the nearest by edit
        /// distance of their comparable forms, at most a third of the allowed value's length away (at
        /// least 1), and nearer than any other; null when there is none ("Almost done" is no STATUS).
        /// </summary>
        private static string? Closest(string comparable, System.Collections.Generic.IEnumerable<string> allowed)
        {
            string? best = null;
            int bestDistance = int.MaxValue;
            bool tie = false;
            foreach (var candidate in allowed)
            {
                string c = PacketFacts.Comparable(candidate);
                int distance = Text.EditDistance.Between(comparable, c);
                if (distance > System.Math.Max(1, c.Length / 3)) continue;
                if (distance < bestDistance)
                {
                    best = candidate;
                    bestDistance = distance;
                    tie = false;
                }
                else if (distance == bestDistance)
                {
                    tie = true;
                }
            }

            return tie ? null : best;
        }
    }
}
