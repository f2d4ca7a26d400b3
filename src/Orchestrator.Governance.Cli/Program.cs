using System;
using System.CommandLine;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;

namespace Orchestrator.Governance.Cli
{
    /// <summary>
    /// <c>governance check [PATH] [--config FILE] [--format text|sarif|json|mermaid|dot] [--output FILE] [--no-inline-config]
    /// [--report trace|graph [--phase N]] [--changed-files FILE | --changed-since REF] [--today YYYY-MM-DD]</c>. Exit codes:
    /// 0 no error-severity diagnostic; 1 at least one (also when a report is written); 2 bad arguments, an unreadable
    /// PATH or changed-files list, or a git that cannot answer --changed-since.
    /// <c>governance lock [PATH] [--config FILE]</c> records the locked task packets in governance.lock.json.
    /// </summary>
    public static class Program
    {
        /// <summary>Exit code for bad arguments or an unreadable PATH.</summary>
        public const int UsageError = 2;

        /// <summary>Entry point.</summary>
        public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

        /// <summary>Runs the CLI with the given writers (tests call this); an unexpected exception is one line on stderr and exit code 2.</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        {
            try
            {
                return RunCommand(args, stdout, stderr);
            }
            catch (Exception e)
            {
                stderr.WriteLine($"governance: internal error: {e.GetType().FullName}: {e.Message.Replace('\r', ' ').Replace('\n', ' ')}");
                return UsageError;
            }
        }

        private static int RunCommand(string[] args, TextWriter stdout, TextWriter stderr)
        {
            var path = new Argument<string>("path") { Description = "Repository root to check (default: the current folder).", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
            var config = new Option<string?>("--config") { Description = "Configuration file (default: governance.yml at the root)." };
            var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
            format.AcceptOnlyFromAmong("text", "sarif", "json", "mermaid", "dot");
            var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
            var noInline = new Option<bool>("--no-inline-config") { Description = "Ignore governance-disable comments in documents." };
            var report = new Option<string?>("--report") { Description = "Write a report instead of the diagnostics: 'trace' (requirement traceability; Markdown, or JSON with --format json) or 'graph' (WP dependency graph; Mermaid, or Graphviz with --format dot)." };
            report.AcceptOnlyFromAmong("trace", "graph");
            var phase = new Option<string?>("--phase") { Description = "With --report trace or graph: only WPs of this phase (WP-{phase}-...)." };

            var changedFiles = new Option<string?>("--changed-files") { Description = "CI scope gate (GOV505): a file listing the changed files, one repository-relative path per line." };
            var changedSince = new Option<string?>("--changed-since") { Description = "CI scope gate (GOV505): the files changed since this git revision (git diff --name-only REF...HEAD)." };
            var today = new Option<string?>("--today") { Description = "The date waivers expire against, YYYY-MM-DD (default: today, UTC)." };

            var check = new Command("check", "Check the governance documents of a repository.") { path, config, format, output, noInline, report, phase, changedFiles, changedSince, today };
            int exit = 0;
            check.SetAction(result =>
            {
                exit = Check(result.GetValue(path) ?? ".", result.GetValue(config), result.GetValue(format) ?? "text", result.GetValue(output), result.GetValue(noInline),
                    result.GetValue(report), result.GetValue(phase), new ChangeOptions(result.GetValue(changedFiles), result.GetValue(changedSince), result.GetValue(today)), stdout, stderr);
                return exit;
            });

            var lockPath = new Argument<string>("path") { Description = "Repository root (default: the current folder).", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
            var lockConfig = new Option<string?>("--config") { Description = "Configuration file (default: governance.yml at the root)." };
            var lockCommand = new Command("lock", "Record the SHA-256 of every task packet locked by a USER_SIGNATURE in governance.lock.json (GOV607).") { lockPath, lockConfig };
            lockCommand.SetAction(result =>
            {
                exit = Lock(result.GetValue(lockPath) ?? ".", result.GetValue(lockConfig), stdout, stderr);
                return exit;
            });

            var root = new RootCommand("Orchestrator governance analyzer: task packets, specs and protocols as static analysis.") { check, lockCommand };
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors) stderr.WriteLine("governance: " + error.Message);
                return UsageError;
            }

            var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
            int code = parsed.Invoke(configuration);
            return code;
        }

        /// <summary>The CI scope gate's inputs: where the changed files come from, and the date.</summary>
        private sealed class ChangeOptions
        {
            public ChangeOptions(string? changedFiles, string? changedSince, string? today)
            {
                ChangedFiles = changedFiles;
                ChangedSince = changedSince;
                Today = today;
            }

            public string? ChangedFiles { get; }

            public string? ChangedSince { get; }

            public string? Today { get; }
        }

