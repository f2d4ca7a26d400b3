using System;
using System.Collections.Generic;
using System.Linq;

namespace Orchestrator.Governance.Model.Spec
{
    /// <summary>
    /// The terms that carry what a requirement obliges, or what a DONE_MEANS item states (seed 003
    /// §5.4: DONE_MEANS map 1:1 to requirements "in substance"): content words, reduced to a common
    /// stem ("validates", "validated", "validating" are one term), code identifiers whole and in their
    /// parts (<c>integration_mode</c> is the term "integration_mode" and the words "integration" and
    /// "mode"; <c>SqliteDatabase</c> is "sqlitedatabase", "sqlite" and "database"), and values (numbers
    /// of two or more digits, with a unit written on them: "30s", "256"). Stop words, the RFC 2119
    /// keywords and the words of testing and claiming ("tests verify X" states X) are no terms.
    /// Scanned by hand in one pass: it runs over every requirement of the spec once.
    /// </summary>
    internal static class SubstanceTerms
    {
        private static readonly HashSet<string> Stop = new HashSet<string>(StringComparer.Ordinal)
        {
            // Function words.
            "the", "and", "for", "with", "not", "are", "was", "were", "been", "being", "this", "that", "these", "those", "from", "into", "onto",
            "than", "then", "when", "where", "which", "while", "will", "would", "can", "could", "may", "might", "has", "have", "had", "its",
            "their", "there", "them", "they", "each", "every", "all", "any", "some", "such", "only", "also", "via", "per", "our", "your", "who",
            "what", "how", "why", "but", "nor", "yet", "out", "over", "under", "about", "both", "either", "neither", "other", "same", "more",
            "most", "less", "least", "very", "just", "non", "one", "two", "upon", "within", "without", "between", "across", "after", "before",
            "e.g", "i.e", "etc", "eg", "ie", "does", "did", "doing", "done", "use", "used", "using", "uses", "make", "made", "makes", "way",
            "whether", "because", "unless", "until", "against", "along", "through", "thus", "hence", "therefore", "here", "via", "yes",
            // Requirement keywords and the words of claiming or proving it (what is tested is what counts).
            "must", "should", "shall", "required", "require", "requires", "requirement", "recommended", "optional", "mandatory", "normative",
            "spec", "specification", "section", "implemented", "implement", "implementation", "implements", "ensure", "ensures", "ensured",
            "exist", "exists", "present", "test", "tests", "tested", "testing", "verify", "verifies", "verified", "verification", "check",
            "checks", "checked", "pass", "passes", "passed", "passing", "assert", "asserts", "asserted", "proof", "proves", "proven", "evidence",
            "covered", "cover", "covers", "complete", "completed", "fully", "correctly", "properly", "correct", "proper", "new", "now", "work",
            "works", "support", "supports", "supported", "wp", "item", "items", "per", "see", "below", "above", "following", "follows",
        };

        /// <summary>The terms of <paramref name="text"/> (see the class).</summary>
        public static HashSet<string> Of(string text) => new HashSet<string>(Sequence(text).Select(t => t.Term), StringComparer.Ordinal);

        /// <summary>Each term of <paramref name="sequence"/> with the word it was first read from, lower-cased ("database" for the term "databas"), for messages.</summary>
        public static Dictionary<string, string> Surfaces(IReadOnlyList<(string Term, int Group, string Surface)> sequence)
        {
            var surfaces = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var t in sequence)
            {
                if (!surfaces.ContainsKey(t.Term)) surfaces[t.Term] = t.Surface;
            }

            return surfaces;
        }

        /// <summary>
        /// The pairs of terms that follow each other in <paramref name="sequence"/> ("Database trait",
        /// "SqliteDatabase wrapper"), as "a b": a phrase of the requirement the item writes too. The
        /// terms of one identifier ("sqlitedatabase sqlite") make no pair: the phrase is two words.
        /// </summary>
        public static HashSet<string> Pairs(IReadOnlyList<(string Term, int Group, string Surface)> sequence)
        {
            var pairs = new HashSet<string>(StringComparer.Ordinal);
            for (int k = 1; k < sequence.Count; k++)
            {
                if (sequence[k].Group != sequence[k - 1].Group) pairs.Add(sequence[k - 1].Term + " " + sequence[k].Term);
            }

            return pairs;
        }

