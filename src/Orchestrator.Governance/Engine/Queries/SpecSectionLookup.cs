using System;
using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Model.Spec;

namespace Orchestrator.Governance.Engine.Queries
{
    /// <summary>
    /// The sections of the current spec a query names, tried in this order: a section number (every section of that
    /// number: a spec may number two alike, GOV211), a requirement ID a section defines, then one it mentions, a whole
    /// SPEC_ANCHOR line (the sections its numbers, IDs and lines name; a number several sections share and the line
    /// picks none of, GOV213, names them all), else the words of a title. The MCP server's <c>spec_section</c> asks it.
    /// </summary>
    public static class SpecSectionLookup
    {
        /// <summary>
        /// The sections <paramref name="query"/> names (at most <paramref name="limit"/>), how it matched them, and, for
        /// an anchor line, its references; a query that names none is a <see cref="QueryException"/> saying what was tried.
        /// </summary>
        /// <exception cref="QueryException">No current spec, or no section matches.</exception>
        public static SpecSectionMatch Find(SpecContext context, string query, int limit)
        {
            var spec = context.Spec ?? throw new QueryException("the repository has no current spec to read" + (context.Problem != null ? ": " + context.Problem : " (spec.currentPointer names none, or the file it names is missing)"));
            string number = query.TrimStart('§').Trim();
            IReadOnlyList<ResolvedReference> references = Array.Empty<ResolvedReference>();
            List<SpecSection> found;
            string by;
            if (spec.ByNumber.ContainsKey(number))
            {
                (found, by) = (spec.Sections.Where(s => s.Number == number).Take(limit).ToList(), "number");
            }
            else if (spec.ById.TryGetValue(query, out var defined) || spec.ById.TryGetValue(query.ToUpperInvariant(), out defined))
            {
                (found, by) = (new List<SpecSection> { defined }, "id");
            }
            else if (spec.MentionsById.TryGetValue(query.ToUpperInvariant(), out var mentioned))
            {
                (found, by) = (mentioned.Take(limit).ToList(), "id");
            }
            else if ((references = context.ResolveAnchorText(query)).Any(r => r.Section != null || r.IsAmbiguous))
            {
                (found, by) = (references.SelectMany(r => r.Section != null ? new[] { r.Section } : r.Alternatives).Distinct().Take(limit).ToList(), "anchor");
            }
            else
            {
                var words = query.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
                found = spec.Sections.Where(s => words.All(w => s.Title.IndexOf(w, StringComparison.OrdinalIgnoreCase) >= 0)).Take(limit).ToList();
                by = "title";
            }

            bool justNumber = references.Count == 1 && references[0].Reference.Value == number;
            if (found.Count == 0 && references.Count > 0 && !justNumber)
                throw new QueryException($"no section of {spec.Document.Path} is named by {string.Join(", ", references.Select(Unresolved))}, and no title has those words");
            if (found.Count == 0)
                throw new QueryException($"no section of {spec.Document.Path} is numbered '{QueryText.Clip(number)}'{(justNumber && references[0].Nearest is SpecSection near ? $" (nearest: §{near.Number} {QueryText.Clip(near.Title)})" : string.Empty)}, defines or mentions the ID '{QueryText.Clip(query)}', or has those words in its title");
            return new SpecSectionMatch(spec, by, found, by == "anchor" ? references : Array.Empty<ResolvedReference>());
        }

        /// <summary>"§2.3.12.3 (nearest: §2.3.12 Storage Backend Portability)", as the error names a reference that resolves to nothing.</summary>
        private static string Unresolved(ResolvedReference reference) =>
            reference.Reference.Display + (reference.Nearest == null ? string.Empty : $" (nearest: §{reference.Nearest.Number} {QueryText.Clip(reference.Nearest.Title)})");
    }

    /// <summary>What <see cref="SpecSectionLookup.Find"/> found: the spec, how the query matched (number, id, anchor, title), the sections, and an anchor line's references.</summary>
    public sealed class SpecSectionMatch
    {
        /// <summary>Creates the match.</summary>
        public SpecSectionMatch(SpecDocument spec, string matchedBy, IReadOnlyList<SpecSection> sections, IReadOnlyList<ResolvedReference> references)
        {
            Spec = spec;
            MatchedBy = matchedBy;
            Sections = sections;
            References = references;
        }

        /// <summary>The current spec.</summary>
        public SpecDocument Spec { get; }

        /// <summary>number, id, anchor or title.</summary>
        public string MatchedBy { get; }

        /// <summary>The sections, in the spec's order for a number or title, the line's for an anchor.</summary>
        public IReadOnlyList<SpecSection> Sections { get; }

        /// <summary>For an anchor line, its references (those naming no section carry the nearest); empty otherwise.</summary>
        public IReadOnlyList<ResolvedReference> References { get; }
    }
}
