using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Orchestrator.Governance.Configuration;

namespace Orchestrator.Governance.Model.Spec
{
    /// <summary>The spec part of the configuration, compiled once.</summary>
    public sealed class SpecProfile
    {
        /// <summary>Compiles <paramref name="config"/>.</summary>
        public SpecProfile(SpecConfig config)
        {
            Config = config;
            IdPattern = TaskPacketProfile.Pattern(config.IdPattern);
            // One alternation of the escaped titles: the same answer as trying each, one scan per heading.
            NonMainBodyTitle = config.NonMainBodyTitles.Count == 0
                ? null
                : TaskPacketProfile.Pattern(@"\b(?:" + string.Join("|", config.NonMainBodyTitles.Select(Regex.Escape)) + @")\b", RegexOptions.IgnoreCase);
            MainBodyRanges = config.MainBody.Select(ParseRange).ToArray();
            NonMainBodyPrefixes = config.NonMainBody.ToArray();
            GenericGates = config.DoneMeans.GenericGates
                .Select(g => TaskPacketProfile.Pattern(g, RegexOptions.IgnoreCase)).ToArray();
            VaguePhrases = config.DoneMeans.VaguePhrases
                .Select(v => TaskPacketProfile.Pattern(@"(?<![\w])" + Regex.Escape(v) + @"(?![\w])", RegexOptions.IgnoreCase)).ToArray();
        }

        /// <summary>Gate items that need not map to a requirement.</summary>
        public IReadOnlyList<Regex> GenericGates { get; }

        /// <summary>Phrases that make a DONE_MEANS item unmeasurable on their own.</summary>
        public IReadOnlyList<Regex> VaguePhrases { get; }

        /// <summary>The configuration.</summary>
        public SpecConfig Config { get; }

        /// <summary>Requirement ID pattern.</summary>
        public Regex IdPattern { get; }

        /// <summary>Matches a heading title holding one of the non-Main-Body title words (whole words, any case), or null when none are configured.</summary>
        public Regex? NonMainBodyTitle { get; }

        /// <summary>Whether <paramref name="title"/> names a non-Main-Body section ("Roadmap", "Appendix B").</summary>
        public bool IsNonMainBodyTitle(string title)
        {
            if (NonMainBodyTitle == null) return false;
            try
            {
                return NonMainBodyTitle.IsMatch(title);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }

        /// <summary>Main Body top-level ranges ("1-6" as 1..6); empty means every top-level number.</summary>
        public IReadOnlyList<(int From, int To)> MainBodyRanges { get; }

        /// <summary>Section-number prefixes that are not Main Body.</summary>
        public IReadOnlyList<string> NonMainBodyPrefixes { get; }

        /// <summary>Whether a section number lies outside the configured Main Body.</summary>
        public bool IsExcludedNumber(string number)
        {
            foreach (var prefix in NonMainBodyPrefixes)
            {
                if (number == prefix || number.StartsWith(prefix + ".", StringComparison.Ordinal)) return true;
            }

            if (MainBodyRanges.Count == 0) return false;
            string top = number.Split('.')[0];
            if (!int.TryParse(top, out int n)) return false;
            return !MainBodyRanges.Any(r => n >= r.From && n <= r.To);
        }

        private static (int, int) ParseRange(string range)
        {
            var parts = range.Split('-');
            int from = int.Parse(new string(parts[0].Where(char.IsDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture);
            int to = parts.Length > 1 ? int.Parse(new string(parts[1].Where(char.IsDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture) : from;
            return (from, to);
        }
    }
}
