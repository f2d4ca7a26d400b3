using System;
using System.Collections.Generic;
using System.Linq;

namespace Orchestrator.Governance.Model.Spec
{
    /// <summary>How a requirement of a section differs between two spec versions.</summary>
    public enum RequirementDiffKind
    {
        /// <summary>In the newer version only.</summary>
        Added,

        /// <summary>In the older version only.</summary>
        Removed,

        /// <summary>The same sentence with another keyword (MUST to SHOULD, SHOULD to MUST).</summary>
        StrengthChanged,
    }

    /// <summary>
    /// One requirement of a section that two spec versions state differently (GOV805, as Doorstop's
    /// suspect links: a packet validated against the older version no longer knows whether it
    /// holds). Requirements are matched by their sentence with the keyword left out, white space
    /// folded as the spec reader gives them.
    /// </summary>
    public sealed class RequirementDiff
    {
        private RequirementDiff(RequirementDiffKind kind, SpecRequirement requirement, string? keywordBefore)
        {
            Kind = kind;
            Requirement = requirement;
            KeywordBefore = keywordBefore;
        }

        /// <summary>What differs.</summary>
        public RequirementDiffKind Kind { get; }

        /// <summary>The requirement: as the newer version states it (added, changed in strength), or as the older one did (removed).</summary>
        public SpecRequirement Requirement { get; }

        /// <summary>The keyword in the older version (<see cref="RequirementDiffKind.StrengthChanged"/>), else null.</summary>
        public string? KeywordBefore { get; }

        /// <summary>
        /// The requirements of <paramref name="older"/> (a section of <paramref name="olderSpec"/>,
        /// with its subsections) and <paramref name="newer"/> (the same section in
        /// <paramref name="newerSpec"/>) that differ: removed and changed in strength in the older
        /// version's order, then added in the newer one's.
        /// </summary>
        public static List<RequirementDiff> Of(SpecDocument olderSpec, SpecSection older, SpecDocument newerSpec, SpecSection newer)
        {
            var before = olderSpec.RequirementsWithin(older);
            var after = newerSpec.RequirementsWithin(newer);
            var diffs = new List<RequirementDiff>();
            var afterByText = new Dictionary<string, Queue<SpecRequirement>>(StringComparer.Ordinal);
            foreach (var r in after)
            {
                string key = Masked(r);
                if (!afterByText.TryGetValue(key, out var q)) afterByText[key] = q = new Queue<SpecRequirement>();
                q.Enqueue(r);
            }

            var matched = new HashSet<SpecRequirement>();
            foreach (var r in before)
            {
                if (afterByText.TryGetValue(Masked(r), out var q) && q.Count > 0)
                {
                    var now = q.Dequeue();
                    matched.Add(now);
                    if (!string.Equals(now.Keyword, r.Keyword, StringComparison.Ordinal)) diffs.Add(new RequirementDiff(RequirementDiffKind.StrengthChanged, now, r.Keyword));
                }
                else
                {
                    diffs.Add(new RequirementDiff(RequirementDiffKind.Removed, r, null));
                }
            }

            diffs.AddRange(after.Where(r => !matched.Contains(r)).Select(r => new RequirementDiff(RequirementDiffKind.Added, r, null)));
            return diffs;
        }

        /// <summary>The requirement's sentence with its keyword replaced by a mark, so that MUST and SHOULD forms of one sentence compare equal.</summary>
        internal static string Masked(SpecRequirement requirement) => Masked(requirement.Text, requirement.Keyword);

        /// <summary><paramref name="text"/> with the first <paramref name="keyword"/> replaced by a mark.</summary>
        internal static string Masked(string text, string keyword)
        {
            int at = text.IndexOf(keyword, StringComparison.Ordinal);
            return at < 0 ? text : text.Substring(0, at) + "\u0001" + text.Substring(at + keyword.Length);
        }
    }
}
