using System.Linq;
using System.Text;
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
    public sealed class AllowedValueRule : TaskPacketRule
    {
        /// <inheritdoc />
        public override RuleDescriptor Descriptor => RuleCatalog.FieldValueNotAllowed;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            foreach (var entry in context.Profile.Config.AllowedValues.OrderBy(e => e.Key, System.StringComparer.Ordinal))
            {
                string key = KeyNormalizer.Normalize(entry.Key);
                var field = context.Packet.FindField(key, context.Profile.AliasesOf(key));
                if (field == null || field.Value.Length == 0) continue;
                string value = PacketFacts.Comparable(field.Value);
                if (value.Length == 0) continue;
                if (!entry.Value.Any(allowed => PacketFacts.Comparable(allowed) == value))
                    context.Report(field.ValueSpan, key, field.Value, string.Join(", ", entry.Value));
            }
        }
    }
}
