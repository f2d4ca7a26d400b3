using System;
using System.Collections.Generic;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Orchestrator.Governance.Documents;

namespace Orchestrator.Governance.Model
{
    /// <summary>
    /// Reads a <see cref="TaskPacket"/> from a parsed Markdown document in one walk over its
    /// top-level blocks. Fields are recognised in every form the protocol's template and real
    /// packets use: list items (<c>- KEY: value</c>, <c>- **Key:** value</c>, <c>- **Key**: value</c>),
    /// bold or upper-case paragraph lines (<c>**Status:** Done</c>), and headings of their own
    /// (<c>## DONE_MEANS</c>, <c>### RISK_TIER: HIGH</c>), with values on the same line or as a list,
    /// paragraph or code block below.
    /// </summary>
    public static class TaskPacketReader
    {
        /// <summary>Reads the packet; never throws on any Markdown input.</summary>
        public static TaskPacket Read(ParsedMarkdown doc, TaskPacketProfile profile)
        {
            var sections = new List<PacketSection>();
            var fields = new List<PacketField>();
            var waivers = new List<PacketWaiver>();
            PacketSection? title = null;
            PacketSection? current = null;
            PacketField? headingField = null;
            int headingFieldLevel = 0;
            PacketField? awaiting = null;

            void OnHeading(HeadingBlock heading)
            {
                awaiting = null;
                var (text, textStart) = HeadingText(doc, heading);
                if (headingField != null && heading.Level <= headingFieldLevel) headingField = null;
                var textSpan = doc.Span(textStart, text.Length);

                if (heading.Level == 1 && title == null && sections.Count == 0)
                {
                    title = new PacketSection(KeyNormalizer.Normalize(text), text, 1, textSpan, false);
                    return;
                }

                string keyPart = text;
                string valuePart = string.Empty;
                int valueStart = textStart + text.Length;
                int colon = text.IndexOf(':');
                if (colon > 0)
                {
                    keyPart = text.Substring(0, colon);
                    string rest = text.Substring(colon + 1);
                    int lead = rest.Length - rest.TrimStart().Length;
                    valuePart = rest.Trim();
                    valueStart = textStart + colon + 1 + lead;
                }

                string key = KeyNormalizer.Normalize(keyPart);
                bool isField = profile.KnownFieldKeys.Contains(key) && !profile.SectionNames.Contains(key);
                if (heading.Level <= 2)
                {
                    string sectionKey = isField ? key : KeyNormalizer.Normalize(text);
                    current = new PacketSection(sectionKey, text, heading.Level, textSpan, profile.IsIgnoredSection(sectionKey));
                    sections.Add(current);
                }

                if (isField)
                {
                    var (value, vStart) = CleanValue(valuePart, valueStart);
                    var field = new PacketField(profile.CanonicalKey(key), keyPart.Trim(), doc.Span(textStart, keyPart.TrimEnd().Length), value, doc.Span(vStart, value.Length), FieldForm.Heading, current);
                    fields.Add(field);
                    headingField = field;
                    headingFieldLevel = heading.Level;
                }
            }

            foreach (Block block in doc.Ast)
            {
                int blockEnd = block.Span.IsEmpty ? block.Span.Start : block.Span.End + 1;
                switch (block)
                {
                    case HeadingBlock heading:
                        OnHeading(heading);
                        break;

                    case ListBlock list:
                    {
                        if (current != null && profile.WaiverSectionKeys.Contains(current.Key)) ReadWaivers(doc, list, profile, waivers);
                        PacketField? last = null;
                        for (int li = 0; li < list.Count; li++)
                        {
                            if (!(list[li] is ListItemBlock item)) continue;

                            // "- **SEARCH_TERMS**:" after "### FILES_TO_OPEN" starts a new field, not an entry.
                            if (headingField != null && StartsKnownField(doc, item, profile)) headingField = null;
                            var entry = ItemOf(doc, item);
                            if (headingField != null) headingField.Items.Add(entry);
                            else if (awaiting != null) awaiting.Items.Add(entry);

                            var field = ReadListItemField(doc, item, current, fields, profile);
                            if (field != null)
                            {
                                if (headingField != null && headingField.Value.Length == 0 && headingField.Items.Count == 1 && field.Value.Length > 0)
                                {
                                    headingField.Value = field.Value;
                                    headingField.ValueSpan = field.ValueSpan;
                                }
                            }

                            last = field;
                        }

                        // A heading indented into a list item ("  ## Scope") still reads as a heading.
                        foreach (var nestedHeading in HeadingsInList(list)) OnHeading(nestedHeading);

                        headingField?.Extend(blockEnd);
                        awaiting?.Extend(blockEnd);
                        if (awaiting == null || headingField != null)
                            awaiting = last != null && last.Value.Length == 0 && last.Items.Count == 0 && last.CodeBlocks.Count == 0 ? last : null;
                        break;
                    }

                    case ParagraphBlock paragraph:
                    {
                        bool any = false;
                        foreach (var (lineStart, lineEnd) in Lines(doc, paragraph))
                        {
                            var field = MatchFieldAt(doc, lineStart, lineEnd, current, strict: true, FieldForm.Line, profile);
                            if (field != null)
                            {
                                fields.Add(field);
                                any = true;
                            }
                        }

                        headingField?.Extend(blockEnd);
                        awaiting?.Extend(blockEnd);
                        if (any) awaiting = null;
                        break;
                    }

                    case Table table:
                    {
                        // A table below a field (RISK_MAP as | Risk | Subsystem |): each body row is an entry.
                        var target = headingField ?? awaiting;
                        if (target != null)
                        {
                            foreach (Block row in table)
                            {
                                if (row is TableRow tableRow && !tableRow.IsHeader && !row.Span.IsEmpty)
                                {
                                    string line = LineFrom(doc, row.Span.Start).TrimEnd();
                                    target.Items.Add(new PacketFieldItem(line, doc.Span(row.Span.Start, line.Length)));
                                }
                            }

                            target.Extend(blockEnd);
                        }

                        break;
                    }

                    case CodeBlock code:
                    {
                        var target = headingField ?? awaiting;
                        if (target != null)
                        {
                            target.CodeBlocks.Add((code.Span.Start, blockEnd));
                            target.Extend(blockEnd);
                        }

                        break;
                    }

                    default:
                        headingField?.Extend(blockEnd);
                        break;
                }
            }

            return new TaskPacket(doc.WithoutTree(), title, sections, fields, waivers, profile.FileNamePattern);
        }

