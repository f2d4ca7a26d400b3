using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Orchestrator.Governance.Mcp.Tools;

namespace Orchestrator.Governance.Mcp
{
    /// <summary>
    /// <c>governance mcp</c>: a Model Context Protocol server over stdio (ModelContextProtocol.Core,
    /// the official C# SDK) on the repository it is started in, for the agents that write and carry
    /// out task packets. Its tools (<see cref="Tools"/>) run the same engine as every other host on
    /// a <see cref="RepositorySession"/>; each answers with structured content (and the same JSON as
    /// text, for clients that read only text). A tool call that cannot be answered is a result with
    /// isError and a message; an unknown tool is a JSON-RPC error (-32602); a malformed message is
    /// answered by the SDK, and the server goes on. Nothing is written to stdout but protocol
    /// messages, nothing is read outside the repository, and nothing goes to the network.
    /// </summary>
    public static class GovernanceMcpServer
    {
        /// <summary>The tools, in the order tools/list gives them.</summary>
        internal static IReadOnlyList<GovernanceTool> Tools { get; } = new GovernanceTool[]
        {
            new CheckTool(),
            new ExplainRuleTool(),
            new SpecSectionTool(),
            new PacketTool(),
            new ScopeCheckTool(),
            new ReadyToCloseTool(),
            new ApplyFixTool(),
        };

        private const string Instructions =
            "Governance checks for this repository's task packets, Master Spec, task board, ADRs and state files (the Orchestrator analyzer). " +
            "Call `check` after editing a governance document; `packet` and `spec_section` to read a WP or a spec section as the rules read them; " +
            "`explain_rule` for what a diagnostic means and how to fix it; `scope_check` before touching files for a packet; " +
            "`ready_to_close` before setting a packet's STATUS to Done or Validated: claim the work complete only when it answers ready.";

        /// <summary>
        /// Serves MCP on the process's stdin and stdout until the client closes them or
        /// <paramref name="cancellation"/> fires; 0 then. <paramref name="today"/> is the date waivers
        /// expire against (null: today, UTC).
        /// </summary>
        public static async Task<int> RunAsync(string root, DateTime? today, CancellationToken cancellation = default)
        {
            using var session = new RepositorySession(root, today);
            // The repository is read and analysed while the client and the server shake hands:
            // the first tool call then waits for less (or nothing).
            var warm = Task.Run(() => session.Current(), cancellation);
            var options = Options(session);
            var transport = new StdioServerTransport("governance");
            await using var server = McpServer.Create(transport, options);
            await server.RunAsync(cancellation).ConfigureAwait(false);
            try
            {
                await warm.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            return 0;
        }

        /// <summary>The server's options: its name and version, the tools capability and the handlers on <paramref name="session"/>.</summary>
        internal static McpServerOptions Options(RepositorySession session) => new McpServerOptions
        {
            ServerInfo = new Implementation
            {
                Name = "governance",
                Title = "Orchestrator governance",
                Version = typeof(GovernanceMcpServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0",
            },
            ServerInstructions = Instructions,
            Capabilities = new ServerCapabilities { Tools = new ToolsCapability { ListChanged = false } },
            Handlers = new McpServerHandlers
            {
                ListToolsHandler = (request, cancellation) => new ValueTask<ListToolsResult>(new ListToolsResult { Tools = Tools.Select(t => t.Describe()).ToList() }),
                CallToolHandler = (request, cancellation) => new ValueTask<CallToolResult>(Call(session, request.Params)),
            },
        };

        /// <summary>One tools/call: the tool's structured result, or an error result with its message.</summary>
        internal static CallToolResult Call(RepositorySession session, CallToolRequestParams? request)
        {
            string name = request?.Name ?? string.Empty;
            var tool = Tools.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal))
                ?? throw new McpProtocolException($"Unknown tool '{ToolArguments.Clip(name)}'; the tools are {string.Join(", ", Tools.Select(t => t.Name))}", McpErrorCode.InvalidParams);
            try
            {
                var output = tool.Call(new ToolArguments(request!.Arguments, tool), session);
                string json = output.ToJsonString(Readable);
                return new CallToolResult
                {
                    StructuredContent = JsonDocument.Parse(json).RootElement.Clone(),
                    Content = new List<ContentBlock> { new TextContentBlock { Text = json } },
                };
            }
            catch (ToolError e)
            {
                return Error(e.Message);
            }
            catch (Exception e) when (!(e is OutOfMemoryException) && !(e is OperationCanceledException))
            {
                // A defect of ours: said as such, and the server goes on.
                return Error($"{tool.Name} failed: {e.GetType().Name}: {e.Message}");
            }
        }

        // The text block is read by models and people: quotes and non-ASCII letters as they are.
        private static readonly JsonSerializerOptions Readable = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private static CallToolResult Error(string message) => new CallToolResult
        {
            IsError = true,
            Content = new List<ContentBlock> { new TextContentBlock { Text = message } },
        };
    }
}
