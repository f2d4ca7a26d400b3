using System;
using System.Linq;
using Orchestrator.Governance.Model;

namespace Orchestrator.Governance.Rules.TaskPackets
{
    /// <summary>Facts several task packet rules read the same way.</summary>
    internal static class PacketFacts
    {
        /// <summary>The TASK_ID field, or null.</summary>
        public static PacketField? TaskIdField(TaskPacket packet, TaskPacketProfile profile) =>
            packet.FindField("TASK_ID", profile.AliasesOf("TASK_ID"));

        /// <summary>
        /// The ID a TASK_ID value declares: its first word, without brackets or backticks
        /// ("WP-1-Foo (revision)" declares WP-1-Foo); null for an empty value or a template placeholder.
        /// </summary>
        public static string? DeclaredId(PacketField field)
        {
            string value = field.Value.Trim().Trim('`', '[', ']', '*');
            if (value.Length == 0 || value.IndexOf('{') >= 0 || value.IndexOf('<') >= 0) return null;
            int space = value.IndexOfAny(new[] { ' ', '\t' });
            return (space < 0 ? value : value.Substring(0, space)).Trim('`', '[', ']', '*', ',', ';', '.');
        }

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
