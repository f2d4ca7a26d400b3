using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Orchestrator.Governance.Model.Spec;
using Orchestrator.Governance.Text;

namespace Orchestrator.Governance.Model.Change
{
    /// <summary>How an absolute requirement (MUST, MUST NOT, SHALL, REQUIRED) of a section fared in a change.</summary>
    public enum RequirementChangeKind
    {
        /// <summary>The same sentence, with a keyword that is not absolute (SHOULD, MAY, RECOMMENDED, ...).</summary>
        Softened,

        /// <summary>The same sentence and keyword, with other numbers.</summary>
        NumberChanged,

        /// <summary>No sentence of the section is it any more: deleted, or reworded.</summary>
        Removed,

        /// <summary>The same sentence with its absolute keyword negated or no longer negated (MUST → MUST NOT, SHALL NOT → SHALL).</summary>
        Inverted,
    }

    /// <summary>
    /// One absolute requirement of a spec section at the base revision that the current spec no
    /// longer states as it did (GOV803; seed 003 §5.2, §5.4: packets are validated against the
    /// requirements of the sections they anchor). Requirements are matched by their sentence:
    /// white space folded, as the spec reader gives them.
    /// </summary>
    public sealed class RequirementChange
    {
        private static readonly Regex Absolute = new Regex(@"^(?:MUST|SHALL|REQUIRED)\b", RegexOptions.CultureInvariant);

        private static readonly Regex Number = new Regex(@"\d+(?:[.,]\d+)*", RegexOptions.CultureInvariant, TaskPacketProfile.RegexTimeout);

        private RequirementChange(SpecRequirement before, RequirementChangeKind kind, string now, SourceSpan at)
        {
            Before = before;
            Kind = kind;
            Now = now;
            At = at;
        }

        /// <summary>The requirement as the base revision's spec stated it.</summary>
        public SpecRequirement Before { get; }

        /// <summary>What happened to it.</summary>
        public RequirementChangeKind Kind { get; }

        /// <summary>The keyword it has now (<see cref="RequirementChangeKind.Softened"/>), the numbers it has now (<see cref="RequirementChangeKind.NumberChanged"/>), or "".</summary>
        public string Now { get; }

        /// <summary>Where the current spec states it now, or, when it is removed, the heading of the current section.</summary>
        public SourceSpan At { get; }

        /// <summary>
        /// The absolute requirements of <paramref name="before"/> (a section of
        /// <paramref name="baseSpec"/>, with its subsections) that <paramref name="now"/> (the
        /// section of the same number in <paramref name="currentSpec"/>) does not state as they
        /// were: the same sentence with a keyword that is not absolute (found among the current
        /// requirements, or in the section's text for a keyword the reader does not collect, such
        /// as MAY), the same sentence with other numbers, or no such sentence at all.
        /// </summary>
        public static List<RequirementChange> Compare(SpecDocument baseSpec, SpecSection before, SpecDocument currentSpec, SpecSection now)
        {
            var changes = new List<RequirementChange>();
            var current = currentSpec.RequirementsWithin(now);
            var kept = new HashSet<string>(current.Where(r => r.IsAbsolute).Select(r => r.Text), StringComparer.Ordinal);
            foreach (var requirement in baseSpec.RequirementsWithin(before).Where(r => r.IsAbsolute))
            {
                if (kept.Contains(requirement.Text)) continue;
                try
                {
                    if (Find(requirement, current, currentSpec, now) is RequirementChange change) changes.Add(change);
                }
                catch (RegexMatchTimeoutException)
                {
                    changes.Add(new RequirementChange(requirement, RequirementChangeKind.Removed, string.Empty, now.HeadingSpan));
                }
            }

            return changes;
        }

        private static RequirementChange? Find(SpecRequirement requirement, IReadOnlyList<SpecRequirement> current, SpecDocument currentSpec, SpecSection now)
        {
            string masked = RequirementDiff.Masked(requirement.Text, requirement.Keyword);
            var softened = current.FirstOrDefault(r => !r.IsAbsolute && RequirementDiff.Masked(r.Text, r.Keyword) == masked);
            if (softened != null) return new RequirementChange(requirement, RequirementChangeKind.Softened, softened.Keyword, softened.Span);
            var inverted = current.FirstOrDefault(r => r.IsAbsolute && IsNegated(r.Keyword) != IsNegated(requirement.Keyword) && RequirementDiff.Masked(r.Text, r.Keyword) == masked);
            if (inverted != null) return new RequirementChange(requirement, RequirementChangeKind.Inverted, inverted.Keyword, inverted.Span);

            // A keyword the reader does not collect (MAY, CAN, MIGHT): the sentence in the section's text.
            int at = requirement.Text.IndexOf(requirement.Keyword, StringComparison.Ordinal);
            if (at >= 0)
            {
                string head = Folded(requirement.Text.Substring(0, at)), tail = Folded(requirement.Text.Substring(at + requirement.Keyword.Length));
                var pattern = new Regex(head + @"(?<keyword>[A-Za-z]+(?:\s+NOT)?)" + tail, RegexOptions.CultureInvariant, TaskPacketProfile.RegexTimeout);
                string text = currentSpec.Document.Text;
                int end = Math.Min(now.End, text.Length);
                var match = pattern.Match(text, now.Start, end - now.Start);
                if (match.Success)
                {
                    var keyword = match.Groups["keyword"];
                    string written = Regex.Replace(keyword.Value, @"\s+", " ");
                    var span = currentSpec.Document.Span(keyword.Index, keyword.Length);
                    // Still absolute, written so that the reader folded it otherwise: kept, unless its negation changed.
                    if (Absolute.IsMatch(keyword.Value))
                        return IsNegated(written) == IsNegated(requirement.Keyword) ? null : new RequirementChange(requirement, RequirementChangeKind.Inverted, written, span);
                    return new RequirementChange(requirement, RequirementChangeKind.Softened, written, span);
                }
            }

            string numbers = Number.Replace(requirement.Text, "#");
            var renumbered = current.FirstOrDefault(r => r.IsAbsolute && r.Keyword == requirement.Keyword && Number.Replace(r.Text, "#") == numbers);
            if (renumbered != null)
                return new RequirementChange(requirement, RequirementChangeKind.NumberChanged, string.Join(", ", Number.Matches(renumbered.Text).Cast<Match>().Select(m => m.Value)), renumbered.Span);
            return new RequirementChange(requirement, RequirementChangeKind.Removed, string.Empty, now.HeadingSpan);
        }

        /// <summary>The numbers the requirement had at the base (for <see cref="RequirementChangeKind.NumberChanged"/>).</summary>
        public string NumbersBefore => string.Join(", ", Number.Matches(Before.Text).Cast<Match>().Select(m => m.Value));

        /// <summary>Whether a keyword is a negation (MUST NOT, SHALL NOT).</summary>
        private static bool IsNegated(string keyword) => keyword.EndsWith(" NOT", StringComparison.Ordinal);

        /// <summary>Text as a pattern that matches it across any run of white space.</summary>
        private static string Folded(string text) =>
            string.Join(@"\s+", text.Split(new[] { ' ' }, StringSplitOptions.None).Select(Regex.Escape));
    }
}
