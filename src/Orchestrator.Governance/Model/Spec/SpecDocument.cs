using System;
using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Text;

namespace Orchestrator.Governance.Model.Spec
{
    /// <summary>
    /// A heading of the Master Spec. Numbered headings ("2.3.13.4 Migration Framework Requirements
    /// [CX-DBP-022]") carry their number; <see cref="Scope"/> tells the spec's own numbering ("")
    /// from a document embedded in it (the title of the unnumbered level-1 heading it stands under,
    /// such as "Handshake Runtime Integration Addendum v0.5"), whose numbering starts again.
    /// </summary>
    public sealed class SpecSection
    {
        internal SpecSection(int index, string? number, string title, int level, SourceSpan headingSpan, string scope, int start)
        {
            Index = index;
            Number = number;
            Title = title;
            Level = level;
            HeadingSpan = headingSpan;
            Scope = scope;
            Start = start;
            End = start;
        }

        /// <summary>Position among all headings, in document order.</summary>
        public int Index { get; }

        /// <summary>Section number without "§" ("2.3.13.4", "A7.6.3", "2.3.14.A"), or null.</summary>
        public string? Number { get; }

        /// <summary>Heading text after the number.</summary>
        public string Title { get; }

        /// <summary>Heading level (1-6).</summary>
        public int Level { get; }

        /// <summary>Span of the heading text.</summary>
        public SourceSpan HeadingSpan { get; }

        /// <summary>"" for the spec's own numbering, else the embedded document's title.</summary>
        public string Scope { get; }

        /// <summary>The enclosing heading (nearest earlier heading of a lower level), or null.</summary>
        public SpecSection? Parent { get; internal set; }

        /// <summary>Requirement IDs written in the heading ("[CX-DBP-022]").</summary>
        public List<string> Ids { get; } = new List<string>();

        /// <summary>False for Roadmap, Future Work, Appendix and the other configured non-Main-Body sections.</summary>
        public bool IsMainBody { get; internal set; } = true;

        /// <summary>0-based offset of the heading.</summary>
        public int Start { get; }

        /// <summary>0-based offset where the section (with its subsections) ends.</summary>
        public int End { get; internal set; }

        /// <summary>Requirements whose innermost section this is.</summary>
        public List<SpecRequirement> Requirements { get; } = new List<SpecRequirement>();

        /// <summary>"§2.3.13.4 Migration Framework Requirements", or the title alone.</summary>
        public string Display => Number == null ? Title : "§" + Number + " " + Title;

        /// <summary>
        /// Whether <paramref name="other"/> is this section or below it, by heading structure or, in
        /// the same numbering, by number (Markdown's six levels put 2.6.6.7.11.0 beside 2.6.6.7.11).
        /// </summary>
        public bool Encloses(SpecSection other)
        {
            if (Contains(other)) return true;
            if (Number == null || other.Number == null || other.Scope != Scope) return false;
            for (var s = other; s != null; s = s.Parent)
            {
                if (s.Number != null && s.Number.StartsWith(Number + ".", StringComparison.Ordinal)) return true;
            }

            return false;
        }

        /// <summary>Whether <paramref name="other"/> is this section or below it in the heading structure.</summary>
        public bool Contains(SpecSection other)
        {
            for (var s = other; s != null; s = s.Parent)
            {
                if (ReferenceEquals(s, this)) return true;
            }

            return false;
        }
    }

    /// <summary>An RFC 2119 requirement of the spec: a sentence or list item with MUST, SHOULD, ...</summary>
    public sealed class SpecRequirement
    {
        internal SpecRequirement(string keyword, string text, SourceSpan span, SpecSection section, IReadOnlyList<string> ids)
        {
            Keyword = keyword;
            Text = text;
            Span = span;
            Section = section;
            Ids = ids;
        }

        /// <summary>The keyword as written: MUST, MUST NOT, SHALL, SHALL NOT, REQUIRED, SHOULD, SHOULD NOT, RECOMMENDED.</summary>
        public string Keyword { get; }

        /// <summary>Whether the keyword is absolute (MUST, SHALL, REQUIRED and their negations).</summary>
        public bool IsAbsolute => Keyword.StartsWith("MUST", StringComparison.Ordinal) || Keyword.StartsWith("SHALL", StringComparison.Ordinal) || Keyword == "REQUIRED";

