using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Hosting
{
    /// <summary>
    /// What the hosts that write fixes (<c>governance fix</c>, the MCP server's apply_fix) do with the fixes the engine computed: choose one a diagnostic,
    /// keep the edits of a file from overlapping, apply them, and show them as a unified diff.
    /// </summary>
    internal static class FixApplier
    {
        /// <summary>
        /// The fix to apply for each diagnostic (in their order): its rule's first fix (one not applied by
        /// default only when <paramref name="rule"/> names the rule), else, with
        /// <paramref name="suppress"/>, "suppress on this line"; only diagnostics of <paramref name="rule"/>
        /// when one is given. A fix whose edits overlap an edit already chosen is left out whole.
        /// </summary>
        public static List<GovernanceFix> Choose(IEnumerable<GovernanceDiagnostic> diagnostics, string? rule, bool suppress)
        {
            var chosen = new List<GovernanceFix>();
            var taken = new Dictionary<string, List<TextEdit>>(StringComparer.Ordinal);
            var comments = new Dictionary<(string, int), int>();
            foreach (var d in diagnostics)
            {
                if (rule != null && !string.Equals(d.Id, rule, StringComparison.OrdinalIgnoreCase)) continue;
                var fix = d.Fixes.FirstOrDefault(f => !f.IsSuppression && (f.AppliedByDefault || rule != null))
                    ?? (suppress ? d.Fixes.FirstOrDefault(f => f.IsSuppression) : null);
                if (fix == null || fix.Edits.Count == 0) continue;

                // Diagnostics of several rules on one line: one comment naming them all.
                if (fix.IsSuppression && fix.Edits.Count == 1 && comments.TryGetValue((fix.Edits[0].Path, fix.Edits[0].Start), out int at))
                {
                    var earlier = chosen[at].Edits[0];
                    if (!earlier.NewText.Contains(" " + d.Id + " "))
                    {
                        var merged = new TextEdit(earlier.Path, earlier.Start, 0, earlier.NewText.Replace(" -->", " " + d.Id + " -->"));
                        chosen[at] = new GovernanceFix(chosen[at].Title.Replace(" on this line", ", " + d.Id + " on this line"), new[] { merged }, isSuppression: true);
                        var list = taken[earlier.Path];
                        list[list.IndexOf(earlier)] = merged;
                    }

                    continue;
                }

                bool clash = fix.Edits.Any(e => taken.TryGetValue(e.Path, out var edits) && edits.Any(o => Overlap(o, e)));
                if (clash) continue;
                foreach (var e in fix.Edits)
                {
                    if (!taken.TryGetValue(e.Path, out var edits)) taken[e.Path] = edits = new List<TextEdit>();
                    edits.Add(e);
                }

                if (fix.IsSuppression && fix.Edits.Count == 1) comments[(fix.Edits[0].Path, fix.Edits[0].Start)] = chosen.Count;
                chosen.Add(fix);
            }

            return chosen;
        }

        /// <summary>Two edits touch the same text, or insert at the same place.</summary>
        private static bool Overlap(TextEdit a, TextEdit b) =>
            a.Start == b.Start || (a.Start < b.End && b.Start < a.End);

        /// <summary><paramref name="text"/> with <paramref name="edits"/> (not overlapping) applied.</summary>
        public static string Apply(string text, IEnumerable<TextEdit> edits)
        {
            var sb = new StringBuilder(text);
            foreach (var e in edits.OrderByDescending(e => e.Start))
            {
                if (e.End > sb.Length) throw new ArgumentOutOfRangeException(nameof(edits), $"an edit of {e.Path} ends at {e.End}, past its {sb.Length} characters");
                sb.Remove(e.Start, e.Length);
                sb.Insert(e.Start, e.NewText);
            }

            return sb.ToString();
        }

        /// <summary>
        /// A unified diff (<c>--- a/path</c>, <c>+++ b/path</c>, hunks with three lines of context) of
        /// <paramref name="edits"/> on <paramref name="text"/>, built from the edits themselves, so a
        /// 2.7 MB spec costs what its edits touch.
        /// </summary>
        public static string UnifiedDiff(string path, string text, IReadOnlyList<TextEdit> edits)
        {
            var starts = new List<int> { 0 };
            for (int i = 0; i < text.Length; i++) if (text[i] == '\n' && i + 1 <= text.Length) starts.Add(i + 1);
            if (starts[starts.Count - 1] == text.Length && starts.Count > 1) starts.RemoveAt(starts.Count - 1);
            int LineOf(int offset)
            {
                int index = starts.BinarySearch(offset);
                return index >= 0 ? index : ~index - 1;
            }

            int LineEnd(int line) => line + 1 < starts.Count ? starts[line + 1] : text.Length;
            string[] Lines(string s) => s.Length == 0 ? new string[0] : s.TrimEnd('\n').Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

            // Regions: whole lines the edits touch, merged when they share a line.
            var regions = new List<(int First, int Last, List<TextEdit> Edits)>();
            foreach (var e in edits.OrderBy(e => e.Start))
            {
                int first = LineOf(e.Start), last = LineOf(Math.Max(e.Start, e.End - 1));
                if (regions.Count > 0 && first <= regions[regions.Count - 1].Last)
                {
                    var r = regions[regions.Count - 1];
                    r.Edits.Add(e);
                    regions[regions.Count - 1] = (r.First, Math.Max(r.Last, last), r.Edits);
                }
                else
                {
                    regions.Add((first, last, new List<TextEdit> { e }));
                }
            }

            var oldLines = Lines(text);
            var sb = new StringBuilder();
            sb.Append("--- a/").Append(path).Append('\n').Append("+++ b/").Append(path).Append('\n');
            int delta = 0;
            for (int i = 0; i < regions.Count;)
            {
                // A hunk: regions whose context overlaps.
                int j = i;
                while (j + 1 < regions.Count && regions[j + 1].First - 3 <= regions[j].Last + 3 + 1) j++;
                int from = Math.Max(0, regions[i].First - 3), to = Math.Min(oldLines.Length - 1, regions[j].Last + 3);
                var body = new StringBuilder();
                int oldCount = 0, newCount = 0, line = from;
                for (int k = i; k <= j; k++)
                {
                    var (first, last, regionEdits) = regions[k];
                    for (; line < first; line++, oldCount++, newCount++) body.Append(' ').Append(oldLines[line]).Append('\n');
                    int start = starts[first], end = LineEnd(last);
                    string before = text.Substring(start, end - start);
                    string after = Apply(before, regionEdits.Select(e => new TextEdit(e.Path, e.Start - start, e.Length, e.NewText)));
                    foreach (var l in Lines(before)) { body.Append('-').Append(l).Append('\n'); oldCount++; }
                    foreach (var l in Lines(after)) { body.Append('+').Append(l).Append('\n'); newCount++; }
                    line = last + 1;
                }

                for (; line <= to; line++, oldCount++, newCount++) body.Append(' ').Append(oldLines[line]).Append('\n');
                sb.Append("@@ -").Append(from + 1).Append(',').Append(oldCount).Append(" +").Append(from + 1 + delta).Append(',').Append(newCount).Append(" @@\n").Append(body);
                delta += newCount - oldCount;
                i = j + 1;
            }

            return sb.ToString();
        }
    }
}
