using System.Text;

namespace Orchestrator.Governance.Model
{
    /// <summary>
    /// Turns the many spellings of a heading or field key into one comparable key, so that
    /// "## Quality Gate", "## QUALITY_GATE", "## 🕵️ QUALITY GATE", "**Quality-Gate:**" and
    /// "## BOOTSTRAP (Coder Work Plan)" compare as QUALITY_GATE and BOOTSTRAP. Rules: drop emphasis
    /// and code markers, emoji and other symbols; drop a trailing "(...)" or "[...]" qualifier;
    /// upper-case; join words (spaces, hyphens, slashes) with "_".
    /// </summary>
    public static class KeyNormalizer
    {
        private static readonly char[] TrailingMarks = { '*', '_', ' ', '`', ':' };
        private static readonly char[] EdgeSeparators = { '.', '_' };

        [System.ThreadStatic]
        private static StringBuilder? _builder;

        /// <summary>Normalizes a key or heading text; returns "" when nothing word-like is left.</summary>
        public static string Normalize(string raw)
        {
            if (string.IsNullOrEmpty(raw)) return string.Empty;
            string s = StripQualifiers(raw);
            var sb = _builder ??= new StringBuilder(64);
            sb.Clear();
            bool pendingSeparator = false;
            foreach (char c in s)
            {
                if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.')
                {
                    if (pendingSeparator && sb.Length > 0) sb.Append('_');
                    pendingSeparator = false;
                    sb.Append(char.ToUpperInvariant(c));
                }
                else if (c == '_' || c == ' ' || c == '-' || c == '/' || c == '\t' || c == '&' || c == '+')
                {
                    pendingSeparator = true;
                }
                // Everything else (emphasis markers, emoji, punctuation, non-ASCII) is dropped.
            }

            return sb.ToString().Trim(EdgeSeparators);
        }

        /// <summary>Drops trailing "(...)" and "[...]" groups: "BOOTSTRAP (Coder Work Plan)" to "BOOTSTRAP".</summary>
        private static string StripQualifiers(string s)
        {
            s = s.Trim();
            bool changed = true;
            while (changed && s.Length > 0)
            {
                changed = false;
                string t = s.TrimEnd(TrailingMarks);
                if (t.Length > 0 && (t[t.Length - 1] == ')' || t[t.Length - 1] == ']'))
                {
                    char open = t[t.Length - 1] == ')' ? '(' : '[';
                    int at = t.LastIndexOf(open);
                    if (at > 0)
                    {
                        s = t.Substring(0, at).Trim();
                        changed = true;
                    }
                }
            }

            return s;
        }
    }
}