        /// <summary>The sentence or list item, whitespace folded.</summary>
        public string Text { get; }

        /// <summary>Where it stands in the spec.</summary>
        public SourceSpan Span { get; }

        /// <summary>Its innermost section.</summary>
        public SpecSection Section { get; }

        /// <summary>Requirement IDs written in it.</summary>
        public IReadOnlyList<string> Ids { get; }

        private HashSet<string>? _words;

        /// <summary>Its content words (as DONE_MEANS mapping compares them), computed once.</summary>
        public HashSet<string> Words => _words ??= DoneMeansCoverage.Words(Text);
    }

    /// <summary>A heading whose number does not fit under its parent heading's number (2.3.11.1 under 2.3.12).</summary>
    public sealed class NumberingProblem
    {
        internal NumberingProblem(SpecSection section, SpecSection parent)
        {
            Section = section;
            Parent = parent;
        }

        /// <summary>The misnumbered heading.</summary>
        public SpecSection Section { get; }

        /// <summary>The numbered heading it stands under, whose number it should extend.</summary>
        public SpecSection Parent { get; }
    }

    /// <summary>A line shaped as a numbered heading of the spec that stands inside a code block, so it is no heading.</summary>
    public sealed class HiddenHeading
    {
        internal HiddenHeading(string number, string title, Text.SourceSpan span)
        {
            Number = number;
            Title = title;
            Span = span;
        }

        /// <summary>The number it would have ("6.1").</summary>
        public string Number { get; }

        /// <summary>The title after the number.</summary>
        public string Title { get; }

        /// <summary>The whole line in the spec.</summary>
        public Text.SourceSpan Span { get; }
    }

    /// <summary>A fenced code block that swallows headings of the spec's own numbering (GOV214).</summary>
    public sealed class SwallowingFence
    {
        internal SwallowingFence(Text.SourceSpan openSpan, int? closeLine, IReadOnlyList<HiddenHeading> headings)
        {
            OpenSpan = openSpan;
            CloseLine = closeLine;
            Headings = headings;
        }

        /// <summary>The line that opens the fence.</summary>
        public Text.SourceSpan OpenSpan { get; }

        /// <summary>The 1-based line of the fence that closes it, or null when nothing closes it before the end.</summary>
        public int? CloseLine { get; }

        /// <summary>The headings it hides, in order.</summary>
        public IReadOnlyList<HiddenHeading> Headings { get; }
    }

    /// <summary>
    /// The current Master Spec, parsed once: sections with numbers, IDs and Main Body status,
    /// requirements, and indexes by number and by ID. Source: seed 003 Part 1 PRIORITY_2, §5.2, §5.4.
    /// </summary>
    public sealed class SpecDocument
    {
        internal SpecDocument(TextDocument document, Suppressions.InlineSuppressions suppressions, string? version, IReadOnlyList<SpecSection> sections, IReadOnlyList<SpecRequirement> requirements,
            IReadOnlyDictionary<string, SpecSection> byNumber, IReadOnlyDictionary<string, SpecSection> byId,
            IReadOnlyDictionary<string, IReadOnlyList<SpecSection>> mentionsById, IReadOnlyList<NumberingProblem> numberingProblems, IReadOnlyList<SwallowingFence>? swallowingFences = null)
        {
            SwallowingFences = swallowingFences ?? new SwallowingFence[0];
            MentionsById = mentionsById;
            Document = document;
            Suppressions = suppressions;
            Version = version;
            Sections = sections;
            Requirements = requirements;
            ByNumber = byNumber;
            ById = byId;
            NumberingProblems = numberingProblems;
        }

        /// <summary>The spec's text and line map (Markdig's tree is dropped once the spec is read).</summary>
        public TextDocument Document { get; }

        /// <summary>The spec's inline suppression comments, read from the tree before it was dropped.</summary>
        public Suppressions.InlineSuppressions Suppressions { get; }

        /// <summary>Repository-relative path.</summary>
        public string Path => Document.Path;

        /// <summary>The spec version from its file name or title ("02.123"), or null.</summary>
        public string? Version { get; }

