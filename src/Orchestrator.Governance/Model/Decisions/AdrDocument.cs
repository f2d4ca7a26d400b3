using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Orchestrator.Governance.Documents;
using SourceSpan = Orchestrator.Governance.Text.SourceSpan;

namespace Orchestrator.Governance.Model.Decisions
{
    /// <summary>The template an ADR follows.</summary>
    public enum AdrStyle
    {
        /// <summary>Michael Nygard's: Status, Context, Decision, Consequences.</summary>
        Nygard,

        /// <summary>MADR: a front matter status, Context and Problem Statement, Considered Options, Decision Outcome.</summary>
        Madr,
    }

    /// <summary>A reference to another ADR by number ("Superseded by ADR-0005", "Supersedes [0003](0003-x.md)").</summary>
    public sealed class AdrReference
    {
        internal AdrReference(int number, SourceSpan span)
        {
            Number = number;
            Span = span;
        }

        /// <summary>The ADR number referred to.</summary>
        public int Number { get; }

        /// <summary>Where the reference is written.</summary>
        public SourceSpan Span { get; }
    }

    /// <summary>
    /// An architecture decision record read from Markdown: its number (from the file name), the
    /// template it follows, which of that template's parts it has, its status and its supersede
    /// links. A part is there when a heading starts with its name ("## Context", "## Decision
    /// Outcome") or a field line names it ("- **Status:** Accepted", "Context: ..."): the Handshake
    /// ADRs keep Status and Context as fields under the title. Sources: Michael Nygard, "Documenting
    /// Architecture Decisions" (2011); MADR 3.0 (adr.github.io/madr).
    /// </summary>
    public sealed class AdrDocument
    {
        /// <summary>Nygard's parts.</summary>
        public static readonly IReadOnlyList<string> NygardParts = new[] { "Status", "Context", "Decision", "Consequences" };

        /// <summary>MADR's parts.</summary>
        public static readonly IReadOnlyList<string> MadrParts = new[] { "Status", "Context and Problem Statement", "Considered Options", "Decision Outcome" };

        private static readonly Regex FileNumber = new Regex(@"^(?:ADR[-_ ]?)?0*(?<n>\d{1,6})(?=[-_. ]|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly Regex Field = new Regex(
            @"^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(?<key>[A-Za-z][A-Za-z ]{0,40}?)[ \t]*(?:(?:\*\*|__)[ \t]*:|:[ \t]*(?:\*\*|__)?)[ \t]*(?<value>.*?)[ \t]*$",
            RegexOptions.CultureInvariant);
        private static readonly Regex Reference = new Regex(
            @"\b(?<kind>[Ss]uperseded[ \t]+by|[Ss]upersedes)\b[ \t:]*(?:\[[^\]]*\]\()?(?:[^)\s]*/)?(?:ADR[-_ ]?)?0*(?<n>\d{1,6})",
            RegexOptions.CultureInvariant);

        private AdrDocument(TextDocument document, int number, string title, SourceSpan titleSpan, AdrStyle style, IReadOnlyList<string> missing,
            string? status, SourceSpan statusSpan, IReadOnlyList<AdrReference> supersededBy, IReadOnlyList<AdrReference> supersedes, Documents.YamlFrontMatter? frontMatter)
        {
            FrontMatter = frontMatter;
            Document = document;
            Number = number;
            Title = title;
            TitleSpan = titleSpan;
            Style = style;
            MissingParts = missing;
            Status = status;
            StatusSpan = statusSpan;
            SupersededBy = supersededBy;
            Supersedes = supersedes;
        }

        /// <summary>The ADR's text and line map.</summary>
        public TextDocument Document { get; }

        /// <summary>Repository-relative path.</summary>
        public string Path => Document.Path;

        /// <summary>The number in the file name (0007-use-postgres.md, ADR-0007-..., ADR_07.md gives 7).</summary>
        public int Number { get; }

        /// <summary>The first heading's text, or the file name.</summary>
        public string Title { get; }

        /// <summary>The first heading, or (1,1).</summary>
        public SourceSpan TitleSpan { get; }

        /// <summary>The template the ADR follows.</summary>
        public AdrStyle Style { get; }

        /// <summary>The template's parts the ADR lacks, in the template's order.</summary>
        public IReadOnlyList<string> MissingParts { get; }

        /// <summary>The status as written ("Accepted", "Superseded by ADR-0005"), or null.</summary>
        public string? Status { get; }

        /// <summary>Where the status is written.</summary>
        public SourceSpan StatusSpan { get; }

        /// <summary>"Superseded by" references.</summary>
        public IReadOnlyList<AdrReference> SupersededBy { get; }

        /// <summary>"Supersedes" references.</summary>
        public IReadOnlyList<AdrReference> Supersedes { get; }

        /// <summary>The ADR number of a file name, or null when the name has none (README.md, template.md).</summary>
        public static int? NumberOf(string path)
        {
            string name = path.Substring(path.LastIndexOf('/') + 1);
            var m = FileNumber.Match(name);
            return m.Success && int.TryParse(m.Groups["n"].Value, out int n) ? n : (int?)null;
        }

