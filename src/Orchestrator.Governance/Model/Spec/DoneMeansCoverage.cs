using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Orchestrator.Governance.Model.Spec
{
    /// <summary>How a DONE_MEANS item was matched to requirements.</summary>
    public enum MappingKind
    {
        /// <summary>The item names the requirement: its ID, its spec line, or "requirement N" of a section it cites.</summary>
        Explicit,

        /// <summary>
        /// The item states the requirement in substance: enough of what the requirement obliges (its
        /// identifiers, values and words, weighed by how rare they are in the spec) is in the item.
        /// </summary>
        Substance,

        /// <summary>A generic gate ("All tests pass") that needs no requirement.</summary>
        Gate,

        /// <summary>Nothing.</summary>
        None,

        /// <summary>
        /// A claim on requirements wholesale ("All requirements of §2.6.6.7.3 are implemented",
        /// "§4.2 fully implemented", "complies with every MUST"): it names no requirement and states
        /// none, so it covers none (seed 003 §5.4: every DONE_MEANS maps 1:1 to a requirement).
        /// </summary>
        Blanket,
    }

    /// <summary>One DONE_MEANS item and the requirements it maps to.</summary>
    public sealed class ItemMapping
    {
        internal ItemMapping(PacketFieldItem item, MappingKind kind, IReadOnlyList<SpecRequirement> requirements, SpecRequirement? best, double bestScore, IReadOnlyDictionary<SpecRequirement, IReadOnlyList<string>>? terms = null, string? text = null)
        {
            Item = item;
            Kind = kind;
            Requirements = requirements;
            Best = best;
            BestScore = bestScore;
            Terms = terms ?? new Dictionary<SpecRequirement, IReadOnlyList<string>>();
            Text = text ?? item.Text;
        }

        /// <summary>The item (its first line).</summary>
        public PacketFieldItem Item { get; }

        /// <summary>The item's whole text: its first line, the lines that continue it and its nested sub-items.</summary>
        public string Text { get; }

        /// <summary>How it mapped.</summary>
        public MappingKind Kind { get; }

        /// <summary>The requirements it covers.</summary>
        public IReadOnlyList<SpecRequirement> Requirements { get; }

        /// <summary>
        /// For each requirement the item states in substance, the terms both share, heaviest first
        /// (what the trace report, ready_to_close and the hover show as why it matched); empty for
        /// an explicit mapping.
        /// </summary>
        public IReadOnlyDictionary<SpecRequirement, IReadOnlyList<string>> Terms { get; }

        /// <summary>The requirement the item comes closest to stating, even below the threshold, or null.</summary>
        public SpecRequirement? Best { get; }

        /// <summary>Share (0-1) of <see cref="Best"/>'s weighted terms the item states.</summary>
        public double BestScore { get; }

        /// <summary>"explicit", "substance: sqlitedatabase, wrapper", "gate", ...: how the item covers <paramref name="requirement"/>, for reports.</summary>
        public string Why(SpecRequirement requirement) =>
            Terms.TryGetValue(requirement, out var t) ? "substance: " + string.Join(", ", t.Take(6)) : Kind.ToString().ToLowerInvariant();
    }

    /// <summary>
    /// A packet's DONE_MEANS against the MUST/SHOULD requirements of its anchored Main Body
    /// sections (seed 003 §5.4: "Every DONE_MEANS MUST map 1:1 to SPEC_ANCHOR requirement"; Part 1
    /// PRIORITY_2: "Extract ALL MUST/SHOULD from spec section").
    /// </summary>
    public sealed class DoneMeansCoverage
    {
        private static readonly Regex RequirementIndex = new Regex(@"\brequirement\s+(?<n>\d+)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Model.TaskPacketProfile.RegexTimeout);

        private static readonly HashSet<string> StopWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "the", "and", "for", "with", "must", "should", "shall", "not", "are", "is", "be", "been", "being", "this", "that", "these", "those",
            "from", "into", "onto", "than", "then", "when", "where", "which", "while", "will", "would", "can", "could", "may", "might",
            "has", "have", "had", "its", "it's", "their", "there", "them", "they", "each", "every", "all", "any", "some", "such", "only",
            "also", "via", "per", "our", "your", "who", "what", "how", "why", "but", "nor", "yet", "out", "over", "under", "about",
            "required", "recommended", "optional", "done", "means", "implemented", "implement", "ensure", "ensures", "exists", "present",
        };

        internal DoneMeansCoverage(PacketField? field, IReadOnlyList<SpecSection> anchored, IReadOnlyList<SpecRequirement> requirements, IReadOnlyList<ItemMapping> items, SpecDocument? spec = null)
        {
            Field = field;
            Anchored = anchored;
            Requirements = requirements;
            Items = items;
            Covered = new HashSet<SpecRequirement>(items.SelectMany(i => i.Requirements));

            // A lead-in ("The backend MUST provide these parts:") introduces the list under it; when
            // the list's items are requirements of their own, it is covered when every one of them is.
            if (spec != null)
            {
                foreach (var q in requirements)
                {
                    if (Covered.Contains(q) || !q.Text.TrimEnd().EndsWith(":", StringComparison.Ordinal)) continue;
                    var (from, to) = spec.ListLinesAfter(q);
                    var list = requirements.Where(o => o != q && o.Span.StartLine >= from && o.Span.StartLine <= to).ToList();
                    if (list.Count > 0 && list.All(Covered.Contains)) Covered.Add(q);
                }
            }
        }

        /// <summary>The DONE_MEANS field, or null.</summary>
        public PacketField? Field { get; }

        /// <summary>The Main Body sections the packet anchors (outermost only).</summary>
        public IReadOnlyList<SpecSection> Anchored { get; }

        /// <summary>Every requirement of the anchored sections, in document order.</summary>
        public IReadOnlyList<SpecRequirement> Requirements { get; }

        /// <summary>Each DONE_MEANS item and its mapping.</summary>
        public IReadOnlyList<ItemMapping> Items { get; }

        /// <summary>Requirements some item covers.</summary>
        public ISet<SpecRequirement> Covered { get; }

        /// <summary>
        /// The first item (in DONE_MEANS order) that covers <paramref name="requirement"/> and why
        /// ("explicit", "substance: sqlitedatabase, wrapper"), or null when none does. A lead-in
        /// covered through the requirements of its list names the first of those items.
        /// </summary>
        public (ItemMapping Item, string Why)? CoveringOf(SpecRequirement requirement)
        {
            foreach (var item in Items)
            {
                if (item.Requirements.Contains(requirement)) return (item, item.Why(requirement));
            }

            if (!Covered.Contains(requirement)) return null;
            foreach (var item in Items)
            {
                var below = item.Requirements.FirstOrDefault(o => o.Span.Start > requirement.Span.Start && requirement.Section.Encloses(o.Section));
                if (below != null) return (item, "lead-in: every requirement of its list is covered (the first by this item, spec line " + below.Span.StartLine.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")");
            }

            return null;
        }

        /// <summary>The requirements of the anchored sections no item covers, in document order: the absolute ones (MUST, GOV207) or the others (SHOULD, GOV208).</summary>
        public List<SpecRequirement> Uncovered(bool absolute) => Requirements.Where(q => q.IsAbsolute == absolute && !Covered.Contains(q)).ToList();

        /// <summary>"§2.3.12.3, §2.3.12.4" (at most three, then "and N more"); a number the spec gives two of the anchored sections is followed by the section's title.</summary>
        public string AnchoredDisplay()
        {
            var shown = Anchored.Take(3).Select(s => "§" + (s.Number ?? s.Title) + (s.Number != null && Anchored.Count(o => o.Number == s.Number) > 1 ? " " + s.Title : string.Empty)).ToList();
            if (Anchored.Count > 3) shown.Add($"and {Anchored.Count - 3} more");
            return string.Join(", ", shown);
        }

        internal static DoneMeansCoverage Compute(TaskPacket packet, Model.TaskPacketProfile packetProfile, PacketAnchors anchors, SpecContext context)
        {
            var spec = context.Spec!;
            var profile = context.Profile;

            var anchored = new List<SpecSection>();
            foreach (var r in anchors.References)
            {
                var s = r.Section;
                if (s == null || !s.IsMainBody || anchored.Contains(s)) continue;
                anchored.Add(s);
            }

            // The sections inside a range ("2.3.10.6-2.3.10.8" anchors §2.3.10.7 too).
            foreach (var s in anchors.WithinRanges)
            {
                if (s.IsMainBody && !anchored.Contains(s)) anchored.Add(s);
            }

            // A section anchored with requirement IDs written beside it on its line ("10.1.1.3
            // run_command API contract (TERM-API-001..005)") anchors the requirements those IDs
            // label, not the whole section; anchored elsewhere without them, it is anchored whole.
            var narrowed = new Dictionary<SpecSection, HashSet<SpecRequirement>>();
            var whole = new HashSet<SpecSection>(anchors.WithinRanges);

            // A requirement ID anchored by itself ("HSK-4001") anchors the requirements it labels,
            // when it labels any; else the section that defines it, whole.
            foreach (var r in anchors.References)
            {
                if (r.Reference.Kind != AnchorKind.Id || r.Section == null || !r.Section.IsMainBody) continue;
                if (r.Section.Ids.Contains(r.Reference.Value))
                {
                    whole.Add(r.Section);
                    continue;
                }

                var under = spec.RequirementsUnder(r.Reference.Value);
                if (under.Count == 0)
                {
                    whole.Add(r.Section);
                    continue;
                }

                if (!narrowed.TryGetValue(r.Section, out var set)) narrowed[r.Section] = set = new HashSet<SpecRequirement>();
                set.UnionWith(under);
            }

            foreach (var line in anchors.Lines)
            {
                var onLine = anchors.References.Where(r => r.Line == line && r.Reference.Kind != AnchorKind.Id && r.Section != null && r.Section.IsMainBody).Select(r => r.Section!).Distinct().ToList();
                if (onLine.Count == 0) continue;
                var ids = RequirementIds.In(line.Text).Where(spec.MentionsById.ContainsKey).ToList();
                foreach (var section in onLine)
                {
                    // The IDs the section holds: one naming a subsection (in its heading) brings that subsection
                    // whole; one labelling a list item or requirement brings what it labels, which may be nothing
                    // but a schema ("FR-EVT-001 (TerminalCommandEvent)"). None held: the section, whole.
                    var held = ids.Where(id => spec.MentionsById[id].Any(m => m == section || section.Encloses(m))).ToList();
                    if (held.Count == 0)
                    {
                        whole.Add(section);
                        continue;
                    }

                    var labelled = new HashSet<SpecRequirement>();
                    foreach (var id in held)
                    {
                        var named = spec.ById.TryGetValue(id, out var defined) && defined.Ids.Contains(id) && (defined == section || section.Encloses(defined)) ? spec.RequirementsWithin(defined) : spec.RequirementsUnder(id);
                        labelled.UnionWith(named.Where(q => q.Section == section || section.Encloses(q.Section)));
                    }

                    // IDs that label no requirement (a schema, "FR-EVT-001 (TerminalCommandEvent)") narrow
                    // nothing: the section is anchored whole, so an ID written beside it never drops its MUSTs.
                    if (labelled.Count == 0)
                    {
                        whole.Add(section);
                        continue;
                    }

                    if (!narrowed.TryGetValue(section, out var set)) narrowed[section] = set = new HashSet<SpecRequirement>();
                    set.UnionWith(labelled);
                }
            }

            var requirements = anchored
                .SelectMany(a => narrowed.TryGetValue(a, out var only) && !whole.Contains(a) ? only : (IEnumerable<SpecRequirement>)spec.RequirementsWithin(a))
                .Distinct().OrderBy(q => q.Span.Start).ToList();
            anchored = anchored.Where(s => !anchored.Any(o => o != s && o.Encloses(s))).OrderBy(s => s.Start).ToList();
            // An outer section anchored whole brings its inner ones whole.
            requirements = requirements.Concat(anchored.Where(a => whole.Contains(a) || !narrowed.ContainsKey(a)).SelectMany(spec.RequirementsWithin)).Distinct().OrderBy(q => q.Span.Start).ToList();

            var field = packetProfile.FieldOf(packet, "DONE_MEANS");
            var items = new List<PacketFieldItem>();
            if (field != null)
            {
                items.AddRange(field.Entries);
            }

            var mappings = new List<ItemMapping>(items.Count);
            var termIndex = new TermIndex(requirements, spec);
            for (int k = 0; k < items.Count; k++) mappings.Add(Map(items[k], ItemText(packet, field!, k), packet, requirements, termIndex, spec, profile, context));
            return new DoneMeansCoverage(field, anchored, requirements, mappings, spec);
        }

        /// <summary>
        /// A quantifier over requirements: "all requirements", "every MUST", "each of the SHOULDs",
        /// "all the normative clauses", "all spec requirements".
        /// </summary>
        private static readonly Regex Wholesale = new Regex(
            @"\b(?:all|every|each|any)\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?(?:(?:MUST|SHOULD|SHALL|MAY|normative|mandatory|listed|stated|spec|specification|specified|anchored|remaining|other|above|below|relevant|applicable|section|related|key|core|main)\s+){0,3}(?:requirements?|MUSTs?|SHOULDs?|SHALLs?|obligations?|clauses?|criteria|criterion|rules?|constraints?|items?|points?)\b",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Model.TaskPacketProfile.RegexTimeout);

        /// <summary>
        /// The words a wholesale claim is made of, besides the stop words: with only these left, an
        /// item that cites a section says of it only that it is done.
        /// </summary>
        private static readonly HashSet<string> ClaimWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "requirement", "section", "subsection", "spec", "specification", "complete", "completed", "completely", "fully", "full", "fulfilled", "fulfil", "fulfill",
            "implementation", "satisfied", "satisfie", "satisfy", "met", "meet", "meets", "comply", "complie", "compliant", "compliance", "conformance", "conform", "conforms",
            "covered", "cover", "addressed", "handled", "mandated", "obligation", "clause", "described", "defined", "specified", "listed", "stated",
            "everything", "accordance", "according", "entire", "entirety", "whole", "delivered", "finished", "verified", "outlined", "detailed", "normative",
            "mandatory", "anchored", "honored", "honoured", "respected", "followed", "adhered", "adhere", "per", "therein", "herein", "thereof", "item", "point",
            "totality", "including", "included", "applicable", "relevant", "working", "built", "code", "codebase", "must", "should", "shall",
            "both", "see", "also", "above", "below", "accordingly", "successfully", "correctly", "now", "been",
        };

        /// <summary>
        /// A verb of claiming that work is done ("implemented", "satisfied", "complete", "covered",
        /// "has a test", "verified", "pass"): with a quantifier over requirements it makes the item
        /// a claim, whatever else the item lists.
        /// </summary>
        private static readonly Regex ClaimVerb = new Regex(
            @"\b(?:implement(?:s|ed|ation)?|complete[ds]?|completion|done|satisf(?:y|ies|ied)|met|meets?|compl(?:y|ies|ied|iant|iance)|conform(?:s|ed|ant|ance)?|cover(?:s|ed)?|address(?:es|ed)|handled|fulfill?(?:s|ed)?|delivered|finished|honou?red|respected|followed|adhered|in place|working|tested|verified|validated|pass(?:es|ed)?|ha(?:s|ve) (?:a |its |their )?tests?)\b",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Model.TaskPacketProfile.RegexTimeout);

        /// <summary>
        /// Whether <paramref name="text"/> claims requirements wholesale. It quantifies over them
        /// (<see cref="Wholesale"/>: "all requirements of §X") and claims they are done
        /// (<see cref="ClaimVerb"/>), whatever else it lists: a claim followed by keywords ("...are
        /// implemented, keywords: ContextSnapshot, hashes, ...") is still a claim. Or it quantifies
        /// or cites a section and says nothing else than that they are done: every content word
        /// is one of <see cref="ClaimWords"/> once the generic gates (<paramref name="gates"/>:
        /// "tests pass", "see evidence mapping") are taken out, so a gate appended to a claim does
        /// not make it a gate. "Evidence mapping lists file:line for every requirement" claims
        /// nothing done, and is no such claim.
        /// </summary>
        internal static bool IsBlanket(string text, bool citesSection, IReadOnlyList<Regex>? gates = null)
        {
            bool quantifies;
            try
            {
                quantifies = Wholesale.IsMatch(text);
                if (quantifies && ClaimVerb.IsMatch(text)) return true;
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }

            if (!quantifies && !citesSection) return false;
            string rest = text;
            foreach (var gate in gates ?? Array.Empty<Regex>())
            {
                try
                {
                    rest = gate.Replace(rest, " ");
                }
                catch (RegexMatchTimeoutException)
                {
                    return false;
                }
            }

            foreach (var word in Words(rest))
            {
                // What is left of a section number ("2", "3.1") is no word; anything else says something.
                if (!ClaimWords.Contains(word)) return false;
            }

            return true;
        }

        /// <summary>
        /// "spec line 1234", "spec lines 1234", "spec L1234", "specification line 1234": a requirement
        /// named by the spec line it starts on. A bare "line 1234" or "L1234" is no spec line: in
        /// packets it cites a file's or a log's line ("failed on line 138"), so it names nothing.
        /// </summary>
        private static readonly Regex SpecLine = new Regex(@"\bspec(?:ification)?\s+(?:lines?\s+|L)(?<n>\d{1,7})\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Model.TaskPacketProfile.RegexTimeout);

        /// <summary>
        /// Maps one item (<paramref name="text"/>: its first line, continuation and sub-items).
        /// 0. A wholesale claim covers nothing (GOV212). 1. Named: an ID, a spec line, "requirement N"
        /// of a cited section. 2. A generic gate covers nothing and needs nothing. 3. In substance:
        /// every requirement, among those of the sections the item cites (else of the anchored
        /// sections), whose weighted terms the item states at least <c>spec.doneMeans.minOverlap</c>
        /// of, with two terms or more in common. A section number is never credit by itself.
        /// </summary>
        private static ItemMapping Map(PacketFieldItem item, string text, TaskPacket packet, List<SpecRequirement> requirements, TermIndex termIndex, SpecDocument spec, SpecProfile profile, SpecContext context)
        {
            var line = SpecAnchorParser.Parse(text, item.Span, packet.Document.Lines, profile.IdPattern, context.LooksLikeRequirementId);
            var named = new List<SpecRequirement>();
            var cited = new List<SpecSection>();
            var index = RequirementIndex.Match(text);
            foreach (var reference in line.References)
            {
                if (reference.Kind == AnchorKind.Section && spec.ByNumber.TryGetValue(reference.Value.TrimStart('A'), out var section))
                {
                    // A number the spec gives two sections: the one whose title the item writes after it,
                    // else every section of that number (the item narrows the search, it picks none).
                    var decided = SpecContext.Decide(spec, line, reference, section);
                    foreach (var s in decided != null ? new[] { decided } : (IEnumerable<SpecSection>)spec.SectionsNumbered(section.Number!))
                    {
                        if (!cited.Contains(s)) cited.Add(s);
                    }

                    section = decided ?? section;
                    var inSection = spec.RequirementsWithin(section);
                    if (index.Success && int.TryParse(index.Groups["n"].Value, out int n) && n >= 1 && n <= inSection.Count) named.Add(inSection[n - 1]);
                }
                else if (reference.Kind == AnchorKind.Id && spec.ById.TryGetValue(reference.Value, out var idSection))
                {
                    var carrying = spec.RequirementsCarrying(reference.Value);
                    named.AddRange(carrying.Count > 0 ? carrying : spec.RequirementsWithin(idSection));
                }
            }

            // A range the item cites ("2.3.11.0-2.3.11.2") holds the sections between its ends.
            foreach (var (from, to) in line.Ranges)
            {
                if (!spec.ByNumber.TryGetValue(from.Value.TrimStart('A'), out var first) || !spec.ByNumber.TryGetValue(to.Value.TrimStart('A'), out var last)) continue;
                first = SpecContext.ByTitle(spec, line, from, first);
                last = SpecContext.ByTitle(spec, line, to, last);
                foreach (var section in SpecContext.Between(spec, first, last, from))
                {
                    if (!cited.Contains(section)) cited.Add(section);
                }
            }

            // A requirement named by its spec line, among those the item could mean.
            // The sections the item cites narrow the search, when they state requirements; a cited
            // section that states none (a schema, a table) leaves the anchored sections to search.
            var inCited = cited.SelectMany(spec.RequirementsWithin).Distinct().ToList();
            var candidates = inCited.Count > 0 ? inCited : requirements;
            foreach (Match m in SafeMatches(SpecLine, text))
            {
                if (!int.TryParse(m.Groups["n"].Value, out int at)) continue;
                named.AddRange(candidates.Concat(requirements).Where(q => context.LineLabel(q.Span) == at.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            // 0. A wholesale claim covers nothing, whatever it cites, unless it names requirements.
            if (named.Count == 0 && IsBlanket(text, line.References.Any(r => r.Kind == AnchorKind.Section), profile.GenericGates))
                return new ItemMapping(item, MappingKind.Blanket, Array.Empty<SpecRequirement>(), null, 0, null, text);

            // 2. A generic gate needs no requirement.
            if (named.Count == 0 && profile.GenericGates.Any(g => SafeMatch(g, text))) return new ItemMapping(item, MappingKind.Gate, Array.Empty<SpecRequirement>(), null, 0, null, text);

            // 3. In substance.
            var itemSequence = SubstanceTerms.Sequence(text);
            var itemTerms = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (term, group, _) in itemSequence)
            {
                if (!itemTerms.ContainsKey(term)) itemTerms[term] = group;
            }

            var itemPairs = SubstanceTerms.Pairs(itemSequence);
            SpecRequirement? best = null;
            double bestScore = 0;
            var covered = new List<SpecRequirement>();
            var why = new Dictionary<SpecRequirement, IReadOnlyList<string>>();
            double threshold = profile.Config.DoneMeans.MinOverlap;
            // Only a requirement that shares a term with the item can score: the packet's index of its
            // requirements' terms finds them without weighing every one against every item.
            var sharing = ReferenceEquals(candidates, requirements) ? termIndex.Sharing(itemTerms.Keys) : null;
            foreach (var q in candidates)
            {
                if (sharing != null && !sharing.Contains(q)) continue;
                var weighed = spec.WeighedOf(q);
                double total = weighed.Total, shared = 0;
                List<(string Term, double Weight)>? common = null;
                foreach (var (t, w) in weighed.Terms)
                {
                    if (!itemTerms.ContainsKey(t)) continue;
                    shared += w;
                    (common ??= new List<(string, double)>()).Add((t, w));
                }

                if (total <= 0 || common == null) continue;

                // A phrase of the requirement the item writes too ("SqliteDatabase wrapper") counts its terms twice.
                foreach (var (pair, w) in weighed.Pairs)
                {
                    if (itemPairs.Contains(pair)) shared += w;
                }

                double score = Math.Min(1, shared / total);
                if (score > bestScore)
                {
                    bestScore = score;
                    best = q;
                }

                // Two words of the item or more: one identifier's whole and parts are one word.
                int words = common.Select(c => itemTerms[c.Term]).Distinct().Count();
                if (profile.Config.DoneMeans.LexicalMapping && score >= threshold && words >= 2)
                {
                    covered.Add(q);
                    why[q] = common.OrderByDescending(c => c.Weight).ThenBy(c => c.Term, StringComparer.Ordinal).Select(c => spec.SurfaceOf(q, c.Term)).Distinct(StringComparer.Ordinal).ToList();
                }
            }

            // An item that names requirements covers them (named, whatever else it says of them), and what else it states.
            foreach (var q in named) why.Remove(q);
            if (named.Count > 0) return new ItemMapping(item, MappingKind.Explicit, named.Concat(covered).Distinct().OrderBy(q => q.Span.Start).ToList(), best, bestScore, why, text);
            if (covered.Count > 0) return new ItemMapping(item, MappingKind.Substance, covered, best, bestScore, why, text);
            return new ItemMapping(item, MappingKind.None, Array.Empty<SpecRequirement>(), best, bestScore, null, text);
        }

        private static IEnumerable<Match> SafeMatches(Regex regex, string text)
        {
            try
            {
                return regex.Matches(text).Cast<Match>().ToList();
            }
            catch (RegexMatchTimeoutException)
            {
                return Array.Empty<Match>();
            }
        }

        /// <summary>
        /// An item's whole text: its first line, then the lines after it up to the next entry of the
        /// field, while they are blank or indented past the item's own list marker (its continuation
        /// and nested sub-items), at most 40 lines. A packet kept as data has its value only.
        /// </summary>
        internal static string ItemText(TaskPacket packet, PacketField field, int index)
        {
            var entries = field.Entries;
            var item = entries[index];
            if (packet.IsData) return item.Text;
            string doc = packet.Document.Text;
            var lines = packet.Document.Lines;
            int firstLine = item.Span.StartLine;
            int lineStart = lines.GetLineStart(firstLine);
            int indent = 0;
            while (lineStart + indent < doc.Length && (doc[lineStart + indent] == ' ' || doc[lineStart + indent] == '\t')) indent++;
            int limit = Math.Min(field.ContentEnd, doc.Length);
            for (int k = index + 1; k < entries.Count; k++)
            {
                if (entries[k].Span.Start > item.Span.Start)
                {
                    limit = Math.Min(limit, lines.GetLineStart(entries[k].Span.StartLine));
                    break;
                }
            }

            var body = new System.Text.StringBuilder(item.Text);
            for (int n = firstLine + 1; n <= lines.LineCount && n <= firstLine + 40; n++)
            {
                int start = lines.GetLineStart(n);
                if (start >= limit || start <= lineStart) break;
                int end = n < lines.LineCount ? Math.Min(lines.GetLineStart(n + 1), doc.Length) : doc.Length;
                string raw = doc.Substring(start, end - start).TrimEnd('\r', '\n');
                string trimmed = raw.TrimStart();
                if (trimmed.Length == 0) continue;
                if (raw.Length - trimmed.Length <= indent) break;
                body.Append(' ').Append(trimmed);
            }

            return body.ToString();
        }

        /// <summary>
        /// Lower-case content words (3+ characters, stop words out, a plural "s" dropped). A word is
        /// an ASCII letter followed by ASCII letters, digits and underscores; anything else separates
        /// words. Scanned by hand: it runs over every requirement the packets anchor.
        /// </summary>
        internal static HashSet<string> Words(string text)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            char[]? buffer = null;
            int i = 0;
            while (i < text.Length)
            {
                if (!IsAsciiLetter(text[i]))
                {
                    i++;
                    continue;
                }

                int start = i;
                while (i < text.Length && (IsAsciiLetter(text[i]) || (text[i] >= '0' && text[i] <= '9') || text[i] == '_')) i++;
                int length = i - start;
                if (length < 3) continue;
                if (buffer == null || buffer.Length < length) buffer = new char[Math.Max(length, 32)];
                for (int k = 0; k < length; k++)
                {
                    char c = text[start + k];
                    buffer[k] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
                }

                // A plural "s" goes (not "ss"), only on words longer than four characters.
                if (length > 4 && buffer[length - 1] == 's' && buffer[length - 2] != 's')
                {
                    string whole = new string(buffer, 0, length);
                    if (StopWords.Contains(whole)) continue;
                    set.Add(whole.Substring(0, length - 1));
                    continue;
                }

                string w = new string(buffer, 0, length);
                if (!StopWords.Contains(w)) set.Add(w);
            }

            return set;
        }

        private static bool IsAsciiLetter(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

        private static bool SafeMatch(Regex regex, string text)
        {
            try
            {
                return regex.IsMatch(text);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }
    }

    /// <summary>
    /// The requirements a packet's DONE_MEANS items are scored against, by term: built once per
    /// packet, when its first item asks, so that an item is weighed only against the requirements
    /// that share a term with it.
    /// </summary>
    internal sealed class TermIndex
    {
        private readonly List<SpecRequirement> _requirements;
        private readonly SpecDocument _spec;
        private Dictionary<string, List<SpecRequirement>>? _byTerm;

        internal TermIndex(List<SpecRequirement> requirements, SpecDocument spec)
        {
            _requirements = requirements;
            _spec = spec;
        }

        /// <summary>The requirements whose terms hold one of <paramref name="terms"/>.</summary>
        internal HashSet<SpecRequirement> Sharing(IEnumerable<string> terms)
        {
            if (_byTerm == null)
            {
                _byTerm = new Dictionary<string, List<SpecRequirement>>(StringComparer.Ordinal);
                foreach (var q in _requirements)
                {
                    foreach (var (t, _) in _spec.WeighedOf(q).Terms)
                    {
                        if (!_byTerm.TryGetValue(t, out var list)) _byTerm[t] = list = new List<SpecRequirement>();
                        list.Add(q);
                    }
                }
            }

            var sharing = new HashSet<SpecRequirement>();
            foreach (var t in terms)
            {
                if (_byTerm.TryGetValue(t, out var list)) sharing.UnionWith(list);
            }

            return sharing;
        }
    }
}
