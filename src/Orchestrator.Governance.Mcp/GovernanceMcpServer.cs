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
    /// isError and a message; an unknown tool, or a request whose params are malformed (<see cref="RequestShape"/>),
    /// is a JSON-RPC error (-32602) saying what is wrong, a line that is not JSON a parse error (-32700,
    /// <see cref="MessageLines"/>), and the server goes on. Nothing is written to stdout but protocol
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
            var subscriptions = new Subscriptions();
            var options = Options(session, subscriptions);
            // The SDK's stdio transport, with each line looked at first (MessageLines): a line that is not a
            // message is answered, not skipped without a word.
            var output = new MessageOutput(new System.IO.BufferedStream(Console.OpenStandardOutput()));
            var transport = new StreamServerTransport(new MessageInput(Console.OpenStandardInput(), output), output, "governance");
            await using var server = McpServer.Create(transport, options);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            var watch = Watch(server, session, subscriptions, stop.Token);
            await server.RunAsync(cancellation).ConfigureAwait(false);
            stop.Cancel();
            try
            {
                await Task.WhenAll(warm, watch).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            return 0;
        }

        /// <summary>How often the server looks for a change to the diagnostics while a client is subscribed to them.</summary>
        internal static TimeSpan WatchInterval { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>
        /// While a client is subscribed to governance://diagnostics: every <see cref="WatchInterval"/>,
        /// the session is brought up to date (a few file stats when nothing changed) and, when a new
        /// analysis gives other diagnostics, notifications/resources/updated is sent.
        /// </summary>
        private static async Task Watch(McpServer server, RepositorySession session, Subscriptions subscriptions, CancellationToken cancellation)
        {
            string? last = null;
            while (!cancellation.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(WatchInterval, cancellation).ConfigureAwait(false);
                    if (!subscriptions.Contains(GovernanceResources.Diagnostics))
                    {
                        last = null;
                        continue;
                    }

                    // Compared with the diagnostics when the client subscribed: a change made at once is not lost.
                    last ??= subscriptions.Baseline;
                    string now = Signature(session.Current());
                    if (last != null && now != last)
                        await server.SendNotificationAsync(NotificationMethods.ResourceUpdatedNotification, new ResourceUpdatedNotificationParams { Uri = GovernanceResources.Diagnostics }, cancellationToken: cancellation).ConfigureAwait(false);
                    last = now;
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (Exception e) when (!(e is OutOfMemoryException))
                {
                    // The client went away, or a defect of ours: the tools still answer.
                    last = null;
                }
            }
        }

        /// <summary>The diagnostics of an analysis, as the watch compares them.</summary>
        internal static string Signature(SessionSnapshot snapshot) => string.Join("\n", snapshot.Result.Diagnostics.Select(d => d.ToString()));

        /// <summary>The resource URIs the client subscribed to.</summary>
        internal sealed class Subscriptions
        {
            private readonly HashSet<string> _uris = new HashSet<string>(StringComparer.Ordinal);

            /// <summary>The diagnostics' signature when the client last subscribed to them.</summary>
            public string? Baseline { get; set; }

            public void Add(string uri)
            {
                lock (_uris) _uris.Add(uri);
            }

            public void Remove(string uri)
            {
                lock (_uris) _uris.Remove(uri);
            }

            public bool Contains(string uri)
            {
                lock (_uris) return _uris.Contains(uri);
            }
        }

        /// <summary>The server's options: its name and version, the tools and resources capabilities and the handlers on <paramref name="session"/>.</summary>
        internal static McpServerOptions Options(RepositorySession session, Subscriptions subscriptions) => new McpServerOptions
        {
            ServerInfo = new Implementation
            {
                Name = "governance",
                Title = "Orchestrator governance",
                Version = typeof(GovernanceMcpServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0",
            },
            ServerInstructions = Instructions,
            Filters = new McpServerFilters { Message = new McpMessageFilters { IncomingFilters = new List<McpMessageFilter> { RequestShape.Filter } } },
            Capabilities = new ServerCapabilities
            {
                Tools = new ToolsCapability { ListChanged = false },
                Resources = new ResourcesCapability { Subscribe = true, ListChanged = false },
            },
            Handlers = new McpServerHandlers
            {
                ListResourcesHandler = (request, cancellation) => new ValueTask<ListResourcesResult>(GovernanceResources.List(session)),
                ListResourceTemplatesHandler = (request, cancellation) => new ValueTask<ListResourceTemplatesResult>(GovernanceResources.Templates()),
                ReadResourceHandler = (request, cancellation) => new ValueTask<ReadResourceResult>(GovernanceResources.Read(session, request.Params?.Uri)),
                SubscribeToResourcesHandler = (request, cancellation) =>
                {
                    string uri = request.Params?.Uri ?? string.Empty;
                    if (uri != GovernanceResources.Diagnostics)
                        throw new McpProtocolException($"Only {GovernanceResources.Diagnostics} can be subscribed to; '{ToolArguments.Clip(uri)}' is not", McpErrorCode.InvalidParams);
                    subscriptions.Baseline = Signature(session.Current());
                    subscriptions.Add(uri);
                    return new ValueTask<EmptyResult>(new EmptyResult());
                },
                UnsubscribeFromResourcesHandler = (request, cancellation) =>
                {
                    if (request.Params?.Uri is string uri) subscriptions.Remove(uri);
                    return new ValueTask<EmptyResult>(new EmptyResult());
                },
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