        /// <summary>Every heading, in document order.</summary>
        public IReadOnlyList<SpecSection> Sections { get; }

        /// <summary>The code fences that swallow headings of the spec's own numbering (GOV214), in document order.</summary>
        public IReadOnlyList<SwallowingFence> SwallowingFences { get; }

        /// <summary>The fence that hides a heading numbered <paramref name="number"/>, with that heading; null when none does.</summary>
        public (SwallowingFence Fence, HiddenHeading Heading)? HiddenSection(string number)
        {
            foreach (var fence in SwallowingFences)
            {
                foreach (var heading in fence.Headings)
                {
                    if (heading.Number == number) return (fence, heading);
                }
            }

            return null;
        }

        /// <summary>Every requirement, in document order.</summary>
        public IReadOnlyList<SpecRequirement> Requirements { get; }

        /// <summary>Section number (spec's own numbering) to its first correctly numbered heading, else its first heading.</summary>
        public IReadOnlyDictionary<string, SpecSection> ByNumber { get; }

        /// <summary>Every section with the number <paramref name="number"/>, in document order (a spec may number two sections alike).</summary>
        public IReadOnlyList<SpecSection> SectionsNumbered(string number)
        {
            lock (_withinGate)
            {
                if (_numbered == null)
                {
                    _numbered = new Dictionary<string, List<SpecSection>>(StringComparer.Ordinal);
                    foreach (var s in Sections)
                    {
                        if (s.Number == null) continue;
                        if (!_numbered.TryGetValue(s.Number, out var list)) _numbered[s.Number] = list = new List<SpecSection>();
                        list.Add(s);
                    }
                }

                return _numbered.TryGetValue(number, out var found) ? found : (IReadOnlyList<SpecSection>)Array.Empty<SpecSection>();
            }
        }

        private Dictionary<string, List<SpecSection>>? _numbered;

        /// <summary>
        /// The Main Body sections of the spec's own numbering numbered <paramref name="number"/>, in
        /// document order: not in a document embedded in it (another scope), and neither the
        /// heading nor one above it misnumbered (a GOV211 numbering problem: a verbatim import
        /// that keeps its own "11.5" under §10.4.1). More than one, and a reference to the number is
        /// ambiguous; a SPEC_ANCHOR must name Main Body anyway (GOV204).
        /// </summary>
        public IReadOnlyList<SpecSection> OwnSectionsNumbered(string number)
        {
            var all = SectionsNumbered(number);
            if (all.Count < 2) return all;
            var misnumbered = new HashSet<SpecSection>(NumberingProblems.Select(p => p.Section));
            return all.Where(s => s.Scope.Length == 0 && s.IsMainBody && !Misnumbered(s)).ToList();

            bool Misnumbered(SpecSection s)
            {
                for (var at = s; at != null; at = at.Parent)
                {
                    if (misnumbered.Contains(at)) return true;
                }

                return false;
            }
        }

        /// <summary>
        /// This version's section that <paramref name="section"/> of <paramref name="other"/> (another
        /// version of the spec) is: the one of its number with its title, else the one at its place
        /// among the sections of that number (a spec may number two sections alike), else the
        /// number's first; null when this version has no section of that number.
        /// </summary>
        public SpecSection? CounterpartOf(SpecSection section, SpecDocument other)
        {
            if (section.Number == null) return null;
            var alike = SectionsNumbered(section.Number);
            if (alike.Count <= 1) return alike.Count == 1 ? alike[0] : null;
            var titled = alike.Where(s => string.Equals(s.Title, section.Title, StringComparison.Ordinal)).ToList();
            if (titled.Count == 1) return titled[0];
            int at = other.SectionsNumbered(section.Number).ToList().IndexOf(section);
            return at >= 0 && at < alike.Count ? alike[at] : ByNumber.TryGetValue(section.Number, out var first) ? first : null;
        }

        /// <summary>The most components a section number of this spec has ("2.3.12.3": 4); 0 without numbers.</summary>
        public int MaxNumberDepth => _maxNumberDepth ??= ByNumber.Keys.Select(k => k.Count(c => c == '.') + 1).DefaultIfEmpty(0).Max();

        private int? _maxNumberDepth;