        /// <summary>
        /// The waivers of a list in a waiver section: each top-level entry whose first line is not a
        /// none-marker ("NONE", "N/A") or the template's own note ("(Record explicit user waivers
        /// here ...)"). The ID is the value of a "Waiver ID:" first line, else the first word of
        /// the line; the nested items written as <c>Key: value</c> are its attributes.
        /// </summary>
        private static void ReadWaivers(ParsedMarkdown doc, ListBlock list, TaskPacketProfile profile, List<PacketWaiver> waivers)
        {
            foreach (Block block in list)
            {
                if (!(block is ListItemBlock item) || item.Count == 0 || !(item[0] is ParagraphBlock first)) continue;
                int start = first.Span.Start;
                int end = LineEnd(doc.Text, start);
                while (end > start && char.IsWhiteSpace(doc.Text[end - 1])) end--;
                string line = doc.Text.Substring(start, end - start);
                string bare = line.Trim('*', '_', ' ', '`');
                if (bare.Length == 0 || bare[0] == '(' || profile.IsNoneMarker(bare)) continue;

                var attributes = new List<WaiverAttribute>();
                string? id = null;
                if (bare.Length > 0 && bare[0] == '[' && bare.IndexOf(']') > 1 && bare.Substring(1, bare.IndexOf(']') - 1).IndexOf('-') > 0)
                {
                    // "- [WAIVER-2026-01-01-ROLLOUT] ...", "- [CX-106 AUTHORIZATION] 2026-01-18: ...".
                    id = bare.Substring(1, bare.IndexOf(']') - 1).Trim();
                }
                else
                {
                    // The first line may hold several "Key: value" parts separated by " | "
                    // ("WAIVER_ID: W-1 | Date: 2026-01-07 | Scope: a.rs | Justification: ...").
                    int segment = start;
                    while (segment < end)
                    {
                        int bar = doc.Text.IndexOf(" | ", segment, end - segment, StringComparison.Ordinal);
                        int segmentEnd = bar < 0 ? end : bar;
                        int s0 = segment;
                        while (s0 < segmentEnd && doc.Text[s0] == ' ') s0++;
                        if (TryParseFieldLine(doc.Text, s0, segmentEnd, out var parts))
                        {
                            string rawKey = doc.Text.Substring(parts.KeyStart, parts.KeyEnd - parts.KeyStart);
                            string key = KeyNormalizer.Normalize(rawKey);
                            string value = doc.Text.Substring(parts.ValueStart, parts.ValueEnd - parts.ValueStart).Trim('*', '_', '`', ' ');
                            if (id == null && (key == "WAIVER_ID" || key == "ID") && value.Length > 0) id = FirstWord(value);
                            else if (id == null && segment == start && WaiverIdShape.IsMatch(rawKey.Trim('*', '_', '`', ' '))) id = rawKey.Trim('*', '_', '`', ' '); // "- WAIVER-20260104-01: text"
                            else attributes.Add(new WaiverAttribute(key, rawKey, value, doc.Span(parts.ValueStart, parts.ValueEnd - parts.ValueStart)));
                        }
                        else if (segment == start)
                        {
                            // "- WAIVER-STORAGE-001 [CX-573F]": an ID has at least one dash or underscore;
                            // "- Approved by the operator" names none.
                            string word = FirstWord(bare);
                            id = WaiverIdShape.IsMatch(word) ? word : null;
                        }

                        if (bar < 0) break;
                        segment = bar + 3;
                    }
                }

                for (int i = 1; i < item.Count; i++)
                {
                    if (!(item[i] is ListBlock nested)) continue;
                    foreach (Block n in nested)
                    {
                        if (!(n is ListItemBlock attributeItem) || attributeItem.Count == 0 || !(attributeItem[0] is ParagraphBlock p)) continue;
                        int s = p.Span.Start;
                        if (!TryParseFieldLine(doc.Text, s, LineEnd(doc.Text, s), out var a)) continue;
                        string rawKey = doc.Text.Substring(a.KeyStart, a.KeyEnd - a.KeyStart);
                        string value = doc.Text.Substring(a.ValueStart, a.ValueEnd - a.ValueStart);
                        attributes.Add(new WaiverAttribute(KeyNormalizer.Normalize(rawKey), rawKey, value, doc.Span(a.ValueStart, value.Length)));
                    }
                }

                waivers.Add(new PacketWaiver(id, line, doc.Span(start, end - start), attributes));
            }
        }

