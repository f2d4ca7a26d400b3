using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Rules;

namespace Orchestrator.Governance.Cli
{
    /// <summary>Writes a result as text (MSBuild's format), SARIF 2.1.0 or JSON.</summary>
    internal static class Reports
    {
        public static string Text(GovernanceResult result)
        {
            var sb = new StringBuilder();
            foreach (var d in result.Diagnostics) sb.Append(d.ToString()).Append('\n');
            int errors = result.Diagnostics.Count(d => d.Severity == GovernanceSeverity.Error);
            int warnings = result.Diagnostics.Count(d => d.Severity == GovernanceSeverity.Warning);
            sb.Append($"{result.Packets.Count} task packet(s) checked: {errors} error(s), {warnings} warning(s).\n");
            return sb.ToString();
        }

        /// <summary>SARIF 2.1.0 (OASIS), one run, the rule catalog under tool.driver.rules.</summary>
        public static string Sarif(GovernanceResult result)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                w.WriteStartObject();
                w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
                w.WriteString("version", "2.1.0");
                w.WriteStartArray("runs");
                w.WriteStartObject();
                w.WriteStartObject("tool");
                w.WriteStartObject("driver");
                w.WriteString("name", "Orchestrator.Governance");
                w.WriteString("informationUri", "https://www.nuget.org/packages/Orchestrator.Governance");
                w.WriteString("semanticVersion", typeof(GovernanceEngine).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
                w.WriteStartArray("rules");
                foreach (var rule in RuleCatalog.All)
                {
                    w.WriteStartObject();
                    w.WriteString("id", rule.Id);
                    w.WriteString("name", rule.Title);
                    w.WriteStartObject("shortDescription");
                    w.WriteString("text", rule.Title);
                    w.WriteEndObject();
                    w.WriteStartObject("fullDescription");
                    w.WriteString("text", rule.Description);
                    w.WriteEndObject();
                    w.WriteString("helpUri", rule.HelpLink);
                    w.WriteStartObject("defaultConfiguration");
                    w.WriteString("level", Level(rule.DefaultSeverity));
                    w.WriteEndObject();
                    w.WriteStartObject("properties");
                    w.WriteString("category", rule.Category);
                    w.WriteString("source", rule.Source);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteStartArray("results");
                var ruleIndex = RuleCatalog.All.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
                foreach (var d in result.Diagnostics)
                {
                    w.WriteStartObject();
                    w.WriteString("ruleId", d.Id);
                    w.WriteNumber("ruleIndex", ruleIndex[d.Id]);
                    w.WriteString("level", Level(d.Severity));
                    w.WriteStartObject("message");
                    w.WriteString("text", d.Message);
                    w.WriteEndObject();
                    w.WriteStartArray("locations");
                    w.WriteStartObject();
                    w.WriteStartObject("physicalLocation");
                    w.WriteStartObject("artifactLocation");
                    w.WriteString("uri", d.Path);
                    w.WriteString("uriBaseId", "%SRCROOT%");
                    w.WriteEndObject();
                    w.WriteStartObject("region");
                    w.WriteNumber("startLine", d.Span.StartLine);
                    w.WriteNumber("startColumn", d.Span.StartColumn);
                    w.WriteNumber("endLine", d.Span.EndLine);
                    w.WriteNumber("endColumn", d.Span.EndColumn);
                    w.WriteNumber("charOffset", d.Span.Start);
                    w.WriteNumber("charLength", d.Span.Length);
                    w.WriteEndObject();
                    w.WriteEndObject();
                    w.WriteEndObject();
                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        /// <summary>A flat JSON list: {diagnostics: [{id, severity, path, line, column, endLine, endColumn, message, arguments}]}.</summary>
        public static string Json(GovernanceResult result)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                w.WriteStartObject();
                w.WriteNumber("packets", result.Packets.Count);
                w.WriteStartArray("diagnostics");
                foreach (var d in result.Diagnostics)
                {
                    w.WriteStartObject();
                    w.WriteString("id", d.Id);
                    w.WriteString("severity", d.Severity.ToName());
                    w.WriteString("path", d.Path);
                    w.WriteNumber("line", d.Span.StartLine);
                    w.WriteNumber("column", d.Span.StartColumn);
                    w.WriteNumber("endLine", d.Span.EndLine);
                    w.WriteNumber("endColumn", d.Span.EndColumn);
                    w.WriteString("message", d.Message);
                    w.WriteStartArray("arguments");
                    foreach (var a in d.Arguments) w.WriteStringValue(a);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        private static string Level(GovernanceSeverity severity) => severity switch
        {
            GovernanceSeverity.Error => "error",
            GovernanceSeverity.Warning => "warning",
            GovernanceSeverity.Info => "note",
            _ => "none",
        };
    }
}
