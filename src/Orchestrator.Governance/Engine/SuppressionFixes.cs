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
        public static GovernanceFix? For(GovernanceDiagnostic diagnostic, string text, Dictionary<string, FenceMap> maps)
        {
            if (!diagnostic.Path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) return null;
            if (!maps.TryGetValue(diagnostic.Path, out var map)) maps[diagnostic.Path] = map = new FenceMap(text);
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
                NewLine = text.Contains("\r\n") ? "\r\n" : "\n";
                int i = 0;
                char fence = '\0';
                int fenceLength = 0;
                bool frontMatter = text.StartsWith("---\n", StringComparison.Ordinal) || text.StartsWith("---\r\n", StringComparison.Ordinal);
                int lineNumber = 0;
                while (i <= text.Length)
                {
                    int end = text.IndexOf('\n', i);
                    if (end < 0) end = text.Length;
                    lineNumber++;
                    _starts.Add(i);
                    string trimmed = text.Substring(i, end - i).TrimEnd('\r').TrimStart(' ', '\t');
                    bool code = fence != '\0' || frontMatter;
                    if (frontMatter && lineNumber > 1 && (trimmed == "---" || trimmed == "...")) frontMatter = false;
                    else if (!frontMatter)
                    {
                        int run = 0;
                        char c = trimmed.Length > 0 ? trimmed[0] : '\0';
                        if (c == '`' || c == '~') while (run < trimmed.Length && trimmed[run] == c) run++;
                        if (run >= 3)
                        {
                            if (fence == '\0') fence = c;
                            else if (c == fence && run >= fenceLength && trimmed.Substring(run).Trim().Length == 0) fence = '\0';
                            if (fence != '\0' && fenceLength == 0) fenceLength = run;
                            if (fence == '\0') fenceLength = 0;
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
