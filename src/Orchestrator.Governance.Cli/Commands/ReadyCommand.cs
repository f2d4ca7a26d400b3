using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Engine.Queries;

namespace Orchestrator.Governance.Cli.Commands
{
    /// <summary>
    /// <c>governance ready WP-ID [PATH] --target STATUS [--test-results GLOB...] [--format text|json]</c>: whether a task
    /// packet may move to a closing status, every gate passed, failed or not checked with the reason
    /// (<see cref="ReadyToClose"/>, the MCP server's <c>ready_to_close</c>; docs/agents.md). Exit 0 when no gate fails
    /// (with <c>--strict</c>, when every gate passed), 1 otherwise, 2 for a WP ID no packet has, a status that closes
    /// nothing, or bad arguments.
    /// </summary>
    internal static class ReadyCommand
    {
        /// <summary>The command, its action setting <paramref name="exit"/>.</summary>
        public static Command Create(TextWriter stdout, TextWriter stderr, Action<int> exit)
        {
            var id = new Argument<string>("id") { Description = "The WP ID of the task packet (or its file name without .md)." };
            var path = new Argument<string>("path") { Description = "Repository root (default: the current folder).", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
            var target = new Option<string>("--target") { Description = "The closing status to move to, e.g. Done or Validated (taskPacket.closedStatuses, dependencies.validated).", Required = true };
            var config = new Option<string?>("--config") { Description = "Configuration file (default: governance.yml at the root)." };
            var format = new Option<string>("--format") { Description = "Output format: text, or json (the MCP server's ready_to_close answer).", DefaultValueFactory = _ => "text" };
            format.AcceptOnlyFromAmong("text", "json");
            var testResults = new Option<string[]>("--test-results") { Description = "Test result files, TRX or JUnit XML (a glob relative to the repository; repeatable): the tests DONE_MEANS names must have passed in them (the testsPassed gate, GOV704).", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
            var today = new Option<string?>("--today") { Description = "The date waivers expire against, YYYY-MM-DD (default: today, UTC)." };
            var strict = new Option<bool>("--strict") { Description = "A gate not checked (SKIP: no task board, no named test, GOV703 or GOV704 off in governance.yml) fails too: for a CI step where the configuration is part of the change." };
            var command = new Command("ready", "Say whether a task packet may move to a closing status: every gate the protocol asks, passed or failed with the reason (exit 0 when ready).") { id, path, target, config, format, testResults, today, strict };
            command.SetAction(result =>
            {
                int code = Run(result.GetValue(id) ?? string.Empty, result.GetValue(path) ?? ".", result.GetValue(target) ?? string.Empty, result.GetValue(config), result.GetValue(format) ?? "text", result.GetValue(testResults), result.GetValue(today), result.GetValue(strict), stdout, stderr);
                exit(code);
                return code;
            });
            return command;
        }

        private static int Run(string id, string root, string target, string? configFile, string format, string[]? testResults, string? today, bool strict, TextWriter stdout, TextWriter stderr)
        {
            if (!Directory.Exists(root))
            {
                stderr.WriteLine($"governance: PATH '{root}' is not a readable folder");
                return Program.UsageError;
            }

            root = Path.GetFullPath(root);
            var options = new AnalysisOptions();
            if (!Program.SetToday(options, today, stderr)) return Program.UsageError;
            if (!(Program.Scan(root, configFile, options, stderr, out var tree) is List<Documents.DocumentInput> documents)) return Program.UsageError;
            if (testResults is { Length: > 0 } && tree != null)
            {
                options.TestResults = Hosting.TestResultFiles.Read(tree, testResults, LimitsConfig.HostCeiling, out string? problem);
                if (problem != null)
                {
                    stderr.WriteLine("governance: --test-results " + problem);
                    return Program.UsageError;
                }
            }

            // One analysis, with the test results when given: the testsPassed gate reads its GOV704 findings.
            var result = GovernanceEngine.Analyze(documents, options);
            var host = new ReadinessHost
            {
                NamedTests = Mcp.Tools.ReadyToCloseTool.NamedTestsIn(tree, result.Config.Limits.MaxDocumentBytes),
                TestResultsOption = "--test-results",
                TestResults = options.TestResults == null ? null : () => new TestResultsAnalysis(result, options.TestResults.Select(i => i.Path).ToList(), Model.TestRuns.TestResults.Read(options.TestResults, options.Today).FilesDisplay()),
            };
            Readiness readiness;
            try
            {
                readiness = ReadyToClose.Judge(result, id.Trim(), target.Trim(), host);
            }
            catch (QueryException e)
            {
                stderr.WriteLine("governance: " + e.Message);
                return Program.UsageError;
            }

            stdout.Write(format == "json"
                ? Reports.ConsoleText.SafeJson(Mcp.Tools.ReadyToCloseTool.ToJson(readiness).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n")
                : Reports.ConsoleText.Safe(Text(readiness)));
            return readiness.Ready && !(strict && readiness.Gates.Any(g => g.Passed == null)) ? 0 : 1;
        }

        /// <summary>
        /// The answer as text: one line for the packet and the verdict, then one line a gate (PASS, FAIL, or SKIP for a
        /// gate not checked) with its reason, and under a gate the diagnostics it read, as <c>governance check</c> prints them.
        /// </summary>
        internal static string Text(Readiness readiness)
        {
            var text = new StringBuilder();
            text.Append(readiness.Id).Append(" (").Append(readiness.File).Append("): ")
                .Append(readiness.Ready ? "ready" : "not ready").Append(" to move from ")
                .Append(readiness.Status == null ? "no STATUS" : "'" + readiness.Status + "'").Append(" to '").Append(readiness.Target).Append("'\n");
            foreach (var gate in readiness.Gates)
            {
                text.Append("  ").Append(gate.Passed == true ? "PASS" : gate.Passed == false ? "FAIL" : "SKIP").Append(' ').Append(gate.Name).Append(": ").Append(gate.Reason).Append('\n');
                foreach (var d in gate.Diagnostics)
                    text.Append("    ").Append(d.ToString()).Append('\n');
            }

            int failed = readiness.Gates.Count(g => g.Passed == false);
            text.Append(readiness.Ready ? "Every gate passed" : $"{failed} gate(s) failed").Append(readiness.Gates.Any(g => g.Passed == null) ? $" ({readiness.Gates.Count(g => g.Passed == null)} not checked here).\n" : ".\n");
            return text.ToString();
        }
    }
}
