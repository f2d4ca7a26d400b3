using System;
using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json;

namespace Orchestrator.Governance.Model.Headers
{
    /// <summary>
    /// The metadata header of a JSON file (seed 000 §3 asks for comments "based on file type";
    /// JSON has none). Where <c>headers.styles</c> maps an extension to <c>$comment</c>, the header
    /// is the top-level object's first property, a string holding the two lines separated by the
    /// escape <c>\n</c>:
    /// <code>{
    ///   "$comment": "Description: Larder sync plan.\nOrchestration: Phase 14 | Backfill",
    ///   ...
    /// }</code>
    /// <c>$comment</c> is the keyword JSON Schema (draft 7, §9) reserves for notes to readers, and
    /// it must be a string there, so a schema file keeps validating with its header.
    /// </summary>
    public static partial class MetadataHeader
    {
        /// <summary>The JSON header as GOV401 asks for it.</summary>
        public const string JsonExpected = "\"$comment\": \"Description: <summary>\\nOrchestration: Phase <XX> | <Status>\"";

        /// <summary>How many tokens of the top-level object are read looking for <c>$comment</c> (the JSON analogue of <see cref="SearchLines"/>).</summary>
        private const int JsonSearchTokens = 2000;

        private static HeaderProblem? CheckJson(string text, IReadOnlyCollection<string> statuses)
        {
            int open = 0;
            while (open < text.Length && (char.IsWhiteSpace(text[open]) || text[open] == '\uFEFF')) open++;
            var missing = new HeaderProblem(true, open, open < text.Length ? 1 : 0, Expected(CommentStyle.JsonComment));
            if (open >= text.Length || text[open] != '{') return missing;

            var found = FindTopLevelComment(text, open);
            if (found == null || !found.Value.MentionsHeader) return missing;
            var comment = found.Value;
            if (comment.PropertyIndex > 0)
                return new HeaderProblem(false, comment.KeyStart, comment.KeyLength, $"'$comment' must be the object's first property, not property {comment.PropertyIndex + 1}");
            if (comment.Value == null)
                return new HeaderProblem(false, comment.ValueStart, 1, $"the '$comment' value must be one string, the two lines separated by '\\n': {JsonExpected}");

            var lines = JsonLines(text, comment.ValueStart, comment.Value);
            int description = lines.FindIndex(l => l.Content.StartsWith("Description:", StringComparison.OrdinalIgnoreCase));
            int orchestration = lines.FindIndex(l => l.Content.StartsWith("Orchestration:", StringComparison.OrdinalIgnoreCase));
            if (orchestration == 0 && description == 1)
                return Problem(lines[0].Raw, "Orchestration:", "the lines are swapped: 'Description:' must come first, then 'Orchestration:'");
            if (description != 0)
            {
                return description < 0
                    ? Problem(lines[0].Raw, lines[0].Raw.Text, "line 1 of '$comment' must be 'Description: <summary>'")
                    : Problem(lines[description].Raw, "Description:", $"'Description:' must be line 1 of '$comment', not line {description + 1}");
            }

            if (lines[0].Content.Substring("Description:".Length).Trim().Length == 0)
                return Problem(lines[0].Raw, "Description:", "the description is empty: expected 'Description: <summary>'");
            if (orchestration != 1)
            {
                if (orchestration >= 0)
                    return Problem(lines[orchestration].Raw, "Orchestration:", $"'Orchestration:' must be line 2 of '$comment', not line {orchestration + 1}");
                var at = lines.Count > 1 ? lines[1].Raw : new Line(lines[0].Raw.Start + lines[0].Raw.Text.Length, string.Empty);
                return new HeaderProblem(false, at.Start, at.Text.Length, "line 2 of '$comment' must be 'Orchestration: Phase <XX> | <Status>'");
            }

            var problem = CheckOrchestration(lines[1].Raw, lines[1].Content, statuses);
            if (problem != null) return problem;
            if (lines.Count <= 2) return null;
            var last = lines[lines.Count - 1].Raw;
            return new HeaderProblem(false, lines[2].Raw.Start, last.Start + last.Text.Length - lines[2].Raw.Start,
                $"the '$comment' holds {lines.Count} lines: a metadata header is exactly two");
        }

