using System.Collections.Generic;
using System.Text.RegularExpressions;
using Orchestrator.Governance.Text;

namespace Orchestrator.Governance.Model
{
    /// <summary>
    /// A reference to evidence in a task packet, wherever it stands (EVIDENCE_MAPPING, a validation
    /// report, a note): a repository path with a line, <c>path:12</c>, <c>path:12-30</c>,
    /// <c>path:12:5</c> (a column), <c>path:L12</c>, <c>path#L12</c> or <c>path#L12-L30</c>, the path
    /// in backticks or not (<c>`path`:12</c>). The path has a file extension (<c>.rs</c>, <c>.md</c>)
    /// and may be written from the root or without its leading folders. URLs (<c>https://...</c>)
    /// and host:port pairs are no evidence references. Source: seed 003 Part 1 [CX-600B] (the
    /// Anti-Vibe Guard: evidence is a file:line that is there).
    /// </summary>
    public sealed class EvidenceReference
    {
        private static readonly Regex Pattern = new Regex(
            @"(?<![\w/.:@~-])(?<path>(?:\.{1,2}/|/)?(?:[\w.-]+/)*[\w-][\w.-]*\.[A-Za-z][A-Za-z0-9]{0,9})`?(?::L?(?<line>\d{1,9})(?:-L?(?<end>\d{1,9}))?(?::\d{1,9})?|#L(?<line>\d{1,9})(?:-L?(?<end>\d{1,9}))?)(?![\w:/])",
            RegexOptions.CultureInvariant | RegexOptions.Compiled, TaskPacketProfile.RegexTimeout);

        private EvidenceReference(string text, string path, int line, int endLine, SourceSpan span)
        {
            Text = text;
            Path = path;
            Line = line;
            EndLine = endLine;
            Span = span;
        }

        /// <summary>The reference as written ("src/mex/runtime.rs:272").</summary>
        public string Text { get; }

        /// <summary>The path as written, "./" removed.</summary>
        public string Path { get; }

        /// <summary>The first line cited (1-based).</summary>
        public int Line { get; }

        /// <summary>The last line cited (<see cref="Line"/> for one line).</summary>
        public int EndLine { get; }

        /// <summary>Where the reference stands in the packet.</summary>
        public SourceSpan Span { get; }

        /// <summary>
        /// The paths evidence references in <paramref name="text"/> cite, as written ("./" removed), in
        /// text order: what a host counts lines of for the analyzer, which reads no file
        /// (<see cref="Engine.AnalysisOptions.FileLines"/>).
        /// </summary>
        public static IEnumerable<string> PathsIn(string text)
        {
            var paths = new List<string>();
            try
            {
                foreach (var m in Matches(text))
                {
                    int start = m.Index;
                    if (start >= 3 && text[start - 1] == '/' && text[start - 2] == '/' && text[start - 3] == ':') continue;
                    string path = m.Groups["path"].Value;
                    while (path.StartsWith("./", System.StringComparison.Ordinal)) path = path.Substring(2);
                    paths.Add(path);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A text too costly to scan cites nothing here.
            }

            return paths;
        }

        /// <summary>
        /// The matches of <see cref="Pattern"/> in <paramref name="text"/>, in text order, found
        /// without running the pattern at every character: a reference lies in one run of characters
        /// that are neither white space nor the punctuation around words in prose (brackets, commas,
        /// quotes, ...), and its line part starts with ":" or "#" before a digit or "L". Only runs
        /// holding such a colon or hash are matched, each as its own input; the pattern's look-behind
        /// and look-ahead test characters of the run alone, so the matches are those of the whole
        /// text. Throws <see cref="RegexMatchTimeoutException"/> as the pattern does.
        /// </summary>
        private static IEnumerable<Match> Matches(string text)
        {
            int i = 0;
            while (i < text.Length)
            {
                while (i < text.Length && IsBreak(text[i])) i++;
                int start = i;
                bool cites = false;
                for (; i < text.Length && !IsBreak(text[i]); i++)
                {
                    char c = text[i];
                    if ((c == ':' || c == '#') && i + 1 < text.Length && (char.IsDigit(text[i + 1]) || text[i + 1] == 'L')) cites = true;
                }

                if (!cites) continue;
                for (var m = Pattern.Match(text, start, i - start); m.Success; m = m.NextMatch()) yield return m;
            }
        }

        /// <summary>A character no evidence reference holds and the pattern's look-arounds accept: white space and prose punctuation.</summary>
        private static bool IsBreak(char c)
        {
            switch (c)
            {
                case '(': case ')': case '[': case ']': case '{': case '}': case '<': case '>':
                case ',': case ';': case '"': case '\'': case '|': case '*': case '!': case '?':
                case '=': case '+': case '&': case '%': case '$': case '^': case '\\':
                    return true;
                default:
                    return char.IsWhiteSpace(c);
            }
        }

        // Each packet is scanned once: GOV114, GOV806 and the index's look at empty files all ask.
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TaskPacket, List<EvidenceReference>> Scanned =
            new System.Runtime.CompilerServices.ConditionalWeakTable<TaskPacket, List<EvidenceReference>>();

        /// <summary>The evidence references of <paramref name="packet"/>, in text order (none in a packet kept as data); scanned once a packet, the list shared (do not change it).</summary>
        public static IReadOnlyList<EvidenceReference> Of(TaskPacket packet) => Scanned.GetValue(packet, Scan);

        private static List<EvidenceReference> Scan(TaskPacket packet)
        {
            var found = new List<EvidenceReference>();
            if (packet.IsData) return found;
            string text = packet.Document.Text;
            try
            {
                foreach (var m in Matches(text))
                {
                    // "https://host/a.md#L3", "file://..." are links, not repository paths.
                    int start = m.Index;
                    if (start >= 3 && text[start - 1] == '/' && text[start - 2] == '/' && text[start - 3] == ':') continue;
                    string path = m.Groups["path"].Value;
                    while (path.StartsWith("./", System.StringComparison.Ordinal)) path = path.Substring(2);
                    if (!int.TryParse(m.Groups["line"].Value, out int line)) continue;
                    int end = m.Groups["end"].Success && int.TryParse(m.Groups["end"].Value, out int e) ? e : line;
                    found.Add(new EvidenceReference(m.Value, path, line, end, packet.Document.Span(m.Index, m.Length)));
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A packet too costly to scan cites no evidence this rule can judge.
            }

            return found;
        }
    }
}