        /// <summary>Requirement ID to the section that defines it: the heading that names it, else the section of its first mention.</summary>
        public IReadOnlyDictionary<string, SpecSection> ById { get; }

        /// <summary>Requirement ID to every section that mentions it, in document order.</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<SpecSection>> MentionsById { get; }

        /// <summary>Headings numbered inconsistently with the heading they stand under.</summary>
        public IReadOnlyList<NumberingProblem> NumberingProblems { get; }

        private readonly object _withinGate = new object();
        private Dictionary<string, List<SpecRequirement>>? _carrying;

        /// <summary>The requirements whose text names the requirement ID <paramref name="id"/>, in document order.</summary>
        public IReadOnlyList<SpecRequirement> RequirementsCarrying(string id)
        {
            lock (_withinGate)
            {
                if (_carrying == null)
                {
                    _carrying = new Dictionary<string, List<SpecRequirement>>(StringComparer.Ordinal);
                    foreach (var q in Requirements)
                    {
                        foreach (var i in q.Ids)
                        {
                            if (!_carrying.TryGetValue(i, out var list)) _carrying[i] = list = new List<SpecRequirement>();
                            list.Add(q);
                        }
                    }
                }

                return _carrying.TryGetValue(id, out var found) ? found : (IReadOnlyList<SpecRequirement>)Array.Empty<SpecRequirement>();
            }
        }
        private Dictionary<SpecSection, List<SpecRequirement>>? _within;
        private Dictionary<string, IReadOnlyList<SpecRequirement>>? _underId;

        /// <summary>
        /// The requirements the requirement ID <paramref name="id"/> labels, in document order: those
        /// whose text carries it, and those in the extent of a line that starts with it (a list item
        /// or bold label, "- **TERM-API-001 (Signature)**", and the lines indented under it). Empty
        /// for an ID the spec does not mention.
        /// </summary>
        public IReadOnlyList<SpecRequirement> RequirementsUnder(string id)
        {
            lock (_withinGate)
            {
                _underId ??= new Dictionary<string, IReadOnlyList<SpecRequirement>>(StringComparer.Ordinal);
                if (_underId.TryGetValue(id, out var known)) return known;
            }

            var found = new List<SpecRequirement>(RequirementsCarrying(id));
            if (MentionsById.TryGetValue(id, out var sections))
            {
                string text = Document.Text;
                var lines = Document.Lines;
                foreach (var section in sections)
                {
                    int from = lines.GetPosition(Math.Min(section.Start, text.Length)).Line;
                    int to = lines.GetPosition(Math.Min(Math.Max(section.End - 1, section.Start), text.Length)).Line;
                    for (int n = from; n <= to; n++)
                    {
                        // Most lines do not start with the ID: that is decided in place, and only a line
                        // that does is taken out of the text.
                        if (!LabelStartsWith(n, id)) continue;
                        string line = LineText(n);
                        string trimmed = line.TrimStart();
                        // A list item labels the lines indented under it; a paragraph's label ("**[HSK-WF-002]
                        // Crash Recovery:** Workflows MUST ...") labels the paragraph, and what is indented under it.
                        int indent = line.Length - trimmed.Length;
                        bool item = trimmed.Length > 1 && (trimmed[0] == '-' || trimmed[0] == '*' || trimmed[0] == '+') && trimmed[1] == ' ';
                        bool inParagraph = !item;
                        int last = n;
                        for (int m = n + 1; m <= to; m++)
                        {
                            string next = LineText(m);
                            string nextTrimmed = next.TrimStart();
                            if (nextTrimmed.Length == 0)
                            {
                                inParagraph = false;
                                continue;
                            }

                            if (nextTrimmed.StartsWith("#", StringComparison.Ordinal)) break;
                            if (!inParagraph && next.Length - nextTrimmed.Length <= indent) break;
                            last = m;
                        }

                        var within = RequirementsWithin(section);
                        found.AddRange(within.Where(q => q.Span.StartLine >= n && q.Span.StartLine <= last));
                    }
                }
            }

            var result = found.Distinct().OrderBy(q => q.Span.Start).ToList();
            lock (_withinGate) _underId[id] = result;
            return result;

            // Whether line n, after its indentation, list or heading markers and emphasis, starts with
            // the ID (as TrimStart() then TrimStart('-', '*', '+', ' ', '#') then TrimStart('*', '_', '`', '[', ' ')).
            bool LabelStartsWith(int n, string wanted)
            {
                int i = Document.Lines.GetLineStart(n), end = n < Document.Lines.LineCount ? Document.Lines.GetLineStart(n + 1) : Document.Text.Length;
                string t = Document.Text;
                while (i < end && char.IsWhiteSpace(t[i])) i++;
                while (i < end && (t[i] == '-' || t[i] == '*' || t[i] == '+' || t[i] == ' ' || t[i] == '#')) i++;
                while (i < end && (t[i] == '*' || t[i] == '_' || t[i] == '`' || t[i] == '[' || t[i] == ' ')) i++;
                return end - i >= wanted.Length && string.CompareOrdinal(t, i, wanted, 0, wanted.Length) == 0;
            }

            string LineText(int n)
            {
                int start = Document.Lines.GetLineStart(n), end = n < Document.Lines.LineCount ? Document.Lines.GetLineStart(n + 1) : Document.Text.Length;
                return Document.Text.Substring(start, end - start).TrimEnd('\r', '\n');
            }
        }
        private Dictionary<SpecRequirement, (string Text, HashSet<string> Terms, HashSet<string> Pairs, Dictionary<string, string> Surfaces)>? _substance;
        private Dictionary<string, double>? _weights;

