using System;
using System.CommandLine;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Reports;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Hosting;

namespace Orchestrator.Governance.Cli
{
    /// <summary>
    /// <c>governance check [PATH] [--config FILE] [--format text|sarif|json|github|junit|mermaid|dot] [--include-baselined] [--output FILE] [--no-inline-config]
    /// [--report trace|graph [--phase N]] [--changed-files FILE | --changed-since REF] [--today YYYY-MM-DD] [--test-results GLOB]...</c>. Exit codes:
    /// 0 no error-severity diagnostic; 1 at least one (also when a report is written); 2 bad arguments, an unreadable
    /// PATH or changed-files list, or a git that cannot answer --changed-since.
    /// <c>governance lock [PATH] [--config FILE]</c> records the locked task packets in governance.lock.json.
    /// <c>governance baseline [PATH] [--config FILE] [--prune]</c> records the current diagnostics in governance.baseline.json.
    /// <c>governance ready WP-ID [PATH] --target STATUS</c> says whether a task packet may close (Commands/ReadyCommand.cs).
    /// </summary>
    public static class Program
    {
        /// <summary>Exit code for bad arguments or an unreadable PATH.</summary>
        public const int UsageError = 2;

        /// <summary>Entry point.</summary>
        public static int Main(string[] args)
        {
            NativeAot.Initialize();
            return Run(args, Console.Out, Console.Error);
        }

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
            int exit = 0;
            check.SetAction(result =>
            {
                exit = Check(result.GetValue(path) ?? ".", result.GetValue(config), result.GetValue(format) ?? "text", result.GetValue(output), result.GetValue(noInline),
                    result.GetValue(report), result.GetValue(phase), new ChangeOptions(result.GetValue(changedFiles), result.GetValue(changedSince), result.GetValue(baseRef), result.GetValue(today)), result.GetValue(includeBaselined), result.GetValue(maxDocumentBytes), result.GetValue(testResults), stdout, stderr);
                return exit;
            });

