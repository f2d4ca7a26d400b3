using System;
using System.Linq;
using Orchestrator.Governance.Model;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.TaskPackets
{
    /// <summary>
    /// GOV112: TEST_PLAN gives at least one runnable command (seed 003 §5.1 "{Exact bash commands}").
    /// A line of the field's content is a command when it stands in a code block and is not a
    /// comment or fence, or when its first word (after list markers, "$" and backticks) is one of
    /// taskPacket.commandWords, or it starts with "./".
    /// </summary>
    public sealed class GOV112TestPlanWithoutCommand : TaskPacketRule
    {
        /// <summary>GOV112: TEST_PLAN without a runnable command.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV112", "TEST_PLAN must give runnable commands",
            "TEST_PLAN has no runnable command (found: '{0}'); give the exact commands, e.g. in a ```bash block",
            "Governance.TaskPacket", GovernanceSeverity.Error,
            "TEST_PLAN lists the exact commands the coder must run; prose alone cannot be run or checked.",
            "seed 003 §5.1, §8")
        {
            AsksPacketEdit = true,
        };

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var field = context.Profile.FieldOf(context.Packet, "TEST_PLAN");
            if (field == null) return;
            if (context.Packet.IsData)
            {
                // A packet kept as data: each value of the field is one line of the plan.
                var entries = field.Entries;
                if (entries.Any(e => IsCommand(e.Text, false, context.Profile))) return;
                string shown = entries.Count == 0 ? "(empty)" : entries[0].Text.Trim();
                context.Report(field.KeySpan, shown.Length > 60 ? shown.Substring(0, 57) + "..." : shown);
                return;
            }

            string text = context.Packet.Document.Text;
            string? firstLine = null;
            int pos = field.ContentStart;
            int end = Math.Min(field.ContentEnd, text.Length);
            while (pos < end)
            {
                int lineEnd = pos;
                while (lineEnd < end && text[lineEnd] != '\r' && text[lineEnd] != '\n') lineEnd++;
                string line = text.Substring(pos, lineEnd - pos);
                int first = pos;
                while (first < lineEnd && (text[first] == ' ' || text[first] == '\t')) first++;
                if (IsCommand(line, InCode(field, first), context.Profile)) return;
                string trimmed = line.Trim();
                if (firstLine == null && trimmed.Length > 0) firstLine = trimmed;
                pos = lineEnd + 1;
            }

            string found = firstLine ?? "(empty)";
            if (found.Length > 60) found = found.Substring(0, 57) + "...";
            context.Report(field.KeySpan, found);
        }

        private static bool InCode(PacketField field, int offset)
        {
            foreach (var (start, end) in field.CodeBlocks)
            {
                if (offset >= start && offset < end) return true;
            }

            return false;
        }

        internal static bool IsCommand(string line, bool inCode, TaskPacketProfile profile)
        {
            string s = line.Trim();
            if (inCode)
            {
                if (s.Length == 0 || s.StartsWith("```", StringComparison.Ordinal) || s.StartsWith("~~~", StringComparison.Ordinal) || s.StartsWith("#", StringComparison.Ordinal) || s.StartsWith("//", StringComparison.Ordinal)) return false;
                return true;
            }

            s = s.TrimStart('-', '*', '+', '>', ' ', '\t', '`');
            if (s.StartsWith("$ ", StringComparison.Ordinal)) s = s.Substring(2).TrimStart();
            if (s.StartsWith("./", StringComparison.Ordinal)) return true;
            int space = s.IndexOfAny(new[] { ' ', '\t', '`' });
            string word = space < 0 ? s : s.Substring(0, space);
            return word.Length > 0 && profile.CommandWords.Contains(word);
        }
    }
}
