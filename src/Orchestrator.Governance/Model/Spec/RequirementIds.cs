using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Orchestrator.Governance.Model.Spec
{
    /// <summary>
    /// Requirement IDs written in a line, one, a list or a range of them, expanded: "TERM-API-005",
    /// "TERM-API-001..005", "TERM-LOG-001 to TERM-LOG-003", "TERM-UX-001–003", "FR-EVT-001/002/006"
    /// (the numbers keep their width). An ID is upper-case letters and digits in two or more parts
    /// joined by '-', the last a number. A range of more than 200 IDs is read as its two ends.
    /// </summary>
    internal static class RequirementIds
    {
        private static readonly Regex Pattern = new Regex(
            @"\b(?<prefix>[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-)(?<first>\d{1,6})(?:(?<range>\s*(?:\.\.\.?|–|—|\bto\b|-)\s*(?:\k<prefix>)?(?<last>\d{1,6}))|(?<list>(?:\s*/\s*(?:\k<prefix>)?\d{1,6})+))?\b",
            RegexOptions.CultureInvariant, Model.TaskPacketProfile.RegexTimeout);

        private static readonly Regex Number = new Regex(@"\d{1,6}", RegexOptions.CultureInvariant, Model.TaskPacketProfile.RegexTimeout);

        /// <summary>The IDs in <paramref name="text"/>, in order, each once.</summary>
        public static List<string> In(string text)
        {
            var ids = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            void Add(string id)
            {
                if (seen.Add(id)) ids.Add(id);
            }

            try
            {
                foreach (Match m in Pattern.Matches(text))
                {
                    string prefix = m.Groups["prefix"].Value, first = m.Groups["first"].Value;
                    Add(prefix + first);
                    if (m.Groups["last"].Success)
                    {
                        string last = m.Groups["last"].Value;
                        int a = int.Parse(first, CultureInfo.InvariantCulture), b = int.Parse(last, CultureInfo.InvariantCulture);
                        if (b > a && b - a <= 200)
                        {
                            for (int n = a + 1; n <= b; n++) Add(prefix + n.ToString(CultureInfo.InvariantCulture).PadLeft(first.Length, '0'));
                        }
                        else
                        {
                            Add(prefix + last.PadLeft(first.Length, '0'));
                        }
                    }
                    else if (m.Groups["list"].Success)
                    {
                        foreach (Match n in Number.Matches(m.Groups["list"].Value)) Add(prefix + n.Value.PadLeft(first.Length, '0'));
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A line too costly to scan names no ID here.
            }

            return ids;
        }
    }
}
