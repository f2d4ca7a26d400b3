using System;
using System.Linq;
namespace Orchestrator.Governance.Model
{
    /// <summary>Facts about a task packet that rules, the board and the lock manifest read the same way.</summary>
    internal static class PacketFacts
    {
        /// <summary>
        /// A value as allowed values are compared: upper-case letters and digits before any "(" or "["
        /// qualifier, '|' and '/' kept as '|' ("Ready for Dev (blocked on X)" and "READY_FOR_DEV" compare equal).
        /// </summary>
        public static string Comparable(string value)
        {
            // Status values are few and compared again and again (the board against every packet): each is made comparable once.
            if (ComparableValues.TryGetValue(value, out var known)) return known;
            string comparable = MakeComparable(value);
            if (ComparableValues.Count < 4096) ComparableValues.TryAdd(value, comparable);
            return comparable;
        }

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> ComparableValues = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);

        private static string MakeComparable(string value) => Text.ComparableValue.Of(value);

        /// <summary>The TASK_ID field, or null.</summary>
        public static PacketField? TaskIdField(TaskPacket packet, TaskPacketProfile profile) =>
            profile.FieldOf(packet, "TASK_ID");

        /// <summary>
        /// The ID a TASK_ID value declares: its first word, without brackets or backticks
        /// ("WP-1-Foo (revision)" declares WP-1-Foo); null for an empty value or a template placeholder.
        /// </summary>
        public static string? DeclaredId(PacketField field)
        {
            string value = field.Value.Trim().Trim(IdMarks);
            if (value.Length == 0 || value.IndexOf('{') >= 0 || value.IndexOf('<') >= 0) return null;
            int space = value.IndexOfAny(Blanks);
            return (space < 0 ? value : value.Substring(0, space)).Trim(IdMarksAndPunctuation);
        }

        // The characters above, allocated once (a params array per call was a tenth of a language server's analysis).
        private static readonly char[] IdMarks = { '`', '[', ']', '*' };
        private static readonly char[] Blanks = { ' ', '\t' };
        private static readonly char[] IdMarksAndPunctuation = { '`', '[', ']', '*', ',', ';', '.' };

        /// <summary>
        /// Whether the packet has the section: by its heading or an alias, by one of its fields
        /// standing as a heading, or written inline as a field line named like the section
        /// ("**Authority:** Master Spec §2.3.12").
        /// </summary>
        public static bool HasSection(TaskPacket packet, TaskPacketProfile.SectionRule section) =>
            FindSection(packet, section) != null
            || packet.Fields.Any(f => f.Form == FieldForm.Heading && section.Fields.Contains(f.Key))
            || packet.Fields.Any(f => f.Form != FieldForm.Heading && f.Value.Length > 0 && section.Names.Contains(f.Key) && !(f.Section?.IsIgnored ?? false));

        /// <summary>The first heading of the section, or null.</summary>
        public static PacketSection? FindSection(TaskPacket packet, TaskPacketProfile.SectionRule section) =>
            packet.Sections.FirstOrDefault(s => section.Names.Contains(s.Key, StringComparer.Ordinal));
    }
}