        /// <summary>
        /// <paramref name="requirement"/>'s text with the list it introduces: a requirement ending in
        /// ":" ("Each model call MUST compile context in this order:") is followed by the list that
        /// says what it obliges, and that list is part of it (up to 80 lines; a blank line ends it
        /// unless another list item follows, a heading or fence always does), unless the list's items
        /// are requirements of their own.
        /// </summary>
        public string SubstanceText(SpecRequirement requirement) => Substance(requirement).Text;

        /// <summary>A term of <paramref name="requirement"/> as the spec writes it ("database" for "databas").</summary>
        internal string SurfaceOf(SpecRequirement requirement, string term) => Substance(requirement).Surfaces.TryGetValue(term, out var w) ? w : term;

        /// <summary>
        /// How much a term says about which requirement is meant: 1 + ln(N / df), with N the spec's
        /// requirements and df those whose terms hold it ("job" in hundreds weighs little,
        /// "sqlitedatabase" in one weighs much). A term of no requirement weighs as one of one.
        /// </summary>
        internal double WeightOf(string term)
        {
            var weights = System.Threading.Volatile.Read(ref _weights);
            if (weights == null)
            {
                lock (_withinGate) weights = _weights ??= ComputeWeights();
            }

            return weights.TryGetValue(term, out double w) ? w : 1 + Math.Log(Math.Max(1, Requirements.Count));
        }

        private readonly System.Collections.Concurrent.ConcurrentDictionary<SpecRequirement, WeighedSubstance> _weighed =
            new System.Collections.Concurrent.ConcurrentDictionary<SpecRequirement, WeighedSubstance>();

        /// <summary>
        /// <paramref name="requirement"/>'s terms of <see cref="SubstanceText"/> (<see cref="SubstanceTerms"/>)
        /// and the pairs of them that follow each other (<see cref="SubstanceTerms.Pairs"/>), with their weights (<see cref="WeightOf"/>),
        /// computed once per requirement: what DONE_MEANS items are scored against.
        /// </summary>
        internal WeighedSubstance WeighedOf(SpecRequirement requirement) => _weighed.GetOrAdd(requirement, Weigh);

        private WeighedSubstance Weigh(SpecRequirement requirement)
        {
            var substance = Substance(requirement);
            var terms = new (string Term, double Weight)[substance.Terms.Count];
            double total = 0;
            int k = 0;
            foreach (var t in substance.Terms)
            {
                double w = WeightOf(t);
                total += w;
                terms[k++] = (t, w);
            }

            var pairs = new (string Pair, double Weight)[substance.Pairs.Count];
            k = 0;
            foreach (var pair in substance.Pairs)
            {
                int space = pair.IndexOf(' ');
                pairs[k++] = (pair, WeightOf(pair.Substring(0, space)) + WeightOf(pair.Substring(space + 1)));
            }

            return new WeighedSubstance(terms, total, pairs);
        }

