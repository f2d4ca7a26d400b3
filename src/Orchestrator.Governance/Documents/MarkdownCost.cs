using System;
using System.Globalization;

namespace Orchestrator.Governance.Documents
{
    /// <summary>
    /// The shapes of Markdown that Markdig 1.6 parses in more than linear time, measured before the
    /// parse in one linear pass, so a document that would take seconds to minutes is refused with the
    /// reason (GOV002) instead (issue 31, H2; docs/security.md; the reproductions for Markdig are in
    /// docs/upstream/markdig-quadratic.md). Two are known, both in the inline pass, which the engine
    /// runs only on blocks with a table, a link or an HTML comment (<see cref="InlinesWhereRead"/>):
    /// <list type="bullet">
    /// <item>Links: after each "](" Markdig reads a destination and a title, and after a failed one
    /// goes on from the next character, so "[](" repeated on one line costs the square of the line
    /// (300 KB: 30 s). The work counted is, for every "](", the characters to the ')' that matches
    /// its '(' (parentheses nest in a destination) or the end of its paragraph; at most
    /// <see cref="MaxDestinationWork"/>.</item>
    /// <item>Emphasis in a pipe table: a "*" or "_" that can open or close emphasis makes every later
    /// row of the same table cost as many steps as there are rows after it (5,000 rows under a bold
    /// header: 6 s). At most <see cref="MaxTableRowsAfterEmphasis"/> rows may follow the first such
    /// delimiter in one table.</item>
    /// </list>
    /// A third, HTML comments not closed ("&lt;!--" repeated in a paragraph), is counted like link
    /// destinations: for every "&lt;!--", the characters to the next "--&gt;". Tables are found inside
    /// block quotes too. Deterministic: the same text gives the same verdict on every machine.
    /// </summary>
    public static class MarkdownCost
    {
        /// <summary>The most characters all link destinations may be read over (about half a second of Markdig).</summary>
        public const long MaxDestinationWork = 100_000_000;

        /// <summary>The most rows a pipe table may have after the first line with an emphasis delimiter (about half a second; all tables together: <see cref="MaxTableWork"/>).</summary>
        public const int MaxTableRowsAfterEmphasis = 1_500;

