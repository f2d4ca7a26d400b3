using System;

namespace Orchestrator.Governance.Text
{
    /// <summary>Levenshtein distance (insertions, deletions, substitutions of one UTF-16 unit each).</summary>
    public static class EditDistance
    {
        /// <summary>The distance between <paramref name="a"/> and <paramref name="b"/>; O(|a|·|b|) time, O(|b|) memory.</summary>
        public static int Between(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++) previous[j] = j;
            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                    current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
                }

                var swap = previous;
                previous = current;
                current = swap;
            }

            return previous[b.Length];
        }
    }
}
