using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Hosting;
using Orchestrator.Governance.Rules;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Cli.Reports
{
    /// <summary>SARIF 2.1.0 (OASIS), for code scanning: the rules with their help links and pages (help.markdown, from the rule pages shipped beside the tool), each result with its place, fingerprint, baseline state and fixes.</summary>
    internal static class SarifReport
    {
        /// <summary>SARIF 2.1.0 (OASIS), one run, the rule catalog under tool.driver.rules.</summary>
        public static string Write(GovernanceResult result)
        {
            return IndentedJson.Write(w =>
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
                    // The address governance.yml's helpBaseUrl gives the rule, else the page's path in the tool's layout.
                    w.WriteString("helpUri", result.Config.HelpLinkOf(rule.Id) ?? rule.HelpLink);
                    // The rule's page itself, where the tool ships it (docs/rules/ beside the executable):
                    // code scanning shows help.markdown with each alert, wherever the link leads.
                    w.WriteStartObject("help");
                    w.WriteString("text", rule.Description + " Source: " + rule.Source + ".");
                    if (RulePages.Read(rule.Id) is string page) w.WriteString("markdown", page);
                    w.WriteEndObject();
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
                bool baselineApplied = result.BaselinePath != null;
                var results = result.Diagnostics.Select(d => (D: d, Baselined: false)).Concat(result.Baselined.Select(d => (D: d, Baselined: true)));
                foreach (var (d, baselined) in results)
                {
                    w.WriteStartObject();
                    w.WriteString("ruleId", d.Id);
                    w.WriteNumber("ruleIndex", ruleIndex[d.Id]);
                    w.WriteString("level", Level(d.Severity));
                    if (d.Fingerprint != null)
                    {
                        w.WriteStartObject("partialFingerprints");
                        w.WriteString("governanceFingerprint/v1", d.Fingerprint);
                        w.WriteEndObject();
                    }

                    if (baselineApplied)
                    {
                        // SARIF 2.1.0 §3.27.24 baselineState; §3.35 suppressions (kind external: a file outside the source).
                        w.WriteString("baselineState", baselined ? "unchanged" : "new");
                        if (baselined)
                        {
                            w.WriteStartArray("suppressions");
                            w.WriteStartObject();
                            w.WriteString("kind", "external");
                            w.WriteString("justification", "Recorded in " + result.BaselinePath);
                            w.WriteEndObject();
                            w.WriteEndArray();
                        }
                    }

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

                    // SARIF 2.1.0 §3.55 fixes: the rule's own (a suppression comment is left out).
                    var fixes = d.Fixes.Where(f => !f.IsSuppression).ToList();
                    if (fixes.Count > 0)
                    {
                        w.WriteStartArray("fixes");
                        foreach (var fix in fixes)
                        {
                            w.WriteStartObject();
                            w.WriteStartObject("description");
                            w.WriteString("text", fix.Title);
                            w.WriteEndObject();
                            w.WriteStartArray("artifactChanges");
                            foreach (var file in fix.Edits.GroupBy(e => e.Path, System.StringComparer.Ordinal))
                            {
                                w.WriteStartObject();
                                w.WriteStartObject("artifactLocation");
                                w.WriteString("uri", file.Key);
                                w.WriteString("uriBaseId", "%SRCROOT%");
                                w.WriteEndObject();
                                w.WriteStartArray("replacements");
                                foreach (var edit in file.OrderBy(e => e.Start))
                                {
                                    w.WriteStartObject();
                                    w.WriteStartObject("deletedRegion");
                                    w.WriteNumber("charOffset", edit.Start);
                                    w.WriteNumber("charLength", edit.Length);
                                    w.WriteEndObject();
                                    w.WriteStartObject("insertedContent");
                                    w.WriteString("text", edit.NewText);
                                    w.WriteEndObject();
                                    w.WriteEndObject();
                                }

                                w.WriteEndArray();
                                w.WriteEndObject();
                            }

                            w.WriteEndArray();
                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            });
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
