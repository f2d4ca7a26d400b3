using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipes;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Orchestrator.Governance.LanguageServer.Protocol;

namespace Orchestrator.Governance.LanguageServer.Tests
{
    /// <summary>
    /// A test's end of a <see cref="GovernanceLanguageServer"/> running in-process over two anonymous
    /// pipes: sends framed messages (or raw bytes, for malformed ones) and collects every message the
    /// server writes. The real-client test (Neovim or vscode-jsonrpc over stdio) is elsewhere; this
    /// one drives the protocol byte for byte.
    /// </summary>
    internal sealed class LspTestClient : IAsyncDisposable
    {
        private readonly AnonymousPipeServerStream _toServer = new AnonymousPipeServerStream(PipeDirection.Out);
        private readonly AnonymousPipeServerStream _fromServer = new AnonymousPipeServerStream(PipeDirection.In);
        private readonly BlockingCollection<JsonElement> _received = new BlockingCollection<JsonElement>();
        private readonly List<JsonElement> _seen = new List<JsonElement>();
        private readonly Task _reading;
        private int _nextId;

        public LspTestClient(string root, ServerOptions? options = null)
        {
            Root = root;
            var serverIn = new AnonymousPipeClientStream(PipeDirection.In, _toServer.ClientSafePipeHandle);
            var serverOut = new AnonymousPipeClientStream(PipeDirection.Out, _fromServer.ClientSafePipeHandle);
            Server = new GovernanceLanguageServer(serverIn, serverOut, options ?? new ServerOptions { Debounce = TimeSpan.FromMilliseconds(20), Today = new DateTime(2026, 12, 2) });
            Run = Task.Run(async () =>
            {
                try
                {
                    return await Server.RunAsync();
                }
                finally
                {
                    serverOut.Dispose();
                    serverIn.Dispose();
                }
            });
            _reading = Task.Run(async () =>
            {
                var reader = new MessageReader(_fromServer);
                while (await reader.ReadAsync(CancellationToken.None) is MessageRead read)
                {
                    if (read.Body != null) _received.Add(JsonDocument.Parse(read.Body).RootElement.Clone());
                }

                _received.CompleteAdding();
            });
        }

        public string Root { get; }

        public GovernanceLanguageServer Server { get; }

        /// <summary>The server's RunAsync: its exit code.</summary>
        public Task<int> Run { get; }

        public string UriOf(string relativePath) => new Uri(Path.Combine(Root, relativePath)).AbsoluteUri;

        public void SendRaw(byte[] bytes)
        {
            _toServer.Write(bytes, 0, bytes.Length);
            _toServer.Flush();
        }

        public void SendBody(string json)
        {
            byte[] body = Encoding.UTF8.GetBytes(json);
            SendRaw(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n").Concat(body).ToArray());
        }

        public void Notify(string method, JsonNode? parameters) =>
            SendBody(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters }.ToJsonString());

        public int SendRequest(string method, JsonNode? parameters)
        {
            int id = Interlocked.Increment(ref _nextId);
            SendBody(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters }.ToJsonString());
            return id;
        }

        /// <summary>Sends a request and waits for its response.</summary>
        public JsonElement Request(string method, JsonNode? parameters)
        {
            int id = SendRequest(method, parameters);
            return WaitFor(m => m.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.Number && i.GetInt32() == id && !m.TryGetProperty("method", out _), $"the response to {method}");
        }

        /// <summary>initialize (with watched-file registration) and initialized; returns initialize's result.</summary>
        public JsonElement Initialize()
        {
            var response = Request("initialize", new JsonObject
            {
                ["processId"] = null,
                ["rootUri"] = new Uri(Root).AbsoluteUri,
                ["capabilities"] = new JsonObject
                {
                    ["workspace"] = new JsonObject
                    {
                        ["didChangeWatchedFiles"] = new JsonObject { ["dynamicRegistration"] = true },
                        ["workspaceEdit"] = new JsonObject { ["documentChanges"] = true, ["resourceOperations"] = new JsonArray("create") },
                    },
                },
            });
            Notify("initialized", new JsonObject());
            return response.GetProperty("result");
        }

        public void Open(string relativePath, string text, int version = 1) =>
            Notify("textDocument/didOpen", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = UriOf(relativePath), ["languageId"] = "markdown", ["version"] = version, ["text"] = text },
            });

        /// <summary>didChange with one ranged edit (0-based line and character).</summary>
        public void Change(string relativePath, int version, int startLine, int startCharacter, int endLine, int endCharacter, string text) =>
            Notify("textDocument/didChange", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = UriOf(relativePath), ["version"] = version },
                ["contentChanges"] = new JsonArray(new JsonObject
                {
                    ["range"] = new JsonObject
                    {
                        ["start"] = new JsonObject { ["line"] = startLine, ["character"] = startCharacter },
                        ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
                    },
                    ["text"] = text,
                }),
            });

        /// <summary>A request about a position (hover, definition): its result.</summary>
        public JsonElement At(string method, string relativePath, int line, int character) =>
            Request(method, new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = UriOf(relativePath) },
                ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
            }).GetProperty("result");

        /// <summary>textDocument/codeAction on a range: the actions.</summary>
        public JsonElement CodeActions(string relativePath, int startLine, int startCharacter, int endLine, int endCharacter) =>
            Request("textDocument/codeAction", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = UriOf(relativePath) },
                ["range"] = new JsonObject
                {
                    ["start"] = new JsonObject { ["line"] = startLine, ["character"] = startCharacter },
                    ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
                },
                ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
            }).GetProperty("result");

        /// <summary>The next message (from the start of the session, in order) that matches; fails after 20 s.</summary>
        public JsonElement WaitFor(Func<JsonElement, bool> match, string what)
        {
            lock (_seen)
            {
                for (int i = 0; i < _seen.Count; i++)
                {
                    if (match(_seen[i]))
                    {
                        var found = _seen[i];
                        _seen.RemoveAt(i);
                        return found;
                    }
                }
            }

            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (DateTime.UtcNow < deadline)
            {
                if (!_received.TryTake(out var message, TimeSpan.FromMilliseconds(100)))
                {
                    if (_received.IsCompleted) break;
                    continue;
                }

                if (match(message)) return message;
                lock (_seen) _seen.Add(message);
            }

            throw new TimeoutException($"no {what} from the server; it sent: " + string.Join("\n", Seen().Select(m => m.GetRawText().Length > 300 ? m.GetRawText().Substring(0, 300) : m.GetRawText())));
        }

        /// <summary>Messages received and not yet matched.</summary>
        public IReadOnlyList<JsonElement> Seen()
        {
            while (_received.TryTake(out var message)) lock (_seen) _seen.Add(message);
            lock (_seen) return _seen.ToList();
        }

        /// <summary>The next publishDiagnostics for <paramref name="relativePath"/>.</summary>
        public JsonElement Diagnostics(string relativePath)
        {
            string uri = UriOf(relativePath);
            return WaitFor(m => m.TryGetProperty("method", out var x) && x.GetString() == "textDocument/publishDiagnostics"
                && m.GetProperty("params").GetProperty("uri").GetString() == uri, $"publishDiagnostics for {relativePath}").GetProperty("params");
        }

        /// <summary>Ends the client side: the server sees the end of its input.</summary>
        public void CloseInput() => _toServer.Dispose();

        public async ValueTask DisposeAsync()
        {
            CloseInput();
            await Task.WhenAny(Run, Task.Delay(10000));
            await Task.WhenAny(_reading, Task.Delay(10000));
            _fromServer.Dispose();
        }
    }
}
