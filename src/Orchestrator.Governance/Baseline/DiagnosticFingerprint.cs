using System;
using System.Security.Cryptography;
using System.Text;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Baseline
{
    /// <summary>
    /// The fingerprint that keys a diagnostic in the baseline: the first 16 hex digits (64 bits) of
    /// the SHA-256 of the rule ID, the message arguments (those the descriptor marks as line
    /// numbers, <see cref="RuleDescriptor.LocationArguments"/>, left out, and positions inside an
    /// argument, "line 123", "spec line 123", "offset 123", "123 lines", written as "#") and the text of the line
    /// the diagnostic starts on (trimmed, runs of white space collapsed to one space, a BOM dropped).
    /// No line or column goes in: inserting lines above a finding or moving its section keeps it;
    /// editing the offending line makes it a new finding. The same idea as SARIF's
    /// partialFingerprints and PHPStan's baseline, which key by message and file, not by line.
    /// </summary>
    public static class DiagnosticFingerprint
    {
        /// <summary>A number that says where something is (another document's line, a byte offset), not what it is.</summary>
        private static readonly System.Text.RegularExpressions.Regex Position = new System.Text.RegularExpressions.Regex(
            @"(?<=\b(?:line|lines|offset|position)\s)[0-9]+\b|\b[0-9]+(?=\slines\b)",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        /// <summary>
        /// The fingerprint of <paramref name="diagnostic"/> in <paramref name="documentText"/> (the
        /// decoded text its span refers to; null when the engine has no text for its path, then only
        /// the rule and arguments count). 16 lower-case hex digits.
        /// </summary>
        public static string Compute(GovernanceDiagnostic diagnostic, string? documentText)
        {
            var sb = new StringBuilder();
            sb.Append(diagnostic.Id).Append('\n');
            var skip = diagnostic.Descriptor.LocationArguments;
            for (int i = 0; i < diagnostic.Arguments.Count; i++)
            {
                if (Contains(skip, i)) continue;
                string argument = diagnostic.Arguments[i];
                // Only an argument with a digit can hold a position (most have none: no regex then).
                sb.Append(argument.IndexOfAny(Digits) < 0 ? argument : Position.Replace(argument, "#")).Append('\u001f');
            }

            sb.Append('\n').Append(LineTextOnce(documentText, diagnostic.Span.Start, diagnostic.Span.StartLine));
            var sha = _sha ??= SHA256.Create();
            byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(sb.ToString()));
            var hex = new StringBuilder(16);
            for (int i = 0; i < 8; i++) hex.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            return hex.ToString();
        }

        private static readonly char[] Digits = { '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' };

        /// <summary>One hash object per thread (creating one per diagnostic was a tenth of a language server's analysis).</summary>
        [ThreadStatic]
        private static SHA256? _sha;

        /// <summary>
        /// The most characters of a line's normalized text that go into a fingerprint as they are; a
        /// longer line goes in as the SHA-256 of its text ("sha256:..."), so a 600 KB line with
        /// thousands of findings is hashed once, not once a finding (no line of the Handshake corpus
        /// is this long, so its fingerprints are unchanged).
        /// </summary>
        internal const int MaxLineText = 8192;

        /// <summary>The text whose lines <see cref="_lines"/> holds (compared by reference).</summary>
        [ThreadStatic]
        private static string? _linesOf;

        /// <summary>Each line's text as it goes into a fingerprint, by line number, for the document last asked.</summary>
        [ThreadStatic]
        private static System.Collections.Generic.Dictionary<int, string>? _lines;

        /// <summary><see cref="LineText"/> once per line of a document: many findings on one long line read it once.</summary>
        private static string LineTextOnce(string? text, int offset, int line)
        {
            if (text == null || text.Length == 0) return string.Empty;
            if (!ReferenceEquals(_linesOf, text) || _lines == null)
            {
                _linesOf = text;
                _lines = new System.Collections.Generic.Dictionary<int, string>();
            }

            if (_lines.TryGetValue(line, out var known)) return known;
            string folded = LineText(text, offset);
            if (folded.Length > MaxLineText)
            {
                byte[] digest = (_sha ??= SHA256.Create()).ComputeHash(Encoding.UTF8.GetBytes(folded));
                var hex = new StringBuilder("sha256:", 71);
                foreach (byte b in digest) hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                folded = hex.ToString();
            }

            _lines[line] = folded;
            return folded;
        }

        /// <summary>The normalized text of the line holding <paramref name="offset"/>; empty when there is no text.</summary>
        internal static string LineText(string? text, int offset)
        {
            if (text == null || text.Length == 0) return string.Empty;
            offset = Math.Max(0, Math.Min(offset, text.Length));
            int start = offset;
            while (start > 0 && text[start - 1] != '\n' && text[start - 1] != '\r') start--;
            int end = offset;
            while (end < text.Length && text[end] != '\n' && text[end] != '\r') end++;
            return Text.WhiteSpace.Fold(text, start, end);
        }

        private static bool Contains(System.Collections.Generic.IReadOnlyList<int> list, int value)
        {
            for (int i = 0; i < list.Count; i++)
                if (list[i] == value) return true;
            return false;
        }
    }
}