        private static string FirstWord(string text)
        {
            int end = 0;
            while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
            return text.Substring(0, end).Trim('*', '_', '`', ',', ';', ':', '[', ']', '(', ')');
        }

        private static readonly System.Text.RegularExpressions.Regex WaiverIdShape = new System.Text.RegularExpressions.Regex(
            @"^[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)+$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        /// <summary>Headings standing in the list's items (or their nested lists), in order; no other walk.</summary>
        private static IEnumerable<HeadingBlock> HeadingsInList(ListBlock list, int depth = 0)
        {
            foreach (Block child in list)
            {
                if (!(child is ListItemBlock item)) continue;
                foreach (Block inner in item)
                {
                    if (inner is HeadingBlock heading) yield return heading;
                    else if (inner is ListBlock nested && depth < 8)
                        foreach (var h in HeadingsInList(nested, depth + 1)) yield return h;
                }
            }
        }

        /// <summary>
        /// Reads a list item: its first line may be a field (lenient key match); further lines of its
        /// paragraphs may be bold or upper-case field lines (a lock line that runs on from a bullet);
        /// nested items are the field's entries and may be fields themselves (metadata indented
        /// under TASK_ID). Every field found is added to <paramref name="fields"/> in document order.
        /// </summary>
        private static PacketField? ReadListItemField(ParsedMarkdown doc, ListItemBlock item, PacketSection? section, List<PacketField> fields, TaskPacketProfile profile, int depth = 0)
        {
            PacketField? field = null;
            if (item.Count > 0 && item[0] is ParagraphBlock first)
            {
                int start = first.Span.Start;
                field = MatchFieldAt(doc, start, LineEnd(doc.Text, start), section, strict: false, FieldForm.ListItem, profile);
                if (field != null)
                {
                    field.Extend(first.Span.End + 1);
                    fields.Add(field);
                }
            }

            for (int i = 0; i < item.Count; i++)
            {
                var child = item[i];
                int end = child.Span.IsEmpty ? child.Span.Start : child.Span.End + 1;
                if (child is ParagraphBlock paragraph)
                {
                    bool firstLine = i == 0;
                    foreach (var (lineStart, lineEnd) in Lines(doc, paragraph))
                    {
                        if (firstLine)
                        {
                            firstLine = false;
                            continue;
                        }

                        var lineField = MatchFieldAt(doc, lineStart, lineEnd, section, strict: true, FieldForm.Line, profile);
                        if (lineField != null) fields.Add(lineField);
                    }
                }
                else if (child is ListBlock nested)
                {
                    foreach (Block n in nested)
                    {
                        if (!(n is ListItemBlock nestedItem)) continue;
                        field?.Items.Add(ItemOf(doc, nestedItem));
                        if (depth < 8) ReadListItemField(doc, nestedItem, section, fields, profile, depth + 1);
                    }
                }
                else if (child is CodeBlock code)
                {
                    field?.CodeBlocks.Add((code.Span.Start, end));
                }

                if (i > 0) field?.Extend(end);
            }

            return field;
        }

        private static bool StartsKnownField(ParsedMarkdown doc, ListItemBlock item, TaskPacketProfile profile)
        {
            if (item.Count == 0 || !(item[0] is ParagraphBlock first)) return false;
            int start = first.Span.Start;
            return TryParseFieldLine(doc.Text, start, LineEnd(doc.Text, start), out var parts)
                && profile.KnownFieldKeys.Contains(KeyNormalizer.Normalize(doc.Text.Substring(parts.KeyStart, parts.KeyEnd - parts.KeyStart)));
        }

        /// <summary>Offsets of the parts of a field line.</summary>
        private struct FieldLineParts
        {
            public bool Bold;
            public bool Closed;
            public int KeyStart;
            public int KeyEnd;
            public int ValueStart;
            public int ValueEnd;
        }

        /// <summary>
        /// Parses <c>KEY: value</c>, <c>**Key:** value</c>, <c>**Key**: value</c> (or with __) on the
        /// line [start, end) without allocating: the key is a letter, then letters, digits, spaces,
        /// _ . / - (at most 61 characters), before a colon within 72 characters that is not "://".
        /// </summary>
        private static bool TryParseFieldLine(string text, int start, int end, out FieldLineParts parts)
        {
            parts = default;
            int i = start;
            if (i + 1 < end && ((text[i] == '*' && text[i + 1] == '*') || (text[i] == '_' && text[i + 1] == '_')))
            {
                parts.Bold = true;
                i += 2;
            }

            if (i >= end || !IsAsciiLetter(text[i])) return false;
            parts.KeyStart = i;
            int limit = Math.Min(end, start + 73);
            for (; i < limit; i++)
            {
                char c = text[i];
                if (c == ':') break;
                if (!(IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == ' ' || c == '_' || c == '.' || c == '/' || c == '-' || c == '*' || c == '\t')) return false;
            }

            if (i >= limit || (i + 2 < end && text[i + 1] == '/' && text[i + 2] == '/')) return false;
            int colon = i;

            // The key ends before blanks and a closing ** or __ ("**TASK_ID**:").
            int keyEnd = colon;
            while (keyEnd > parts.KeyStart && (text[keyEnd - 1] == ' ' || text[keyEnd - 1] == '\t')) keyEnd--;
            if (keyEnd - parts.KeyStart >= 2 && ((text[keyEnd - 1] == '*' && text[keyEnd - 2] == '*') || (text[keyEnd - 1] == '_' && text[keyEnd - 2] == '_')))
            {
                keyEnd -= 2;
                parts.Closed = true;
                while (keyEnd > parts.KeyStart && (text[keyEnd - 1] == ' ' || text[keyEnd - 1] == '\t')) keyEnd--;
            }

            for (int k = parts.KeyStart; k < keyEnd; k++)
            {
                if (text[k] == '*') return false;
            }

            if (keyEnd <= parts.KeyStart || keyEnd - parts.KeyStart > 61) return false;
            parts.KeyEnd = keyEnd;

            // After the colon: a closing ** or __ ("**Status:** Done"), blanks, the value.
            int v = colon + 1;
            if (v + 1 < end && ((text[v] == '*' && text[v + 1] == '*') || (text[v] == '_' && text[v + 1] == '_')))
            {
                v += 2;
                parts.Closed = true;
            }

            while (v < end && (text[v] == ' ' || text[v] == '\t')) v++;
            int valueEnd = end;
            while (valueEnd > v && (text[valueEnd - 1] == ' ' || text[valueEnd - 1] == '\t')) valueEnd--;
            parts.ValueStart = v;
            parts.ValueEnd = valueEnd;
            return true;
        }

        /// <summary>A field on the line [start, end), or null. Most lines are not fields and cost no allocation.</summary>
        private static PacketField? MatchFieldAt(ParsedMarkdown doc, int start, int end, PacketSection? section, bool strict, FieldForm form, TaskPacketProfile profile)
        {
            string text = doc.Text;
            if (!TryParseFieldLine(text, start, end, out var parts)) return null;
            if (strict && !parts.Bold && !IsUpperKey(text, parts.KeyStart, parts.KeyEnd)) return null;

            int spaces = 0;
            for (int k = parts.KeyStart; k < parts.KeyEnd; k++)
            {
                if (text[k] == ' ') spaces++;
            }

            if (spaces > 5) return null;
            string rawKey = text.Substring(parts.KeyStart, parts.KeyEnd - parts.KeyStart);
            string key = KeyNormalizer.Normalize(rawKey);
            if (key.Length == 0) return null;

            // In report and log sections only the template's own fields matter (presence, lock line).
            if (section != null && section.IsIgnored && !profile.KnownFieldKeys.Contains(key)) return null;

            string value = text.Substring(parts.ValueStart, parts.ValueEnd - parts.ValueStart);
            if (parts.Bold && !parts.Closed && value.EndsWith("**", StringComparison.Ordinal))
                value = value.Substring(0, value.Length - 2).TrimEnd();
            var (clean, cleanStart) = CleanValue(value, parts.ValueStart);
            return new PacketField(key, rawKey, doc.Span(parts.KeyStart, rawKey.Length), clean, doc.Span(cleanStart, clean.Length), form, section);
        }

        private static bool IsUpperKey(string text, int start, int end)
        {
            if (start >= end || text[start] < 'A' || text[start] > 'Z') return false;
            for (int k = start; k < end; k++)
            {
                char c = text[k];
                if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
            }

            return true;
        }

        private static bool IsAsciiLetter(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

        private static int LineEnd(string text, int start)
        {
            int end = start;
            while (end < text.Length && text[end] != '\r' && text[end] != '\n') end++;
            return end;
        }

        /// <summary>Trims and drops one enclosing pair of ** or ` so that "`ilja123`" reads ilja123.</summary>
        private static (string Value, int Start) CleanValue(string value, int start)
        {
            int lead = value.Length - value.TrimStart().Length;
            value = value.Trim();
            start += lead;
            foreach (var marker in new[] { "**", "__", "`" })
            {
                if (value.Length > 2 * marker.Length && value.StartsWith(marker, StringComparison.Ordinal) && value.EndsWith(marker, StringComparison.Ordinal)
                    && value.IndexOf(marker, marker.Length, StringComparison.Ordinal) == value.Length - marker.Length)
                {
                    value = value.Substring(marker.Length, value.Length - 2 * marker.Length);
                    start += marker.Length;
                }
            }

            return (value, start);
        }

        private static PacketFieldItem ItemOf(ParsedMarkdown doc, ListItemBlock item)
        {
            int start = item.Count > 0 ? item[0].Span.Start : item.Span.Start;
            int end = LineEnd(doc.Text, start);
            while (end > start && char.IsWhiteSpace(doc.Text[end - 1])) end--;
            return new PacketFieldItem(doc.Text, doc.Span(start, end - start), lazy: true);
        }

        private static (string Text, int Start) HeadingText(ParsedMarkdown doc, HeadingBlock heading) => doc.HeadingText(heading);

        private static string LineFrom(ParsedMarkdown doc, int start) => doc.LineFrom(start);

        /// <summary>Each source line of a paragraph as [start, end) offsets, leading blanks and '>' skipped.</summary>
        private static IEnumerable<(int Start, int End)> Lines(ParsedMarkdown doc, ParagraphBlock paragraph)
        {
            string text = doc.Text;
            int pos = paragraph.Span.Start;
            int end = Math.Min(text.Length, paragraph.Span.End + 1);
            while (pos < end)
            {
                int lineEnd = pos;
                while (lineEnd < end && text[lineEnd] != '\r' && text[lineEnd] != '\n') lineEnd++;
                int s = pos;
                while (s < lineEnd && (text[s] == ' ' || text[s] == '\t' || text[s] == '>')) s++;
                yield return (s, lineEnd);
                pos = lineEnd;
                if (pos < text.Length && text[pos] == '\r') pos++;
                if (pos < text.Length && text[pos] == '\n') pos++;
            }
        }

    }
}
