using System;
using System.CommandLine;
using System.IO;
using Orchestrator.Governance.Engine;
using static Orchestrator.Governance.Cli.Program;

namespace Orchestrator.Governance.Cli.Commands
{
    /// <summary><c>governance mcp</c>: the command, its options and what it does (its handler below).</summary>
    internal static class McpCommand
    {
        /// <summary>The command, its action setting <paramref name="exit"/>.</summary>
        public static Command Create(TextWriter stdout, TextWriter stderr, Action<int> exit)
        {
            // `governance mcp [PATH]`: the MCP server on stdin/stdout (agents' clients start it; docs/agents.md).
            var mcpPath = new Argument<string>("path") { Description = "Repository root (default: the current folder).", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
            var mcpToday = new Option<string?>("--today") { Description = "The date waivers expire against, YYYY-MM-DD (default: today, UTC)." };
            var mcpCommand = new Command("mcp", "Run the governance Model Context Protocol server over standard input and output, for AI agents (docs/agents.md).") { mcpPath, mcpToday };
            mcpCommand.SetAction(result =>
            {
                int code = Mcp(result.GetValue(mcpPath) ?? ".", result.GetValue(mcpToday), stderr);
                exit(code);
                return code;
            });
            return mcpCommand;
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
    }
}
