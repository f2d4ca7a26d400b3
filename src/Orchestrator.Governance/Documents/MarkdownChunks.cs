using System;
using System.Collections.Generic;
using Markdig;
using Markdig.Syntax;

namespace Orchestrator.Governance.Documents
{
    /// <summary>
    /// Parses a long Markdown document (the Master Spec: 2.7 MB, 50,000 blocks) in pieces cut at
    /// ATX headings, one piece at a time, so that each piece's tree dies young. Parsed
    /// whole, the spec's tree outlives several gen0 and gen1 collections while it is built and
    /// the garbage collector copies it up to gen2: on the Handshake spec that cost more time
    /// (about 45 ms of pauses) than Markdig's parsing itself.
    /// <para>
    /// Why the pieces give the same blocks as one parse: Markdig reads lines left to right, so the
    /// parse of a prefix is the whole parse up to the cut; at the cut, the whole parse sees an ATX
    /// heading line at column 0 and the piece sees the end of the text. Such a line closes every
    /// open block (CommonMark 0.31: it continues no list item or block quote, cannot be a
    /// paragraph's lazy continuation, and interrupts a paragraph) except a fenced code block or an
    /// HTML block at the top level. So a piece whose last top-level block is an unclosed fenced
    /// code block, or an HTML block not yet ended, is not cut there: it is parsed again together
    /// with the next piece. A cut is tried only at a line starting with one to six "#" and a blank (a "#" comment
    /// in a code block is caught by that check) once a piece holds <see cref="MinimumPiece"/> characters.
    /// </para>
    /// <para>
    /// Markdig's offsets in a piece's tree are relative to the piece: add <c>Offset</c>. Link
    /// reference definitions are per piece, which changes no block (inlines are only parsed where
    /// the engine reads them, see <see cref="InlinesWhereRead"/>).
    /// </para>
    /// </summary>
    internal static class MarkdownChunks
    {
        /// <summary>The smallest piece worth a parse of its own, in characters.</summary>
        internal const int MinimumPiece = 16 * 1024;

        /// <summary>The most cuts tried for one piece before the rest of the text is parsed as one piece.</summary>
        internal const int MaxAttempts = 4;

        /// <summary>
        /// The pieces of <paramref name="text"/> in order, each parsed with the engine's pipeline
        /// (<see cref="ParsedMarkdown"/>) when it is enumerated: Ast is the piece's tree and Offset
        /// where the piece starts in <paramref name="text"/>.
        /// </summary>
        public static IEnumerable<(MarkdownDocument Ast, int Offset)> Parse(string text)
        {
            int start = 0;
            do
            {
                int scanFrom = start;
                int attempts = 0;
                while (true)
                {
                    // A piece that will not close (an HTML block run on over many headings) is parsed
                    // again with each cut tried; after a few tries the rest is parsed whole, which is
                    // always right, so the work stays within a few parses of the text.
                    int cut = ++attempts > MaxAttempts ? -1 : NextCut(text, scanFrom, start + MinimumPiece);
                    int end = cut < 0 ? text.Length : cut;
                    string piece = start == 0 && end == text.Length ? text : text.Substring(start, end - start);
                    var ast = Markdown.Parse(piece, ParsedMarkdown.Pipeline);
                    if (cut < 0 || EndsClosed(ast, piece))
                    {
                        yield return (ast, start);
                        start = end;
                        break;
                    }

                    // Not a cut. A fence still open runs to its closing fence line (or the end):
                    // the search goes on after it, knowing it is outside any fence there.
                    scanFrom = ast[ast.Count - 1] is FencedCodeBlock fenced
                        ? AfterClosingFence(text, end, fenced.FencedChar, fenced.OpeningFencedCharCount)
                        : AfterLine(text, end);
                }
            }
            while (start < text.Length);
        }

        /// <summary>
        /// The first ATX heading line (one to six "#" at column 0, then a blank or the end of the
        /// line) at or after <paramref name="minimum"/>, scanning lines from
        /// <paramref name="from"/> (a line start outside any fence); -1 when there is none. Not
        /// inside a leading YAML front matter (whose "#" lines are YAML comments, and which Markdig
        /// only recognises once it is closed), nor inside what looks like a top-level fenced code
        /// block: specs embed whole Markdown templates in four-backtick fences. The fence tracking
        /// here is only a guess (a fence in a list item ends with the item); the parse's own check
        /// decides, and the search resumes from what the parse found.
        /// </summary>
        private static int NextCut(string text, int from, int minimum)
        {
            int pos = from;
            bool frontMatter = from == 0 && text.StartsWith("---", StringComparison.Ordinal);
            char fence = '\0';
            int fenceCount = 0;
            while (pos < text.Length)
            {
                int nl = text.IndexOf('\n', pos);
                int lineEnd = nl < 0 ? text.Length : nl;
                if (frontMatter)
                {
                    if (pos > 0 && IsFrontMatterEnd(text, pos, lineEnd)) frontMatter = false;
                }
                else if (fence != '\0')
                {
                    if (IsClosingFence(text, pos, lineEnd, fence, fenceCount)) fence = '\0';
                }
                else if (IsOpeningFence(text, pos, lineEnd, out fence, out fenceCount))
                {
                }
                else if (pos >= minimum && IsHeadingLine(text, pos, lineEnd))
                {
                    return pos;
                }

                if (nl < 0) break;
                pos = nl + 1;
            }

            return -1;
        }

