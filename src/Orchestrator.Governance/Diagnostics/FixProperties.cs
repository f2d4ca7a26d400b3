using System.Collections.Generic;
using System.Globalization;

namespace Orchestrator.Governance.Diagnostics
{
    /// <summary>
    /// A <see cref="GovernanceFix"/> carried in a Roslyn diagnostic's properties (string to
    /// string), so that a host's code fix applies the edits the engine computed, as given, and never
    /// computes its own: <c>Fix.Title</c>, <c>Fix.Count</c>, and for edit <c>i</c>
    /// <c>Fix.i.Start</c>, <c>Fix.i.Length</c> (UTF-16 code units, invariant decimal) and
    /// <c>Fix.i.NewText</c>. Only the first fix of a diagnostic that is not a suppression travels.
    /// </summary>
    public static class FixProperties
    {
        private const string Title = "Fix.Title";
        private const string Count = "Fix.Count";

        /// <summary>The properties that carry <paramref name="fix"/>.</summary>
        public static IEnumerable<KeyValuePair<string, string?>> From(GovernanceFix fix)
        {
            yield return new KeyValuePair<string, string?>(Title, fix.Title);
            yield return new KeyValuePair<string, string?>(Count, fix.Edits.Count.ToString(CultureInfo.InvariantCulture));
            for (int i = 0; i < fix.Edits.Count; i++)
            {
                var edit = fix.Edits[i];
                yield return new KeyValuePair<string, string?>(Key(i, "Start"), edit.Start.ToString(CultureInfo.InvariantCulture));
                yield return new KeyValuePair<string, string?>(Key(i, "Length"), edit.Length.ToString(CultureInfo.InvariantCulture));
                yield return new KeyValuePair<string, string?>(Key(i, "NewText"), edit.NewText);
            }
        }

        /// <summary>
        /// The fix <paramref name="properties"/> carry, its edits in <paramref name="path"/>; null
        /// when they carry none, or carry one that is malformed or falls outside a text of
        /// <paramref name="textLength"/> characters (a stale diagnostic).
        /// </summary>
        public static GovernanceFix? Read(IReadOnlyDictionary<string, string?> properties, string path, int textLength)
        {
            if (!properties.TryGetValue(Title, out var title) || title == null) return null;
            if (!properties.TryGetValue(Count, out var countText) || !int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < 1 || count > 1000) return null;
            var edits = new List<TextEdit>(count);
            for (int i = 0; i < count; i++)
            {
                if (!properties.TryGetValue(Key(i, "Start"), out var startText) || !int.TryParse(startText, NumberStyles.None, CultureInfo.InvariantCulture, out int start)) return null;
                if (!properties.TryGetValue(Key(i, "Length"), out var lengthText) || !int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out int length)) return null;
                if (!properties.TryGetValue(Key(i, "NewText"), out var newText) || newText == null) return null;
                if ((long)start + length > textLength) return null;
                edits.Add(new TextEdit(path, start, length, newText));
            }

            return new GovernanceFix(title, edits);
        }

        private static string Key(int index, string part) => "Fix." + index.ToString(CultureInfo.InvariantCulture) + "." + part;
    }
}
