using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Orchestrator.Governance.Text;

namespace Orchestrator.Governance.Model.Spec
{
    /// <summary>What a reference in a SPEC_ANCHOR names.</summary>
    public enum AnchorKind
    {
        /// <summary>A section number: §2.3.12.4, 4.3.3.4.3 (each end of a range), A7.6.3.</summary>
        Section,

        /// <summary>A requirement ID: CX-DBP-022, FR-EVT-001, TERM-API-001 (the start of ..005).</summary>
        Id,

        /// <summary>A line of a spec file: Handshake_Master_Spec_v02.106.md:20702.</summary>
        Line,
    }

    /// <summary>One reference inside a SPEC_ANCHOR line, with the span of its text.</summary>
    public sealed class AnchorReference
    {
        internal AnchorReference(AnchorKind kind, string value, SourceSpan span, string? specVersion, string? scopeHint, int line)
        {
            Kind = kind;
            Value = value;
            Span = span;
            SpecVersion = specVersion;
            ScopeHint = scopeHint;
            LineNumber = line;
        }

        /// <summary>What it names.</summary>
        public AnchorKind Kind { get; }

        /// <summary>The section number (without §), the ID, or the line number as written.</summary>
        public string Value { get; }

        /// <summary>Where it stands in the packet.</summary>
        public SourceSpan Span { get; }

        /// <summary>The spec version named on the same line before it ("02.106"), or null.</summary>
        public string? SpecVersion { get; }

        /// <summary>"Addendum" when the line says the number belongs to an addendum's own numbering.</summary>
        public string? ScopeHint { get; }

        /// <summary>For <see cref="AnchorKind.Line"/>: the line number.</summary>
        public int LineNumber { get; }

        /// <summary>"§2.3.12.4", "CX-DBP-022" or "Handshake_Master_Spec_v02.106.md:20702" style display.</summary>
        public string Display => Kind == AnchorKind.Section ? "§" + Value : Kind == AnchorKind.Line ? "line " + Value : Value;
    }

    /// <summary>One line of a SPEC_ANCHOR (its value, or one of its list entries) and what it names.</summary>
    public sealed class AnchorLine
    {
        internal AnchorLine(string text, SourceSpan span, IReadOnlyList<AnchorReference> references, IReadOnlyList<(string Version, SourceSpan Span)> versions, IReadOnlyList<(AnchorReference From, AnchorReference To)>? ranges = null)
        {
            Text = text;
            Span = span;
            References = references;
            Versions = versions;
            Ranges = ranges ?? Array.Empty<(AnchorReference, AnchorReference)>();
        }

        /// <summary>
        /// Section ranges ("2.3.10.6-2.3.10.8", "§4.1–4.3", "4.1 to 4.3"): two section numbers of
        /// <see cref="References"/> joined by a dash, "to" or "through". The range anchors every
        /// section from its first end to its last (<see cref="SpecContext.AnchorsOf"/>).
        /// </summary>
        public IReadOnlyList<(AnchorReference From, AnchorReference To)> Ranges { get; }

        /// <summary>The text as written.</summary>
        public string Text { get; }

        /// <summary>Its span.</summary>
        public SourceSpan Span { get; }

        /// <summary>Section numbers, IDs and lines it names, in order.</summary>
        public IReadOnlyList<AnchorReference> References { get; }

        /// <summary>Spec versions it names ("Handshake_Master_Spec_v02.98.md", "Master Spec v02.99").</summary>
        public IReadOnlyList<(string Version, SourceSpan Span)> Versions { get; }
    }

    /// <summary>
    /// Parses SPEC_ANCHOR lines in every form the Handshake corpus uses: "§2.3.12.1 (Four
    /// Portability Pillars)"; "Handshake_Master_Spec_v02.106.md sections 2.3.12.4 (CX-DBP-022),
    /// 2.3.12.4.1 (CX-DBP-022A)"; "Handshake_Master_Spec_v02.106.md:20702"; ranges
    /// "4.3.3.4.3-4.3.3.4.4"; bare IDs "TERM-API-001..005"; "Addendum: 3.3 (...)". Spec file names
    /// and versions are read first and blanked, so their digits are not taken for section numbers.
    /// </summary>
    public static class SpecAnchorParser
    {
        private static readonly Regex SpecFile = new Regex(
            @"(?<file>[A-Za-z0-9_][A-Za-z0-9_\- ]*?_v(?<ver>\d+(?:\.\d+)+)\.md)(?::(?<line>\d+))?|(?:Master\s+Spec|Spec)\s+v(?<ver2>\d+(?:\.\d+)+)",
            RegexOptions.CultureInvariant, TaskPacketProfile.RegexTimeout);