        private static int AfterLine(string text, int from)
        {
            int nl = text.IndexOf('\n', from);
            return nl < 0 ? text.Length : nl + 1;
        }

        /// <summary>Up to three spaces, then three or more backticks (with no backtick after them) or tildes (CommonMark 4.5).</summary>
        private static bool IsOpeningFence(string text, int start, int end, out char fence, out int count)
        {
            fence = '\0';
            count = 0;
            int i = start;
            while (i < end && i - start < 3 && text[i] == ' ') i++;
            if (i >= end || (text[i] != '`' && text[i] != '~')) return false;
            char c = text[i];
            int run = 0;
            while (i < end && text[i] == c)
            {
                i++;
                run++;
            }

            if (run < 3 || (c == '`' && text.IndexOf('`', i, end - i) >= 0)) return false;
            fence = c;
            count = run;
            return true;
        }

        /// <summary>Up to three spaces, at least <paramref name="count"/> <paramref name="fence"/> characters, then only blanks (CommonMark 4.5).</summary>
        private static bool IsClosingFence(string text, int start, int end, char fence, int count)
        {
            int i = start;
            while (i < end && i - start < 3 && text[i] == ' ') i++;
            int run = 0;
            while (i < end && text[i] == fence)
            {
                i++;
                run++;
            }

            while (i < end && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r')) i++;
            return run >= count && i == end;
        }

        private static bool IsFrontMatterEnd(string text, int start, int end)
        {
            string line = text.Substring(start, end - start).TrimEnd();
            return line == "---" || line == "...";
        }

        private static bool IsHeadingLine(string text, int start, int end)
        {
            int i = start;
            while (i < end && i - start < 6 && text[i] == '#') i++;
            if (i == start) return false;
            return i == end || text[i] == ' ' || text[i] == '\t' || text[i] == '\r';
        }

        /// <summary>
        /// The offset after the line that closes a top-level fenced code block opened with
        /// <paramref name="count"/> <paramref name="fence"/> characters, searching from
        /// <paramref name="from"/>; the text's length when no line closes it.
        /// </summary>
        private static int AfterClosingFence(string text, int from, char fence, int count)
        {
            int pos = from;
            while (pos < text.Length)
            {
                int nl = text.IndexOf('\n', pos);
                if (IsClosingFence(text, pos, nl < 0 ? text.Length : nl, fence, count)) return nl < 0 ? text.Length : nl + 1;
                if (nl < 0) break;
                pos = nl + 1;
            }

            return text.Length;
        }

        /// <summary>
        /// Whether a column-0 ATX heading after <paramref name="piece"/> (whose tree is
        /// <paramref name="ast"/>) would close every block still open: the last top-level block
        /// is no unclosed fence and no unclosed HTML block. An HTML block of CommonMark's kinds 6
        /// and 7 ends at a blank line; one of kinds 1 to 5 ends on the line holding its end marker
        /// (<c>--&gt;</c>, <c>?&gt;</c>, <c>&gt;</c>, <c>]]&gt;</c>, a closing script, pre, style or textarea tag).
        /// </summary>
        private static bool EndsClosed(MarkdownDocument ast, string piece)
        {
            if (ast.Count == 0) return true;
            var last = ast[ast.Count - 1];
            if (last is FencedCodeBlock fenced) return fenced.ClosingFencedCharCount > 0;
            if (!(last is HtmlBlock html)) return true;
            if (html.Span.IsEmpty) return false;
            int end = Math.Min(piece.Length, html.Span.End + 1);
            switch (html.Type)
            {
                case HtmlBlockType.InterruptingBlock:
                case HtmlBlockType.NonInterruptingBlock:
                    // The block is the piece's last: whatever follows its last line is blank lines.
                    int nl = piece.IndexOf('\n', end - 1);
                    return nl >= 0 && nl + 1 < piece.Length;
                default:
                    int e = end;
                    while (e > 0 && (piece[e - 1] == '\n' || piece[e - 1] == '\r')) e--;
                    int lineStart = e > 0 ? piece.LastIndexOf('\n', e - 1) + 1 : 0;
                    string line = piece.Substring(lineStart, e - lineStart);
                    return html.Type switch
                    {
                        HtmlBlockType.Comment => line.IndexOf("-->", StringComparison.Ordinal) >= 0,
                        HtmlBlockType.ProcessingInstruction => line.IndexOf("?>", StringComparison.Ordinal) >= 0,
                        HtmlBlockType.DocumentType => line.IndexOf('>') >= 0,
                        HtmlBlockType.CData => line.IndexOf("]]>", StringComparison.Ordinal) >= 0,
                        _ => line.IndexOf("</script>", StringComparison.OrdinalIgnoreCase) >= 0 || line.IndexOf("</pre>", StringComparison.OrdinalIgnoreCase) >= 0
                            || line.IndexOf("</style>", StringComparison.OrdinalIgnoreCase) >= 0 || line.IndexOf("</textarea>", StringComparison.OrdinalIgnoreCase) >= 0,
                    };
            }
        }

    }
}