            var baselinePathArgument = new Argument<string>("path") { Description = "Repository root (default: the current folder).", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
            var baselineConfig = new Option<string?>("--config") { Description = "Configuration file (default: governance.yml at the root)." };
            var prune = new Option<bool>("--prune") { Description = "Only remove entries (or lower counts) that no longer match a diagnostic; never add one." };
            var baselineToday = new Option<string?>("--today") { Description = "The date waivers expire against, YYYY-MM-DD (default: today, UTC)." };
            var baselineCommand = new Command("baseline", "Record the current diagnostics in governance.baseline.json, so that only new ones are reported from then on.") { baselinePathArgument, baselineConfig, prune, baselineToday };
            baselineCommand.SetAction(result =>
            {
                exit = WriteBaseline(result.GetValue(baselinePathArgument) ?? ".", result.GetValue(baselineConfig), result.GetValue(prune), result.GetValue(baselineToday), stdout, stderr);
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

            var fixPath = new Argument<string>("path") { Description = "Repository root (default: the current folder).", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
            var fixConfig = new Option<string?>("--config") { Description = "Configuration file (default: governance.yml at the root)." };
            var fixRule = new Option<string?>("--rule") { Description = "Fix only this rule's diagnostics, e.g. GOV107." };
            var fixSuppress = new Option<bool>("--suppress") { Description = "Where a diagnostic has no fix of its own, insert the comment that suppresses it on its line." };
            var dryRun = new Option<bool>("--dry-run") { Description = "Print the changes as a unified diff; write nothing." };
            var fixToday = new Option<string?>("--today") { Description = "The date waivers expire against, YYYY-MM-DD (default: today, UTC)." };
            var fixCommand = new Command("fix", "Apply the fixes the engine computes for the reported diagnostics (not the baselined ones), then check again.") { fixPath, fixConfig, fixRule, fixSuppress, dryRun, fixToday };
            fixCommand.SetAction(result =>
            {
                exit = Fix(result.GetValue(fixPath) ?? ".", result.GetValue(fixConfig), result.GetValue(fixRule), result.GetValue(fixSuppress), result.GetValue(dryRun), result.GetValue(fixToday), stdout, stderr);
                return exit;
            });

            // `governance lsp`: the language server on stdin/stdout (editors start it; --stdio is what
            // vscode-languageclient passes for the stdio transport, the only one served).
            var stdio = new Option<bool>("--stdio") { Description = "Talk LSP over standard input and output (the default and only transport)." };
            var lspToday = new Option<string?>("--today") { Description = "The date waivers expire against, YYYY-MM-DD (default: today, UTC)." };
            var lspCommand = new Command("lsp", "Run the governance language server (LSP 3.17) over standard input and output, for editors.") { stdio, lspToday };
            lspCommand.SetAction(result =>
            {
                exit = Lsp(result.GetValue(lspToday), stderr);
                return exit;
            });

            // `governance mcp [PATH]`: the MCP server on stdin/stdout (agents' clients start it; docs/agents.md).
            var mcpPath = new Argument<string>("path") { Description = "Repository root (default: the current folder).", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
            var mcpToday = new Option<string?>("--today") { Description = "The date waivers expire against, YYYY-MM-DD (default: today, UTC)." };
            var mcpCommand = new Command("mcp", "Run the governance Model Context Protocol server over standard input and output, for AI agents (docs/agents.md).") { mcpPath, mcpToday };
            mcpCommand.SetAction(result =>
            {
                exit = Mcp(result.GetValue(mcpPath) ?? ".", result.GetValue(mcpToday), stderr);
                return exit;
            });

            // `governance explain GOVnnn`: a rule's page in the terminal (docs/rules/GOVnnn.md, shipped beside the tool).
            var explainRule = new Argument<string>("rule") { Description = "A rule ID, e.g. GOV107." };
            var explainCommand = new Command("explain", "Print a rule's page: what it checks, why (the protocol section it comes from), how to fix and suppress it.") { explainRule };
            explainCommand.SetAction(result =>
            {
                exit = Explain(result.GetValue(explainRule) ?? string.Empty, stdout, stderr);
                return exit;
            });

            // `governance init [PATH]`: a governance.yml from what the repository holds.
            var initPath = new Argument<string>("path") { Description = "Repository root (default: the current folder).", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
            var initForce = new Option<bool>("--force") { Description = "Replace a governance.yml that exists." };
            var initDryRun = new Option<bool>("--dry-run") { Description = "Print the configuration; write nothing." };
            var initBaseline = new Option<bool>("--baseline") { Description = "Then record the current findings in governance.baseline.json (governance baseline), so that only new ones fail the check." };
            var initCommand = new Command("init", "Write a governance.yml for the repository from what it holds: where its task packets are and in which form, the spec pointer, the board.") { initPath, initForce, initDryRun, initBaseline };
            initCommand.SetAction(result =>
            {
                exit = Init(result.GetValue(initPath) ?? ".", result.GetValue(initForce), result.GetValue(initDryRun), result.GetValue(initBaseline), stdout, stderr);
                return exit;
            });

            // `governance ready WP-ID --target Done`: the gates before a packet closes (Commands/ReadyCommand.cs).
            var readyCommand = Commands.ReadyCommand.Create(stdout, stderr, code => exit = code);
            var root = new RootCommand("Orchestrator governance analyzer: task packets, specs and protocols as static analysis.") { check, lockCommand, baselineCommand, fixCommand, lspCommand, mcpCommand, explainCommand, initCommand, readyCommand };
            // No response files: an argument starting with '@' is an argument (--changed-since @{upstream}), never a file to read.
            var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors) stderr.WriteLine("governance: " + error.Message);
                return UsageError;
            }

            var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
            int code = parsed.Invoke(configuration);
            return code;
        }

        /// <summary>
        /// <c>governance init [PATH]</c>: writes governance.yml at the root from what the repository
        /// holds (<see cref="ConfigurationDraft"/>), says what it found and what it left to the
        /// defaults; with <c>--baseline</c>, then records the current findings. Never replaces an
        /// existing governance.yml without <c>--force</c>. Exit 0; 2 for a PATH that is not a
        /// folder, a governance.yml that exists, or one that cannot be written.
        /// </summary>
        private static int Init(string root, bool force, bool dryRun, bool baseline, TextWriter stdout, TextWriter stderr)
        {
            if (!Directory.Exists(root))
            {
                stderr.WriteLine($"governance: PATH '{root}' is not a readable folder");
                return UsageError;
            }

            root = Path.GetFullPath(root);
            var tree = RepositoryTree.Walk(root);
            long maxBytes = ConfigLoader.Load(null, Rules.RuleCatalog.Exists, out _).Limits.MaxDocumentBytes;
            var draft = ConfigurationDraft.For(tree.Files.ToList(), path => tree.ReadDocument(path, maxBytes).Text, ShippedFiles.ConfigurationSchema());
            // The draft is checked as every governance.yml is: a problem here is a bug of init's.
            ConfigLoader.Load(draft.Yaml, Rules.RuleCatalog.Exists, out var problems);
            if (problems.Count > 0)
            {
                stderr.WriteLine($"governance: internal error: the configuration init drafted is invalid ({problems[0].Message})");
                return UsageError;
            }

            if (dryRun)
            {
                stdout.Write(draft.Yaml);
                return 0;
            }

            const string relative = "governance.yml";
            bool exists = File.Exists(Path.Combine(root, relative));
            if (exists && !force)
            {
                stderr.WriteLine($"governance: {relative} exists; --force replaces it (--dry-run prints what init would write)");
                return UsageError;
            }

            if (RepositoryScanner.WriteRefusal(tree, relative) is string refusal)
            {
                stderr.WriteLine($"governance: will not write {relative}: it {refusal}; remove it first");
                return UsageError;
            }

            foreach (var line in draft.Found) stdout.WriteLine("found: " + line);
            foreach (var line in draft.Assumed) stdout.WriteLine("assumed: " + line);
            string? before = exists ? tree.ReadDocument(relative, maxBytes).Text : null;
            if (SafeFile.Write(Path.Combine(root, relative), draft.Yaml, bom: false, before) is string failure)
            {
                stderr.WriteLine($"governance: cannot write {relative}: {failure}");
                return UsageError;
            }

            stdout.WriteLine($"{relative} written; {draft.WorkPackages} task packet(s) selected. Run 'governance check' to see the findings" + (baseline ? "; recording them now." : ", 'governance baseline' to accept them as they are."));
            return baseline ? WriteBaseline(root, null, prune: false, today: null, stdout, stderr) : 0;
        }

        /// <summary>
        /// <c>governance explain GOVnnn</c>: the rule's page (Markdown, as shipped beside the tool in
        /// docs/rules/) on stdout, exit 0; without the page, the rule catalog's facts (title,
        /// description, source, default severity, message) and where the page would be. An ID that
        /// names no rule: one line on stderr, exit 2.
        /// </summary>
        private static int Explain(string id, TextWriter stdout, TextWriter stderr)
        {
            string wanted = id.Trim().ToUpperInvariant();
            var rule = Rules.RuleCatalog.Find(wanted);
            if (rule == null)
            {
                string shown = new string(wanted.Take(40).Where(c => !char.IsControl(c)).ToArray());
                stderr.WriteLine($"governance: '{shown}' names no governance rule; rule IDs are GOV and three digits, e.g. GOV107 (governance check prints them with each diagnostic)");
                return UsageError;
            }

            string? page = RulePages.Read(rule.Id);
            if (page != null)
            {
                stdout.Write(page);
                if (!page.EndsWith("\n", StringComparison.Ordinal)) stdout.WriteLine();
                return 0;
            }

            stdout.WriteLine($"# {rule.Id}: {rule.Title}");
            stdout.WriteLine();
            stdout.WriteLine(rule.Description);
            stdout.WriteLine();
            stdout.WriteLine($"Source: {rule.Source}. Default severity: {rule.DefaultSeverity.ToString().ToLowerInvariant()}. Message: {rule.MessageFormat}");
            stdout.WriteLine();
            stdout.WriteLine($"(The rule's page, docs/rules/{rule.Id}.md, is not installed beside this tool.)");
            return 0;
        }

        /// <summary>
        /// <c>governance lsp</c>: serves LSP on the process's stdin and stdout until exit (0 after
        /// shutdown, 1 without, or when the client goes away); 2 for a bad --today.
        /// </summary>
        private static int Lsp(string? today, TextWriter stderr)
        {
            var options = new AnalysisOptions();
            if (!SetToday(options, today, stderr)) return UsageError;
            var server = new LanguageServer.GovernanceLanguageServer(Console.OpenStandardInput(), Console.OpenStandardOutput(), new LanguageServer.ServerOptions { Today = today == null ? null : options.Today });
            return server.RunAsync().GetAwaiter().GetResult();
        }

        /// <summary>
        /// <c>governance mcp [PATH]</c>: serves MCP on the process's stdin and stdout until the client
        /// closes them (exit 0); 2 for a PATH that is not a folder or a bad --today.
        /// </summary>
        private static int Mcp(string root, string? today, TextWriter stderr)
        {
            if (!Directory.Exists(root))
            {
                stderr.WriteLine($"governance: PATH '{root}' is not a readable folder");
                return UsageError;
            }

            var options = new AnalysisOptions();
            if (!SetToday(options, today, stderr)) return UsageError;
            return Orchestrator.Governance.Mcp.GovernanceMcpServer.RunAsync(root, today == null ? null : options.Today).GetAwaiter().GetResult();
        }

        /// <summary>
        /// <c>governance fix [PATH]</c>: applies one fix a reported diagnostic (its rule's own; with
        /// --suppress, else the inline comment), never two overlapping edits, each file written whole
        /// through a temporary file beside it and a rename; then checks again and prints the summary.
        /// A file that is not valid UTF-8 or is UTF-16, or that the walk refuses, is left as it is.
        /// --dry-run prints the unified diff instead. Exit 0 when no error remains, 1 when one does,
        /// 2 for bad arguments or a file that cannot be written.
        /// </summary>
        private static int Fix(string root, string? configFile, string? rule, bool suppress, bool dryRun, string? today, TextWriter stdout, TextWriter stderr)
        {
            if (!Directory.Exists(root))
            {
                stderr.WriteLine($"governance: PATH '{root}' is not a readable folder");
                return UsageError;
            }

            if (rule != null && Rules.RuleCatalog.Find(rule.ToUpperInvariant()) == null)
            {
                stderr.WriteLine($"governance: --rule '{rule}' names no governance rule");
                return UsageError;
            }

            root = Path.GetFullPath(root);
            var options = new AnalysisOptions();
            if (!SetToday(options, today, stderr)) return UsageError;
            if (!(Scan(root, configFile, options, stderr, out var tree) is List<DocumentInput> documents)) return UsageError;
            var result = GovernanceEngine.Analyze(documents, options);
            var fixes = FixApplier.Choose(result.Diagnostics, rule, suppress);
            var byPath = documents.GroupBy(d => d.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            int applied = 0, files = 0;
            foreach (var group in fixes.SelectMany(f => f.Edits).GroupBy(e => e.Path, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                string path = group.Key;
                byPath.TryGetValue(path, out var input);
                string? leave = FixWriter.Refusal(tree!, root, path, input, out string full, out bool bom);
                if (leave != null || input?.Text == null)
                {
                    stderr.WriteLine(Reports.ConsoleText.Safe(leave == "it is UTF-16" ? $"governance: {path} is left as it is (UTF-16)" : $"governance: {path} is left as it is: {leave}"));
                    continue;
                }

                var edits = group.ToList();
                string changed = FixApplier.Apply(input.Text, edits);
                var inFile = fixes.Where(f => f.Edits.Any(e => e.Path == path)).ToList();
                if (dryRun)
                {
                    applied += inFile.Count;
                    files++;
                    stdout.Write(Reports.ConsoleText.Safe(FixApplier.UnifiedDiff(path, input.Text, edits)));
                    continue;
                }

                // Written only while the file holds what was analysed: an editor's save or another
                // run's fix made meanwhile is kept, and this file is left for the next run.
                if (FixWriter.Write(full, changed, bom, input.Text) is string failure)
                {
                    if (failure == SafeFile.ChangedSinceRead)
                    {
                        stderr.WriteLine(Reports.ConsoleText.Safe($"governance: {path} is left as it is: {failure}"));
                        continue;
                    }

                    stderr.WriteLine($"governance: cannot write {path}: {failure}");
                    return UsageError;
                }

                applied += inFile.Count;
                files++;
                var lines = new Text.LineMap(input.Text);
                foreach (var f in inFile) stdout.WriteLine(Reports.ConsoleText.Safe($"{GovernanceDiagnostic.PrintablePath(path)}({lines.GetPosition(f.Edits.First(e => e.Path == path).Start).Line}): {f.Title}"));
            }

            if (dryRun)
            {
                stdout.WriteLine($"{applied} fix(es) in {files} file(s) would be applied (--dry-run: nothing written).");
                return 0;
            }

            // Check again, as the files now are.
            var after = new AnalysisOptions { Today = options.Today };
            if (!(Scan(root, configFile, after, stderr) is List<DocumentInput> again)) return UsageError;
            var now = GovernanceEngine.Analyze(again, after);
            int errors = now.Diagnostics.Count(d => d.Severity == Diagnostics.GovernanceSeverity.Error);
            int warnings = now.Diagnostics.Count(d => d.Severity == Diagnostics.GovernanceSeverity.Warning);
            stdout.WriteLine($"{applied} fix(es) applied in {files} file(s); {errors} error(s), {warnings} warning(s) remain.");
            return errors > 0 ? 1 : 0;
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

        /// <summary>
        /// The documents of the repository (<see cref="Hosting.RepositoryDocuments.Load"/>, as the
        /// MSBuild task reads them); null after a message on stderr when --config is missing.
        /// </summary>
        private static List<DocumentInput>? Scan(string root, string? configFile, AnalysisOptions options, TextWriter stderr) =>
            Scan(root, configFile, options, stderr, out _);

        /// <inheritdoc cref="Scan(string, string?, AnalysisOptions, TextWriter)"/>
        /// <param name="tree">The walk of the repository (for a command that then writes a file in it).</param>
        internal static List<DocumentInput>? Scan(string root, string? configFile, AnalysisOptions options, TextWriter stderr, out Hosting.RepositoryTree? tree)
        {
            var documents = Hosting.RepositoryDocuments.Load(root, configFile, options, out tree, out _);
            if (documents == null) stderr.WriteLine($"governance: --config '{configFile}' does not exist");
            return documents;
        }

        /// <summary>Sets the date waivers expire against from --today (default: today, UTC); false after a message for a bad date.</summary>
        internal static bool SetToday(AnalysisOptions options, string? today, TextWriter stderr)
        {
            // The host, not the engine, knows the date (waivers expire against it).
            if (today == null) options.Today = DateTime.UtcNow.Date;
            else if (DateTime.TryParseExact(today, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)) options.Today = day;
            else
            {
                stderr.WriteLine($"governance: --today '{today}' is not a date (YYYY-MM-DD)");
                return false;
            }

            return true;
        }

        /// <summary>
        /// <c>governance baseline [PATH] [--prune]</c>: writes governance.baseline.json at the root
        /// with every current diagnostic (an analysis that ignores the existing baseline), or, with
        /// --prune, the existing entries lowered to what still matches and nothing added. Exit 0, or
        /// 2 for bad arguments, a baseline that --prune cannot read, or a file that cannot be written.
        /// </summary>
        private static int WriteBaseline(string root, string? configFile, bool prune, string? today, TextWriter stdout, TextWriter stderr)
        {
            if (!Directory.Exists(root))
            {
                stderr.WriteLine($"governance: PATH '{root}' is not a readable folder");
                return UsageError;
            }

            root = Path.GetFullPath(root);
            var options = new AnalysisOptions { ApplyBaseline = false };
            if (!SetToday(options, today, stderr)) return UsageError;
            if (!(Scan(root, configFile, options, stderr, out var tree) is List<DocumentInput> documents)) return UsageError;
            string relative = options.BaselinePath;
            if (RepositoryScanner.WriteRefusal(tree!, relative) is string refusal)
            {
                stderr.WriteLine($"governance: will not write {relative}: it {refusal}; remove it first");
                return UsageError;
            }

            var result = GovernanceEngine.Analyze(documents, options);

            var existingInput = documents.FirstOrDefault(d => d.Path == relative);
            Baseline.GovernanceBaseline? existing = null;
            if (existingInput != null)
            {
                if (existingInput.Text == null && prune)
                {
                    stderr.WriteLine($"governance: cannot read {relative}: {existingInput.UnreadableReason}");
                    return UsageError;
                }

                if (existingInput.Text != null)
                {
                    existing = Baseline.GovernanceBaseline.Read(relative, existingInput.Text, result.Config.Limits.MaxJsonDepth, out var problems);
                    if (existing == null && prune)
                    {
                        var first = problems.FirstOrDefault();
                        stderr.WriteLine($"governance: {relative} is not a valid baseline{(first == null ? string.Empty : $" ({first.Span.StartLine},{first.Span.StartColumn}: {first.Message})")}; run 'governance baseline' without --prune to write a new one");
                        return UsageError;
                    }
                }
            }

            if (prune && existing == null)
            {
                stderr.WriteLine($"governance: there is no {relative} to prune; run 'governance baseline' to write one");
                return UsageError;
            }

            var entries = prune ? Baseline.GovernanceBaseline.Prune(existing!, result.Diagnostics) : Baseline.GovernanceBaseline.Record(result.Diagnostics);
            string text = Baseline.GovernanceBaseline.Write(entries, existing?.Comment);
            if (SafeFile.Write(Path.Combine(root, relative), text, bom: false, existingInput?.Text) is string failure)
            {
                stderr.WriteLine($"governance: cannot write {relative}: {failure}");
                return UsageError;
            }

            int recorded = entries.Sum(e => e.Count);
            int before = existing?.Entries.Sum(e => e.Count) ?? 0;
            stdout.WriteLine(prune
                ? $"{relative}: {entries.Count} entr{(entries.Count == 1 ? "y" : "ies")} for {recorded} diagnostic(s) kept, {before - recorded} removed"
                : $"{relative}: {entries.Count} entr{(entries.Count == 1 ? "y" : "ies")} for {recorded} diagnostic(s) recorded ({result.Diagnostics.Count(d => d.Severity == Diagnostics.GovernanceSeverity.Error)} error(s), {result.Diagnostics.Count(d => d.Severity == Diagnostics.GovernanceSeverity.Warning)} warning(s))");
            return 0;
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
            if (!(Scan(root, configFile, options, stderr, out var tree) is List<DocumentInput> documents)) return UsageError;
            var result = GovernanceEngine.Analyze(documents, options);

            string manifestPath = result.Config.Documents.LockManifest.Include.FirstOrDefault(p => p.IndexOfAny(new[] { '*', '?', '[', '{' }) < 0) ?? "governance.lock.json";
            string? relative = DocumentInput.ResolveInside(manifestPath);
            if (relative == null)
            {
                stderr.WriteLine($"governance: documents.lockManifest '{manifestPath}' is outside the repository");
                return UsageError;
            }

            if (RepositoryScanner.WriteRefusal(tree!, relative) is string refusal)
            {
                stderr.WriteLine($"governance: will not write {relative}: it {refusal}; remove it first");
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

            var update = Model.Locks.LockManifest.Update(result.Packets, result.Profile, result.Config.Locks, existing);
            if (SafeFile.Write(Path.Combine(root, relative), update.Json, bom: false, manifestInput?.Text) is string failure)
            {
                stderr.WriteLine($"governance: cannot write {relative}: {failure}");
                return UsageError;
            }

            stdout.WriteLine($"{relative}: {update.Added.Count} locked packet(s) recorded, {update.Kept} kept");
            foreach (var path in update.Added) stdout.WriteLine("  recorded " + path);
            foreach (var path in update.Changed) stdout.WriteLine("  changed since its lock (GOV607, entry kept): " + path);
            return update.Changed.Count > 0 ? 1 : 0;
        }
    }
}
