using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Orchestrator.Governance.Model.Headers
{
    /// <summary>What is wrong with a file's metadata header, with where (0-based offset and length in the file's text).</summary>
    public sealed class HeaderProblem
    {
        internal HeaderProblem(bool missing, int start, int length, string message)
        {
            IsMissing = missing;
            Start = start;
            Length = length;
            Message = message;
        }

        /// <summary>True when there is no header at all (GOV401), false when it is malformed (GOV402).</summary>
        public bool IsMissing { get; }

        /// <summary>Offset of the offending text.</summary>
        public int Start { get; }

        /// <summary>Length of the offending text (0 at an empty line or the end of the text).</summary>
        public int Length { get; }

        /// <summary>For GOV402, what is wrong and what was expected; for GOV401, what the file must start with (<see cref="MetadataHeader.Expected"/>).</summary>
        public string Message { get; }
    }

    /// <summary>One text edit: replace <see cref="Length"/> characters at <see cref="Start"/> with <see cref="NewText"/>.</summary>
    public sealed class HeaderEdit
    {
        internal HeaderEdit(int start, int length, string newText)
        {
            Start = start;
            Length = length;
            NewText = newText;
        }

        /// <summary>0-based offset.</summary>
        public int Start { get; }

        /// <summary>Characters replaced.</summary>
        public int Length { get; }

        /// <summary>The replacement.</summary>
        public string NewText { get; }
    }

    /// <summary>
    /// The two-line metadata header of seed 000 §3: "Every file MUST start with exactly two lines
    /// of metadata (comments allowed based on file type). Line 1: <c>Description: [Short summary of
    /// the file's purpose]</c>. Line 2: <c>Orchestration: Phase [XX] | [Status]</c>." Checking and
    /// repairing it are pure functions of the file's text, shared by the engine (any file type,
    /// GOV401/GOV402), whose header rules the C# analyzer also runs. The JSON <c>$comment</c> form is in
    /// MetadataHeader.Json.cs.
    /// </summary>
    public static partial class MetadataHeader
    {
        /// <summary>How far down a header written in the wrong place is still recognised as one.</summary>
        public const int SearchLines = 10;

        private static readonly Regex Orchestration = new Regex(
            @"^Orchestration:\s*(?:(?<phaseWord>Phase)\b\s*(?<phase>[^|\s]*)\s*)?(?:\|\s*(?<status>.*?))?\s*$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private static readonly Regex Number = new Regex(@"^\d+$", RegexOptions.CultureInvariant);

        /// <summary>
        /// What GOV401 says the file must start with, e.g. <c>its first two lines must be
        /// '# Description: &lt;summary&gt;' and '# Orchestration: Phase &lt;XX&gt; | &lt;Status&gt;'</c>.
        /// </summary>
        public static string Expected(CommentStyle style) => style.IsJsonProperty
            ? $"its first property must be '{JsonExpected}'"
            : $"its first two lines must be '{ExpectedFirst(style)}' and '{ExpectedSecond(style)}'";

        /// <summary>The header's first line as <paramref name="style"/> writes it, for messages.</summary>
        public static string ExpectedFirst(CommentStyle style) => style.Line("Description: <summary>");

        /// <summary>The header's second line as <paramref name="style"/> writes it, for messages.</summary>
        public static string ExpectedSecond(CommentStyle style) => style.Line("Orchestration: Phase <XX> | <Status>");

        /// <summary>
        /// The first problem of <paramref name="text"/>'s header, or null when it is well formed.
        /// <paramref name="statuses"/> lists the allowed statuses (empty: any non-empty status).
        /// </summary>
        public static HeaderProblem? Check(string text, CommentStyle style, IReadOnlyCollection<string> statuses)
        {
            if (style.IsJsonProperty) return CheckJson(text, statuses);
            var lines = Lines(text, 200);
            int first = HeaderStart(lines, style, text, out var frontMatter);
            if (frontMatter != null) return CheckFrontMatter(frontMatter, text, statuses);

            int description = Find(lines, first, style, "Description:");
            int orchestration = Find(lines, first, style, "Orchestration:");
            var at = first < lines.Count ? lines[first] : new Line(text.Length, string.Empty);
            if (description < 0 && orchestration < 0)
                return new HeaderProblem(true, at.Start, at.Text.TrimEnd().Length, Expected(style));

            if (orchestration == first && description == first + 1)
            {
                var o = lines[orchestration];
                return Problem(o, "Orchestration:", "the lines are swapped: 'Description:' must come first, then 'Orchestration:'");
            }

            if (description != first)
            {
                if (description < 0)
                    return new HeaderProblem(false, at.Start, at.Text.TrimEnd().Length, $"line {first + 1} must be '{ExpectedFirst(style)}'");
                return Problem(lines[description], "Description:", $"the header must be the first two lines: 'Description:' is on line {description + 1}, not line {first + 1}");
            }

            var d = lines[description];
            string summary = style.Content(d.Text)!.Substring("Description:".Length).Trim();
            if (summary.Length == 0) return Problem(d, "Description:", "the description is empty: expected 'Description: <summary>'");

            if (orchestration != first + 1)
            {
                if (orchestration < 0)
                {
                    var next = first + 1 < lines.Count ? lines[first + 1] : new Line(d.Start + d.Text.Length, string.Empty);
                    return new HeaderProblem(false, next.Start, next.Text.TrimEnd().Length, $"line {first + 2} must be '{ExpectedSecond(style)}'");
                }

                return Problem(lines[orchestration], "Orchestration:", $"'Orchestration:' must be line {first + 2}, not line {orchestration + 1}");
            }

            return CheckOrchestration(lines[orchestration], style.Content(lines[orchestration].Text)!, statuses);
        }

        /// <summary>
        /// The edit that makes <paramref name="text"/>'s header well formed: the header lines found
        /// near the top are removed and two lines are written at the top, keeping the existing
        /// description, phase (when a number) and status, else <paramref name="description"/>,
        /// <paramref name="phase"/> and <paramref name="status"/>. Null when a value is needed and
        /// not given, the front matter holds the header (edit the YAML by hand) or the style is
        /// <see cref="CommentStyle.JsonComment"/> (no code fix writes JSON).
        /// </summary>
        public static HeaderEdit? Repair(string text, CommentStyle style, string description, string? phase, string? status)
        {
            if (style.IsJsonProperty) return null;
            var lines = Lines(text, 200);
            int first = HeaderStart(lines, style, text, out var frontMatter);
            if (frontMatter != null) return null;

            int d = Find(lines, first, style, "Description:");
            int o = Find(lines, first, style, "Orchestration:");
            string summary = d >= 0 ? style.Content(lines[d].Text)!.Substring("Description:".Length).Trim() : string.Empty;
            if (summary.Length == 0) summary = description.Trim();
            string? keptPhase = null, keptStatus = null;
            if (o >= 0)
            {
                var m = Orchestration.Match(style.Content(lines[o].Text)!);
                if (m.Success && Number.IsMatch(m.Groups["phase"].Value)) keptPhase = m.Groups["phase"].Value;
                if (m.Success && m.Groups["status"].Value.Trim().Length > 0) keptStatus = m.Groups["status"].Value.Trim();
            }

            phase = keptPhase ?? (string.IsNullOrWhiteSpace(phase) ? null : phase!.Trim());
            status = keptStatus ?? (string.IsNullOrWhiteSpace(status) ? null : status!.Trim());
            if (summary.Length == 0 || phase == null || status == null) return null;

            string newline = text.IndexOf("\r\n", StringComparison.Ordinal) >= 0 ? "\r\n" : "\n";
            string header = style.Line("Description: " + summary) + newline + style.Line("Orchestration: Phase " + phase + " | " + status) + newline;
            int start = first < lines.Count ? lines[first].Start : text.Length;
            if (first >= lines.Count && text.Length > 0 && text[text.Length - 1] != '\n') header = newline + header;
            int last = Math.Max(d, o);
            if (last < 0) return new HeaderEdit(start, 0, header);

            // Replace from the header's place to the end of the last header line found, keeping the lines between.
            int end = lines[last].End;
            var kept = new System.Text.StringBuilder(header);
            for (int i = first; i <= last; i++)
            {
                if (i == d || i == o) continue;
                kept.Append(text, lines[i].Start, lines[i].End - lines[i].Start);
            }

            return new HeaderEdit(start, end - start, kept.ToString());
        }

        private static HeaderProblem? CheckOrchestration(Line line, string content, IReadOnlyCollection<string> statuses)
        {
            var m = Orchestration.Match(content);
            if (!m.Success || !m.Groups["phaseWord"].Success)
                return Problem(line, "Orchestration:", $"expected 'Orchestration: Phase <XX> | <Status>', found '{content}'");
            string phase = m.Groups["phase"].Value;
            if (!Number.IsMatch(phase))
            {
                return phase.Length == 0
                    ? Problem(line, m.Groups["phaseWord"].Value, "the phase is missing: expected 'Phase <XX>' with XX a number")
                    : Problem(line, phase, $"the phase '{phase}' is not a number: expected 'Phase <XX>' with XX a number");
            }

            string status = m.Groups["status"].Success ? m.Groups["status"].Value.Trim() : string.Empty;
            if (status.Length == 0)
                return Problem(line, "Orchestration:", $"the status is missing: expected 'Orchestration: Phase {phase} | <Status>'");
            if (statuses.Count > 0 && !statuses.Contains(status, StringComparer.OrdinalIgnoreCase))
                return Problem(line, status, $"the status '{status}' is not one of {string.Join(", ", statuses)} (headers.statuses)");
            return null;
        }

        private static HeaderProblem? CheckFrontMatter(Documents.YamlFrontMatter frontMatter, string text, IReadOnlyCollection<string> statuses)
        {
            var orchestration = frontMatter.Find("orchestration");
            if (orchestration == null) return null;
            int start = orchestration.KeyStart;
            int nl = text.IndexOf('\n', start);
            var line = new Line(start, text.Substring(start, (nl < 0 ? text.Length : nl) - start).TrimEnd('\r'));
            return CheckOrchestration(line, "Orchestration: " + orchestration.Value, statuses);
        }

        /// <summary>The index of the first line the header should be on (after an allowed preamble); the front matter when it holds the header.</summary>
        private static int HeaderStart(List<Line> lines, CommentStyle style, string text, out Documents.YamlFrontMatter? frontMatter)
        {
            frontMatter = null;
            if (lines.Count == 0) return 0;
            string line1 = lines[0].Text.TrimEnd();
            switch (style.AllowedPreamble)
            {
                case CommentStyle.Preamble.Shebang when line1.StartsWith("#!", StringComparison.Ordinal):
                case CommentStyle.Preamble.XmlDeclaration when line1.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase):
                    return 1;
                case CommentStyle.Preamble.FrontMatter when line1 == "---":
                    var front = Documents.YamlFrontMatter.Read(text);
                    if (front == null) return 0;
                    if (front.Find("description")?.Value.Length > 0) frontMatter = front;
                    return front.LineCount;
                default:
                    return 0;
            }
        }

        private static int Find(List<Line> lines, int first, CommentStyle style, string key)
        {
            for (int i = first; i < lines.Count && i < first + SearchLines; i++)
            {
                string? content = style.Content(lines[i].Text);
                if (content != null && content.StartsWith(key, StringComparison.OrdinalIgnoreCase)) return i;
            }

            return -1;
        }

        private static HeaderProblem Problem(Line line, string token, string message)
        {
            int at = line.Text.IndexOf(token, StringComparison.OrdinalIgnoreCase);
            return at < 0 ? new HeaderProblem(false, line.Start, line.Text.TrimEnd().Length, message) : new HeaderProblem(false, line.Start + at, token.Length, message);
        }

        /// <summary>The first <paramref name="max"/> lines: start offset, text without the line break, end offset after the break.</summary>
        private static List<Line> Lines(string text, int max)
        {
            var lines = new List<Line>();
            int pos = 0;
            while (pos < text.Length && lines.Count < max)
            {
                int nl = text.IndexOf('\n', pos);
                int end = nl < 0 ? text.Length : nl;
                int textEnd = end > pos && text[end - 1] == '\r' ? end - 1 : end;
                lines.Add(new Line(pos, text.Substring(pos, textEnd - pos), nl < 0 ? text.Length : nl + 1));
                pos = nl < 0 ? text.Length : nl + 1;
            }

            return lines;
        }

        private readonly struct Line
        {
            public Line(int start, string text, int end = -1)
            {
                Start = start;
                Text = text;
                End = end < 0 ? start + text.Length : end;
            }

            public int Start { get; }

            public string Text { get; }

            public int End { get; }
        }
    }
}
