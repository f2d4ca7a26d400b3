using System.Linq;
using System.Text.Json.Nodes;
using Orchestrator.Governance.Engine.Queries;

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
            SpecSectionMatch match;
            try
            {
                match = SpecSectionLookup.Find(context, query, limit);
            }
            catch (QueryException e)
            {
                throw new ToolError(e.Message);
            }

            var (spec, found, by, references) = (match.Spec, match.Sections, match.MatchedBy, match.References);
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
    }
}
