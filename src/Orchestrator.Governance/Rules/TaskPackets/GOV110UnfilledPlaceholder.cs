using System.Text.RegularExpressions;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.TaskPackets
{
    /// <summary>
    /// GOV110: no template slot is left unfilled (seed 003 §4 Step 2.3 "fill placeholders"). The
    /// taskPacket.placeholders patterns are matched against the slots a template has: every field
    /// value, every list entry below a field, and the title. Prose, code spans and code blocks are
    /// not searched: there, braces are usually code or paths, and "TBD" is usually talked about.
    /// Report and log sections (taskPacket.ignoredSections) are not searched either.
    /// </summary>
    public sealed class GOV110UnfilledPlaceholder : TaskPacketRule
    {
        /// <summary>GOV110: an unfilled template placeholder.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV110", "Template placeholders must be filled",
            "Unfilled template placeholder '{0}'",
            "Governance.TaskPacket", GovernanceSeverity.Error,
            "A packet copied from the template still holds a placeholder such as {Specific criterion 1}, {{WP_ID}} or TBD. Code spans and fenced code are not checked.",
            "seed 003 §4 Step 2.3 (fill placeholders)")
        {
            AsksPacketEdit = true,
        };

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var packet = context.Packet;
            if (packet.Title != null)
            {
                string heading = packet.Title.Heading;
                int colon = heading.IndexOf(':');
                int offset = colon < 0 ? 0 : colon + 1;
                while (offset < heading.Length && heading[offset] == ' ') offset++;
                Check(context, heading.Substring(offset), packet.Title.HeadingSpan.Start + offset);
            }

            foreach (var field in packet.Fields)
            {
                if (field.Section != null && field.Section.IsIgnored) continue;
                Check(context, field.Value, field.ValueSpan.Start);
                foreach (var item in field.Items) Check(context, item.Text, item.Span.Start);
            }
        }

        private static void Check(RuleContext context, string value, int start)
        {
            if (value.Length == 0) return;
            foreach (var pattern in context.Profile.Placeholders)
            {
                // IsMatch allocates nothing; almost every value has no placeholder. A configured
                // pattern that times out (250 ms) is this rule's failure at this packet (GOV003, an
                // error), never a silent pass: the rule stops at the first timeout.
                if (!pattern.IsMatch(value)) continue;
                foreach (Match m in pattern.Matches(value))
                {
                    if (m.Length > 0) context.Report(context.Packet.Document.Span(start + m.Index, m.Length), m.Value);
                }
            }
        }
    }
}
