using System;
using System.Globalization;

namespace Orchestrator.Governance.Documents
{
    /// <summary>
    /// Whether a document can be analyzed at all, asked once for every kind (packets, the spec and
    /// its modules, the board, ADRs, RFCs, the OSS register, state files, headers, the baseline):
    /// a document the host could not read, one larger than limits.maxDocumentBytes, a binary file
    /// (NUL bytes never appear in text) and one the parser refuses are skipped, with the reason
    /// the engine reports as GOV002 (GUIDE.md §2, engine: bad input gets a clear diagnostic and
    /// nothing else). The spec's reason goes into GOV210 instead, where its pointer names it.
    /// </summary>
    public static class DocumentAdmission
    {
        /// <summary>
        /// Why <paramref name="input"/> cannot be analyzed as <paramref name="format"/> ("Markdown",
        /// "JSON", "YAML", "text"), or null when it can: the host's reason when it could not read it,
        /// its size in bytes against <paramref name="maxBytes"/>, or its NUL bytes.
        /// </summary>
        public static string? Refusal(DocumentInput input, long maxBytes, string format)
        {
            if (input.Text == null) return input.UnreadableReason ?? "the host could not read it";
            long size = Math.Max(input.SizeInBytes, input.Text.Length);
            if (size > maxBytes) return string.Format(CultureInfo.InvariantCulture, "{0} bytes is more than limits.maxDocumentBytes ({1})", size, maxBytes);
            if (input.Text.IndexOf('\0') >= 0) return "it holds NUL bytes, so it is a binary file, not " + format;
            return null;
        }

        /// <summary>
        /// Runs a Markdown parse (<paramref name="parse"/>: Markdig, directly or through a reader
        /// built on it) and returns its result, or the default with <paramref name="refusal"/> set
        /// when Markdig rejects pathological input (e.g. 10,000 nested block quotes) with an
        /// exception; any other exception is a bug and propagates.
        /// </summary>
        public static T? ParseMarkdown<T>(Func<T> parse, out string? refusal)
            where T : class
        {
            try
            {
                refusal = null;
                return parse();
            }
            catch (MarkdownRefusedException e)
            {
                refusal = e.Message;
                return null;
            }
            catch (Exception e) when (e is ArgumentException || e is InvalidOperationException || e is IndexOutOfRangeException)
            {
                refusal = "the Markdown parser rejected it: " + e.Message;
                return null;
            }
        }

        /// <summary>
        /// <see cref="Refusal"/>, then Markdig's parse (<see cref="ParseMarkdown{T}"/>): the parsed
        /// document, or null with the reason it was refused.
        /// </summary>
        public static ParsedMarkdown? AdmitMarkdown(DocumentInput input, long maxBytes, out string? refusal)
        {
            refusal = Refusal(input, maxBytes, "Markdown");
            return refusal != null ? null : ParseMarkdown(() => ParsedMarkdown.Parse(input.Path, input.Text!), out refusal);
        }
    }
}
