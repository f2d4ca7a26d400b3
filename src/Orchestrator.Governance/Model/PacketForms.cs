using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Orchestrator.Governance.Model
{
    /// <summary>
    /// One packet kept in two forms: as data (JSON or YAML) and as Markdown (a projection generated
    /// from it), in the same folder with the same ID. <see cref="Authoritative"/> is the form the
    /// rules read (taskPacket.authoritative); <see cref="Other"/> is not checked twice, only
    /// compared (GOV113).
    /// </summary>
    public sealed class PacketForms
    {
        private static readonly Regex AnchorToken = new Regex(@"§\s*(?<n>[A-Z]?\d+(?:\.\d+)*)|\b(?<id>[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)+)\b", RegexOptions.CultureInvariant, TaskPacketProfile.RegexTimeout);

        private PacketForms(TaskPacket authoritative, TaskPacket other)
        {
            Authoritative = authoritative;
            Other = other;
        }

        /// <summary>The form the rules read.</summary>
        public TaskPacket Authoritative { get; }

        /// <summary>The other form.</summary>
        public TaskPacket Other { get; }

        /// <summary>The Markdown form of the two.</summary>
        public TaskPacket Markdown => Authoritative.IsData ? Other : Authoritative;

        /// <summary>The data form of the two.</summary>
        public TaskPacket Data => Authoritative.IsData ? Authoritative : Other;

        /// <summary>
        /// The packets that exist in both forms: one data and one Markdown packet in the same folder
        /// with the same ID (<see cref="TaskPacket.FileStem"/>), in path order.
        /// <paramref name="authoritative"/> is "data" or "markdown".
        /// </summary>
        public static IReadOnlyList<PacketForms> Pair(IReadOnlyList<TaskPacket> packets, string authoritative)
        {
            bool dataWins = !string.Equals(authoritative, "markdown", StringComparison.OrdinalIgnoreCase);
            var pairs = new List<PacketForms>();
            foreach (var group in packets.GroupBy(p => Folder(p.Path) + "\u0000" + p.FileStem, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var data = group.Where(p => p.IsData).ToList();
                var markdown = group.Where(p => !p.IsData).ToList();
                if (data.Count != 1 || markdown.Count != 1) continue;
                pairs.Add(dataWins ? new PacketForms(data[0], markdown[0]) : new PacketForms(markdown[0], data[0]));
            }

            return pairs;
        }

        /// <summary>
        /// The fields on which the forms disagree: STATUS, the signature, the anchors and the scope,
        /// each with the Markdown's field (null when the Markdown lacks it) and both values as shown.
        /// </summary>
        public IReadOnlyList<(string Field, PacketField? MarkdownField, string MarkdownValue, string DataValue)> Disagreements(TaskPacketProfile profile)
        {
            var found = new List<(string, PacketField?, string, string)>();
            void Compare(string key, Func<TaskPacket, PacketField?> find, Func<PacketField?, string> show, Func<PacketField?, string> comparable)
            {
                var md = find(Markdown);
                var data = find(Data);
                if (md == null && data == null) return;
                if (comparable(md) == comparable(data)) return;
                found.Add((key, md, show(md), show(data)));
            }

            PacketField? Field(TaskPacket p, string key) => p.FindFieldAnywhere(key, profile.AliasesOf(key));
            Compare("STATUS", p => Field(p, "STATUS"), f => f?.Value.Trim() ?? "(none)", f => Squeeze(f?.Value));
            Compare("USER_SIGNATURE", p => Locks.PacketLock.Signature(p, profile) ?? Field(p, TaskPacketProfile.SignatureField),
                f => f == null ? "(none)" : f.Value.Trim().Trim('`', '*').Trim(), f => f == null ? string.Empty : f.Value.Trim().Trim('`', '*').Trim());
            Compare("SPEC_ANCHOR", p => Field(p, "SPEC_ANCHOR"), f => Show(Anchors(f)), f => string.Join(",", Anchors(f)));
            Compare("IN_SCOPE_PATHS", p => Field(p, "IN_SCOPE_PATHS"), f => Show(Paths(f)), f => string.Join(",", Paths(f)));
            return found;
        }

        private static string Folder(string path) => path.Substring(0, Math.Max(0, path.LastIndexOf('/')));

        /// <summary>A STATUS compared ignoring case, spaces, hyphens, underscores and symbols.</summary>
        private static string Squeeze(string? value) =>
            value == null ? string.Empty : new string(value.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();

        private static string Show(IReadOnlyList<string> values) => values.Count == 0 ? "(none)" : string.Join(", ", values);

        /// <summary>Section numbers (§2.3.12) and requirement IDs named in the field, sorted.</summary>
        private static IReadOnlyList<string> Anchors(PacketField? field)
        {
            if (field == null) return Array.Empty<string>();
            var set = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var entry in new[] { field.Value }.Concat(field.Items.Select(i => i.Text)))
            {
                foreach (Match m in AnchorToken.Matches(entry))
                    set.Add(m.Groups["n"].Success ? "§" + m.Groups["n"].Value : m.Groups["id"].Value);
            }

            return set.ToList();
        }

        /// <summary>The paths an IN_SCOPE_PATHS field lists (each entry's first word, without backticks), sorted.</summary>
        private static IReadOnlyList<string> Paths(PacketField? field)
        {
            if (field == null) return Array.Empty<string>();
            var set = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var entry in field.Entries)
            {
                foreach (var part in entry.Text.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    string first = part.Trim().Split(' ', '\t')[0].Trim('`');
                    if (first.Length > 0) set.Add(first);
                }
            }

            return set.ToList();
        }
    }
}