        private static int Check(string root, string? configFile, string format, string? outputFile, bool noInlineConfig, string? reportKind, string? phase, ChangeOptions change, TextWriter stdout, TextWriter stderr)
        {
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
            var options = new AnalysisOptions { InlineConfig = noInlineConfig ? false : (bool?)null };

            // The host, not the engine, knows the date (waivers expire against it).
            if (change.Today == null) options.Today = DateTime.UtcNow.Date;
            else if (DateTime.TryParseExact(change.Today, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)) options.Today = day;
            else
            {
                stderr.WriteLine($"governance: --today '{change.Today}' is not a date (YYYY-MM-DD)");
                return UsageError;
            }

            var (changed, changeProblem) = ChangedFiles.Read(root, change.ChangedFiles, change.ChangedSince);
            if (changeProblem != null)
            {
                stderr.WriteLine("governance: " + changeProblem);
                return UsageError;
            }

            options.ChangedFiles = changed;
            if (!(Scan(root, configFile, options, stderr) is List<DocumentInput> documents)) return UsageError;
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
                    "sarif" => Reports.Sarif(result),
                    "json" => Reports.Json(result),
                    _ => Reports.Text(result),
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
                stdout.Write(report);
            }

            return result.HasErrors ? 1 : 0;
        }

        /// <summary>
        /// Reads the configuration (--config, or governance.yml at the root), then the documents it
        /// names and the repository's file list; null after a message on stderr when --config is missing.
        /// </summary>
        private static List<DocumentInput>? Scan(string root, string? configFile, AnalysisOptions options, TextWriter stderr)
        {
            DocumentInput? configDocument = null;
            string configPath = configFile ?? Path.Combine(root, "governance.yml");
            if (configFile != null && !File.Exists(configFile))
            {
                stderr.WriteLine($"governance: --config '{configFile}' does not exist");
                return null;
            }

            // One walk of the repository for every file the check lists or reads.
            var tree = Scanning.RepositoryTree.Walk(root);
            if (File.Exists(configPath))
            {
                string full = Path.GetFullPath(configPath);
                string relative = Path.GetRelativePath(root, full).Replace('\\', '/');
                configDocument = RepositoryScanner.ReadConfig(tree, root, full, 1024 * 1024);
                configDocument = configDocument.Text == null ? configDocument : DocumentInput.FromText(relative, configDocument.Text, configDocument.InvalidUtf8);
                options.ConfigPath = relative;
            }

            // The configuration decides which files are governance documents, so it is loaded first.
            var config = ConfigLoader.Load(configDocument?.Text, out _);
            var documents = RepositoryScanner.Scan(tree, config, configDocument);
            options.RepositoryFiles = RepositoryScanner.RepositoryFiles(tree);
            return documents;
        }

        /// <summary>
        /// <c>governance lock [PATH]</c>: records every task packet locked by a USER_SIGNATURE in the
        /// lock manifest (documents.lockManifest, default governance.lock.json), keeping what it
        /// records already (seed 003 §5.6; GOV607). Exit 0, or 1 when a recorded packet has changed
        /// since its lock (its entry is kept), or 2 for bad arguments or a manifest that cannot be written.
        /// </summary>
        private static int Lock(string root, string? configFile, TextWriter stdout, TextWriter stderr)
        {
            if (!Directory.Exists(root))
            {
                stderr.WriteLine($"governance: PATH '{root}' is not a readable folder");
                return UsageError;
            }

            root = Path.GetFullPath(root);
            var options = new AnalysisOptions();
            if (!(Scan(root, configFile, options, stderr) is List<DocumentInput> documents)) return UsageError;
            var result = GovernanceEngine.Analyze(documents, options);

            string manifestPath = result.Config.Documents.LockManifest.Include.FirstOrDefault(p => p.IndexOfAny(new[] { '*', '?', '[', '{' }) < 0) ?? "governance.lock.json";
            string? relative = DocumentInput.ResolveInside(manifestPath);
            if (relative == null)
            {
                stderr.WriteLine($"governance: documents.lockManifest '{manifestPath}' is outside the repository");
                return UsageError;
            }

            var manifestInput = documents.FirstOrDefault(d => d.Path == relative);
            if (manifestInput != null && manifestInput.Text == null)
            {
                stderr.WriteLine($"governance: cannot read {relative}: {manifestInput.UnreadableReason}");
                return UsageError;
            }

            Model.Locks.LockManifest? existing = null;
            if (manifestInput?.Text != null)
            {
                var state = Model.State.StateDocument.Read(relative, Model.State.StateKind.LockManifest, manifestInput.Text, result.Config.Limits.MaxJsonDepth);
                if (state.Problems.Count > 0)
                {
                    stderr.WriteLine($"governance: {relative} is not a valid lock manifest ({state.Problems[0].Message}); fix or delete it first");
                    return UsageError;
                }

                existing = Model.Locks.LockManifest.From(state.Root);
            }

            var update = Model.Locks.LockManifest.Update(result, existing);
            string full = Path.Combine(root, relative);
            try
            {
                File.WriteAllText(full, update.Json, new System.Text.UTF8Encoding(false));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                stderr.WriteLine($"governance: cannot write {relative}: {e.Message}");
                return UsageError;
            }

            stdout.WriteLine($"{relative}: {update.Added.Count} locked packet(s) recorded, {update.Kept} kept");
            foreach (var path in update.Added) stdout.WriteLine("  recorded " + path);
            foreach (var path in update.Changed) stdout.WriteLine("  changed since its lock (GOV607, entry kept): " + path);
            return update.Changed.Count > 0 ? 1 : 0;
        }
    }
}
