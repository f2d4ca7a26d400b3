using System;
using System.Linq;
using Orchestrator.Governance.Text;

namespace Orchestrator.Governance.LanguageServer.Features
{
    /// <summary>
    /// textDocument/definition: from a SPEC_ANCHOR reference (a section number, a requirement ID or a
    /// line) to the spec section's heading, in the module file that holds it; from a WP ID anywhere in
    /// a governance document (dependencies, the task board, prose) to its task packet; from a relative
    /// Markdown link to the file it names.
    /// </summary>
    internal static class DefinitionProvider
    {
        /// <summary>
        /// Every section a SPEC_ANCHOR reference at <paramref name="offset"/> may mean when it is
        /// ambiguous (GOV213: the spec numbers several sections alike and the anchor picks none),
        /// as (path, heading span), in document order; empty otherwise. The client offers them all.
        /// </summary>
        public static System.Collections.Generic.IReadOnlyList<(string Path, SourceSpan Span)> Alternatives(AnalysisSnapshot snapshot, string path, int offset)
        {
            var reference = SpecAnchorAt.Find(snapshot, path, offset).FirstOrDefault(r => r.Reference.Span.Start <= offset && offset <= r.Reference.Span.End && r.IsAmbiguous);
            return reference == null ? Array.Empty<(string, SourceSpan)>() : reference.Alternatives.Select(s => snapshot.Result.Spec.Locate(s.HeadingSpan)).ToList();
        }

        /// <summary>The target (repository-relative path and span, or a file with no span) at <paramref name="offset"/>, or null.</summary>
        public static (string Path, SourceSpan? Span)? At(AnalysisSnapshot snapshot, string path, int offset, Func<string, bool> fileExists)
        {
            var reference = SpecAnchorAt.Find(snapshot, path, offset).FirstOrDefault(r => r.Reference.Span.Start <= offset && offset <= r.Reference.Span.End && r.Target != null);
            if (reference != null)
            {
                var (file, span) = snapshot.Result.Spec.Locate(reference.Target!.HeadingSpan);
                return (file, span);
            }

            string? text = snapshot.TextOf(path);
            if (text == null) return null;

            // A relative link whose destination holds the offset.
            foreach (var (span, target) in DocumentLinks.Of(snapshot, path, fileExists))
            {
                if (span.Start <= offset && offset <= span.End) return (target, null);
            }

            // A WP ID: the word under the offset.
            if (!(WordAt(text, offset) is string word)) return null;
            var packet = snapshot.PacketWithId(word);
            if (packet == null)
            {
                // A WP whose only document is a stub (documents.taskPacketStubs): its stub.
                var stub = snapshot.Result.Stubs.FirstOrDefault(s => string.Equals(s.Id, word, StringComparison.Ordinal));
                return stub == null || stub.Path == path ? null : (stub.Path, stub.AnchorSpan);
            }

            return packet.Path == path && packet.AnchorSpan.Start <= offset && offset <= packet.AnchorSpan.End ? null : (packet.Path, packet.AnchorSpan);
        }

        /// <summary>The word under <paramref name="offset"/> as WP IDs are written (letters, digits, '-', '_', '.'; a final '.' dropped), or null.</summary>
        internal static string? WordAt(string text, int offset)
        {
            int start = System.Math.Min(offset, text.Length);
            while (start > 0 && IsIdChar(text[start - 1])) start--;
            int end = System.Math.Max(offset, 0);
            while (end < text.Length && IsIdChar(text[end])) end++;
            return end <= start ? null : text.Substring(start, end - start).TrimEnd('.');
        }

        private static bool IsIdChar(char c) => char.IsLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
    }
}