        /// <summary>
        /// The top-level <c>$comment</c> property among the first <see cref="JsonSearchTokens"/>
        /// tokens, read with Newtonsoft.Json's reader (which also rejects nesting deeper than its
        /// MaxDepth of 64; the search then stops). Null when there is none or the text is not JSON
        /// before it.
        /// </summary>
        private static JsonComment? FindTopLevelComment(string text, int open)
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
            int properties = 0;
            try
            {
                for (int tokens = 0; tokens < JsonSearchTokens && reader.Read(); tokens++)
                {
                    if (reader.TokenType != JsonToken.PropertyName || reader.Depth != 1) continue;
                    int index = properties++;
                    if (!string.Equals((string?)reader.Value, "$comment", StringComparison.Ordinal)) continue;

                    // After a property name the reader stands just past its colon. Newtonsoft.Json and LineMap
                    // both end lines at \r\n, \r and \n.
                    int colon = Math.Min(text.Length, new Text.LineMap(text).GetLineStart(reader.LineNumber) + reader.LinePosition) - 1;
                    int key = text.LastIndexOf("\"$comment\"", Math.Max(open, colon), StringComparison.Ordinal);
                    int keyLength = "\"$comment\"".Length;
                    if (key < open || text.Substring(key + keyLength, colon - key - keyLength).Trim().Length > 0)
                    {
                        key = colon; // the key is spelled with escapes: point at its colon
                        keyLength = 1;
                    }

                    int value = colon + 1;
                    while (value < text.Length && char.IsWhiteSpace(text[value])) value++;

                    reader.Read();
                    if (reader.TokenType == JsonToken.String)
                    {
                        string s = (string)reader.Value!;
                        return new JsonComment(index, key, keyLength, value, s, Mentions(s));
                    }

                    // Not a string: an array of lines or anything else. Is it meant as the header?
                    bool mentions = false;
                    int depth = reader.Depth;
                    if (reader.TokenType == JsonToken.StartArray || reader.TokenType == JsonToken.StartObject)
                    {
                        while (tokens++ < JsonSearchTokens && reader.Read() && reader.Depth > depth)
                            mentions |= reader.TokenType == JsonToken.String && Mentions((string)reader.Value!);
                    }

                    return new JsonComment(index, key, keyLength, value, null, mentions);
                }
            }
            catch (JsonReaderException)
            {
                // Not JSON (or nested past MaxDepth) before a $comment was found.
            }

            return null;
        }

        private static bool Mentions(string s) =>
            s.IndexOf("Description:", StringComparison.OrdinalIgnoreCase) >= 0 || s.IndexOf("Orchestration:", StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>
        /// The lines of a <c>$comment</c> string: where each one's raw text sits in the file
        /// (split at the escapes <c>\n</c> and <c>\r\n</c>) and its decoded text (the reader's
        /// value split at line feeds), trimmed. A line whose decoded text cannot be matched to
        /// the raw text (a <c>\u000a</c> escape) is read raw.
        /// </summary>
        private static List<JsonLine> JsonLines(string text, int quote, string value)
        {
            var raw = new List<Line>();
            int start = quote + 1, i = start;
            for (; i < text.Length && text[i] != '"'; i++)
            {
                if (text[i] != '\\' || i + 1 >= text.Length) continue;
                bool lf = text[i + 1] == 'n';
                bool crlf = text[i + 1] == 'r' && string.CompareOrdinal(text, i + 2, "\\n", 0, 2) == 0;
                if (lf || crlf)
                {
                    raw.Add(new Line(start, text.Substring(start, i - start)));
                    i += crlf ? 3 : 1;
                    start = i + 1;
                    continue;
                }

                i++; // any other escape, \" and \\ included
            }

            raw.Add(new Line(start, text.Substring(start, i - start)));
            if (raw.Count > 1 && raw[raw.Count - 1].Text.Length == 0) raw.RemoveAt(raw.Count - 1); // a final "\n" ends the last line
            string unix = value.Replace("\r\n", "\n");
            string[] decoded = (unix.Length > 0 && unix[unix.Length - 1] == '\n' ? unix.Substring(0, unix.Length - 1) : unix).Split('\n');
            var lines = new List<JsonLine>(raw.Count);
            for (int n = 0; n < raw.Count; n++)
                lines.Add(new JsonLine(raw[n], (decoded.Length == raw.Count ? decoded[n] : raw[n].Text).Trim()));
            return lines;
        }

        private readonly struct JsonComment
        {
            public JsonComment(int propertyIndex, int keyStart, int keyLength, int valueStart, string? value, bool mentionsHeader)
            {
                PropertyIndex = propertyIndex;
                KeyStart = keyStart;
                KeyLength = keyLength;
                ValueStart = valueStart;
                Value = value;
                MentionsHeader = mentionsHeader;
            }

            /// <summary>0 when it is the object's first property.</summary>
            public int PropertyIndex { get; }

            public int KeyStart { get; }

            public int KeyLength { get; }

            /// <summary>Offset of the value's first character (its opening quote for a string).</summary>
            public int ValueStart { get; }

            /// <summary>The decoded string, or null when the value is not a string.</summary>
            public string? Value { get; }

            /// <summary>True when the value holds 'Description:' or 'Orchestration:': it is meant as the header.</summary>
            public bool MentionsHeader { get; }
        }

        private readonly struct JsonLine
        {
            public JsonLine(Line raw, string content)
            {
                Raw = raw;
                Content = content;
            }

            /// <summary>The line's raw text in the file, escapes and all, for spans.</summary>
            public Line Raw { get; }

            /// <summary>The decoded, trimmed text, for the checks.</summary>
            public string Content { get; }
        }
    }
}
