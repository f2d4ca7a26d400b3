using System;
using System.Globalization;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Model;

namespace Orchestrator.Governance.Rules.TaskPackets
{
    /// <summary>
    /// GOV115: a required field of the template (seed 003 §5.1, §8) is present but empty: no value
    /// after its key, no list item, code block or text under it. A list that stands beside the
    /// field instead of under it (items de-indented to the field's own level) is not read as its
    /// content, and the message says where it stands. Packets kept as data are left to GOV104.
    /// </summary>
    public sealed class GOV115RequiredFieldEmpty : TaskPacketRule
    {
        /// <summary>GOV115: a required field has no content.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV115", "Required fields must not be empty",
            "{0} is empty: nothing stands after it or under it{1}",
            "Governance.TaskPacket", GovernanceSeverity.Error,
            "A field of the protocol's template that is written but holds nothing is as missing as one that is not written: a DONE_MEANS with no item maps nothing and closes nothing.",
            "seed 003 §5.1, §8")
        { AsksPacketEdit = true,
            // {1}: where a list beside the field stands (guidance, not the finding).
            LocationArguments = new[] { 1 },
        };

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var packet = context.Packet;
            if (packet.IsData) return;
            foreach (var section in context.Profile.Sections)
            {
                foreach (var key in section.Fields)
                {
                    var field = packet.FindFieldAnywhere(key, context.Profile.AliasesOf(key));
                    if (field == null || !IsEmpty(field, packet.Document.Text)) continue;
                    // The field written again with content (an empty "## Executive Summary" heading, then "- **What**: ..."): not empty.
                    var names = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal) { key };
                    foreach (var alias in context.Profile.AliasesOf(key)) names.Add(KeyNormalizer.Normalize(alias));
                    if (System.Linq.Enumerable.Any(packet.Fields, f => names.Contains(f.Key) && !IsEmpty(f, packet.Document.Text))) continue;
                    context.Report(field.KeySpan, field.Key, ListBeside(field, packet));
                }
            }
        }

        /// <summary>Whether the field has no value, no items, no code and no text under it.</summary>
        internal static bool IsEmpty(PacketField field, string text)
        {
            if (field.Value.Trim().Trim('*', '_').Trim().Length > 0 || field.Items.Count > 0 || field.CodeBlocks.Count > 0) return false;
            int end = Math.Min(field.ContentEnd, text.Length);
            for (int i = Math.Max(0, field.ContentStart); i < end; i++)
            {
                char c = text[i];
                if (!char.IsWhiteSpace(c) && c != '*' && c != '_' && c != ':') return false;
            }

            return true;
        }

        /// <summary>"; the list at line N stands beside it, not under it: indent its items" when the next non-blank line is a list item no deeper than the field's own line.</summary>
        private static string ListBeside(PacketField field, TaskPacket packet)
        {
            var document = packet.Document;
            int keyLine = field.KeySpan.StartLine;
            string own = document.GetLineText(keyLine);
            int ownIndent = Indent(own);
            bool ownIsItem = IsListItem(own.TrimStart());
            for (int line = keyLine + 1; line <= document.Lines.LineCount; line++)
            {
                string text = document.GetLineText(line);
                if (text.Trim().Length == 0) continue;
                string trimmed = text.TrimStart();
                if (!IsListItem(trimmed)) return string.Empty;
                bool beside = ownIsItem ? Indent(text) <= ownIndent : Indent(text) == 0 && !trimmed.StartsWith("#", StringComparison.Ordinal);
                // A list item that is itself a field (- **ROLLBACK_HINT**: ...) is the next field, not a list beside this one.
                if (!beside || System.Linq.Enumerable.Any(packet.Fields, f => f.KeySpan.StartLine == line)) return string.Empty;
                return string.Format(CultureInfo.InvariantCulture, "; the list at line {0} stands beside it, not under it: indent its items", line);
            }

            return string.Empty;
        }

        private static int Indent(string line)
        {
            int n = 0;
            while (n < line.Length && (line[n] == ' ' || line[n] == '\t')) n++;
            return n;
        }

        private static bool IsListItem(string trimmed) =>
            trimmed.Length > 1 && ((trimmed[0] == '-' || trimmed[0] == '*' || trimmed[0] == '+') && trimmed[1] == ' '
                || char.IsDigit(trimmed[0]) && trimmed.IndexOf(". ", StringComparison.Ordinal) is int dot && dot > 0 && dot < 4);
    }
}
