using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Orchestrator.Governance.Model.Phases
{
    /// <summary>
    /// A repository-relative path in which <c>{XX}</c> (or <c>{X}</c>) stands for a phase ID, e.g.
    /// <c>docs/rfcs/RFC_{XX}.md</c> (seed 000 §2) or <c>**/PHASE_{XX}_EXECUTION_REPORT.md</c> (seed
    /// 001). <c>**/</c> matches any number of folders, <c>*</c> and <c>?</c> match within one
    /// folder, as in globs; matching ignores case, like the document globs. A phase ID is letters
    /// and digits (14, 05, A, B2).
    /// </summary>
    public sealed class PhaseArtifactPattern
    {
        private readonly Regex _regex;

        /// <summary>The pattern compiled once per process (<see cref="PhaseArtifactPattern(string)"/>); the configuration names a few.</summary>
        /// <exception cref="ArgumentException">The pattern has no phase placeholder.</exception>
        public static PhaseArtifactPattern Of(string pattern)
        {
            if (Compiled.TryGetValue(pattern, out var known)) return known;
            var compiled = new PhaseArtifactPattern(pattern);
            if (Compiled.Count < 256) Compiled.TryAdd(pattern, compiled);
            return compiled;
        }

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, PhaseArtifactPattern> Compiled = new System.Collections.Concurrent.ConcurrentDictionary<string, PhaseArtifactPattern>(StringComparer.Ordinal);

        /// <summary>Compiles <paramref name="pattern"/>; it must hold {XX} or {X} once.</summary>
        /// <exception cref="ArgumentException">The pattern has no phase placeholder.</exception>
        public PhaseArtifactPattern(string pattern)
        {
            Pattern = pattern;
            var regex = new StringBuilder("^");
            bool placeholder = false;
            for (int i = 0; i < pattern.Length; i++)
            {
                if (!placeholder && (Starts(pattern, i, "{XX}") || Starts(pattern, i, "{X}")))
                {
                    regex.Append("(?<phase>[A-Za-z0-9]+)");
                    i += Starts(pattern, i, "{XX}") ? 3 : 2;
                    placeholder = true;
                }
                else if (Starts(pattern, i, "**/"))
                {
                    regex.Append("(?:[^/]+/)*");
                    i += 2;
                }
                else if (pattern[i] == '*') regex.Append("[^/]*");
                else if (pattern[i] == '?') regex.Append("[^/]");
                else regex.Append(Regex.Escape(pattern[i].ToString()));
            }

            if (!placeholder) throw new ArgumentException("A phase artifact path needs {XX} where the phase goes: " + pattern, nameof(pattern));
            _regex = new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        }

        /// <summary>The pattern as configured.</summary>
        public string Pattern { get; }

        /// <summary>The phase ID as written in <paramref name="path"/>, or null when the path does not match.</summary>
        public string? PhaseOf(string path)
        {
            var match = _regex.Match(path);
            return match.Success ? match.Groups["phase"].Value : null;
        }

        /// <summary>
        /// The pattern with the phase filled in (<c>docs/rfcs/RFC_14.md</c>); <c>{XX}</c> is two
        /// digits at least, as seed 000 writes it (phase 1 → <c>RFC_01.md</c>), <c>{X}</c> as written.
        /// </summary>
        public string For(string phase)
        {
            string xx = phase.Length == 1 && IsNumber(phase) ? "0" + phase : phase;
            return Pattern.Replace("{XX}", xx).Replace("{X}", phase);
        }

        /// <summary>
        /// The phase ID compared: digits without leading zeros (05 and 5 are one phase), letters in
        /// upper case.
        /// </summary>
        public static string Key(string phase)
        {
            string p = phase.Trim();
            if (p.Length > 0 && IsNumber(p))
            {
                p = p.TrimStart('0');
                return p.Length == 0 ? "0" : p;
            }

            return p.ToUpperInvariant();
        }

        /// <summary>
        /// Orders two phase keys: numbers by value, letter IDs of one length alphabetically (A
        /// before B). Null when they cannot be ordered (a number and a letter).
        /// </summary>
        public static int? Compare(string a, string b)
        {
            if (IsNumber(a) && IsNumber(b))
                return a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
            if (!IsNumber(a) && !IsNumber(b) && a.Length == b.Length) return string.CompareOrdinal(a, b);
            return null;
        }

        private static bool IsNumber(string s)
        {
            foreach (char c in s)
            {
                if (c < '0' || c > '9') return false;
            }

            return s.Length > 0;
        }

        private static bool Starts(string s, int at, string what) => string.CompareOrdinal(s, at, what, 0, what.Length) == 0;

        /// <inheritdoc />
        public override string ToString() => Pattern.ToString(CultureInfo.InvariantCulture);
    }
}
