using System;
using System.CommandLine;
using System.IO;
using Orchestrator.Governance.Engine;
using static Orchestrator.Governance.Cli.Program;

namespace Orchestrator.Governance.Cli.Commands
{
    /// <summary><c>governance lsp</c>: the command, its options and what it does (its handler below).</summary>
    internal static class LspCommand
    {
        /// <summary>The command, its action setting <paramref name="exit"/>.</summary>
        public static Command Create(TextWriter stdout, TextWriter stderr, Action<int> exit)
        {
            // `governance lsp`: the language server on stdin/stdout (editors start it; --stdio is what
            // vscode-languageclient passes for the stdio transport, the only one served).
            var stdio = new Option<bool>("--stdio") { Description = "Talk LSP over standard input and output (the default and only transport)." };
            var lspToday = new Option<string?>("--today") { Description = "The date waivers expire against, YYYY-MM-DD (default: today, UTC)." };
            var lspCommand = new Command("lsp", "Run the governance language server (LSP 3.17) over standard input and output, for editors.") { stdio, lspToday };
            lspCommand.SetAction(result =>
            {
                int code = Lsp(result.GetValue(lspToday), stderr);
                exit(code);
                return code;
            });
            return lspCommand;
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
    }
}
