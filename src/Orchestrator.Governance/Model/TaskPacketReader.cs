using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
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
        private static readonly Regex FieldLine = new Regex(
            @"^(?<open>\*\*|__)?(?<key>[A-Za-z][A-Za-z0-9 _./-]{0,60}?)[ \t]*(?<close1>\*\*|__)?[ \t]*:(?!//)(?<close2>\*\*|__)?[ \t]*(?<value>.*?)[ \t]*$",
            RegexOptions.CultureInvariant, TaskPacketProfile.RegexTimeout);

        private static readonly Regex UpperKey = new Regex(@"^[A-Z][A-Z0-9_]*$", RegexOptions.CultureInvariant, TaskPacketProfile.RegexTimeout);

        /// <summary>Reads the packet; never throws on any Markdown input.</summary>
        public static TaskPacket Read(ParsedMarkdown doc, TaskPacketProfile profile)
        {
            var sections = new List<PacketSection>();
            var fields = new List<PacketField>();
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
                        PacketField? last = null;
                        foreach (Block child in list)
                        {
                            if (!(child is ListItemBlock item)) continue;

                            // "- **SEARCH_TERMS**:" after "### FILES_TO_OPEN" starts a new field, not an entry.
                            if (headingField != null && StartsKnownField(doc, item, profile)) headingField = null;
                            var entry = ItemOf(doc, item);
                            if (headingField != null) headingField.Items.Add(entry);
                            else if (awaiting != null) awaiting.Items.Add(entry);

                            var field = ReadListItemField(doc, item, current, fields);
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
                        foreach (var nestedHeading in list.Descendants<HeadingBlock>()) OnHeading(nestedHeading);

                        headingField?.Extend(blockEnd);
                        awaiting?.Extend(blockEnd);
                        if (awaiting == null || headingField != null)
                            awaiting = last != null && last.Value.Length == 0 && last.Items.Count == 0 && last.CodeBlocks.Count == 0 ? last : null;
                        break;
                    }

                    case ParagraphBlock paragraph:
                    {
                        bool any = false;
                        foreach (var (line, start) in Lines(doc, paragraph))
                        {
                            var field = MatchField(doc, line, start, current, strict: true, FieldForm.Line);
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

            return new TaskPacket(doc, title, sections, fields);
        }

        /// <summary>
        /// Reads a list item: its first line may be a field (lenient key match); further lines of its
        /// paragraphs may be bold or upper-case field lines (a lock line that runs on from a bullet);
        /// nested items are the field's entries and may be fields themselves (metadata indented
        /// under TASK_ID). Every field found is added to <paramref name="fields"/> in document order.
        /// </summary>
        private static PacketField? ReadListItemField(ParsedMarkdown doc, ListItemBlock item, PacketSection? section, List<PacketField> fields, int depth = 0)
        {
            PacketField? field = null;
            if (item.Count > 0 && item[0] is ParagraphBlock first)
            {
                int start = first.Span.Start;
                field = MatchField(doc, LineFrom(doc, start), start, section, strict: false, FieldForm.ListItem);
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
                    foreach (var (line, lineStart) in Lines(doc, paragraph))
                    {
                        if (firstLine)
                        {
                            firstLine = false;
                            continue;
                        }

                        var lineField = MatchField(doc, line, lineStart, section, strict: true, FieldForm.Line);
                        if (lineField != null) fields.Add(lineField);
                    }
                }
                else if (child is ListBlock nested)
                {
                    foreach (Block n in nested)
                    {
                        if (!(n is ListItemBlock nestedItem)) continue;
                        field?.Items.Add(ItemOf(doc, nestedItem));
                        if (depth < 8) ReadListItemField(doc, nestedItem, section, fields, depth + 1);
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
            Match m;
            try
            {
                m = FieldLine.Match(LineFrom(doc, first.Span.Start));
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }

            return m.Success && profile.KnownFieldKeys.Contains(KeyNormalizer.Normalize(m.Groups["key"].Value));
        }

        private static PacketField? MatchField(ParsedMarkdown doc, string line, int lineStart, PacketSection? section, bool strict, FieldForm form)
        {
            Match m;
            try
            {
                m = FieldLine.Match(line);
            }
            catch (RegexMatchTimeoutException)
            {
                return null;
            }

            if (!m.Success) return null;
            var keyGroup = m.Groups["key"];
            string rawKey = keyGroup.Value.Trim();
            bool bold = m.Groups["open"].Success;
            if (strict && !bold && !UpperKey.IsMatch(rawKey)) return null;
            if (rawKey.Split(' ').Length > 6) return null;

            string key = KeyNormalizer.Normalize(rawKey);
            if (key.Length == 0) return null;

            var valueGroup = m.Groups["value"];
            string value = valueGroup.Value;
            int valueStart = lineStart + valueGroup.Index;
            if (bold && !m.Groups["close1"].Success && !m.Groups["close2"].Success && value.EndsWith("**", StringComparison.Ordinal))
                value = value.Substring(0, value.Length - 2).TrimEnd();
            var (clean, cleanStart) = CleanValue(value, valueStart);
            return new PacketField(key, rawKey, doc.Span(lineStart + keyGroup.Index, rawKey.Length), clean, doc.Span(cleanStart, clean.Length), form, section);
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
            string line = LineFrom(doc, start).TrimEnd();
            return new PacketFieldItem(line, doc.Span(start, line.Length));
        }

        private static (string Text, int Start) HeadingText(ParsedMarkdown doc, HeadingBlock heading) => doc.HeadingText(heading);

        private static string LineFrom(ParsedMarkdown doc, int start) => doc.LineFrom(start);

        /// <summary>Each source line of a paragraph, trimmed at the start, with its offset.</summary>
        private static IEnumerable<(string Line, int Start)> Lines(ParsedMarkdown doc, ParagraphBlock paragraph)
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
                yield return (text.Substring(s, lineEnd - s), s);
                pos = lineEnd;
                if (pos < text.Length && text[pos] == '\r') pos++;
                if (pos < text.Length && text[pos] == '\n') pos++;
            }
        }
    }
}
