using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Orchestrator.Governance.Model.Spec;

namespace Orchestrator.Governance.Mcp.Tools
{
    /// <summary>
    /// <c>spec_section</c>: a section of the current spec (the one spec.currentPointer names) found
    /// by its number ("2.3.12", "§2.3.12"), a requirement ID it defines or mentions ("CX-DBP-022"),
    /// a SPEC_ANCHOR line as a packet writes it ("§2.3.13.3 Storage API Abstraction Pattern
    /// [CX-DBP-021]": the sections it names, resolved as the packet's anchor is), or words of its title; with its heading, text and MUST/SHOULD requirements (seed 003 §5.2,
    /// §5.4: a packet is anchored to sections and mapped to their requirements).
    /// </summary>
    internal sealed class SpecSectionTool : GovernanceTool
    {
        /// <summary>The most text of one section returned (characters); the rest is cut and marked truncated.</summary>
        public const int MaxText = 20_000;

        public override string Name => "spec_section";

        public override string Title => "Read a spec section";

        public override string Description =>
            "A section of the current Master Spec, by number (2.3.12 or §2.3.12), by a requirement ID it defines, by a SPEC_ANCHOR line as a packet writes it (every section it names), or by words of its title: " +
            "its heading, file and line, its text, and its MUST/SHOULD requirements with their lines. Call it before writing a SPEC_ANCHOR or DONE_MEANS.";

        public override string InputSchema => @"{""type"":""object"",""properties"":{
  ""query"":{""type"":""string"",""description"":""A section number (2.3.12, §2.3.12), a requirement ID, a SPEC_ANCHOR line as a packet writes it, or words of the title""},
  ""limit"":{""type"":""integer"",""minimum"":1,""maximum"":20,""description"":""Sections returned when words of titles match several (default 5)""}},
 ""required"":[""query""],""additionalProperties"":false}";

        public override string OutputSchema => @"{""type"":""object"",""properties"":{
  ""specFile"":{""type"":""string""},""specVersion"":{""type"":[""string"",""null""]},
  ""matchedBy"":{""enum"":[""number"",""id"",""anchor"",""title""]},
  ""sections"":{""type"":""array"",""items"":{""type"":""object"",""properties"":{
    ""number"":{""type"":[""string"",""null""]},""title"":{""type"":""string""},""file"":{""type"":""string""},""line"":{""type"":""integer""},""mainBody"":{""type"":""boolean""},
    ""text"":{""type"":""string""},""truncated"":{""type"":""boolean""},
    ""requirements"":{""type"":""array"",""items"":" + Json.RequirementSchema + @"}},
   ""required"":[""title"",""file"",""line"",""text"",""requirements""]}},
  ""unresolved"":{""type"":""array"",""description"":""With matchedBy anchor: the references of the line that name no section, with the nearest enclosing one"",""items"":{""type"":""object"",""properties"":{
    ""reference"":{""type"":""string""},""nearest"":{""anyOf"":[" + Json.SectionSchema + @",{""type"":""null""}]}},""required"":[""reference"",""nearest""]}}},
 ""required"":[""specFile"",""matchedBy"",""sections""]}";

        public override JsonObject Call(ToolArguments arguments, RepositorySession session)
        {
            string query = arguments.String("query", required: true, maxLength: 256)!.Trim();
            int limit = arguments.Int("limit", 5, 1, 20);
            var context = session.Current().Result.Spec;
            var spec = context.Spec ?? throw new ToolError("the repository has no current spec to read" + (context.Problem != null ? ": " + context.Problem : " (spec.currentPointer names none, or the file it names is missing)"));

            string number = query.TrimStart('§').Trim();
            IReadOnlyList<ResolvedReference> references = Array.Empty<ResolvedReference>();
            List<SpecSection> found;
            string by;
            if (spec.ByNumber.ContainsKey(number))
            {
                // Every section of that number: a spec may number two alike (GOV211 reports it).
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
                // A whole SPEC_ANCHOR line: the sections its numbers, IDs and lines name (those naming none are listed);
                // a number the spec gives several sections and the line picks none of (GOV213) names them all.
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
                throw new ToolError($"no section of {spec.Document.Path} is named by {string.Join(", ", references.Select(Unresolved))}, and no title has those words");
            if (found.Count == 0)
                throw new ToolError($"no section of {spec.Document.Path} is numbered '{ToolArguments.Clip(number)}'{(justNumber && references[0].Nearest is SpecSection near ? $" (nearest: §{near.Number} {ToolArguments.Clip(near.Title)})" : string.Empty)}, defines or mentions the ID '{ToolArguments.Clip(query)}', or has those words in its title");

            var sections = new JsonArray();
            foreach (var section in found)
            {
                var heading = Json.Section(section, context);
                string text = spec.TextOf(section);
                bool truncated = text.Length > MaxText;
                heading["text"] = truncated ? text.Substring(0, MaxText) : text;
                heading["truncated"] = truncated;
                heading["requirements"] = new JsonArray(spec.RequirementsWithin(section).Select(r => (JsonNode?)Json.Requirement(r, context)).ToArray());
                sections.Add((JsonNode)heading);
            }

            var result = new JsonObject
            {
                ["specFile"] = spec.Document.Path,
                ["specVersion"] = spec.Version,
                ["matchedBy"] = by,
                ["sections"] = sections,
            };
            if (by == "anchor")
            {
                result["unresolved"] = new JsonArray(references.Where(r => r.Section == null).Select(r => (JsonNode?)new JsonObject
                {
                    ["reference"] = r.Reference.Display,
                    ["nearest"] = r.Nearest == null ? null : Json.Section(r.Nearest, context),
                }).ToArray());
            }

            return result;
        }

        /// <summary>"§2.3.12.3 (nearest: §2.3.12 Storage Backend Portability)", as the error names a reference that resolves to nothing.</summary>
        private static string Unresolved(ResolvedReference reference) =>
            reference.Reference.Display + (reference.Nearest == null ? string.Empty : $" (nearest: §{reference.Nearest.Number} {ToolArguments.Clip(reference.Nearest.Title)})");
    }
}
