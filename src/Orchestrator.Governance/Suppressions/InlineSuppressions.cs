using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Orchestrator.Governance.Documents;
using SourceSpan = Orchestrator.Governance.Text.SourceSpan;

namespace Orchestrator.Governance.Suppressions
{
    /// <summary>A rule ID named in a suppression comment, with where it is written.</summary>
    public sealed class SuppressionReference
    {
        internal SuppressionReference(string ruleId, string directive, SourceSpan span)
        {
            RuleId = ruleId;
            Directive = directive;
            Span = span;
        }

        /// <summary>The ID as written.</summary>
        public string RuleId { get; }

        /// <summary>The directive, e.g. "governance-disable-next-line".</summary>
        public string Directive { get; }

        /// <summary>Span of the ID.</summary>
        public SourceSpan Span { get; }
    }

    /// <summary>
    /// Suppression comments in a Markdown document, in the style of markdownlint's inline
    /// configuration: <c>&lt;!-- governance-disable-next-line GOV107 --&gt;</c>,
    /// <c>governance-disable-line</c>, <c>governance-disable</c> ... <c>governance-enable</c>, and
    /// <c>governance-disable-file</c>. A directive without IDs applies to every rule. Only real HTML
    /// comments count: a comment inside a code span or fenced code is text, not a directive.
    /// </summary>
    public sealed class InlineSuppressions
    {
        private static readonly Regex Directive = new Regex(
            @"<!--\s*(?<kind>governance-(?:disable-next-line|disable-line|disable-file|disable|enable))(?<ids>(?:[ \t,]+[A-Za-z][A-Za-z0-9_-]*)*)\s*-->",
            RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(250));

        private const string AllRules = "*";
        private readonly List<(string Rule, int From, int To)> _ranges;
        private readonly List<(int From, int To)> _code;

        private InlineSuppressions(List<(string Rule, int From, int To)> ranges, IReadOnlyList<SuppressionReference> references, List<(int From, int To)> code)
        {
            _ranges = ranges;
            References = references;
            _code = code;
        }

        /// <summary>
        /// Whether the 1-based <paramref name="line"/> is in a code block (fenced or indented) or the
        /// YAML front matter, as the parser found them: a comment written there would be text, not a
        /// directive (CommonMark 0.31 §4.4-4.5), so no "suppress on this line" fix is offered there.
        /// </summary>
        public bool IsCode(int line)
        {
            int lo = 0, hi = _code.Count - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) / 2;
                if (line < _code[mid].From) hi = mid - 1;
                else if (line > _code[mid].To) lo = mid + 1;
                else return true;
            }

