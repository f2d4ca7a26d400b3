using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Orchestrator.Governance.Documents;

namespace Orchestrator.Governance.Model.Spec
{
    /// <summary>
    /// Reads the Master Spec in one walk over Markdig's tree: every heading with its number, IDs,
    /// parent and scope; Main Body status; numbering problems; and each sentence or list item with
    /// an RFC 2119 keyword as a requirement of its innermost section.
    /// </summary>
    public static class SpecReader
    {
        private static readonly Regex Numbered = new Regex(
            @"^(?:§\s*)?(?<num>(?:[A-Z](?=\d))?\d+(?:\.\d+)*(?:\.[A-Z](?![A-Za-z]))?)(?:\.(?=\s)|\))?(?:\s+|$)(?<title>.*)$",
            RegexOptions.CultureInvariant | RegexOptions.Compiled);

        /// <summary>RFC 2119 keywords, negations first so "MUST NOT" is not read as "MUST".</summary>
        internal static readonly Regex Keyword = new Regex(
            @"\b(MUST NOT|MUST|SHALL NOT|SHALL|REQUIRED|SHOULD NOT|SHOULD|RECOMMENDED)\b",
            RegexOptions.CultureInvariant | RegexOptions.Compiled);

        private static readonly Regex VersionPattern = new Regex(@"v(?<v>\d+(?:\.\d+)+)", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        private static readonly Regex SentenceEnd = new Regex(@"(?<=[.!?])\s+(?=[""'(\[*`A-Z0-9])", RegexOptions.CultureInvariant | RegexOptions.Compiled);

        /// <summary>The version in a spec's file name or title ("Handshake_Master_Spec_v02.123.md" gives 02.123).</summary>
        public static string? VersionOf(string text)
        {
            var m = VersionPattern.Match(text);
            return m.Success ? m.Groups["v"].Value : null;
        }

        /// <summary>
        /// Reads the spec, parsing it in pieces cut at top-level headings (<see cref="MarkdownChunks"/>):
        /// the same sections and requirements as one parse, without carrying the whole tree through
        /// the garbage collector. Never throws on any Markdown input.
        /// </summary>
        public static SpecDocument Read(TextDocument doc, SpecProfile profile, string? version = null)
        {
            // The same bound on Markdig's work as every other Markdown document (MarkdownCost).
            if (Documents.MarkdownCost.Excess(doc.Text) is string reason) throw new Documents.MarkdownRefusedException(reason);
            return Read(doc, profile, MarkdownChunks.Parse(doc.Text), version);
        }

        /// <summary>Reads the spec from a tree of the whole text (the reference that the pieces are tested against).</summary>
        internal static SpecDocument ReadWholeTree(ParsedMarkdown doc, SpecProfile profile) => Read(doc, profile, new[] { (doc.Ast, 0) }, null);

        private static SpecDocument Read(TextDocument doc, SpecProfile profile, IEnumerable<(MarkdownDocument Ast, int Offset)> trees, string? statedVersion)
        {
            var sections = new List<SpecSection>();
            var stack = new List<SpecSection>();
            var byNumber = new Dictionary<string, SpecSection>(StringComparer.Ordinal);
            var problems = new List<NumberingProblem>();
            var misnumbered = new HashSet<SpecSection>();
            var foreign = new HashSet<SpecSection>();
            string scope = string.Empty;
            string? mainTop = null;
            var ids = IdOccurrences.Scan(doc.Text, profile.IdPattern);
            var headings = new List<(int Level, int Start)>();
            var paragraphs = new List<(int Start, int End, int ListDepth)>();
            var comments = Suppressions.InlineSuppressions.MayHoldDirectives(doc.Text) ? new List<(int Start, string Text)>() : null;
            var code = new List<(int Start, int End)>();
            var fences = new List<(int Start, int End, string Info, bool Closed)>();
            foreach (var (ast, offset) in trees)
            {
                Blocks(ast, offset, doc.Text.Length, headings, paragraphs, code, fences);
                if (comments != null) Suppressions.InlineSuppressions.CollectComments(ast, offset, doc.Text, comments);
            }

            foreach (var heading in headings)
            {
                var (text, start) = doc.HeadingTextAt(heading.Start);
                string? number = null;
                string title = text;
                var m = Numbered.Match(text);
                if (m.Success)
                {
                    number = m.Groups["num"].Value;
                    title = m.Groups["title"].Value.Trim();
                }

                string[] parts = number?.Split('.') ?? new string[0];
                if (heading.Level == 1 && sections.Count > 0)
                {
                    // A numbered top-level heading is the spec's own numbering; an unnumbered one
                    // starts an embedded document (or is a stray "#" line from an unclosed fence).
                    scope = number != null ? string.Empty : (text.Length > 0 ? text : "(untitled)");
                    if (number != null) mainTop = parts[0];
                }
                else if (scope.Length > 0 && number != null && parts.Length >= 2 && parts[0] == mainTop && !byNumber.ContainsKey(number))
                {
                    // The spec's numbering resumes after an embedded document or a stray heading.
                    scope = string.Empty;
                }

                var section = new SpecSection(sections.Count, number, title, heading.Level, doc.Span(start, text.Length), scope, heading.Start);
                section.Ids.AddRange(ids.Within(start, start + text.Length));

                while (stack.Count > 0 && stack[stack.Count - 1].Level >= heading.Level)
                {
                    stack[stack.Count - 1].End = heading.Start;
                    stack.RemoveAt(stack.Count - 1);
                }

                section.Parent = stack.Count > 0 ? stack[stack.Count - 1] : null;
                stack.Add(section);
                sections.Add(section);
                section.IsMainBody = (section.Parent?.IsMainBody ?? true)
                    && !profile.IsNonMainBodyTitle(section.Title)
                    && !(scope.Length == 0 && number != null && profile.IsExcludedNumber(number));

                if (number == null || scope.Length > 0) continue;

                // Numbering (the issue's example: "### 2.3.12 Taste Engine" then "#### 2.3.11.1 Goals"):
                // the nearest numbered heading above, skipping headings already reported, must have a
                // number this one extends. Any ancestor prefix will do, since Markdown's six levels
                // cannot nest 2.6.6.7.11.1 under 2.6.6.7.11; each problem is reported once, at its root.
                SpecSection? reference = null;
                bool underForeign = false;
                for (var ancestor = section.Parent; ancestor != null; ancestor = ancestor.Parent)
                {
                    if (ancestor.Number == null) continue;
                    if (parts.Length >= 2 && number.StartsWith(ancestor.Number + ".", StringComparison.Ordinal))
                    {
                        underForeign = foreign.Contains(ancestor); // fits, even under a reported heading
                        break;
                    }

                    if (!misnumbered.Contains(ancestor))
                    {
                        reference = ancestor;
                        break;
                    }
                }

                // A top-level number ("11") below a numbered section restarts the numbering: it and
                // everything numbered under it are foreign to the spec's own numbering.
                if (reference != null && reference.Scope.Length == 0)
                {
                    problems.Add(new NumberingProblem(section, reference));
                    misnumbered.Add(section);
                    foreign.Add(section);
                }
                else if (underForeign)
                {
                    foreign.Add(section);
                }

                // A number names its first heading that is not foreign (a misnumbered copy inside the
                // Roadmap must not hide the real §11.7.5), else its first heading.
                if (!byNumber.TryGetValue(number, out var known) || (foreign.Contains(known) && !foreign.Contains(section)))
                    byNumber[number] = section;
            }

            foreach (var open in stack) open.End = doc.Text.Length;

            // Requirements.
            var requirements = new List<SpecRequirement>();
            var starts = sections.Select(s => s.Start).ToArray();
            // A label ("MUST:", "**SHOULD Requirements**") over a list: the list's items are its
            // requirements, each with the label's keyword; the label itself is none.
            (string Keyword, SpecSection Owner, int LabelDepth, int ItemDepth)? label = null;
            foreach (var (pStart, pEnd, depth) in paragraphs)
            {
                bool listItem = depth > 0;
                bool mayHold = MayHoldKeyword(doc.Text, pStart, pEnd - pStart);
                int at = Array.BinarySearch(starts, pStart);
                if (at < 0) at = ~at - 1;
                if (at < 0) continue;
                var owner = sections[at];
                // A label's list ends at a paragraph no deeper than the label, or at a new section.
                if (label != null && (depth <= label.Value.LabelDepth || label.Value.Owner != owner)) label = null;
                if (!mayHold && label == null) continue;
                string raw = doc.Text.Substring(pStart, pEnd - pStart);
                if (mayHold && LabelKeyword(raw) is string labelled)
                {
                    label = (labelled, owner, depth, 0);
                    continue;
                }

                // The label's items are its list's outermost ones; items nested in them are part of them.
                if (label != null && label.Value.ItemDepth == 0) label = (label.Value.Keyword, owner, label.Value.LabelDepth, depth);
                if (!mayHold)
                {
                    if (depth > label!.Value.ItemDepth) continue;
                    // A list item under a label, with no keyword of its own.
                    string item = raw.TrimEnd('\r', '\n');
                    if (item.Trim().Length == 0) continue;
                    var inherited = new SpecRequirement(label.Value.Keyword, Text.WhiteSpace.Fold(item), doc.Span(pStart, item.Length), owner, ids.Within(pStart, pStart + item.Length));
                    requirements.Add(inherited);
                    owner.Requirements.Add(inherited);
                    continue;
                }

                foreach (var (sentence, offset) in listItem ? new[] { (raw, 0) } : Sentences(raw))
                {
                    Match k;
                    try
                    {
                        k = RequirementKeyword(sentence);
                    }
                    catch (RegexMatchTimeoutException)
                    {
                        continue;
                    }

                    if (!k.Success || IsKeywordPreamble(sentence) || IsKeywordDefinition(sentence)) continue;
                    int sStart = pStart + offset;
                    var requirement = new SpecRequirement(k.Value, Text.WhiteSpace.Fold(sentence), doc.Span(sStart, sentence.Length), owner, ids.Within(sStart, sStart + sentence.Length));
                    requirements.Add(requirement);
                    owner.Requirements.Add(requirement);
                }
            }

            // Keyword comments in fenced code ("// REQUIRED: non-nil", "/// MUST NOT split words"):
            // requirements of their section, as the prose around the code states them.
            bool added = false;
            foreach (var (cStart, cEnd) in code)
            {
                foreach (var (commentStart, comment) in KeywordComments(doc.Text, cStart, cEnd))
                {
                    Match k;
                    try
                    {
                        k = RequirementKeyword(comment);
                    }
                    catch (RegexMatchTimeoutException)
                    {
                        continue;
                    }

                    if (!k.Success || IsKeywordPreamble(comment) || !HasWordBeside(comment, k)) continue;
                    int at = Array.BinarySearch(starts, commentStart);
                    if (at < 0) at = ~at - 1;
                    if (at < 0) continue;
                    var owner = sections[at];
                    var requirement = new SpecRequirement(k.Value, Text.WhiteSpace.Fold(comment), doc.Span(commentStart, comment.Length), owner, ids.Within(commentStart, commentStart + comment.Length));
                    requirements.Add(requirement);
                    owner.Requirements.Add(requirement);
                    added = true;
                }
            }

            if (added)
            {
                requirements.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
                foreach (var s in sections) s.Requirements.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
            }

            // IDs: a heading that names an ID defines it...
            var byId = new Dictionary<string, SpecSection>(StringComparer.Ordinal);
            foreach (var s in sections)
            {
                foreach (var id in s.Ids)
                {
                    if (!byId.ContainsKey(id)) byId[id] = s;
                }
            }

            // ...else its first mention anywhere in the spec (bold text, tables, code). Every
            // section that mentions an ID is kept too: a packet may cite any of them.
            var mentions = new Dictionary<string, List<SpecSection>>(StringComparer.Ordinal);
            foreach (var (index, _, value) in ids.All)
            {
                int at = Array.BinarySearch(starts, index);
                if (at < 0) at = ~at - 1;
                if (at < 0) continue;
                if (!byId.ContainsKey(value)) byId[value] = sections[at];
                if (!mentions.TryGetValue(value, out var list)) mentions[value] = list = new List<SpecSection>();
                if (list.Count == 0 || list[list.Count - 1] != sections[at]) list.Add(sections[at]);
            }

            var swallowing = SwallowingFences(doc, fences, byNumber);

            string? version = statedVersion ?? VersionOf(doc.Path.TrimEnd('/').Substring(doc.Path.TrimEnd('/').LastIndexOf('/') + 1)) ?? (sections.Count > 0 ? VersionOf(sections[0].Title) : null);
            return new SpecDocument(doc.WithoutTree(), Suppressions.InlineSuppressions.FromComments(doc, comments ?? new List<(int, string)>(), code), version, sections, requirements, byNumber, byId, mentions.ToDictionary(e => e.Key, e => (IReadOnlyList<SpecSection>)e.Value, StringComparer.Ordinal), problems, swallowing);
        }

        private static readonly Regex HeadingLine = new Regex(@"^ {0,3}#{1,6}[ \t]+(?<text>.+?)[ \t#]*$", RegexOptions.CultureInvariant | RegexOptions.Compiled);

        /// <summary>
        /// The top-level fenced code blocks that swallow headings of the spec's own numbering: lines
        /// shaped as numbered headings (<c>### 5.5.7 Photo Stack</c>, <c># 6. Mechanical
        /// Integrations</c>) whose number names no section of the spec, under a parent number that
        /// does (or under a number the same fence hides, or a top-level number). A fence whose info
        /// string says Markdown (<c>```md</c>, <c>```markdown</c>) holds an example by intent and is
        /// not judged. Source: CommonMark 0.31 §4.5 (a fence closes only with a fence of the same
        /// character, at least as long); issue 33 (an unclosed fence hid §6 to §6.1.2.3.10).
        /// </summary>
        private static IReadOnlyList<SwallowingFence> SwallowingFences(TextDocument doc, List<(int Start, int End, string Info, bool Closed)> fences, Dictionary<string, SpecSection> byNumber)
        {
            var found = new List<SwallowingFence>();
            foreach (var (start, end, info, closed) in fences)
            {
                string language = info.Trim().ToLowerInvariant();
                if (language == "md" || language == "markdown" || language.StartsWith("markdown ", StringComparison.Ordinal) || language.StartsWith("md ", StringComparison.Ordinal)) continue;
                List<HiddenHeading>? hidden = null;
                HashSet<string>? hiddenNumbers = null;
                int firstLine = doc.Lines.GetPosition(start).Line + 1;
                int lastLine = doc.Lines.GetPosition(Math.Max(start, end - 1)).Line;
                for (int line = firstLine; line <= lastLine; line++)
                {
                    string text = doc.GetLineText(line);
                    int hash = 0;
                    while (hash < text.Length && hash < 4 && text[hash] == ' ') hash++;
                    if (hash >= text.Length || text[hash] != '#') continue;
                    var h = HeadingLine.Match(text);
                    if (!h.Success) continue;
                    var m = Numbered.Match(h.Groups["text"].Value);
                    if (!m.Success) continue;
                    string number = m.Groups["num"].Value;
                    if (!char.IsDigit(number[0]) || byNumber.ContainsKey(number)) continue;
                    int dot = number.LastIndexOf('.');
                    string? parent = dot > 0 ? number.Substring(0, dot) : null;
                    bool fits = parent == null
                        || (byNumber.TryGetValue(parent, out var p) && p.Scope.Length == 0)
                        || (hiddenNumbers != null && hiddenNumbers.Contains(parent));
                    if (!fits) continue;
                    (hidden ??= new List<HiddenHeading>()).Add(new HiddenHeading(number, m.Groups["title"].Value.Trim(), doc.Span(doc.Lines.GetLineStart(line), text.Length)));
                    (hiddenNumbers ??= new HashSet<string>(StringComparer.Ordinal)).Add(number);
                }

                if (hidden == null) continue;
                int openEnd = start;
                while (openEnd < doc.Text.Length && doc.Text[openEnd] != '\r' && doc.Text[openEnd] != '\n') openEnd++;
                found.Add(new SwallowingFence(doc.Span(start, openEnd - start), closed ? lastLine : (int?)null, hidden));
            }

            return found;
        }

        /// <summary>How many list items hold <paramref name="paragraph"/> directly or through lists (0: not a list item's).</summary>
        private static int ListDepth(ParagraphBlock paragraph)
        {
            int depth = 0;
            for (Block? b = paragraph.Parent; b != null; b = b.Parent)
            {
                if (b is ListItemBlock) depth++;
                else if (!(b is ListBlock)) break;
            }

            return depth;
        }

        /// <summary>
        /// Adds every heading (level, offset) and every non-empty paragraph (offsets [start, end),
        /// whether it is a list item's), in lists, quotes and table cells too, in document order,
        /// from one walk over the tree by index (Markdig's Descendants enumerator, run once per
        /// block type, cost a fifth of reading the Handshake spec). Offsets are in the whole text:
        /// the tree's plus <paramref name="offset"/>.
        /// </summary>
        private static void Blocks(ContainerBlock root, int offset, int textLength, List<(int Level, int Start)> headings, List<(int Start, int End, int ListDepth)> paragraphs, List<(int Start, int End)> code, List<(int Start, int End, string Info, bool Closed)> fences)
        {
            var stack = new Stack<(ContainerBlock Container, int Next)>();
            stack.Push((root, 0));
            while (stack.Count > 0)
            {
                var (container, next) = stack.Pop();
                if (next >= container.Count) continue;
                stack.Push((container, next + 1));
                var block = container[next];
                if (block is HeadingBlock heading) headings.Add((heading.Level, offset + heading.Span.Start));
                else if (block is ParagraphBlock paragraph)
                {
                    if (!paragraph.Span.IsEmpty)
                        paragraphs.Add((offset + paragraph.Span.Start, Math.Min(textLength, offset + paragraph.Span.End + 1), ListDepth(paragraph)));
                }
                else if (block is ContainerBlock inner) stack.Push((inner, 0));
                else if (block is CodeBlock codeBlock && !codeBlock.Span.IsEmpty)
                {
                    // An unclosed fence's span is its opening line alone: its code runs to its last line.
                    int end = codeBlock.Span.End;
                    if (codeBlock.Lines.Count > 0) end = Math.Max(end, codeBlock.Lines.Lines[codeBlock.Lines.Count - 1].Slice.End);
                    code.Add((offset + codeBlock.Span.Start, Math.Min(textLength, offset + end + 1)));
                    if (codeBlock is FencedCodeBlock fenced && container is MarkdownDocument)
                        fences.Add((offset + fenced.Span.Start, Math.Min(textLength, offset + end + 1), fenced.Info ?? string.Empty, fenced.ClosingFencedCharCount > 0));
                }
            }
        }

        // Keywords joined by "/" ("MUST/SHOULD", "MUST / MUST NOT") name the keywords; they state nothing.
        private static readonly Regex KeywordRun = new Regex(
            @"\b(?:MUST NOT|MUST|SHALL NOT|SHALL|SHOULD NOT|SHOULD|REQUIRED|RECOMMENDED|MAY|OPTIONAL)(?:\s*/\s*(?:MUST NOT|MUST|SHALL NOT|SHALL|SHOULD NOT|SHOULD|REQUIRED|RECOMMENDED|MAY|OPTIONAL))+\b",
            RegexOptions.CultureInvariant | RegexOptions.Compiled, TaskPacketProfile.RegexTimeout);

        /// <summary>
        /// The comments of a fenced code block (<paramref name="start"/> to <paramref name="end"/>)
        /// that may state a requirement: the text after "//" or "///", "/*", or "#" or "--" followed
        /// by white space, on each line, with its offset. Indented code blocks (a list's continuation
        /// as often as code) are not read.
        /// </summary>
        private static IEnumerable<(int Start, string Text)> KeywordComments(string text, int start, int end)
        {
            int first = start;
            while (first < end && (text[first] == ' ' || text[first] == '\t')) first++;
            if (first + 3 > end || !(string.CompareOrdinal(text, first, "```", 0, 3) == 0 || string.CompareOrdinal(text, first, "~~~", 0, 3) == 0)) yield break;
            int line = text.IndexOf('\n', first);
            while (line >= 0 && line + 1 < end)
            {
                int lineStart = line + 1;
                int lineEnd = text.IndexOf('\n', lineStart);
                if (lineEnd < 0 || lineEnd > end) lineEnd = end;
                int i = lineStart;
                while (i < lineEnd && (text[i] == ' ' || text[i] == '\t')) i++;
                int marker = -1;
                for (int j = i; j + 1 < lineEnd; j++)
                {
                    char c = text[j];
                    if (c == '"' || c == '\'') break; // a marker inside a string is no comment
                    if ((c == '/' && (text[j + 1] == '/' || text[j + 1] == '*')) || ((c == '#' || (c == '-' && text[j + 1] == '-')) && j == i && j + 2 < lineEnd && (text[j + (c == '#' ? 1 : 2)] == ' ')))
                    {
                        marker = j;
                        break;
                    }
                }

                if (marker >= 0)
                {
                    int body = marker;
                    while (body < lineEnd && (text[body] == '/' || text[body] == '*' || text[body] == '#' || text[body] == '-' || text[body] == '!')) body++;
                    while (body < lineEnd && (text[body] == ' ' || text[body] == '\t')) body++;
                    int bodyEnd = lineEnd;
                    while (bodyEnd > body && (text[bodyEnd - 1] == '\r' || text[bodyEnd - 1] == ' ' || text[bodyEnd - 1] == '/' || text[bodyEnd - 1] == '*')) bodyEnd--;
                    if (bodyEnd > body) yield return (body, text.Substring(body, bodyEnd - body));
                }

                line = lineEnd < end ? lineEnd : -1;
            }
        }

        /// <summary>Whether <paramref name="comment"/> says something besides its keyword ("REQUIRED: non-nil"; "✅ REQUIRED" labels the code, it states nothing).</summary>
        private static bool HasWordBeside(string comment, Match keyword)
        {
            string rest = comment.Remove(keyword.Index, keyword.Length);
            foreach (char c in rest)
            {
                if (char.IsLetter(c)) return true;
            }

            return false;
        }

        /// <summary>
        /// The first keyword of <paramref name="sentence"/> that states a requirement: not one of a
        /// run of keywords joined by "/" ("Every MUST/SHOULD in the section", "(MUST/SHOULD/MUST
        /// NOT)"), which mentions the keywords. An unsuccessful match when there is none.
        /// </summary>
        private static Match RequirementKeyword(string sentence)
        {
            var k = Keyword.Match(sentence);
            if (!k.Success) return k;
            var runs = sentence.IndexOf('/') < 0 ? null : KeywordRun.Matches(sentence).Cast<Match>().ToList();
            bool InRun(Match m) => runs != null && runs.Any(r => m.Index >= r.Index && m.Index < r.Index + r.Length);
            while (k.Success && InRun(k)) k = k.NextMatch();
            if (!k.Success || IsAbsoluteKeyword(k.Value)) return k;

            // A sentence that also states an absolute keyword ("SHOULD be kept ... and MUST NOT be exported")
            // is a requirement of the stronger one: its MUST is asked of the packet (GOV207), not only its SHOULD.
            for (var later = k.NextMatch(); later.Success; later = later.NextMatch())
            {
                if (!InRun(later) && IsAbsoluteKeyword(later.Value)) return later;
            }

            return k;
        }

        private static bool IsAbsoluteKeyword(string keyword) =>
            keyword.StartsWith("MUST", StringComparison.Ordinal) || keyword.StartsWith("SHALL", StringComparison.Ordinal) || keyword == "REQUIRED";

        /// <summary>
        /// The keyword of a label line over a list: the paragraph is, after emphasis, heading marks
        /// and white space, one keyword, optionally followed by "Requirement(s)", and optionally a
        /// colon ("MUST:", "**MUST NOT:**", "**SHOULD Requirements**"); else null.
        /// </summary>
        internal static string? LabelKeyword(string paragraph)
        {
            var text = new System.Text.StringBuilder(paragraph.Length);
            foreach (char c in paragraph)
            {
                if (c != '*' && c != '_' && c != '#') text.Append(c);
            }

            string rest = Text.WhiteSpace.Fold(text.ToString()).Trim().TrimEnd(':').Trim();
            foreach (string suffix in new[] { " Requirements", " Requirement", " requirements", " requirement" })
            {
                if (rest.EndsWith(suffix, StringComparison.Ordinal)) rest = rest.Substring(0, rest.Length - suffix.Length);
            }

            rest = rest.TrimEnd(':').Trim();
            return Labels.Contains(rest) ? rest : null;
        }

        private static readonly HashSet<string> Labels = new HashSet<string>(StringComparer.Ordinal)
        {
            "MUST", "MUST NOT", "SHALL", "SHALL NOT", "REQUIRED", "SHOULD", "SHOULD NOT", "RECOMMENDED",
        };

        /// <summary>The RFC 2119 preamble ("The key words MUST, SHOULD, MAY are to be interpreted...") defines the keywords; it is not a requirement.</summary>
        private static bool IsKeywordPreamble(string sentence) =>
            sentence.IndexOf("RFC 2119", StringComparison.OrdinalIgnoreCase) >= 0
            || sentence.IndexOf("key words", StringComparison.OrdinalIgnoreCase) >= 0
            || sentence.IndexOf("keywords", StringComparison.OrdinalIgnoreCase) >= 0 && Keyword.Matches(sentence).Count >= 2;

        private static readonly string[] DefinedKeywords =
        {
            "MUST NOT", "MUST", "SHALL NOT", "SHALL", "REQUIRED", "SHOULD NOT", "SHOULD", "NOT RECOMMENDED", "RECOMMENDED", "MAY", "OPTIONAL",
        };

        /// <summary>
        /// A line of a keyword legend defines the keywords it starts with, as RFC 2119 does ("**MUST /
        /// MUST NOT**: mandatory requirement.", "SHOULD, SHOULD NOT - strongly recommended"): after
        /// emphasis, quotes and list marks, two or more keywords joined by "/", ",", "|", "or" or
        /// "and", then the end, or ":", "=", a dash, and the meaning. It is not a requirement. One
        /// keyword, a colon and text ("REQUIRED: all DB operations via the storage API") stays a
        /// requirement: specs write requirements that way; one keyword alone over a list is a label
        /// (<see cref="LabelKeyword"/>) whose items are the requirements.
        /// </summary>
        private static bool IsKeywordDefinition(string sentence)
        {
            var text = new System.Text.StringBuilder(sentence.Length);
            foreach (char c in sentence)
            {
                if (c != '*' && c != '_' && c != '`' && c != '"' && c != '\u201C' && c != '\u201D') text.Append(c);
            }

            string rest = text.ToString().TrimStart(' ', '\t', '-', '+', '>', '|', '[', ']');
            int keywords = 0;
            while (true)
            {
                string? keyword = DefinedKeywords.FirstOrDefault(k => rest.StartsWith(k, StringComparison.Ordinal) && (rest.Length == k.Length || !char.IsLetter(rest[k.Length])));
                if (keyword == null) break;
                keywords++;
                rest = rest.Substring(keyword.Length).TrimStart();
                string? joiner = new[] { "/", ",", "|", "or ", "and " }.FirstOrDefault(j => rest.StartsWith(j, StringComparison.Ordinal));
                if (joiner == null) break;
                rest = rest.Substring(joiner.Length).TrimStart();
            }

            if (keywords < 2) return false;
            rest = rest.TrimEnd(' ', '\t', '\r', '\n', '|', '.');
            return rest.Length == 0 || rest[0] == ':' || rest[0] == '=' || rest[0] == '\u2014' || rest[0] == '\u2013' || rest.StartsWith("- ", StringComparison.Ordinal) || rest.StartsWith("-- ", StringComparison.Ordinal);
        }

        private static bool MayHoldKeyword(string text, int start, int length)
        {
            // All keywords start with M, S, or R followed by an upper-case letter: one pass, no copy.
            int end = start + length;
            for (int i = start; i + 1 < end; i++)
            {
                char c = text[i];
                if ((c == 'M' || c == 'S' || c == 'R') && text[i + 1] >= 'A' && text[i + 1] <= 'Z')
                {
                    int rest = end - i;
                    if ((rest >= 4 && string.CompareOrdinal(text, i, "MUST", 0, 4) == 0) || (rest >= 5 && string.CompareOrdinal(text, i, "SHALL", 0, 5) == 0)
                        || (rest >= 6 && string.CompareOrdinal(text, i, "SHOULD", 0, 6) == 0) || (rest >= 8 && string.CompareOrdinal(text, i, "REQUIRED", 0, 8) == 0)
                        || (rest >= 11 && string.CompareOrdinal(text, i, "RECOMMENDED", 0, 11) == 0)) return true;
                }
            }

            return false;
        }

        private static IEnumerable<(string Sentence, int Offset)> Sentences(string paragraph)
        {
            int start = 0;
            foreach (Match m in SentenceEnd.Matches(paragraph))
            {
                yield return (paragraph.Substring(start, m.Index - start), start);
                start = m.Index + m.Length;
            }

            if (start < paragraph.Length) yield return (paragraph.Substring(start), start);
        }

    }

