using System.Linq;
using System.Text;
using Orchestrator.Governance.Model;

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
                string value = Comparable(field.Value);
                if (value.Length == 0) continue;
                if (!entry.Value.Any(allowed => Comparable(allowed) == value))
                    context.Report(field.ValueSpan, key, field.Value, string.Join(", ", entry.Value));
            }
        }

        /// <summary>Upper-case letters and digits of the value before any "(" or "[" qualifier.</summary>
        internal static string Comparable(string value)
        {
            int cut = value.IndexOfAny(new[] { '(', '[' });
            if (cut > 0) value = value.Substring(0, cut);
            var sb = new StringBuilder(value.Length);
            foreach (char c in value)
            {
                if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) sb.Append(c);
                else if (c >= 'a' && c <= 'z') sb.Append(char.ToUpperInvariant(c));
                else if (c == '|' || c == '/') sb.Append('|');
            }

            return sb.ToString();
        }
    }
}