        /// <summary>Reads an ADR whose file name has a number; never throws on any Markdown input.</summary>
        public static AdrDocument Read(ParsedMarkdown doc, int number)
        {
            var headings = doc.Ast.Descendants<HeadingBlock>().Select(h => (Heading: h, Text: doc.HeadingText(h))).ToList();
            var frontMatter = Documents.YamlFrontMatter.Read(doc.Text);
            var frontStatus = frontMatter?.Find("status");
            var fields = new List<(string Key, string Value, int ValueStart)>();
            int pos = 0;
            int lineNo = 0;
            while (pos < doc.Text.Length && lineNo < 400)
            {
                int nl = doc.Text.IndexOf('\n', pos);
                int end = nl < 0 ? doc.Text.Length : nl;
                string line = doc.Text.Substring(pos, end - pos).TrimEnd('\r');
                var m = Field.Match(line);
                if (m.Success && !line.TrimStart().StartsWith("#", StringComparison.Ordinal))
                    fields.Add((m.Groups["key"].Value.Trim(), m.Groups["value"].Value.Trim('*', '_', ' '), pos + m.Groups["value"].Index));
                if (nl < 0) break;
                pos = nl + 1;
                lineNo++;
            }

            bool HasHeading(string part) => headings.Any(h => Strip(h.Text.Text).StartsWith(part, StringComparison.OrdinalIgnoreCase));
            bool HasField(string part) => fields.Any(f => string.Equals(f.Key, part, StringComparison.OrdinalIgnoreCase));
            bool madr = frontStatus != null || MadrParts.Skip(1).Any(HasHeading);
            var style = madr ? AdrStyle.Madr : AdrStyle.Nygard;

            // Status: front matter, a field line, or the first line under a "Status" heading.
            string? status = null;
            SourceSpan statusSpan = doc.Span(0, 0);
            var fieldStatus = fields.FirstOrDefault(f => string.Equals(f.Key, "Status", StringComparison.OrdinalIgnoreCase));
            if (frontStatus != null)
            {
                status = frontStatus.Value;
                statusSpan = doc.Span(frontStatus.ValueStart, frontStatus.ValueLength);
            }
            else if (fieldStatus.Key != null)
            {
                status = fieldStatus.Value;
                statusSpan = doc.Span(fieldStatus.ValueStart, doc.LineFrom(fieldStatus.ValueStart).TrimEnd().Length);
            }
            else
            {
                var heading = headings.FirstOrDefault(h => string.Equals(Strip(h.Text.Text), "Status", StringComparison.OrdinalIgnoreCase));
                if (heading.Heading != null)
                {
                    int at = heading.Heading.Span.End + 1;
                    while (at < doc.Text.Length && char.IsWhiteSpace(doc.Text[at])) at++;
                    string line = doc.LineFrom(at);
                    string value = line.TrimStart('-', '*', '+', ' ').Trim().Trim('*', '_');
                    if (value.Length > 0 && !line.StartsWith("#", StringComparison.Ordinal))
                    {
                        status = value;
                        statusSpan = doc.Span(at + line.IndexOf(value, StringComparison.Ordinal), value.Length);
                    }
                }
            }

            var parts = style == AdrStyle.Madr ? MadrParts : NygardParts;
            var missing = parts.Where(p => !(HasHeading(p) || HasField(p) || (p == "Status" && status != null))).ToList();

            var supersededBy = new List<AdrReference>();
            var supersedes = new List<AdrReference>();
            foreach (Match m in Reference.Matches(doc.Text))
            {
                if (!int.TryParse(m.Groups["n"].Value, out int n) || n == number) continue;
                var reference = new AdrReference(n, doc.Span(m.Index, m.Length));
                if (m.Groups["kind"].Value.StartsWith("Superseded", StringComparison.OrdinalIgnoreCase)) supersededBy.Add(reference);
                else supersedes.Add(reference);
            }

            var first = headings.FirstOrDefault();
            string title = first.Heading != null ? first.Text.Text : doc.Path.Substring(doc.Path.LastIndexOf('/') + 1);
            var titleSpan = first.Heading != null ? doc.Span(first.Text.Start, first.Text.Text.Length) : doc.Span(0, 0);
            return new AdrDocument(doc.WithoutTree(), number, title, titleSpan, style, missing, status, statusSpan, supersededBy, supersedes, frontMatter);
        }

        /// <summary>The YAML front matter (MADR), or null when the ADR has none.</summary>
        public Documents.YamlFrontMatter? FrontMatter { get; }

        /// <summary>The status's first word in lower case ("Superseded by ADR-0005" gives "superseded"), or null.</summary>
        public string? StatusWord
        {
            get
            {
                if (Status == null) return null;
                var m = Regex.Match(Status, @"[A-Za-z]+");
                return m.Success ? m.Value.ToLowerInvariant() : null;
            }
        }

        /// <summary>A heading's text without a leading number ("2. Context" gives "Context").</summary>
        private static string Strip(string heading) => Regex.Replace(heading, @"^\s*(?:\d+(?:\.\d+)*\.?|[A-Z]\.)\s+", string.Empty).Trim();
    }
}