    /// <summary>
    /// Every requirement ID in the spec, found in one scan of the whole text and looked up by
    /// range afterwards: the IDs of a heading or a requirement sentence are the occurrences that
    /// lie wholly inside it. One scan instead of one per heading and per sentence (about 4,500
    /// calls on the Handshake spec). A configured pattern that times out on the spec leaves it
    /// with no IDs at all rather than some.
    /// </summary>
    internal sealed class IdOccurrences
    {
        private readonly List<(int Index, int Length, string Value)> _all;

        private IdOccurrences(List<(int Index, int Length, string Value)> all) => _all = all;

        /// <summary>Every occurrence, in text order (offset, length, ID).</summary>
        public IReadOnlyList<(int Index, int Length, string Value)> All => _all;

        /// <summary>Scans <paramref name="text"/> once.</summary>
        public static IdOccurrences Scan(string text, Regex pattern)
        {
            var all = new List<(int, int, string)>();
            try
            {
                for (var m = pattern.Match(text); m.Success; m = m.NextMatch())
                {
                    if (m.Length > 0) all.Add((m.Index, m.Length, m.Value));
                }
            }
            catch (RegexMatchTimeoutException)
            {
                all.Clear();
            }

            return new IdOccurrences(all);
        }

        /// <summary>The distinct IDs lying wholly in [<paramref name="start"/>, <paramref name="end"/>), in order of first occurrence.</summary>
        public List<string> Within(int start, int end)
        {
            var found = new List<string>();
            int lo = 0, hi = _all.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (_all[mid].Index < start) lo = mid + 1;
                else hi = mid;
            }

            for (int i = lo; i < _all.Count && _all[i].Index < end; i++)
            {
                var (index, length, value) = _all[i];
                if (index + length <= end && !found.Contains(value)) found.Add(value);
            }

            return found;
        }
    }
}