            return false;
        }

        /// <summary>Every rule ID the comments name (checked by the engine for GOV005).</summary>
        public IReadOnlyList<SuppressionReference> References { get; }

        /// <summary>Whether <paramref name="ruleId"/> is suppressed on the 1-based <paramref name="line"/>.</summary>
        public bool IsSuppressed(string ruleId, int line)
        {
            foreach (var (rule, from, to) in _ranges)
            {
                if (line >= from && line <= to && (rule == AllRules || string.Equals(rule, ruleId, StringComparison.OrdinalIgnoreCase))) return true;
            }

            return false;
        }

        /// <summary>Reads the comments of a parsed document.</summary>
        public static InlineSuppressions Read(ParsedMarkdown doc)
        {
            var comments = new List<(int Start, string Text)>();
            if (MayHoldDirectives(doc.Text)) CollectComments(doc.Ast, 0, doc.Text, comments);
            var code = new List<(int Start, int End)>();
            foreach (var block in doc.Ast.Descendants<CodeBlock>())
            {
                if (!block.Span.IsEmpty) code.Add((block.Span.Start, block.Span.End + 1));
            }

            return FromComments(doc, comments, code);
        }

        /// <summary>
        /// Whether <paramref name="text"/> can hold a directive: every directive starts
        /// "governance-disable" or "governance-enable"; prose such as "governance-aware" (the
        /// Handshake spec has eleven) does not make a tree worth walking.
        /// </summary>
        internal static bool MayHoldDirectives(string text) =>
            text.IndexOf("governance-disable", StringComparison.Ordinal) >= 0 || text.IndexOf("governance-enable", StringComparison.Ordinal) >= 0;

        /// <summary>
        /// Adds the HTML comments of <paramref name="ast"/>, a tree of the part of
        /// <paramref name="text"/> that starts at <paramref name="offset"/>, as (offset in
        /// <paramref name="text"/>, comment text).
        /// </summary>
        internal static void CollectComments(MarkdownDocument ast, int offset, string text, List<(int Start, string Text)> comments)
        {
            foreach (var block in ast.Descendants<LeafBlock>())
            {
                if (block.Span.IsEmpty) continue;
                int start = offset + block.Span.Start;
                int end = Math.Min(text.Length, offset + block.Span.End + 1);
                if (block is HtmlBlock)
                {
                    comments.Add((start, text.Substring(start, end - start)));
                    continue;
                }

                if (block.Inline == null || text.IndexOf("<!--", start, end - start, StringComparison.Ordinal) < 0) continue;

                // A comment inline: Markdig says which comments are real (not in a code span); its
                // position is found in the block's text, in order, since inline spans are not tracked.
                int from = start;
                foreach (var inline in block.Inline.Descendants<HtmlInline>())
                {
                    if (inline.Tag == null || !inline.Tag.StartsWith("<!--", StringComparison.Ordinal)) continue;
                    int at = text.IndexOf(inline.Tag, from, end - from, StringComparison.Ordinal);
                    if (at < 0) continue;
                    comments.Add((at, inline.Tag));
                    from = at + inline.Tag.Length;
                }
            }
        }

        /// <summary>
        /// The suppressions that the comments collected from <paramref name="doc"/> declare, with
        /// the code blocks and front matter found in its tree (offsets, end exclusive).
        /// </summary>
        internal static InlineSuppressions FromComments(TextDocument doc, List<(int Start, string Text)> comments, List<(int Start, int End)> codeBlocks)
        {
            comments.Sort((a, b) => a.Start.CompareTo(b.Start));
            var ranges = new List<(string, int, int)>();
            var references = new List<SuppressionReference>();
            var open = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var (start, text) in comments)
            {
                if (text.IndexOf("governance-", StringComparison.Ordinal) < 0) continue;
                foreach (Match m in Directive.Matches(text))
                {
                    string kind = m.Groups["kind"].Value;
                    int line = doc.Lines.GetPosition(start + m.Index).Line;
                    var ids = new List<string>();
                    var idGroup = m.Groups["ids"];
                    foreach (Match id in Regex.Matches(idGroup.Value, "[A-Za-z][A-Za-z0-9_-]*"))
                    {
                        ids.Add(id.Value);
                        references.Add(new SuppressionReference(id.Value, kind, doc.Span(start + idGroup.Index + id.Index, id.Length)));
                    }

                    if (ids.Count == 0) ids.Add(AllRules);
                    foreach (var id in ids)
                    {
                        switch (kind)
                        {
                            case "governance-disable-next-line": ranges.Add((id, line + 1, line + 1)); break;
                            case "governance-disable-line": ranges.Add((id, line, line)); break;
                            case "governance-disable-file": ranges.Add((id, 1, int.MaxValue)); break;
                            case "governance-disable":
                                if (!open.ContainsKey(id)) open[id] = line;
                                break;
                            case "governance-enable":
                                if (id == AllRules)
                                {
                                    foreach (var o in open) ranges.Add((o.Key, o.Value, line));
                                    open.Clear();
                                }
                                else if (open.TryGetValue(id, out int from))
                                {
                                    ranges.Add((id, from, line));
                                    open.Remove(id);
                                }

                                break;
                        }
                    }
                }
            }

            foreach (var o in open) ranges.Add((o.Key, o.Value, int.MaxValue));
            var code = new List<(int From, int To)>(codeBlocks.Count);
            foreach (var (start, end) in codeBlocks)
            {
                int from = doc.Lines.GetPosition(start).Line;
                int to = doc.Lines.GetPosition(Math.Max(start, Math.Min(doc.Text.Length, end) - 1)).Line;
                code.Add((from, to));
            }

            code.Sort((a, b) => a.From.CompareTo(b.From));
            return new InlineSuppressions(ranges, references, code);
        }
    }
}
