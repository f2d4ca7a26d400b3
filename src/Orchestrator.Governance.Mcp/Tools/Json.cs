using System.Linq;
using System.Text.Json.Nodes;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Model.Spec;

namespace Orchestrator.Governance.Mcp.Tools
{
    /// <summary>The shapes several tools share: a diagnostic, a spec requirement, a severity.</summary>
    internal static class Json
    {
        /// <summary>"error", "warning", "info", "hidden" or "none" (as .globalconfig and SARIF spell them).</summary>
        public static string Severity(GovernanceSeverity severity) => severity switch
        {
            GovernanceSeverity.Error => "error",
            GovernanceSeverity.Warning => "warning",
            GovernanceSeverity.Info => "info",
            GovernanceSeverity.Hidden => "hidden",
            _ => "none",
        };

        /// <summary>A diagnostic: rule, file, 1-based line and column (end exclusive, as the CLI prints them), severity, message, its fixes.</summary>
        public static JsonObject Diagnostic(GovernanceDiagnostic d, bool baselined)
        {
            var fixes = d.Fixes.Select(f => f.Title).ToList();
            return new JsonObject
            {
                ["rule"] = d.Id,
                ["file"] = d.Path,
                ["line"] = d.Span.StartLine,
                ["column"] = d.Span.StartColumn,
                ["endLine"] = d.Span.EndLine,
                ["endColumn"] = d.Span.EndColumn,
                ["severity"] = Severity(d.Severity),
                ["message"] = d.Message,
                ["hasFix"] = d.Fixes.Any(f => !f.IsSuppression),
                ["fixes"] = new JsonArray(fixes.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray()),
                ["baselined"] = baselined,
            };
        }

        /// <summary>A requirement of the current spec: keyword, sentence, section, file and line (a modular spec: the module and its own line).</summary>
        public static JsonObject Requirement(SpecRequirement r, SpecContext spec)
        {
            var (file, span) = spec.Locate(r.Span);
            return new JsonObject
            {
                ["keyword"] = r.Keyword,
                ["text"] = r.Text,
                ["section"] = r.Section.Number,
                ["file"] = file,
                ["line"] = span.StartLine,
                ["ids"] = new JsonArray(r.Ids.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
            };
        }

        /// <summary>A spec section's heading: number, title, file, line, whether it is Main Body.</summary>
        public static JsonObject Section(SpecSection s, SpecContext spec)
        {
            var (file, span) = spec.Locate(s.HeadingSpan);
            return new JsonObject
            {
                ["number"] = s.Number,
                ["title"] = s.Title,
                ["file"] = file,
                ["line"] = span.StartLine,
                ["mainBody"] = s.IsMainBody,
            };
        }

        /// <summary>The JSON Schema of <see cref="Diagnostic"/>.</summary>
        public const string DiagnosticSchema = @"{""type"":""object"",""properties"":{
  ""rule"":{""type"":""string"",""description"":""Rule ID, e.g. GOV107""},
  ""file"":{""type"":""string"",""description"":""Repository-relative path""},
  ""line"":{""type"":""integer""},""column"":{""type"":""integer""},""endLine"":{""type"":""integer""},""endColumn"":{""type"":""integer""},
  ""severity"":{""enum"":[""error"",""warning"",""info"",""hidden""]},
  ""message"":{""type"":""string""},
  ""hasFix"":{""type"":""boolean"",""description"":""Whether the engine computes a fix of the rule's own (apply_fix or governance fix applies it)""},
  ""fixes"":{""type"":""array"",""items"":{""type"":""string""},""description"":""Titles of the fixes apply_fix can apply, the suppression comment included""},
  ""baselined"":{""type"":""boolean"",""description"":""Covered by governance.baseline.json""}},
 ""required"":[""rule"",""file"",""line"",""column"",""severity"",""message"",""hasFix""]}";

        /// <summary>The JSON Schema of <see cref="Requirement"/>.</summary>
        public const string RequirementSchema = @"{""type"":""object"",""properties"":{
  ""keyword"":{""type"":""string"",""description"":""MUST, MUST NOT, SHALL, SHOULD, ...""},
  ""text"":{""type"":""string""},""section"":{""type"":[""string"",""null""]},""file"":{""type"":""string""},""line"":{""type"":""integer""},
  ""ids"":{""type"":""array"",""items"":{""type"":""string""}}},
 ""required"":[""keyword"",""text"",""file"",""line""]}";

        /// <summary>The JSON Schema of <see cref="Section"/>.</summary>
        public const string SectionSchema = @"{""type"":""object"",""properties"":{
  ""number"":{""type"":[""string"",""null""]},""title"":{""type"":""string""},""file"":{""type"":""string""},""line"":{""type"":""integer""},""mainBody"":{""type"":""boolean""}},
 ""required"":[""title"",""file"",""line""]}";
    }
}
