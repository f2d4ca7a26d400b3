using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Orchestrator.Governance.Model.Change
{
    /// <summary>
    /// What one change did to a task packet: its STATUS at the base revision and now, and the
    /// promises it weakened: DONE_MEANS items removed or reworded, IN_SCOPE_PATHS entries added,
    /// SPEC_ANCHOR entries dropped (seed 003 Part 1: a locked packet is not edited to fit the
    /// work; GOV802, GOV804).
    /// </summary>
    public sealed class PacketChange
    {
        private PacketChange(PacketField? statusBefore, PacketField? statusNow)
        {
            StatusBefore = statusBefore;
            StatusNow = statusNow;
        }

        /// <summary>The STATUS field at the base revision, or null when the packet had none.</summary>
        public PacketField? StatusBefore { get; }

        /// <summary>The STATUS field now (its value span is where the change rules report), or null.</summary>
        public PacketField? StatusNow { get; }

        /// <summary>
        /// True when STATUS has a value at both revisions and the two differ as GOV107 compares
        /// values (ignoring case, spaces, hyphens, underscores and a trailing "(...)").
        /// </summary>
        public bool StatusMoved =>
            StatusBefore != null && StatusNow != null &&
            PacketFacts.Comparable(StatusBefore.Value).Length > 0 && PacketFacts.Comparable(StatusNow.Value).Length > 0 &&
            PacketFacts.Comparable(StatusBefore.Value) != PacketFacts.Comparable(StatusNow.Value);

        /// <summary>DONE_MEANS items of the base revision that no item now keeps (first line, as written).</summary>
        public List<string> DoneMeansRemoved { get; } = new List<string>();

        /// <summary>DONE_MEANS items of the base revision written differently now: (as it was, as it is), paired in order.</summary>
        public List<(string Before, string Now)> DoneMeansReworded { get; } = new List<(string, string)>();

        /// <summary>IN_SCOPE_PATHS entries (files, folders, globs; as written) the base revision did not list.</summary>
        public List<string> ScopeAdded { get; } = new List<string>();

        /// <summary>SPEC_ANCHOR entries of the base revision the packet no longer lists (as written).</summary>
        public List<string> AnchorsDropped { get; } = new List<string>();

        /// <summary>Whether the change weakened any promise (<see cref="DoneMeansRemoved"/>, <see cref="DoneMeansReworded"/>, <see cref="ScopeAdded"/>, <see cref="AnchorsDropped"/>).</summary>
        public bool Weakens => DoneMeansRemoved.Count + DoneMeansReworded.Count + ScopeAdded.Count + AnchorsDropped.Count > 0;

        /// <summary>
        /// Compares <paramref name="before"/> (the base revision's packet) with
        /// <paramref name="now"/>. A DONE_MEANS item is kept when an item now starts with its text
        /// (compared with white space collapsed and a task-list box "[ ]"/"[x]" left out: ticking
        /// an item or adding its evidence after it does not weaken it), unless what follows starts
        /// with a word that narrows it (except, unless, only, but, without, if, ...); the items not kept are
        /// paired in order with the items now that are new, as rewordings, and the rest are
        /// removals. IN_SCOPE_PATHS entries are compared by the path they name
        /// (<paramref name="scopeBefore"/>, <paramref name="scopeNow"/>: the entries as
        /// <see cref="Scope.ScopeFacts.InScope"/> reads them); prose entries own nothing.
        /// </summary>
        public static PacketChange Compare(TaskPacket before, TaskPacket now, TaskPacketProfile profile, IReadOnlyList<Scope.ScopeEntry> scopeBefore, IReadOnlyList<Scope.ScopeEntry> scopeNow)
        {
            var change = new PacketChange(profile.FieldOf(before, "STATUS"), profile.FieldOf(now, "STATUS"));

            var itemsBefore = Entries(profile.FieldOf(before, "DONE_MEANS"));
            var itemsNow = Entries(profile.FieldOf(now, "DONE_MEANS"));
            var lost = itemsBefore.Where(b => !itemsNow.Any(n => Keeps(n.Key, b.Key))).ToList();
            var gained = itemsNow.Where(n => !itemsBefore.Any(b => Keeps(n.Key, b.Key))).ToList();
            for (int i = 0; i < lost.Count; i++)
            {
                if (i < gained.Count) change.DoneMeansReworded.Add((lost[i].Text, gained[i].Text));
                else change.DoneMeansRemoved.Add(lost[i].Text);
            }

            var pathsBefore = new HashSet<string>(Owned(scopeBefore).Select(e => e.Path), StringComparer.Ordinal);
            change.ScopeAdded.AddRange(Owned(scopeNow).Where(e => !pathsBefore.Contains(e.Path)).Select(e => e.Written));

            var anchorsNow = new HashSet<string>(Entries(profile.FieldOf(now, "SPEC_ANCHOR")).Select(e => e.Key), StringComparer.Ordinal);
            change.AnchorsDropped.AddRange(Entries(profile.FieldOf(before, "SPEC_ANCHOR")).Where(e => !anchorsNow.Contains(e.Key)).Select(e => e.Text));
            return change;
        }

        // Words that narrow what comes before them: "All tests pass except the Postgres stub" does not keep "All tests pass".
        private static readonly System.Text.RegularExpressions.Regex Narrowing = new System.Text.RegularExpressions.Regex(
            @"^[\s,;:.()\u2014\u2013-]*(?:except|excluding|unless|only|partially|partly|but|without|apart|other\s+than|save\s+for|if|when|once|where)\b",
            System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.IgnoreCase, TaskPacketProfile.RegexTimeout);

        /// <summary>Whether the item <paramref name="now"/> keeps the item <paramref name="before"/>: the same, or its text followed by evidence, not by a word that narrows it.</summary>
        private static bool Keeps(string now, string before) =>
            now.StartsWith(before, StringComparison.Ordinal) && (now.Length == before.Length || !Narrowing.IsMatch(now.Substring(before.Length)));

        private static IEnumerable<Scope.ScopeEntry> Owned(IReadOnlyList<Scope.ScopeEntry> entries) =>
            entries.Where(e => e.Path.Length > 0 && (e.Kind == Scope.ScopeEntryKind.File || e.Kind == Scope.ScopeEntryKind.Folder || e.Kind == Scope.ScopeEntryKind.Glob))
                .GroupBy(e => e.Path, StringComparer.Ordinal)
                .Select(g => g.First());

        private static List<(string Key, string Text)> Entries(PacketField? field)
        {
            var entries = new List<(string, string)>();
            if (field == null) return entries;
            foreach (var item in field.Entries)
            {
                string key = Key(item.Text);
                if (key.Length > 0) entries.Add((key, item.Text.Trim()));
            }

            return entries;
        }

        /// <summary>The item's text with white space collapsed and a leading task-list box ("[ ]", "[x]") left out.</summary>
        private static string Key(string text)
        {
            string t = text.Trim();
            if (t.Length >= 3 && t[0] == '[' && t[2] == ']' && (t[1] == ' ' || t[1] == 'x' || t[1] == 'X')) t = t.Substring(3).TrimStart();
            var key = new StringBuilder(t.Length);
            bool space = false;
            foreach (char c in t)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = true;
                    continue;
                }

                if (space && key.Length > 0) key.Append(' ');
                space = false;
                key.Append(c);
            }

            return key.ToString();
        }
    }
}