        private static readonly Regex SectionNumber = new Regex(
            @"(?<![\w.§])§?\s?(?<num>A?\d+(?:\.\d+)+(?:\.[A-Z](?![A-Za-z]))?)(?![\w]|\.\d)|§\s?(?<num>A?\d+)(?![\w.])",
            RegexOptions.CultureInvariant, TaskPacketProfile.RegexTimeout);

        private static readonly Regex Addendum = new Regex(@"\bAddendum\s*:", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TaskPacketProfile.RegexTimeout);

        /// <summary>
        /// Parses one line. <paramref name="isId"/> decides whether an ID-shaped token is a
        /// requirement ID (the spec's known ID prefixes), so "UTF-8" or "SHA-256" are not.
        /// </summary>
        public static AnchorLine Parse(string text, SourceSpan span, LineMap lines, Regex idPattern, Func<string, bool> isId)
        {
            var references = new List<AnchorReference>();
            var versions = new List<(string, SourceSpan)>();
            int Abs(int i) => span.Start + i;

            // Cheap checks first: most DONE_MEANS items name no spec file, no number and no ID.
            bool mayNameFile = text.IndexOf(".md", StringComparison.Ordinal) >= 0 || text.IndexOf("Spec v", StringComparison.Ordinal) >= 0;
            bool hasDigit = false;
            bool hasDash = false;
            foreach (char c in text)
            {
                if (c >= '0' && c <= '9') hasDigit = true;
                else if (c == '-') hasDash = true;
            }

            if (!hasDigit && !hasDash) return new AnchorLine(text, span, references, versions);
            char[] masked = text.ToCharArray();

            foreach (Match m in mayNameFile ? SpecFile.Matches(text).Cast<Match>() : Enumerable.Empty<Match>())
            {
                var ver = m.Groups["ver"].Success ? m.Groups["ver"] : m.Groups["ver2"];
                versions.Add((ver.Value, lines.GetSpan(Abs(m.Index), m.Length)));
                if (m.Groups["line"].Success)
                {
                    var l = m.Groups["line"];
                    references.Add(new AnchorReference(AnchorKind.Line, l.Value, lines.GetSpan(Abs(m.Index), m.Length), ver.Value, null, int.Parse(l.Value, System.Globalization.CultureInfo.InvariantCulture)));
                }

                for (int i = m.Index; i < m.Index + m.Length; i++) masked[i] = ' ';
            }

            string rest = new string(masked);
            var addendum = Addendum.Match(rest);
            foreach (Match m in hasDigit ? SectionNumber.Matches(rest).Cast<Match>() : Enumerable.Empty<Match>())
            {
                var g = m.Groups["num"];
                string? version = null;
                foreach (var v in versions)
                {
                    if (v.Item2.Start <= Abs(g.Index)) version = v.Item1;
                }

                string? hint = addendum.Success && g.Index > addendum.Index ? "Addendum" : null;
                references.Add(new AnchorReference(AnchorKind.Section, g.Value, lines.GetSpan(Abs(g.Index), g.Length), version, hint, 0));
                for (int i = m.Index; i < m.Index + m.Length; i++) masked[i] = ' ';
            }

            rest = new string(masked);
            foreach (Match m in hasDash ? idPattern.Matches(rest).Cast<Match>() : Enumerable.Empty<Match>())
            {
                if (!isId(m.Value)) continue;
                references.Add(new AnchorReference(AnchorKind.Id, m.Value, lines.GetSpan(Abs(m.Index), m.Length), null, null, 0));
            }

            references.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
            List<(AnchorReference, AnchorReference)>? ranges = null;
            for (int i = 0; i + 1 < references.Count; i++)
            {
                var (from, to) = (references[i], references[i + 1]);
                if (from.Kind != AnchorKind.Section || to.Kind != AnchorKind.Section) continue;
                int gapStart = from.Span.End - span.Start, gapEnd = to.Span.Start - span.Start;
                if (gapStart < 0 || gapEnd > text.Length || gapEnd < gapStart) continue;
                if (RangeJoin.IsMatch(text.Substring(gapStart, gapEnd - gapStart))) (ranges ??= new List<(AnchorReference, AnchorReference)>()).Add((from, to));
            }

            return new AnchorLine(text, span, references, versions, ranges);
        }

        /// <summary>What joins the two ends of a range: a hyphen or dash, "to", "through", "thru", "..".</summary>
        private static readonly Regex RangeJoin = new Regex(@"\A\s*(?:-|\u2013|\u2014|\.\.|to|through|thru)\s*§?\s*\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TaskPacketProfile.RegexTimeout);
    }
}
