using System;
using System.CommandLine;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Reports;
using Orchestrator.Governance.Hosting;
using static Orchestrator.Governance.Cli.Program;

namespace Orchestrator.Governance.Cli.Commands
{
    /// <summary><c>governance check</c>: the command, its options and what it does (its handler below).</summary>
    internal static class CheckCommand
    {
        /// <summary>The command, its action setting <paramref name="exit"/>.</summary>
        public static Command Create(TextWriter stdout, TextWriter stderr, Action<int> exit)
        {
            var path = new Argument<string>("path") { Description = "Repository root to check (default: the current folder).", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
            var config = new Option<string?>("--config") { Description = "Configuration file (default: governance.yml at the root)." };
            var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
            format.AcceptOnlyFromAmong("text", "sarif", "json", "github", "junit", "gitlab", "mermaid", "dot");
            var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
            var noInline = new Option<bool>("--no-inline-config") { Description = "Ignore governance-disable comments in documents." };
            var report = new Option<string?>("--report") { Description = "Write a report instead of the diagnostics: 'trace' (requirement traceability; Markdown, or JSON with --format json) or 'graph' (WP dependency graph; Mermaid, or Graphviz with --format dot)." };
            report.AcceptOnlyFromAmong("trace", "graph");
            var phase = new Option<string?>("--phase") { Description = "With --report trace or graph: only WPs of this phase (WP-{phase}-...)." };

            var changedFiles = new Option<string?>("--changed-files") { Description = "CI scope gate (GOV505): a file listing the changed files, one repository-relative path per line." };
            var changedSince = new Option<string?>("--changed-since") { Description = "CI scope gate (GOV505): the files changed since this git revision (git diff --name-only REF...HEAD); their merge base is the base revision of the change-aware rules (GOV802, GOV803, GOV804)." };
            var baseRef = new Option<string?>("--base") { Description = "The base revision of the change (default: the merge base of --changed-since): the change-aware rules (GOV802, GOV803, GOV804) compare each changed document with its text there. Alone, the change is the files that differ between it and HEAD." };
            var today = new Option<string?>("--today") { Description = "The date waivers expire against, YYYY-MM-DD (default: today, UTC)." };
            var includeBaselined = new Option<bool>("--include-baselined") { Description = "Also list the diagnostics governance.baseline.json covers (text: marked [baselined]; json: baselinedDiagnostics, and setAsideDiagnostics for the findings set aside on closed packets). SARIF always carries the baselined ones, with baselineState 'unchanged'." };

            var maxDocumentBytes = new Option<long?>("--max-document-bytes") { Description = "The most bytes of one document this run reads (at least 1024): governance.yml's limits.maxDocumentBytes may lower it, never raise it (default and highest: 33554432)." };
            var testResults = new Option<string[]>("--test-results") { Description = "Test result files, TRX or JUnit XML (a glob relative to the repository; repeatable): a test a DONE_MEANS item names must have passed in them (GOV704).", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
            var check = new Command("check", "Check the governance documents of a repository.") { path, config, format, output, noInline, report, phase, changedFiles, changedSince, baseRef, today, includeBaselined, maxDocumentBytes, testResults };
            check.SetAction(result =>
            {
                int code = Check(result.GetValue(path) ?? ".", result.GetValue(config), result.GetValue(format) ?? "text", result.GetValue(output), result.GetValue(noInline),
                    result.GetValue(report), result.GetValue(phase), new ChangeOptions(result.GetValue(changedFiles), result.GetValue(changedSince), result.GetValue(baseRef), result.GetValue(today)), result.GetValue(includeBaselined), result.GetValue(maxDocumentBytes), result.GetValue(testResults), stdout, stderr);
                exit(code);
                return code;
            });
            return check;
        }

        /// <summary>The CI scope gate's inputs: where the changed files come from, and the date.</summary>
        private sealed class ChangeOptions
        {
            public ChangeOptions(string? changedFiles, string? changedSince, string? baseRef, string? today)
            {
                ChangedFiles = changedFiles;
                ChangedSince = changedSince;
                Base = baseRef;
                Today = today;
            }

            public string? ChangedFiles { get; }

            public string? ChangedSince { get; }

            public string? Base { get; }

            public string? Today { get; }
        }

        /// <summary>The base revision's texts the change-aware rules compare with (AnalysisOptions.BaseDocuments).</summary>
        private static bool ReadBase(string root, string commit, IReadOnlyCollection<string> changed, List<DocumentInput> documents, AnalysisOptions options, TextWriter stderr)
        {
            var (texts, problem) = BaseDocuments.ForChange(root, commit, changed, documents, options);
            if (problem != null)
            {
                stderr.WriteLine("governance: " + problem);
                return false;
            }

            options.BaseDocuments = texts;
            return true;
        }

        private static int Check(string root, string? configFile, string format, string? outputFile, bool noInlineConfig, string? reportKind, string? phase, ChangeOptions change, bool includeBaselined, long? maxDocumentBytes, string[]? testResults, TextWriter stdout, TextWriter stderr)
        {
            if (maxDocumentBytes is long max && (max < 1024 || max > LimitsConfig.HostCeiling))
            {
                stderr.WriteLine($"governance: --max-document-bytes must be from 1024 to {LimitsConfig.HostCeiling}");
                return UsageError;
            }

            string? formatProblem = (reportKind, format) switch
            {
                ("trace", "text") or ("trace", "json") => null,
                ("trace", _) => "--report trace is written as Markdown (--format text) or JSON (--format json)",
                ("graph", "text") or ("graph", "mermaid") or ("graph", "dot") => null,
                ("graph", _) => "--report graph is written as Mermaid (--format mermaid, the default) or Graphviz DOT (--format dot)",
                (null, "mermaid") or (null, "dot") => "--format mermaid and dot need --report graph",
                _ => null,
            };
            if (formatProblem != null)
            {
                stderr.WriteLine("governance: " + formatProblem);
                return UsageError;
            }

            if (!Directory.Exists(root))
            {
                stderr.WriteLine($"governance: PATH '{root}' is not a readable folder");
                return UsageError;
            }

            root = Path.GetFullPath(root);
            var options = new AnalysisOptions { InlineConfig = noInlineConfig ? false : (bool?)null, MaxDocumentBytes = maxDocumentBytes };
            if (!SetToday(options, change.Today, stderr)) return UsageError;

            var (changed, changeProblem) = ChangedFiles.Read(root, change.ChangedFiles, change.ChangedSince);
            if (changeProblem != null)
            {
                stderr.WriteLine("governance: " + changeProblem);
                return UsageError;
            }

            var (baseCommit, baseProblem) = BaseDocuments.Resolve(root, change.Base, change.ChangedSince);
            if (baseProblem == null && baseCommit != null && changed == null) (changed, baseProblem) = ChangedFiles.SinceBase(root, change.Base!);
            if (baseProblem != null)
            {
                stderr.WriteLine("governance: " + baseProblem);
                return UsageError;
            }

            options.ChangedFiles = changed;
            if (!(Scan(root, configFile, options, stderr, out var tree) is List<DocumentInput> documents)) return UsageError;
            if (testResults is { Length: > 0 } && tree != null)
            {
                options.TestResults = Hosting.TestResultFiles.Read(tree, testResults, maxDocumentBytes ?? LimitsConfig.HostCeiling, out string? resultsProblem);
                if (resultsProblem != null)
                {
                    stderr.WriteLine("governance: --test-results " + resultsProblem);
                    return UsageError;
                }
            }

            if (baseCommit != null && !ReadBase(root, baseCommit, changed!, documents, options, stderr)) return UsageError;
            var result = GovernanceEngine.Analyze(documents, options);

            string report;
            if (reportKind == "trace")
            {
                var trace = TraceabilityReport.Build(result, phase);
                report = format == "json" ? trace.ToJson() : trace.ToMarkdown();
            }
            else if (reportKind == "graph")
            {
                var graph = DependencyGraphReport.Build(result, phase);
                report = format == "dot" ? graph.ToDot() : graph.ToMermaid();
            }
            else
            {
                report = format switch
                {
                    "sarif" => Reports.SarifReport.Write(result),
                    "json" => Reports.JsonReport.Write(result, includeBaselined),
                    "github" => Reports.GitHubReport.Write(result),
                    "gitlab" => Reports.GitLabReport.Write(result),
                    "junit" => Reports.JUnitReport.Write(result, documents.Where(d => d.Path != options.ConfigPath && d.Path != options.BaselinePath).Select(d => d.Path)),
                    _ => Reports.TextReport.Write(result, includeBaselined),
                };
            }

            if (outputFile != null)
            {
                try
                {
                    File.WriteAllText(outputFile, report);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    stderr.WriteLine($"governance: cannot write --output '{outputFile}': {e.Message}");
                    return UsageError;
                }
            }
            else
            {
                // Structured formats keep their syntax ("##[" escaped the way each reads back); GitHub's
                // is workflow commands by design, its messages already escaped; free text line by line.
                stdout.Write(format switch
                {
                    "sarif" or "json" or "gitlab" => Reports.ConsoleText.SafeJson(report),
                    "junit" => Reports.ConsoleText.SafeXml(report),
                    "github" when reportKind == null => report,
                    _ => Reports.ConsoleText.Safe(report),
                });
            }

            return result.HasErrors ? 1 : 0;
        }
    }
}
