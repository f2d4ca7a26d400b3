using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Orchestrator.Governance.Diagnostics
{
    /// <summary>How rules quote a document's text in a message.</summary>
    public static class MessageText
    {
        /// <summary>At most 80 characters of <paramref name="text"/>: longer text is cut to 77 and "..." added.</summary>
        internal static string Short(string text) => text.Length <= 80 ? text : text.Substring(0, 77) + "...";

        /// <summary>
        /// <paramref name="text"/> as one line of plain, printable text: every character that could
        /// end the line, steer a terminal or a reader, or that XML cannot carry (C0 controls but the
        /// tab, DEL, C1 controls, U+2028/U+2029, the bidirectional overrides and isolates U+202A-U+202E
        /// and U+2066-U+2069, U+FFFE/U+FFFF, a surrogate without its pair) is written as its escape
        /// <c>\uXXXX</c>, and "##[" (a GitHub Actions command anywhere in a line) as "#\u0023[". So a
        /// document's text quoted in a diagnostic never starts a line of a build log (a GitHub
        /// Actions "::" command), never moves a terminal's cursor, and is valid in XML and JSON
        /// (docs/security.md). Text without such a character is returned as it is.
        /// </summary>
        public static string OneLine(string text)
        {
            if (text == null) return string.Empty;
            // GitHub Actions' runner runs "##[command]" wherever it stands in a line of the log.
            if (text.IndexOf("##[", System.StringComparison.Ordinal) >= 0) text = text.Replace("##[", "#\\u0023[");
            int i = 0;
            while (i < text.Length && !IsUnsafe(text, i)) i++;
            if (i == text.Length) return text;
            var sb = new StringBuilder(text.Length + 16);
            sb.Append(text, 0, i);
            for (; i < text.Length; i++)
            {
                char c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    sb.Append(c).Append(text[++i]);
                    continue;
                }

                if (IsUnsafe(text, i)) sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                else sb.Append(c);
            }

            return sb.ToString();
        }

        /// <summary><see cref="OneLine(string)"/> of each argument; the same list when none changes.</summary>
        internal static IReadOnlyList<string> OneLine(IReadOnlyList<string> arguments)
        {
            string[]? changed = null;
            for (int i = 0; i < arguments.Count; i++)
            {
                string safe = OneLine(arguments[i]);
                if (ReferenceEquals(safe, arguments[i]) && changed == null) continue;
                if (changed == null)
                {
                    changed = new string[arguments.Count];
                    for (int j = 0; j < i; j++) changed[j] = arguments[j];
                }

                changed[i] = safe;
            }

            return changed ?? arguments;
        }

        private static bool IsUnsafe(string text, int i)
        {
            char c = text[i];
            if (c < 0x20) return c != '\t';
            if (c < 0x7F) return false;
            if (c <= 0x9F) return true;
            if (c == '\u2028' || c == '\u2029' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\uFFFE' || c == '\uFFFF') return true;
            if (char.IsHighSurrogate(c)) return !(i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]));
            if (char.IsLowSurrogate(c)) return !(i > 0 && char.IsHighSurrogate(text[i - 1]));
            return false;
        }
    }
}