        /// <summary>Why Markdig would parse <paramref name="text"/> in more than linear time, or null.</summary>
        public static string? Excess(string text)
        {
            if (text == null) return null;

            // Links, from the end: after each "](" Markdig reads a destination and, after white space,
            // a title ("...", '...' or (...)), which may run on to the end of the paragraph; a link is
            // closed by the ')' that matches its '(' (parentheses nest in a destination). The work
            // counted is, for every "](", the characters to that ')' or the paragraph's end (a blank
            // line): an upper bound on what Markdig reads there ("![](\t&amp;\t(" repeated, with
            // white space a destination-only count missed, took 41 s at 564 KB).
            long work = 0;
            int paragraphEnd = text.Length;
            bool lineHasText = false;
            int worstAt = -1;
            long worst = 0;
            // The ')' not yet matched, nearest last: a "(" closes with the top one, as a raw link
            // destination's parentheses nest ("([a](b)" is still open), so "[a](b)-->[](" repeated
            // runs every destination to the paragraph's end (400 KB took 15 s).
            var closers = new System.Collections.Generic.List<int>();
            for (int i = text.Length - 1; i >= 0; i--)
            {
                char c = text[i];
                if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                {
                    // The line after this break is blank: the paragraph ends here.
                    if (!lineHasText)
                    {
                        paragraphEnd = i;
                        closers.Clear();
                    }

                    lineHasText = false;
                }
                else if (c != '\r' && c != ' ' && c != '\t')
                {
                    lineHasText = true;
                    if (c == ')') closers.Add(i);
                    else if (c == '(')
                    {
                        int stop = paragraphEnd;
                        if (closers.Count > 0)
                        {
                            stop = closers[closers.Count - 1];
                            closers.RemoveAt(closers.Count - 1);
                        }

                        if (i > 0 && text[i - 1] == ']')
                        {
                            long run = stop - (i - 1);
                            work += run;
                            if (run > worst)
                            {
                                worst = run;
                                worstAt = i - 1;
                            }
                        }
                    }
                }
            }

            // HTML comments: after each "<!--" Markdig looks for "-->"; without one it reads on to
            // the end of the block, and tries again one character later ("<!--" repeated in a
            // paragraph: 1.6 MB took 20 s). The work counted is, for every "<!--", the characters to
            // the next "-->".
            long commentWork = 0;
            int nextClose = text.Length;
            int commentAt = -1;
            for (int i = text.Length - 3; i >= 0; i--)
            {
                if (text[i] == '-' && text[i + 1] == '-' && text[i + 2] == '>') nextClose = i;
                else if (text[i] == '<' && text[i + 1] == '!' && text[i + 2] == '-' && i + 3 < text.Length && text[i + 3] == '-')
                {
                    commentWork += nextClose - i;
                    commentAt = i;
                }
            }

            if (commentWork > MaxDestinationWork)
            {
                return string.Format(CultureInfo.InvariantCulture,
                    "the Markdown parser would read HTML comments over {0:N0} characters (\"<!--\" without a \"-->\" after it, e.g. on line {1}); more than {2:N0} takes it more than linear time: close the comments",
                    commentWork, LineOf(text, commentAt), MaxDestinationWork);
            }

            if (work > MaxDestinationWork)
            {
                return string.Format(CultureInfo.InvariantCulture,
                    "the Markdown parser would read link destinations over {0:N0} characters (\"](\" whose \"(\" no \")\" closes in its paragraph, e.g. on line {1}); more than {2:N0} takes it more than linear time: close the links",
                    work, LineOf(text, worstAt), MaxDestinationWork);
            }

            // Pipe tables: runs of non-blank lines holding a delimiter row. The work is the sum over
            // the tables of the square of their rows after the first emphasis, so that many tables
            // just under the bound cannot add up to minutes.
            int lineStart = 0, runStart = -1, runFirstLine = 0, line = 1, emphasisLine = 0;
            bool runIsTable = false, runHasPipe = false, runHasInlines = false;
            int rowsAfter = 0;
            long tableWork = 0;
            // Link reference definitions: each line of a paragraph that starts like one ("[a]:") has
            // Markdig try the definition against the rest of the paragraph ("[a]: " on 200,000 lines,
            // 1.2 MB, took 24 s). The work counted is, for each paragraph, such lines times its length.
            long referenceWork = 0;
            int referenceLines = 0, runChars = 0;
            (int Line, int Lines) worstReferences = (0, 0);
            (int Line, int Emphasis, int Rows) largest = (0, 0, 0);
            while (lineStart <= text.Length)
            {
                int lineEnd = lineStart;
                while (lineEnd < text.Length && text[lineEnd] != '\n' && text[lineEnd] != '\r') lineEnd++;
                // A table inside block quotes ("> | a | b |") is a table too: the quote markers are no part of its rows.
                int contentStart = lineStart;
                while (contentStart < lineEnd && (text[contentStart] == '>' || text[contentStart] == ' ' || text[contentStart] == '\t')) contentStart++;
                bool blank = IsBlank(text, contentStart, lineEnd);
                if (blank || lineStart == text.Length)
                {
                    if (runStart >= 0 && referenceLines > 0)
                    {
                        referenceWork += (long)referenceLines * runChars;
                        if (referenceLines > worstReferences.Lines) worstReferences = (runFirstLine, referenceLines);
                    }

                    referenceLines = 0;
                    runChars = 0;
                    if (runStart >= 0 && runIsTable && rowsAfter > 0)
                    {
                        if (rowsAfter > MaxTableRowsAfterEmphasis) return TableRefusal(runFirstLine, emphasisLine, rowsAfter);
                        tableWork += (long)rowsAfter * rowsAfter;
                        if (rowsAfter > largest.Rows) largest = (runFirstLine, emphasisLine, rowsAfter);
                    }

                    runStart = -1;
                    runIsTable = false;
                    runHasPipe = false;
                    runHasInlines = false;
                    emphasisLine = 0;
                    rowsAfter = 0;
                }
                else
                {
                    if (runStart < 0)
                    {
                        runStart = lineStart;
                        runFirstLine = line;
                    }

                    runChars += lineEnd - lineStart + 1;
                    if (StartsLikeReferenceDefinition(text, contentStart, lineEnd)) referenceLines++;
                    if (!runIsTable && IsDelimiterRow(text, contentStart, lineEnd)) runIsTable = true;
                    // A paragraph whose inlines are parsed (a link or a comment in it) and that holds
                    // pipes costs the same, table or not: Markdig's pipe-table extension reads its
                    // pipes as cells' delimiters either way.
                    if (!runIsTable && text.IndexOf('|', contentStart, lineEnd - contentStart) >= 0) runHasPipe = true;
                    if (!runIsTable && (text.IndexOf("](", contentStart, lineEnd - contentStart, StringComparison.Ordinal) >= 0 || text.IndexOf("<!--", contentStart, lineEnd - contentStart, StringComparison.Ordinal) >= 0)) runHasInlines = true;
                    if (runHasPipe && runHasInlines) runIsTable = true;
                    if (emphasisLine == 0 && HasEmphasisDelimiter(text, contentStart, lineEnd)) emphasisLine = line;
                    if (emphasisLine != 0) rowsAfter++;
                }

                if (lineEnd >= text.Length) break;
                lineStart = lineEnd + (text[lineEnd] == '\r' && lineEnd + 1 < text.Length && text[lineEnd + 1] == '\n' ? 2 : 1);
                line++;
            }

            if (runStart >= 0 && referenceLines > 0)
            {
                referenceWork += (long)referenceLines * runChars;
                if (referenceLines > worstReferences.Lines) worstReferences = (runFirstLine, referenceLines);
            }

            if (referenceWork > MaxReferenceWork)
            {
                return string.Format(CultureInfo.InvariantCulture,
                    "the paragraph at line {0} has {1:N0} lines that start like link reference definitions ('[x]:'), and the Markdown parser tries each against the rest of its paragraph ({2:N0} steps in all, more than {3:N0}): separate them with blank lines or complete them",
                    worstReferences.Line, worstReferences.Lines, referenceWork, MaxReferenceWork);
            }

            if (runStart >= 0 && runIsTable && rowsAfter > 0)
            {
                if (rowsAfter > MaxTableRowsAfterEmphasis) return TableRefusal(runFirstLine, emphasisLine, rowsAfter);
                tableWork += (long)rowsAfter * rowsAfter;
                if (rowsAfter > largest.Rows) largest = (runFirstLine, emphasisLine, rowsAfter);
            }

            if (tableWork > MaxTableWork)
            {
                return string.Format(CultureInfo.InvariantCulture,
                    "its pipe tables with emphasis add up to {0:N0} steps of the Markdown parser (the sum of the squares of their rows after the first emphasis; the largest, at line {1}, has {2:N0} rows from line {3} on), more than {4:N0}: split the document or drop the emphasis ('*' or '_')",
                    tableWork, largest.Line, largest.Rows, largest.Emphasis, MaxTableWork);
            }

            return null;
        }

