using System.Text;

namespace Orchestrator.Governance.Text
{
    /// <summary>White space as texts are compared: runs folded to one space, both ends trimmed.</summary>
    public static class WhiteSpace
    {
        /// <summary>
        /// <paramref name="text"/>[<paramref name="start"/>, <paramref name="end"/>) with every run of
        /// white space (line breaks included) folded to one space, leading and trailing white space
        /// and byte order marks dropped.
        /// </summary>
        public static string Fold(string text, int start, int end)
        {
            var sb = new StringBuilder(end - start);
            bool space = false;
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (c == '\uFEFF') continue;
                if (char.IsWhiteSpace(c))
                {
                    space = sb.Length > 0;
                    continue;
                }

                if (space) sb.Append(' ');
                space = false;
                sb.Append(c);
            }

            return sb.ToString();
        }

        /// <summary>The whole <paramref name="text"/> folded (see <see cref="Fold(string, int, int)"/>).</summary>
        public static string Fold(string text) => Fold(text, 0, text.Length);
    }
}
