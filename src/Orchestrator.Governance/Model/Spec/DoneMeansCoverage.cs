using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Orchestrator.Governance.Model.Spec
{
    /// <summary>How a DONE_MEANS item was matched to requirements.</summary>
    public enum MappingKind
    {
        /// <summary>The item cites a section number, requirement ID or "requirement N".</summary>
        Explicit,

        /// <summary>Enough of the item's words appear in a requirement.</summary>
        Lexical,

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
        internal ItemMapping(PacketFieldItem item, MappingKind kind, IReadOnlyList<SpecRequirement> requirements, SpecRequirement? best, double bestScore)
        {
            Item = item;
            Kind = kind;
            Requirements = requirements;
            Best = best;
            BestScore = bestScore;
        }

        /// <summary>The item.</summary>
        public PacketFieldItem Item { get; }

        /// <summary>How it mapped.</summary>
        public MappingKind Kind { get; }

        /// <summary>The requirements it covers.</summary>
        public IReadOnlyList<SpecRequirement> Requirements { get; }

        /// <summary>The requirement with the largest word overlap, even below the threshold, or null.</summary>
        public SpecRequirement? Best { get; }

        /// <summary>Share (0-1) of the item's content words found in <see cref="Best"/>.</summary>
        public double BestScore { get; }
    }

    /// <summary>
    /// A packet's DONE_MEANS against the MUST/SHOULD requirements of its anchored Main Body
    /// sections (seed 003 §5.4: "Every DONE_MEANS MUST map 1:1 to SPEC_ANCHOR requirement"; Part 1
    /// PRIORITY_2: "Extract ALL MUST/SHOULD from spec section").
    /// </summary>
    public sealed class DoneMeansCoverage
    {
        private static readonly Regex RequirementIndex = new Regex(@"\brequirement\s+(?<n>\d+)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Model.TaskPacketProfile.RegexTimeout);
        private static readonly Regex Identifier = new Regex(
            @"`(?<code>[^`]{3,60})`|(?<code>\b[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*\b)|(?<code>\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b)",
            RegexOptions.CultureInvariant, Model.TaskPacketProfile.RegexTimeout);

        private static readonly HashSet<string> StopWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "the", "and", "for", "with", "must", "should", "shall", "not", "are", "is", "be", "been", "being", "this", "that", "these", "those",
            "from", "into", "onto", "than", "then", "when", "where", "which", "while", "will", "would", "can", "could", "may", "might",
            "has", "have", "had", "its", "it's", "their", "there", "them", "they", "each", "every", "all", "any", "some", "such", "only",
            "also", "via", "per", "our", "your", "who", "what", "how", "why", "but", "nor", "yet", "out", "over", "under", "about",
            "required", "recommended", "optional", "done", "means", "implemented", "implement", "ensure", "ensures", "exists", "present",
        };

        internal DoneMeansCoverage(PacketField? field, IReadOnlyList<SpecSection> anchored, IReadOnlyList<SpecRequirement> requirements, IReadOnlyList<ItemMapping> items)
        {
            Field = field;
            Anchored = anchored;
            Requirements = requirements;
            Items = items;
            Covered = new HashSet<SpecRequirement>(items.SelectMany(i => i.Requirements));

            // A lead-in ("The runtime MUST provide validators that reject violations:") introduces
            // the requirements below it; it is covered when one of those is.
            foreach (var q in requirements)
            {
                if (Covered.Contains(q) || !q.Text.TrimEnd().EndsWith(":", StringComparison.Ordinal)) continue;
                if (requirements.Any(o => o != q && Covered.Contains(o) && o.Span.Start > q.Span.Start && q.Section.Encloses(o.Section))) Covered.Add(q);
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

            anchored = anchored.Where(s => !anchored.Any(o => o != s && o.Encloses(s))).OrderBy(s => s.Start).ToList();
            var requirements = anchored.SelectMany(a => spec.RequirementsWithin(a)).Distinct().OrderBy(q => q.Span.Start).ToList();

            var field = packetProfile.FieldOf(packet, "DONE_MEANS");
            var items = new List<PacketFieldItem>();
            if (field != null)
            {
                items.AddRange(field.Entries);
            }

            var mappings = new List<ItemMapping>(items.Count);
            foreach (var item in items) mappings.Add(Map(item, packet, requirements, spec, profile, context));
            return new DoneMeansCoverage(field, anchored, requirements, mappings);
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
        };

        /// <summary>
        /// Whether <paramref name="text"/> claims requirements wholesale: it quantifies over them
        /// (<see cref="Wholesale"/>) or cites a section, and says nothing else than that they are
        /// done (every content word is one of <see cref="ClaimWords"/>). "Evidence mapping lists
        /// file:line for every requirement" says something else, and is no such claim.
        /// </summary>
        internal static bool IsBlanket(string text, bool citesSection)
        {
            bool quantifies;
            try
            {
                quantifies = Wholesale.IsMatch(text);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }

            if (!quantifies && !citesSection) return false;
            foreach (var word in Words(text))
            {
                // What is left of a section number ("2", "3.1") is no word; anything else says something.
                if (!ClaimWords.Contains(word)) return false;
            }

            return true;
        }

        private static ItemMapping Map(PacketFieldItem item, TaskPacket packet, List<SpecRequirement> requirements, SpecDocument spec, SpecProfile profile, SpecContext context)
        {
            string text = item.Text;

            // 1. Explicit: a section number, an ID or "requirement N" of a cited section.
            var line = SpecAnchorParser.Parse(text, item.Span, packet.Document.Lines, profile.IdPattern, context.LooksLikeRequirementId);
            var explicitly = new List<SpecRequirement>();
            bool cites = false;
            var index = RequirementIndex.Match(text);
            foreach (var reference in line.References)
            {
                if (reference.Kind == AnchorKind.Section && spec.ByNumber.TryGetValue(reference.Value.TrimStart('A'), out var section))
                {
                    cites = true;
                    // A number the spec gives two sections: the one whose title the item writes after it.
                    section = SpecContext.ByTitle(spec, line, reference, section);
                    var inSection = spec.RequirementsWithin(section);
                    if (index.Success && int.TryParse(index.Groups["n"].Value, out int n) && n >= 1 && n <= inSection.Count)
                        explicitly.Add(inSection[n - 1]);
                    else
                        explicitly.AddRange(inSection);
                }
                else if (reference.Kind == AnchorKind.Id && spec.ById.TryGetValue(reference.Value, out var idSection))
                {
                    cites = true;
                    var carrying = spec.RequirementsCarrying(reference.Value);
                    explicitly.AddRange(carrying.Count > 0 ? carrying : spec.RequirementsWithin(idSection));
                }
            }

            // 0. A wholesale claim covers nothing, whatever it cites, unless it names requirements
            //    (an ID, "requirement N").
            bool names = index.Success || line.References.Any(r => r.Kind == AnchorKind.Id && spec.ById.ContainsKey(r.Value));
            if (!names && IsBlanket(text, line.References.Any(r => r.Kind == AnchorKind.Section)))
                return new ItemMapping(item, MappingKind.Blanket, Array.Empty<SpecRequirement>(), null, 0);

            if (cites) return new ItemMapping(item, MappingKind.Explicit, explicitly.Distinct().ToList(), null, 1);

            // 2. A generic gate needs no requirement.
            if (profile.GenericGates.Any(g => SafeMatch(g, text))) return new ItemMapping(item, MappingKind.Gate, Array.Empty<SpecRequirement>(), null, 0);

            // 3. A code identifier the item names (`JobKind`, RetentionPolicy, job_id) that a
            //    requirement names too: the requirement naming most of them.
            var identifiers = Identifier.Matches(text).Cast<Match>().Select(m => m.Groups["code"].Value.Trim()).Where(c => c.Length >= 3).Distinct().ToList();
            if (identifiers.Count > 0)
            {
                // The first requirement (in document order) naming the most of them.
                SpecRequirement? named = null;
                int namedHits = 0;
                foreach (var q in requirements)
                {
                    int hits = 0;
                    foreach (var id in identifiers)
                    {
                        if (q.Text.IndexOf(id, StringComparison.Ordinal) >= 0) hits++;
                    }

                    if (hits > namedHits)
                    {
                        named = q;
                        namedHits = hits;
                    }
                }

                if (named != null && profile.Config.DoneMeans.LexicalMapping)
                    return new ItemMapping(item, MappingKind.Lexical, new[] { named }, named, (double)namedHits / identifiers.Count);
            }

            // 4. Lexical: the share of the item's content words found in the requirement.
            var words = Words(text);
            SpecRequirement? best = null;
            double bestScore = 0;
            if (words.Count > 0)
            {
                foreach (var q in requirements)
                {
                    var other = q.Words;
                    int shared = 0;
                    foreach (var w in words)
                    {
                        if (other.Contains(w)) shared++;
                    }

                    double score = (double)shared / words.Count;
                    if (score > bestScore)
                    {
                        bestScore = score;
                        best = q;
                    }
                }
            }

            if (profile.Config.DoneMeans.LexicalMapping && best != null && bestScore >= profile.Config.DoneMeans.MinOverlap)
                return new ItemMapping(item, MappingKind.Lexical, new[] { best }, best, bestScore);
            return new ItemMapping(item, MappingKind.None, Array.Empty<SpecRequirement>(), best, bestScore);
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
}
