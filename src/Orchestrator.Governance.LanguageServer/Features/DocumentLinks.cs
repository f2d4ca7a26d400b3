using System;
using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Text;

namespace Orchestrator.Governance.LanguageServer.Features
{
    /// <summary>
    /// textDocument/documentLink and the link part of go to definition: the relative Markdown links of
    /// a governance document whose target file exists, resolved against the document's folder within
    /// the repository (a link climbing out of it, an absolute path, a URL or mailto: is not ours).
    /// </summary>
    internal static class DocumentLinks
    {
        /// <summary>Each link's span in the analysed text and its target's repository-relative path.</summary>
        public static IReadOnlyList<(SourceSpan Span, string Target)> Of(AnalysisSnapshot snapshot, string path, Func<string, bool> fileExists)
        {
            string? text = snapshot.TextOf(path);
            if (text == null || !path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) return Array.Empty<(SourceSpan, string)>();
            var found = new List<(SourceSpan, string)>();
            int slash = path.LastIndexOf('/');
            string folder = slash < 0 ? string.Empty : path.Substring(0, slash + 1);
            foreach (var link in MarkdownLinks.Collect(ParsedMarkdown.Parse(path, text)).Links)
            {
                string url = link.Url;
                int hash = url.IndexOf('#');
                if (hash >= 0) url = url.Substring(0, hash);
                if (url.Length == 0 || url.Contains("://", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) continue;
                string? target = DocumentInput.ResolveInside(folder + Uri.UnescapeDataString(url));
                if (target != null && fileExists(target)) found.Add((link.Span, target));
            }

            return found.OrderBy(l => l.Item1.Start).ToList();
        }
    }
}
