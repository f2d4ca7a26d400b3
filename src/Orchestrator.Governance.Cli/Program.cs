using System;
using System.CommandLine;
using System.Collections.Generic;
using System.IO;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;

namespace Orchestrator.Governance.Cli
{
    /// <summary>
    /// <c>governance check [PATH] [--config FILE] [--format text|sarif|json|github|junit|mermaid|dot] [--include-baselined] [--output FILE] [--no-inline-config]
    /// [--report trace|graph [--phase N]] [--changed-files FILE | --changed-since REF] [--today YYYY-MM-DD] [--test-results GLOB]...</c>. Exit codes:
    /// 0 no error-severity diagnostic; 1 at least one (also when a report is written); 2 bad arguments, an unreadable
    /// PATH or changed-files list, or a git that cannot answer --changed-since.
    /// <c>governance lock [PATH] [--config FILE]</c> records the locked task packets in governance.lock.json.
    /// <c>governance baseline [PATH] [--config FILE] [--prune]</c> records the current diagnostics in governance.baseline.json.
    /// <c>governance ready WP-ID [PATH] --target STATUS</c> says whether a task packet may close.
    /// Each command's options and handler are a file of Commands/; this class assembles them, parses the arguments and
    /// holds what several share (reading the repository's documents, --today).
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
            int exit = 0;
            var check = Commands.CheckCommand.Create(stdout, stderr, code => exit = code);
            var baselineCommand = Commands.BaselineCommand.Create(stdout, stderr, code => exit = code);
            var lockCommand = Commands.LockCommand.Create(stdout, stderr, code => exit = code);
            var fixCommand = Commands.FixCommand.Create(stdout, stderr, code => exit = code);
            var lspCommand = Commands.LspCommand.Create(stdout, stderr, code => exit = code);
            var mcpCommand = Commands.McpCommand.Create(stdout, stderr, code => exit = code);
            var explainCommand = Commands.ExplainCommand.Create(stdout, stderr, code => exit = code);
            var initCommand = Commands.InitCommand.Create(stdout, stderr, code => exit = code);

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
        /// The documents of the repository (<see cref="Hosting.RepositoryDocuments.Load"/>, as the
        /// MSBuild task reads them); null after a message on stderr when --config is missing.
        /// </summary>
        internal static List<DocumentInput>? Scan(string root, string? configFile, AnalysisOptions options, TextWriter stderr) =>
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

    }
}