        /// <summary>The most steps link-reference-like lines may cost (the sum over paragraphs of such lines times the paragraph's length).</summary>
        public const long MaxReferenceWork = 1_000_000_000;

        /// <summary>Whether the line starts like a link reference definition: "[", a label, "]:".</summary>
        private static bool StartsLikeReferenceDefinition(string text, int start, int end)
        {
            if (start >= end || text[start] != '[') return false;
            int close = text.IndexOf(']', start + 1, System.Math.Min(end - start - 1, 1000));
            return close > 0 && close + 1 < end && text[close + 1] == ':';
        }

        /// <summary>The most the squares of all tables' rows after emphasis may add up to: one table of <see cref="MaxTableRowsAfterEmphasis"/> rows.</summary>
        public const long MaxTableWork = (long)MaxTableRowsAfterEmphasis * MaxTableRowsAfterEmphasis;

        private static string TableRefusal(int tableLine, int emphasisLine, int rows) =>
            string.Format(CultureInfo.InvariantCulture,
                "the table at line {0} has {1:N0} rows from the emphasis on line {2} on, and the Markdown parser takes time in their square past {3:N0}: split the table or drop the emphasis ('*' or '_')",
                tableLine, rows, emphasisLine, MaxTableRowsAfterEmphasis);

        private static int LineOf(string text, int offset)
        {
            int line = 1;
            for (int i = 0; i < offset && i < text.Length; i++)
            {
                if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))) line++;
            }

            return line;
        }

        private static bool IsBlank(string text, int start, int end)
        {
            for (int i = start; i < end; i++)
                if (text[i] != ' ' && text[i] != '\t') return false;
            return true;
        }

        /// <summary>Only '|', '-', ':' and blanks, with at least one pipe and one dash (GFM's delimiter row).</summary>
        private static bool IsDelimiterRow(string text, int start, int end)
        {
            bool pipe = false, dash = false;
            for (int i = start; i < end; i++)
            {
                switch (text[i])
                {
                    case '|': pipe = true; break;
                    case '-': dash = true; break;
                    case ':': case ' ': case '\t': break;
                    default: return false;
                }
            }

            return pipe && dash;
        }

        /// <summary>
        /// Whether the line has a '*' or '_' that may open or close emphasis (CommonMark 6.2, read
        /// loosely so as to count more, never fewer): a '*' not between two blanks, a '_' not between
        /// two blanks nor between two letters or digits (snake_case is no delimiter).
        /// </summary>
        private static bool HasEmphasisDelimiter(string text, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (c != '*' && c != '_') continue;
                char before = i > start ? text[i - 1] : ' ';
                char after = i + 1 < end ? text[i + 1] : ' ';
                bool blankBefore = char.IsWhiteSpace(before), blankAfter = char.IsWhiteSpace(after);
                if (blankBefore && blankAfter) continue;
                if (c == '_' && char.IsLetterOrDigit(before) && char.IsLetterOrDigit(after)) continue;
                return true;
            }

            return false;
        }
    }
}
