using System;
using System.Text.RegularExpressions;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Decisions
{
    /// <summary>
    /// GOV610: a relative link in a governance document (documents.links, default
    /// <c>docs/**/*.md</c>) that leads nowhere: its file or folder is not in the repository, it
    /// climbs out of the repository, or its <c>#fragment</c> names no heading of the target (a
    /// document documents.links names, or the document itself). Inline links, images and link
    /// reference definitions count (CommonMark §6.3, §6.4, §4.7); links with a scheme
    /// (https:, mailto:) are not followed, nothing is fetched. A leading "/" is the repository
    /// root, as on GitHub; %-escapes are decoded; GitHub line anchors (#L10, #L10-L20) always
    /// resolve. Files need the repository's file list; without it only anchors are checked.
    /// Reported at the destination. Source: the cross-file gap markdownlint's MD051
    /// (link fragments, same file only) leaves; GitHub's heading anchors.
    /// </summary>
    public sealed class GOV610BrokenLink : RepositoryRule
    {
        /// <summary>GOV610: a relative link or heading anchor between governance documents that leads nowhere.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV610", "Links between governance documents must resolve",
            "Link '{0}' is broken: {1}",
            "Governance.Decisions", GovernanceSeverity.Warning,
            "Packets, the task board, ADRs and the spec cite each other by relative links and heading anchors. A renamed file or heading breaks them silently, and a reader (or an agent following the protocol) lands nowhere.",
            "CommonMark 0.31 §6.3 (links), §4.7 (link reference definitions); GitHub heading anchors; markdownlint MD051 (same-file fragments)")
        {
            AsksPacketEdit = true,
        };

        private static readonly Regex Scheme = new Regex(@"^[A-Za-z][A-Za-z0-9+.\-]*:", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        private static readonly Regex LineAnchor = new Regex(@"^l[0-9]+(c[0-9]+)?(-l[0-9]+(c[0-9]+)?)?$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RepositoryRuleContext context)
        {
            var index = context.Index;
            var files = index.Files;
            foreach (var entry in index.Links)
            {
                string path = entry.Key;
                int slash = path.LastIndexOf('/');
                string folder = slash < 0 ? string.Empty : path.Substring(0, slash + 1);
                foreach (var link in entry.Value.Links)
                {
                    string url = link.Url.Trim();
                    if (url.Length == 0 || url.StartsWith("//", StringComparison.Ordinal) || Scheme.IsMatch(url)) continue;
                    int hash = url.IndexOf('#');
                    string target = hash >= 0 ? url.Substring(0, hash) : url;
                    string fragment = hash >= 0 ? url.Substring(hash + 1) : string.Empty;
                    int query = target.IndexOf('?');
                    if (query >= 0) target = target.Substring(0, query);

                    string resolved = path;
                    if (target.Length > 0)
                    {
                        target = Unescape(target);
                        string? inside = DocumentInput.ResolveInside(target.StartsWith("/", StringComparison.Ordinal) ? target.TrimStart('/') : folder + target);
                        if (inside == null)
                        {
                            context.Report(path, link.Span, link.Url, "it climbs out of the repository");
                            continue;
                        }

                        resolved = inside;
                        if (files != null && resolved.Length > 0 && !files.Files.Contains(resolved) && !files.Folders.Contains(resolved))
                        {
                            context.Report(path, link.Span, link.Url, resolved + " is not a file or folder of the repository");
                            continue;
                        }
                    }

                    if (fragment.Length == 0 || !index.Links.TryGetValue(resolved, out var targetLinks)) continue;
                    string anchor = Unescape(fragment).ToLowerInvariant();
                    if (LineAnchor.IsMatch(anchor) || targetLinks.Anchors.Contains(anchor)) continue;
                    context.Report(path, link.Span, link.Url, (resolved == path ? "this document" : resolved) + " has no heading with the anchor #" + anchor);
                }
            }
        }

        private static string Unescape(string s)
        {
            if (s.IndexOf('%') < 0) return s;
            try
            {
                return Uri.UnescapeDataString(s);
            }
            catch (UriFormatException)
            {
                return s;
            }
        }
    }
}
