using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Orchestrator.Governance.Model
{
    /// <summary>
    /// One packet kept in two forms: as data (JSON or YAML) and as Markdown (a projection generated
    /// from it), in the same folder with the same ID; or, while a project moves to a folder per
    /// packet, as a flat file (<c>task_packets/WP-1-Foo.md</c>) and as a folder
    /// (<c>task_packets/WP-1-Foo/packet.md</c>, maybe with <c>packet.json</c>).
    /// <see cref="Authoritative"/> is the form the rules read (taskPacket.authoritative: data or
    /// markdown between data and Markdown; the folder between two Markdown forms, unless it says
    /// flat); <see cref="Other"/> is not checked twice, only compared (GOV113).
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

        /// <summary>The form a disagreement is reported in: the Markdown of a data and Markdown pair (the text people read), else the form that is not authoritative.</summary>
        public TaskPacket Markdown => Authoritative.IsData ? Other : Other.IsData ? Authoritative : Other;

        /// <summary>The form it is compared with: the data of a data and Markdown pair, else the authoritative form.</summary>
        public TaskPacket Data => Authoritative.IsData ? Authoritative : Other.IsData ? Other : Authoritative;

        /// <summary>Which form the rules read, as GOV113 names it: "data", "markdown", "folder" or "flat".</summary>
        public string AuthoritativeKind => Authoritative.IsData ? "data" : !Other.IsData ? (Authoritative.NamedByFolder ? "folder" : "flat") : "markdown";

        /// <summary>
        /// The packets that exist in more than one form, in path order: data and Markdown in the same
        /// folder with the same ID (<see cref="TaskPacket.FileStem"/>), and a flat file beside a
        /// folder of the same ID (<c>WP-1-Foo.md</c> and <c>WP-1-Foo/packet.md</c>). One pair for each
        /// form that is not authoritative. <paramref name="authoritative"/> is "data" or "markdown"
        /// (between data and Markdown), or "flat" (the flat file over the folder's Markdown; else the
        /// folder's wins).
        /// </summary>
        public static IReadOnlyList<PacketForms> Pair(IReadOnlyList<TaskPacket> packets, string authoritative)
        {
            bool dataWins = !string.Equals(authoritative, "markdown", StringComparison.OrdinalIgnoreCase);
            bool flatWins = string.Equals(authoritative, "flat", StringComparison.OrdinalIgnoreCase);
            var pairs = new List<PacketForms>();
            foreach (var group in packets.GroupBy(p => Home(p) + "\u0000" + p.FileStem, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                if (group.Count() < 2) continue;
                var data = group.Where(p => p.IsData).ToList();
                var markdown = group.Where(p => !p.IsData).ToList();
                var flat = markdown.Where(p => !p.NamedByFolder).ToList();
                var folder = markdown.Where(p => p.NamedByFolder).ToList();
                if (data.Count > 1 || flat.Count > 1 || folder.Count > 1) continue;

                // Among the Markdown forms, one is read: the folder's, or the flat file's when taskPacket.authoritative says flat.
                TaskPacket? md = folder.Count == 1 && flat.Count == 1 ? (flatWins ? flat[0] : folder[0]) : markdown.Count == 1 ? markdown[0] : null;
                if (md == null) continue;
                var winner = data.Count == 1 && dataWins ? data[0] : md;
                foreach (var form in group.OrderBy(p => p.Path, StringComparer.Ordinal))
                {
                    if (!ReferenceEquals(form, winner)) pairs.Add(new PacketForms(winner, form));
                }
            }

            return pairs;
        }

        /// <summary>The folder a packet belongs to as a WP: its file's folder, or, for a folder per packet, the folder that holds that folder.</summary>
        private static string Home(TaskPacket packet)
        {
            string folder = Folder(packet.Path);
            return packet.NamedByFolder ? Folder(folder) : folder;
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
