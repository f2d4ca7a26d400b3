using System;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Engine
{
    /// <summary>
    /// The "suppress on this line" fix every diagnostic in a Markdown document gets: the comment
    /// <c>&lt;!-- governance-disable-next-line GOVnnn --&gt;</c> inserted on a line of its own before the
    /// diagnostic's line, with that line's indentation (so a list item stays in its list), in the
    /// document's line ends (docs/suppressions.md). None inside a code block or YAML front matter,
    /// where a comment would be text: the parser says which lines those are
    /// (<see cref="Suppressions.InlineSuppressions.IsCode"/>), read with the document's suppressions.
    /// </summary>
    internal static class SuppressionFixes
    {
        /// <summary>
        /// The fix for <paramref name="diagnostic"/> in <paramref name="text"/> (the file's text), or
        /// null where a comment cannot stand: <paramref name="lineRead"/>, the diagnostic's line in
        /// the document <paramref name="read"/> was read from (for a spec in modules, the modules
        /// read as one text), is code or front matter. <paramref name="lines"/> caches each file's
        /// line map and line end.
        /// </summary>
        public static GovernanceFix? For(GovernanceDiagnostic diagnostic, string text, Suppressions.InlineSuppressions read, int lineRead, System.Collections.Concurrent.ConcurrentDictionary<string, (Text.LineMap Lines, string NewLine)> lines)
        {
            if (!diagnostic.Path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || read.IsCode(lineRead)) return null;
            var (map, newLine) = lines.GetOrAdd(diagnostic.Path, _ => (new Text.LineMap(text), text.IndexOf("\r\n", StringComparison.Ordinal) >= 0 ? "\r\n" : "\n"));
            int line = diagnostic.Span.StartLine;
            if (line < 1 || line > map.LineCount) return null;
            int start = map.GetLineStart(line);
            int indent = start;
            while (indent < text.Length && (text[indent] == ' ' || text[indent] == '\t')) indent++;
            string comment = text.Substring(start, indent - start) + "<!-- governance-disable-next-line " + diagnostic.Id + " -->" + newLine;
            return new GovernanceFix($"Suppress {diagnostic.Id} on this line", new[] { new TextEdit(diagnostic.Path, start, 0, comment) }, isSuppression: true);
        }
    }
}