        private Dictionary<string, double> ComputeWeights()
        {
            var df = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var q in Requirements)
            {
                foreach (var t in SubstanceLocked(q).Terms) df[t] = df.TryGetValue(t, out int n) ? n + 1 : 1;
            }

            int total = Math.Max(1, Requirements.Count);
            var weights = new Dictionary<string, double>(df.Count, StringComparer.Ordinal);
            foreach (var e in df) weights[e.Key] = 1 + Math.Log((double)total / e.Value);
            return weights;
        }

        private (string Text, HashSet<string> Terms, HashSet<string> Pairs, Dictionary<string, string> Surfaces) Substance(SpecRequirement requirement)
        {
            lock (_withinGate) return SubstanceLocked(requirement);
        }

        private (string Text, HashSet<string> Terms, HashSet<string> Pairs, Dictionary<string, string> Surfaces) SubstanceLocked(SpecRequirement requirement)
        {
            _substance ??= new Dictionary<SpecRequirement, (string, HashSet<string>, HashSet<string>, Dictionary<string, string>)>();
            if (_substance.TryGetValue(requirement, out var known)) return known;
            string text = requirement.Text;
            if (text.TrimEnd().EndsWith(":", StringComparison.Ordinal))
            {
                // The list is part of the lead-in when its items are no requirements of their own;
                // when they are, the lead-in is covered through them, every one (DoneMeansCoverage).
                int last = -1;
                string list = ListAfter(requirement.Span.EndLine + 1, n => last = n);
                int first = requirement.Span.EndLine + 1;
                if (!Requirements.Any(o => o != requirement && o.Span.StartLine >= first && o.Span.StartLine <= last)) text += " " + list;
            }
            var sequence = SubstanceTerms.Sequence(text);
            var found = (text, new HashSet<string>(sequence.Select(t => t.Term), StringComparer.Ordinal), SubstanceTerms.Pairs(sequence), SubstanceTerms.Surfaces(sequence));
            _substance[requirement] = found;
            return found;
        }

        /// <summary>
        /// The lines (1-based, inclusive) of the list a lead-in requirement introduces, as
        /// <see cref="SubstanceText"/> reads it; (0, -1) when none follows.
        /// </summary>
        public (int From, int To) ListLinesAfter(SpecRequirement requirement)
        {
            int from = requirement.Span.EndLine + 1;
            int to = -1;
            ListAfter(from, n => to = n);
            return to < 0 ? (0, -1) : (from, to);
        }

        /// <summary>The list that starts at line <paramref name="line"/> (1-based) or after a blank line, folded to one line.</summary>
        private string ListAfter(int line, Action<int>? lastLine = null)
        {
            string text = Document.Text;
            var lines = Document.Lines;
            var list = new System.Text.StringBuilder();
            bool started = false;
            int taken = 0;
            for (int n = line; n <= lines.LineCount && taken < 80; n++)
            {
                int start = lines.GetLineStart(n), end = n < lines.LineCount ? lines.GetLineStart(n + 1) : text.Length;
                string raw = text.Substring(start, end - start).TrimEnd('\r', '\n');
                string trimmed = raw.TrimStart();
                if (trimmed.Length == 0)
                {
                    if (started && !NextIsListItem(n + 1)) break;
                    continue;
                }

                if (trimmed.StartsWith("#", StringComparison.Ordinal) || trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)) break;
                bool item = IsListItem(trimmed);
                if (!item && !(started && raw.Length > trimmed.Length)) break;
                started = true;
                taken++;
                lastLine?.Invoke(n);
                list.Append(' ').Append(trimmed);
            }

            return list.ToString();

