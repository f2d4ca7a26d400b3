using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Rules;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Cli
{
    /// <summary>Writes a result as text (MSBuild's format), SARIF 2.1.0 or JSON.</summary>
    internal static class Reports
    {
        /// <summary>
        /// MSBuild's <c>path(line,col): severity GOVnnn: message</c>, one diagnostic a line, then a
        /// summary. With <paramref name="includeBaselined"/> the baselined diagnostics are listed
        /// too, in order among the new ones, each ending in " [baselined]".
        /// </summary>
        public static string Text(GovernanceResult result, bool includeBaselined = false)
        {
            var sb = new StringBuilder();
            var listed = includeBaselined
                ? result.Diagnostics.Select(d => (D: d, Baselined: false)).Concat(result.Baselined.Select(d => (D: d, Baselined: true)))
                    .OrderBy(x => x.D.Path, System.StringComparer.Ordinal).ThenBy(x => x.D.Span.StartLine).ThenBy(x => x.D.Span.StartColumn).ThenBy(x => x.D.Id, System.StringComparer.Ordinal).ThenBy(x => x.D.Message, System.StringComparer.Ordinal)
                : result.Diagnostics.Select(d => (D: d, Baselined: false));
            foreach (var (d, baselined) in listed)
            {
                sb.Append(d.ToString());
                if (baselined) sb.Append(" [baselined]");
                sb.Append('\n');
            }

            sb.Append(Summary(result)).Append('\n');
            return sb.ToString();
        }

        /// <summary>
        /// "N task packet(s) checked: E error(s), W warning(s)." or, with a baseline applied,
        /// "N task packet(s) checked: E new error(s), W new warning(s); E2 error(s), W2 warning(s) in the baseline."
        /// </summary>
        public static string Summary(GovernanceResult result)
        {
            int errors = result.Diagnostics.Count(d => d.Severity == GovernanceSeverity.Error);
            int warnings = result.Diagnostics.Count(d => d.Severity == GovernanceSeverity.Warning);
            if (result.BaselinePath == null) return $"{result.Packets.Count} task packet(s) checked: {errors} error(s), {warnings} warning(s).";
            int baselinedErrors = result.Baselined.Count(d => d.Severity == GovernanceSeverity.Error);
            int baselinedWarnings = result.Baselined.Count(d => d.Severity == GovernanceSeverity.Warning);
            return $"{result.Packets.Count} task packet(s) checked: {errors} new error(s), {warnings} new warning(s); {baselinedErrors} error(s), {baselinedWarnings} warning(s) in the baseline.";
        }

        /// <summary>
        /// GitHub Actions workflow commands, one a diagnostic:
        /// <c>::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=GOVnnn::message</c>
        /// (warning for warnings, notice for suggestions), escaped as the runner's toolkit escapes
        /// them; then the summary as a plain line.
        /// </summary>
        public static string GitHub(GovernanceResult result)
        {
            var sb = new StringBuilder();
            foreach (var d in result.Diagnostics)
            {
                string command = d.Severity switch
                {
                    GovernanceSeverity.Error => "error",
                    GovernanceSeverity.Warning => "warning",
                    _ => "notice",
                };
                sb.Append("::").Append(command)
                    .Append(" file=").Append(EscapeProperty(d.Path))
                    .Append(",line=").Append(d.Span.StartLine)
                    .Append(",col=").Append(d.Span.StartColumn)
                    .Append(",endLine=").Append(d.Span.EndLine)
                    .Append(",endColumn=").Append(d.Span.EndColumn)
                    .Append(",title=").Append(EscapeProperty(d.Id))
                    .Append("::").Append(EscapeData(d.Message)).Append('\n');
            }

            sb.Append(Summary(result)).Append('\n');
            return sb.ToString();
        }

        // @actions/core's escapeData and escapeProperty.
        private static string EscapeData(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

        private static string EscapeProperty(string s) => EscapeData(s).Replace(":", "%3A").Replace(",", "%2C");

        /// <summary>
        /// A JUnit XML report: one test suite, one test case per governance document checked
        /// (<paramref name="documents"/>, plus any other path a diagnostic names), and one
        /// <c>failure</c> per diagnostic in it (type = rule ID, message = the message, text = the
        /// MSBuild line). Baselined diagnostics are not failures.
        /// </summary>
        public static string JUnit(GovernanceResult result, IEnumerable<string> documents)
        {
            var byPath = result.Diagnostics.GroupBy(d => d.Path, System.StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), System.StringComparer.Ordinal);
            var paths = new SortedSet<string>(documents, System.StringComparer.Ordinal);
            paths.UnionWith(byPath.Keys);
            int failures = result.Diagnostics.Count;
            using var stream = new MemoryStream();
            var settings = new System.Xml.XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
            using (var w = System.Xml.XmlWriter.Create(stream, settings))
            {
                w.WriteStartDocument();
                w.WriteStartElement("testsuites");
                w.WriteAttributeString("name", "governance");
                w.WriteAttributeString("tests", paths.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.WriteAttributeString("failures", failures.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.WriteStartElement("testsuite");
                w.WriteAttributeString("name", "governance");
                w.WriteAttributeString("tests", paths.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.WriteAttributeString("failures", failures.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.WriteAttributeString("errors", "0");
                w.WriteAttributeString("skipped", "0");
                foreach (var path in paths)
                {
                    w.WriteStartElement("testcase");
                    w.WriteAttributeString("classname", "governance");
                    w.WriteAttributeString("name", path);
                    if (byPath.TryGetValue(path, out var list))
                    {
                        foreach (var d in list)
                        {
                            w.WriteStartElement("failure");
                            w.WriteAttributeString("type", d.Id);
                            w.WriteAttributeString("message", d.Message);
                            w.WriteString(d.ToString());
                            w.WriteEndElement();
                        }
                    }

                    w.WriteEndElement();
                }

                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteEndDocument();
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
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
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        /// <summary>
        /// A flat JSON list: {packets, baseline?, baselined?, diagnostics: [{id, severity, path, line, column,
        /// endLine, endColumn, message, arguments, fingerprint}], baselinedDiagnostics?: [...]}.
        /// </summary>
        public static string Json(GovernanceResult result, bool includeBaselined = false)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                w.WriteStartObject();
                w.WriteNumber("packets", result.Packets.Count);
                if (result.BaselinePath != null)
                {
                    w.WriteString("baseline", result.BaselinePath);
                    w.WriteNumber("baselined", result.Baselined.Count);
                }

                WriteDiagnostics(w, "diagnostics", result.Diagnostics);
                if (includeBaselined) WriteDiagnostics(w, "baselinedDiagnostics", result.Baselined);
                w.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        private static void WriteDiagnostics(Utf8JsonWriter w, string name, IReadOnlyList<GovernanceDiagnostic> diagnostics)
        {
                w.WriteStartArray(name);
                foreach (var d in diagnostics)
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
                    if (d.Fingerprint != null) w.WriteString("fingerprint", d.Fingerprint);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
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