        /// <summary>
        /// The terms of <paramref name="text"/> in the order they stand, each with the number of the
        /// word it comes from (an identifier's whole and parts share one: they are one word written).
        /// </summary>
        public static List<(string Term, int Group, string Surface)> Sequence(string text)
        {
            var terms = new List<(string Term, int Group, string Surface)>();
            int group = 0;
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (IsDigit(c))
                {
                    int start = i;
                    while (i < text.Length && (IsDigit(text[i]) || IsLetter(text[i]))) i++;
                    // A value: two or more digits, with a unit written on it ("30s", "256"); a section number's parts are not.
                    int digits = 0;
                    for (int k = start; k < i; k++)
                    {
                        if (IsDigit(text[k])) digits++;
                    }

                    bool partOfNumber = (start > 0 && text[start - 1] == '.') || (i < text.Length && text[i] == '.' && i + 1 < text.Length && IsDigit(text[i + 1]));
                    if (digits >= 2 && !partOfNumber)
                    {
                        string value = text.Substring(start, i - start).ToLowerInvariant();
                        terms.Add((value, group++, value));
                    }
                    continue;
                }

                if (!IsLetter(c))
                {
                    i++;
                    continue;
                }

                // An identifier: letters, digits and underscores ("integration_mode", "SqliteDatabase", "FR-EVT-001" is three words).
                int from = i;
                while (i < text.Length && (IsLetter(text[i]) || IsDigit(text[i]) || text[i] == '_')) i++;
                AddIdentifier(text, from, i, terms, group++);
            }

            return terms;
        }

        private static void AddIdentifier(string text, int from, int to, List<(string Term, int Group, string Surface)> terms, int group)
        {
            bool underscores = false, inner = false;
            for (int k = from; k < to; k++)
            {
                if (text[k] == '_') underscores = true;
                else if (k > from && IsUpper(text[k]) && IsLower(text[k - 1])) inner = true;
            }

            if (!underscores && !inner)
            {
                AddWord(text.Substring(from, to - from), terms, group);
                return;
            }

            // The identifier whole, then its parts.
            string whole = text.Substring(from, to - from).ToLowerInvariant().Trim('_');
            if (whole.Length >= 3) terms.Add((whole, group, whole));
            int partStart = from;
            for (int k = from; k <= to; k++)
            {
                bool boundary = k == to || text[k] == '_' || (k > partStart && IsUpper(text[k]) && IsLower(text[k - 1]));
                if (!boundary) continue;
                if (k > partStart) AddWord(text.Substring(partStart, k - partStart), terms, group);
                partStart = k < to && text[k] == '_' ? k + 1 : k;
            }
        }

        private static void AddWord(string word, List<(string Term, int Group, string Surface)> terms, int group)
        {
            if (word.Length < 3) return;
            string lower = word.ToLowerInvariant();
            if (Stop.Contains(lower)) return;
            string stem = Stem(lower);
            if (stem.Length >= 3 && !Stop.Contains(stem)) terms.Add((stem, group, lower));
        }

        /// <summary>
        /// A light English stem: plural and verb endings off ("policies" → "polic", "validated" and
        /// "validates" → "validat", "rejecting" → "reject"), so that the forms of one word meet.
        /// Not a linguistic stem: both sides go through the same function, which is all matching needs.
        /// </summary>
        internal static string Stem(string w)
        {
            if (w.EndsWith("'s", StringComparison.Ordinal)) w = w.Substring(0, w.Length - 2);
            if (w.Length > 5 && w.EndsWith("ies", StringComparison.Ordinal)) w = w.Substring(0, w.Length - 3) + "i";
            else if (w.Length > 4 && w.EndsWith("es", StringComparison.Ordinal)) w = w.Substring(0, w.Length - 2);
            else if (w.Length > 3 && w.EndsWith("s", StringComparison.Ordinal) && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal)) w = w.Substring(0, w.Length - 1);
            if (w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal)) w = w.Substring(0, w.Length - 3);
            else if (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal)) w = w.Substring(0, w.Length - 2);
            if (w.Length > 4 && w.EndsWith("e", StringComparison.Ordinal)) w = w.Substring(0, w.Length - 1);
            if (w.Length > 3 && w.EndsWith("y", StringComparison.Ordinal)) w = w.Substring(0, w.Length - 1) + "i";
            return w;
        }

        private static bool IsLetter(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

        private static bool IsUpper(char c) => c >= 'A' && c <= 'Z';

        private static bool IsLower(char c) => c >= 'a' && c <= 'z';

        private static bool IsDigit(char c) => c >= '0' && c <= '9';
    }
}