            bool NextIsListItem(int from)
            {
                for (int n = from; n <= lines.LineCount && n < from + 3; n++)
                {
                    int start = lines.GetLineStart(n), end = n < lines.LineCount ? lines.GetLineStart(n + 1) : text.Length;
                    string t = text.Substring(start, end - start).Trim();
                    if (t.Length == 0) continue;
                    return IsListItem(t);
                }

                return false;
            }
        }

        private static bool IsListItem(string trimmed)
        {
            if (trimmed.Length >= 2 && (trimmed[0] == '-' || trimmed[0] == '*' || trimmed[0] == '+') && trimmed[1] == ' ') return true;
            int k = 0;
            while (k < trimmed.Length && k < 4 && char.IsDigit(trimmed[k])) k++;
            return k > 0 && k + 1 < trimmed.Length && (trimmed[k] == '.' || trimmed[k] == ')') && trimmed[k + 1] == ' ';
        }

        /// <summary>The text of <paramref name="section"/>, heading included, to the next heading of its level or above (clamped to the document).</summary>
        public string TextOf(SpecSection section)
        {
            string text = Document.Text;
            int start = Math.Min(section.Start, text.Length), end = Math.Min(Math.Max(section.End, start), text.Length);
            return text.Substring(start, end - start);
        }

        /// <summary>
        /// The requirements <paramref name="section"/> encloses (<see cref="SpecSection.Encloses"/>), in
        /// document order. Indexed once per spec in one pass over the requirements, then looked up.
        /// </summary>
        public IReadOnlyList<SpecRequirement> RequirementsWithin(SpecSection section)
        {
            lock (_withinGate)
            {
                _within ??= IndexWithin();
                return _within.TryGetValue(section, out var list) ? list : (IReadOnlyList<SpecRequirement>)Array.Empty<SpecRequirement>();
            }
        }

        private Dictionary<SpecSection, List<SpecRequirement>> IndexWithin()
        {
            var byNumber = new Dictionary<(string Scope, string Number), List<SpecSection>>();
            foreach (var s in Sections)
            {
                if (s.Number == null) continue;
                if (!byNumber.TryGetValue((s.Scope, s.Number), out var same)) byNumber[(s.Scope, s.Number)] = same = new List<SpecSection>();
                same.Add(s);
            }

            var within = new Dictionary<SpecSection, List<SpecRequirement>>();
            var seen = new HashSet<SpecSection>();
            void Add(SpecSection s, SpecRequirement q)
            {
                if (!seen.Add(s)) return;
                if (!within.TryGetValue(s, out var list)) within[s] = list = new List<SpecRequirement>();
                list.Add(q);
            }

            foreach (var q in Requirements)
            {
                seen.Clear();
                for (var a = q.Section; a != null; a = a.Parent)
                {
                    Add(a, q);
                    if (a.Number == null) continue;
                    string n = a.Number;
                    for (int dot = n.LastIndexOf('.'); dot > 0; dot = n.LastIndexOf('.'))
                    {
                        n = n.Substring(0, dot);
                        if (byNumber.TryGetValue((a.Scope, n), out var enclosing))
                            foreach (var e in enclosing) Add(e, q);
                    }
                }
            }

            return within;
        }

        /// <summary>A numbered section of an embedded document whose title contains <paramref name="scopeHint"/>.</summary>
        public SpecSection? FindInScope(string scopeHint, string number)
        {
            foreach (var s in Sections)
            {
                if (s.Number == number && s.Scope.Length > 0 && s.Scope.IndexOf(scopeHint, StringComparison.OrdinalIgnoreCase) >= 0) return s;
            }

            return null;
        }

        /// <summary>The innermost section holding the 1-based <paramref name="line"/>, or null.</summary>
        public SpecSection? SectionAtLine(int line)
        {
            if (line < 1 || line > Document.Lines.LineCount) return null;
            int offset = Document.Lines.GetLineStart(line);
            SpecSection? found = null;
            foreach (var s in Sections)
            {
                if (s.Start > offset) break;
                if (offset < s.End) found = s;
            }

            return found;
        }
    }

    /// <summary>
    /// A requirement's substance weighed (<see cref="SpecDocument.WeighedOf"/>): its terms with their
    /// weights in the order of its term set, their sum, and its pairs of terms each with the sum of
    /// its two words' weights.
    /// </summary>
    internal sealed class WeighedSubstance
    {
        internal WeighedSubstance((string Term, double Weight)[] terms, double total, (string Pair, double Weight)[] pairs)
        {
            Terms = terms;
            Total = total;
            Pairs = pairs;
        }

        internal (string Term, double Weight)[] Terms { get; }

        internal double Total { get; }

        internal (string Pair, double Weight)[] Pairs { get; }
    }
}
