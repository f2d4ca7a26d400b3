using System.Text;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Cli.Reports
{
    /// <summary>
    /// What the CLI prints, made safe for a terminal and a CI log whatever a document holds
    /// (docs/security.md §6): GitHub Actions runs a line whose text, leading white space aside,
    /// starts with "::", and a line holding "##[" anywhere (actions/runner's ActionCommand); a
    /// terminal obeys escape sequences.
    /// </summary>
    internal static class ConsoleText
    {
        /// <summary>
        /// Free text (the text report, the trace report, the graph, <c>fix</c>'s lines and diffs):
        /// each line on its own, control characters and terminal escapes written <c>\uXXXX</c>
        /// (<see cref="MessageText.OneLine(string)"/>, which also writes "##[" as "#\u0023["), and a
        /// line that would start with "::" after its white space given "\u003A" for its first colon.
        /// </summary>
        public static string Safe(string text)
        {
            var sb = new StringBuilder(text.Length);
            int start = 0;
            while (start <= text.Length)
            {
                int end = text.IndexOf('\n', start);
                bool last = end < 0;
                if (last) end = text.Length;
                string line = text.Substring(start, end - start);
                bool cr = line.EndsWith("\r", System.StringComparison.Ordinal);
                if (cr) line = line.Substring(0, line.Length - 1);
                line = MessageText.OneLine(line);
                int lead = 0;
                while (lead < line.Length && char.IsWhiteSpace(line[lead])) lead++;
                if (string.CompareOrdinal(line, lead, "::", 0, 2) == 0) line = line.Substring(0, lead) + "\\u003A" + line.Substring(lead + 1);
                sb.Append(line);
                if (cr) sb.Append('\r');
                if (last) break;
                sb.Append('\n');
                start = end + 1;
            }

            return sb.ToString();
        }

        /// <summary>JSON text (SARIF, --format json): "##[" written "#\u0023[", which a JSON reader reads back as "##[".</summary>
        public static string SafeJson(string json) => json.Replace("##[", "#\\u0023[");

        /// <summary>XML text (JUnit): "##[" written "#&amp;#35;[", which an XML reader reads back as "##[".</summary>
        public static string SafeXml(string xml) => xml.Replace("##[", "#&#35;[");
    }
}
