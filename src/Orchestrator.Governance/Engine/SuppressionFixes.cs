using System;
using System.Collections.Generic;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Engine
{
    /// <summary>
    /// The "suppress on this line" fix every diagnostic in a Markdown document gets: the comment
    /// <c>&lt;!-- governance-disable-next-line GOVnnn --&gt;</c> inserted on a line of its own before the
    /// diagnostic's line, with that line's indentation (so a list item stays in its list), in the
    /// document's line ends (docs/suppressions.md). None inside a fenced code block or YAML front
    /// matter, where a comment would be text.
    /// </summary>
    internal static class SuppressionFixes
    {
        /// <summary>The fix for <paramref name="diagnostic"/> in <paramref name="text"/> (the file's text), or null where a comment cannot stand.</summary>
        public static GovernanceFix? For(GovernanceDiagnostic diagnostic, string text, System.Collections.Concurrent.ConcurrentDictionary<string, FenceMap> maps)
        {
            if (!diagnostic.Path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) return null;
            var map = maps.GetOrAdd(diagnostic.Path, _ => new FenceMap(text));
            int line = diagnostic.Span.StartLine;
            if (line < 1 || line > map.LineCount || map.IsCode(line)) return null;
            int start = map.LineStart(line);
            int indent = start;
            while (indent < text.Length && (text[indent] == ' ' || text[indent] == '\t')) indent++;
            string comment = text.Substring(start, indent - start) + "<!-- governance-disable-next-line " + diagnostic.Id + " -->" + map.NewLine;
            return new GovernanceFix($"Suppress {diagnostic.Id} on this line", new[] { new TextEdit(diagnostic.Path, start, 0, comment) }, isSuppression: true);
        }

        /// <summary>Which lines of a Markdown text are code (fenced blocks, front matter), computed once per document.</summary>
        internal sealed class FenceMap
        {
            private readonly List<int> _starts = new List<int>();
            private readonly List<bool> _code = new List<bool>();

            public FenceMap(string text)
            {
                // One pass, no allocation per line: the spec can be megabytes and has diagnostics too.
                NewLine = text.IndexOf("\r\n", StringComparison.Ordinal) >= 0 ? "\r\n" : "\n";
                char fence = '\0';
                int fenceLength = 0;
                bool frontMatter = text.StartsWith("---\n", StringComparison.Ordinal) || text.StartsWith("---\r\n", StringComparison.Ordinal);
                int i = 0, lineNumber = 0;
                while (true)
                {
                    int end = text.IndexOf('\n', i);
                    if (end < 0) end = text.Length;
                    lineNumber++;
                    _starts.Add(i);
                    int first = i;
                    while (first < end && (text[first] == ' ' || text[first] == '\t')) first++;
                    int last = end;
                    while (last > first && (text[last - 1] == '\r' || text[last - 1] == ' ' || text[last - 1] == '\t')) last--;
                    bool code = fence != '\0' || frontMatter;
                    if (frontMatter)
                    {
                        if (lineNumber > 1 && last - first == 3 && (string.CompareOrdinal(text, first, "---", 0, 3) == 0 || string.CompareOrdinal(text, first, "...", 0, 3) == 0)) frontMatter = false;
                    }
                    else if (first < last && (text[first] == '`' || text[first] == '~'))
                    {
                        char c = text[first];
                        int run = 0;
                        while (first + run < last && text[first + run] == c) run++;
                        if (run >= 3)
                        {
                            if (fence == '\0')
                            {
                                fence = c;
                                fenceLength = run;
                            }
                            else if (c == fence && run >= fenceLength && first + run == last)
                            {
                                fence = '\0';
                                fenceLength = 0;
                            }

                            code = true;
                        }
                    }

                    _code.Add(code);
                    if (end >= text.Length) break;
                    i = end + 1;
                }
            }

            /// <summary>"\r\n" when the text uses it, else "\n".</summary>
            public string NewLine { get; }

            public int LineCount => _starts.Count;

            /// <summary>Offset of 1-based <paramref name="line"/>'s first character.</summary>
            public int LineStart(int line) => _starts[line - 1];

            /// <summary>Whether 1-based <paramref name="line"/> is a fence, inside a fenced block or in front matter.</summary>
            public bool IsCode(int line) => _code[line - 1];
        }
    }
}
