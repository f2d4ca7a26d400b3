using System.Text.Json.Nodes;
using Orchestrator.Governance.Rules;

namespace Orchestrator.Governance.Mcp.Tools
{
    /// <summary>
    /// <c>explain_rule</c>: a rule's facts from the rule catalog (title, category, severities,
    /// source, description, message format) and its documentation page (cause, how to fix,
    /// examples: docs/rules/ID.md, shipped beside the tool).
    /// </summary>
    internal sealed class ExplainRuleTool : GovernanceTool
    {
        public override string Name => "explain_rule";

        public override string Title => "Explain a governance rule";

        public override string Description =>
            "A governance rule's page: what it checks, why (the protocol section it comes from), how to fix and suppress it, with examples; " +
            "and its severity in this repository. Call it with the rule ID of a diagnostic, e.g. GOV206.";

        public override string InputSchema => @"{""type"":""object"",""properties"":{
  ""rule"":{""type"":""string"",""description"":""Rule ID, e.g. GOV107""}},
 ""required"":[""rule""],""additionalProperties"":false}";

        public override string OutputSchema => @"{""type"":""object"",""properties"":{
  ""rule"":{""type"":""string""},""title"":{""type"":""string""},""category"":{""type"":""string""},
  ""defaultSeverity"":{""type"":""string""},""severity"":{""type"":""string"",""description"":""As this repository's governance.yml sets it""},
  ""source"":{""type"":""string"",""description"":""The protocol section or standard the rule comes from""},
  ""description"":{""type"":""string""},""messageFormat"":{""type"":""string""},
  ""page"":{""type"":[""string"",""null""],""description"":""The rule's documentation page (Markdown)""}},
 ""required"":[""rule"",""title"",""category"",""defaultSeverity"",""severity"",""source"",""description""]}";

        public override JsonObject Call(ToolArguments arguments, RepositorySession session)
        {
            string id = arguments.String("rule", required: true, maxLength: 64)!.Trim().ToUpperInvariant();
            var rule = RuleCatalog.Find(id) ?? throw new ToolError($"'{ToolArguments.Clip(id)}' names no governance rule; rule IDs are GOV followed by three digits, e.g. GOV107 (governance check lists them with each diagnostic)");
            var config = session.Current().Result.Config;
            return new JsonObject
            {
                ["rule"] = rule.Id,
                ["title"] = rule.Title,
                ["category"] = rule.Category,
                ["defaultSeverity"] = Json.Severity(rule.DefaultSeverity),
                ["severity"] = Json.Severity(config.SeverityOf(rule)),
                ["source"] = rule.Source,
                ["description"] = rule.Description,
                ["messageFormat"] = rule.MessageFormat,
                ["page"] = Page(rule.Id),
            };
        }

        /// <summary>The rule's page beside the tool (the CLI ships docs/rules/*.md), or null.</summary>
        internal static string? Page(string id) => Hosting.RulePages.Read(id);
    }
}
