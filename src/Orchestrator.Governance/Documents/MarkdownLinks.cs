using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SourceSpan = Orchestrator.Governance.Text.SourceSpan;

namespace Orchestrator.Governance.Documents
{
    /// <summary>One link destination as written in a document, and where.</summary>
    public sealed class MarkdownLink
    {
        internal MarkdownLink(string url, SourceSpan span)
        {
            Url = url;
            Span = span;
        }

        /// <summary>The destination as Markdig read it (backslash escapes resolved, %-escapes kept), e.g. <c>../ADR_05.md#status</c>.</summary>
        public string Url { get; }

        /// <summary>Where the destination is written.</summary>
        public SourceSpan Span { get; }
    }

    /// <summary>
    /// The links of a Markdown document and the anchors it offers, read from its Markdig tree
    /// (CommonMark §6.3 inline links and images, §4.7 link reference definitions): a link in a code
    /// span or block is not a link. Anchors are the GitHub heading IDs (github-slugger: lower case,
    /// punctuation dropped, spaces to hyphens, "-1", "-2" for repeats) and explicit
    /// <c>&lt;a name&gt;</c>/<c>&lt;a id&gt;</c> targets.
    /// </summary>
    public sealed class MarkdownLinks
    {
        /// <summary>Inline link or image syntax, <c>[text](url)</c>; group 1 is the text.</summary>
        // Bounded like ExplicitAnchor: a heading of 160,000 '<' (or '[') without a closing one made the
        // unbounded patterns quadratic. A tag or link text longer than these is left as written.
        internal static readonly Regex LinkSyntax = new Regex(@"!?\[([^\[\]]{0,1000})\]\([^()]{0,2000}\)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        private static readonly Regex HtmlTag = new Regex(@"<[^<>]{0,1000}>", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        private static readonly Regex EmphasisUnderscore = new Regex(@"(?<![\p{L}\p{Nd}])_+|_+(?![\p{L}\p{Nd}])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        // Bounded: an attribute within 200 characters of "<a", a value of at most 200, neither crossing
        // another tag's '<' or '>', so each "<a" costs at most a few hundred steps however the text
        // goes on (15 KB of "<a " without a '>' took the unbounded pattern past its timeout).
        private static readonly Regex ExplicitAnchor = new Regex(@"<a\s[^<>]{0,200}?\b(?:name|id)\s*=\s*[""']([^""'<>\r\n]{1,200})[""']", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

        private MarkdownLinks(string path, List<MarkdownLink> links, HashSet<string> anchors)
        {
            Path = path;
            Links = links;
            Anchors = anchors;
        }

        /// <summary>The document's repository-relative path.</summary>
        public string Path { get; }

        /// <summary>Every link destination, in document order.</summary>
        public IReadOnlyList<MarkdownLink> Links { get; }

        /// <summary>The anchors a link's #fragment may name, in lower case.</summary>
        public ISet<string> Anchors { get; }

        /// <summary>Reads the links and anchors of <paramref name="doc"/> (the blocks holding "](" have their inlines parsed).</summary>
        public static MarkdownLinks Collect(ParsedMarkdown doc)
        {
            var text = doc.Text;
            var links = new List<MarkdownLink>();
            var anchors = new HashSet<string>(StringComparer.Ordinal);
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var block in doc.Ast.Descendants<Block>())
            {
                if (block is HeadingBlock heading)
                {
                    string title = doc.HeadingText(heading).Text;
                    AddHeading(anchors, seen, Slug(title));
                    string plain = Slug(EmphasisUnderscore.Replace(title, string.Empty));
                    if (plain.Length > 0) anchors.Add(plain);
                }

                if (block is LinkReferenceDefinition definition && definition.Url != null && !definition.UrlSpan.IsEmpty)
                {
                    links.Add(new MarkdownLink(definition.Url, doc.Span(definition.UrlSpan.Start, definition.UrlSpan.Length)));
                    continue;
                }

                if (!(block is LeafBlock leaf) || leaf.Inline == null || leaf.Span.IsEmpty) continue;
                int start = leaf.Span.Start;
                int end = Math.Min(text.Length, leaf.Span.End + 1);

                // Inline spans are not tracked (that costs 10% of every parse): each destination is
                // found in the block's text, in order.
                int from = start;
                foreach (var link in leaf.Inline.Descendants<LinkInline>())
                {
                    if (link.IsAutoLink || link.Url == null || link.Reference != null || link.Label != null) continue;
                    int at = from < end ? text.IndexOf(link.Url, from, end - from, StringComparison.Ordinal) : -1;
                    var span = at >= 0 ? doc.Span(at, link.Url.Length) : doc.Span(start, 0);
                    if (at >= 0) from = at + link.Url.Length;
                    links.Add(new MarkdownLink(link.Url, span));
                }
            }

            if (text.IndexOf("<a ", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                foreach (Match m in ExplicitAnchor.Matches(text)) anchors.Add(m.Groups[1].Value.ToLowerInvariant());
            }

            return new MarkdownLinks(doc.Path, links, anchors);
        }

        private static void AddHeading(HashSet<string> anchors, Dictionary<string, int> seen, string slug)
        {
            if (seen.TryGetValue(slug, out int count))
            {
                seen[slug] = count + 1;
                anchors.Add(slug + "-" + (count + 1).ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                seen[slug] = 0;
                anchors.Add(slug);
            }
        }

        /// <summary>
        /// A heading's GitHub anchor: link and image syntax reduced to its text, HTML tags dropped,
        /// lower case, every character but letters, digits, marks, '_', '-' and spaces dropped,
        /// spaces to '-'. "## 2.3 Storage API (v2)" → "23-storage-api-v2".
        /// </summary>
        public static string Slug(string heading)
        {
            string s = LinkSyntax.Replace(heading, "$1");
            s = HtmlTag.Replace(s, string.Empty).Trim().ToLowerInvariant();
            var slug = new StringBuilder(s.Length);
            foreach (char c in s)
            {
                if (c == ' ') slug.Append('-');
                else if (c == '-' || c == '_' || char.IsLetterOrDigit(c)) slug.Append(c);
                else
                {
                    var category = char.GetUnicodeCategory(c);
                    if (category == UnicodeCategory.NonSpacingMark || category == UnicodeCategory.SpacingCombiningMark) slug.Append(c);
                }
            }

            return slug.ToString();
        }
    }
}
