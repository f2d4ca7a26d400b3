using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.LanguageServer.Features;
using Orchestrator.Governance.LanguageServer.Protocol;
using Orchestrator.Governance.LanguageServer.Workspace;

namespace Orchestrator.Governance.LanguageServer
{
    /// <summary>
    /// The governance language server (LSP 3.17 over a pair of streams, stdin and stdout for
    /// <c>governance lsp</c>). One thread reads and handles messages in order; one analysis thread
    /// runs the engine on the workspace, <see cref="ServerOptions.Debounce"/> after the last change,
    /// and publishes the diagnostics of every governance document whose diagnostics changed (open or
    /// not), clearing those that have none left. The server writes no file.
    /// </summary>
    public sealed class GovernanceLanguageServer
    {
        // JSON-RPC 2.0 and LSP error codes.
        private const int ParseError = -32700;
        private const int InvalidRequest = -32600;
        private const int MethodNotFound = -32601;
        private const int InvalidParams = -32602;
        private const int InternalError = -32603;
        private const int ServerNotInitialized = -32002;

        private readonly MessageReader _reader;
        private readonly MessageWriter _writer;
        private readonly ServerOptions _options;
        private readonly LspDiagnostics _diagnostics;
        private readonly object _gate = new object();
        private readonly SemaphoreSlim _changed = new SemaphoreSlim(0);
        private readonly Dictionary<string, byte[]> _published = new Dictionary<string, byte[]>(StringComparer.Ordinal);

        /// <summary>Tests only: called as each analysis starts (to stand for a long one).</summary>
        internal Action? AnalysisStarting { get; set; }

        /// <summary>How long exit waits for an analysis under way (200 ms).</summary>
        internal static readonly TimeSpan ExitGrace = TimeSpan.FromMilliseconds(200);

        /// <summary>Set when the session ends: an analysis still running publishes nothing more.</summary>
        private volatile bool _stopped;

        /// <summary>Whether the client asked for hovers in plain text (hover.contentFormat lists "plaintext" before "markdown").</summary>
        private bool _hoverPlainText;

        /// <summary>Paths opened since the last analysis: their diagnostics are published again, even unchanged (guarded by _gate).</summary>
        private readonly HashSet<string> _republish = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>The configuration's text at the last analysis: when it changes, every document's diagnostics are published again.</summary>
        private string? _lastConfiguration;
        private readonly Dictionary<string, List<Diagnostics.GovernanceDiagnostic>> _publishedItems = new Dictionary<string, List<Diagnostics.GovernanceDiagnostic>>(StringComparer.Ordinal);
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly CodeActions _codeActions;
        private GovernanceWorkspace? _workspace;
        private volatile AnalysisSnapshot? _last;
        private bool _canCreateFiles;
        private bool _watchRegistration;
        private long _lastChange;
        private bool _shutdown;
        private int _nextRequestId;

        /// <summary>A server reading <paramref name="input"/> and writing <paramref name="output"/>.</summary>
        public GovernanceLanguageServer(Stream input, Stream output, ServerOptions? options = null)
        {
            _reader = new MessageReader(input);
            _writer = new MessageWriter(output);
            _options = options ?? new ServerOptions();
            _diagnostics = new LspDiagnostics(_options.DocsFolder);
            _codeActions = new CodeActions(_diagnostics);
        }

        /// <summary>Raised after each analysis has been published (for tests and measurements).</summary>
        public event Action<int>? Analyzed;

        /// <summary>
        /// Serves until <c>exit</c> or the end of the input. Returns the process exit code: 0 after
        /// shutdown then exit, 1 for exit without shutdown or a client that went away (LSP 3.17, "exit").
        /// </summary>
        public async Task<int> RunAsync(CancellationToken cancellation = default)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            var analysis = Task.Run(() => AnalysisLoopAsync(stop.Token));
            int exitCode = 1;
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    var read = await _reader.ReadAsync(stop.Token).ConfigureAwait(false);
                    if (read == null) break;
                    if (read.Body == null)
                    {
                        Log(MessageType.Error, "skipped a message: " + read.Problem);
                        continue;
                    }

                    if (Handle(read.Body) is int code)
                    {
                        exitCode = code;
                        break;
                    }

                    if (_writer.Broken) break;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (IOException)
            {
                // The client closed our input: a lost client, exit code 1.
            }
            finally
            {
                stop.Cancel();
                // An analysis cannot be stopped half-way: exit does not wait for it longer than
                // ExitGrace (a 10 s analysis held the client's exit as long). What it would publish
                // after that is dropped.
                _stopped = true;
                var finished = await Task.WhenAny(analysis, Task.Delay(ExitGrace)).ConfigureAwait(false);
                if (finished == analysis)
                {
                    try
                    {
                        await analysis.ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }
                else
                {
                    _ = analysis.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
                }
            }

            return exitCode;
        }

        /// <summary>Handles one message; returns the exit code after <c>exit</c>.</summary>
        private int? Handle(byte[] body)
        {
            // The base protocol's bodies are UTF-8 (LSP 3.17); the JSON reader checks only what it decodes.
            if (!System.Text.Unicode.Utf8.IsValid(body))
            {
                RespondError(null, ParseError, "the message is not UTF-8");
                return null;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(body);
            }
            catch (JsonException e)
            {
                RespondError(null, ParseError, "the message is not JSON: " + e.Message);
                return null;
            }

            using (document)
            {
                var message = document.RootElement;
                JsonElement? id = message.ValueKind == JsonValueKind.Object && message.TryGetProperty("id", out var i) ? i.Clone() : null;
                if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("method", out var m) || m.ValueKind != JsonValueKind.String)
                {
                    // A response to one of our requests (client/registerCapability) needs nothing.
                    if (id != null && message.ValueKind == JsonValueKind.Object && (message.TryGetProperty("result", out _) || message.TryGetProperty("error", out _))) return null;
                    RespondError(id, InvalidRequest, "a message without a method");
                    return null;
                }

                string method = m.GetString()!;
                var parameters = message.TryGetProperty("params", out var p) ? p : default;
                try
                {
                    return id != null ? HandleRequest(id.Value, method, parameters) : HandleNotification(method, parameters);
                }
                catch (Exception e) when (e is InvalidOperationException || e is KeyNotFoundException || e is FormatException || e is ArgumentException || e is JsonException)
                {
                    // Parameters of the wrong shape: an error for a request, a log line for a notification.
                    if (id != null) RespondError(id, InvalidParams, $"{method}: {e.Message}");
                    else Log(MessageType.Error, $"{method}: {e.Message}");
                    return null;
                }
                catch (Exception e)
                {
                    // A bug of ours: reported, and the session goes on.
                    if (id != null) RespondError(id, InternalError, $"{method}: {e.Message}");
                    Log(MessageType.Error, $"{method} failed: {e}");
                    return null;
                }
            }
        }

        private int? HandleRequest(JsonElement id, string method, JsonElement parameters)
        {
            if (_workspace == null && method != "initialize")
            {
                RespondError(id, ServerNotInitialized, $"{method} before initialize");
                return null;
            }

            if (_shutdown)
            {
                RespondError(id, InvalidRequest, $"{method} after shutdown");
                return null;
            }

            switch (method)
            {
                case "initialize":
                    Initialize(id, parameters);
                    return null;
                case "shutdown":
                    _shutdown = true;
                    Respond(id, w => w.WriteNullValue());
                    return null;
                case "textDocument/hover":
                    Hover(id, parameters);
                    return null;
                case "textDocument/definition":
                    Definition(id, parameters);
                    return null;
                case "textDocument/codeAction":
                    CodeAction(id, parameters);
                    return null;
                case "textDocument/documentSymbol":
                    DocumentSymbol(id, parameters);
                    return null;
                case "textDocument/documentLink":
                    DocumentLink(id, parameters);
                    return null;
                default:
                    RespondError(id, MethodNotFound, $"the server does not handle {method}");
                    return null;
            }
        }

        private int? HandleNotification(string method, JsonElement parameters)
        {
            if (method == "exit") return _shutdown ? 0 : 1;
            if (_workspace == null || _shutdown) return null;
            switch (method)
            {
                case "initialized":
                    RegisterFileWatcher();
                    Changed(immediately: true);
                    break;
                case "textDocument/didOpen":
                    DidOpen(parameters);
                    break;
                case "textDocument/didChange":
                    DidChange(parameters);
                    break;
                case "textDocument/didSave":
                    DidSave(parameters);
                    break;
                case "textDocument/didClose":
                    DidClose(parameters);
                    break;
                case "workspace/didChangeWatchedFiles":
                    DidChangeWatchedFiles(parameters);
                    break;
            }

            // Other notifications ($/cancelRequest, $/setTrace, ...) need nothing (LSP 3.17: ignored).
            return null;
        }

        private void Initialize(JsonElement id, JsonElement parameters)
        {
            if (_workspace != null)
            {
                RespondError(id, InvalidRequest, "initialize was already received");
                return;
            }

            string? root = RootOf(parameters);
            if (root == null || !Directory.Exists(root))
            {
                RespondError(id, InvalidParams, root == null ? "initialize: no workspace folder (rootUri, workspaceFolders or rootPath)" : $"initialize: the workspace folder '{root}' does not exist");
                return;
            }

            _workspace = new GovernanceWorkspace(root);
            var workspaceCaps = Property(parameters, "capabilities", "workspace");
            _canCreateFiles = Property(workspaceCaps, "workspaceEdit", "documentChanges")?.ValueKind == JsonValueKind.True
                && Property(workspaceCaps, "workspaceEdit", "resourceOperations") is JsonElement ops && ops.ValueKind == JsonValueKind.Array
                && ops.EnumerateArray().Any(o => o.ValueKind == JsonValueKind.String && o.GetString() == "create");
            _watchRegistration = Property(workspaceCaps, "didChangeWatchedFiles", "dynamicRegistration")?.ValueKind == JsonValueKind.True;
            _hoverPlainText = Property(parameters, "capabilities", "textDocument", "hover", "contentFormat") is JsonElement formats && formats.ValueKind == JsonValueKind.Array
                && formats.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.String).Select(f => f.GetString()).FirstOrDefault(f => f == "markdown" || f == "plaintext") == "plaintext";
            Respond(id, w =>
            {
                w.WriteStartObject();
                w.WriteStartObject("capabilities");
                w.WriteString("positionEncoding", "utf-16");
                w.WriteStartObject("textDocumentSync");
                w.WriteBoolean("openClose", true);
                w.WriteNumber("change", 2); // incremental
                w.WriteStartObject("save");
                w.WriteBoolean("includeText", false);
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteBoolean("hoverProvider", true);
                w.WriteBoolean("definitionProvider", true);
                w.WriteBoolean("documentSymbolProvider", true);
                w.WriteStartObject("documentLinkProvider");
                w.WriteBoolean("resolveProvider", false);
                w.WriteEndObject();
                w.WriteStartObject("codeActionProvider");
                w.WriteStartArray("codeActionKinds");
                w.WriteStringValue("quickfix");
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteStartObject("serverInfo");
                w.WriteString("name", "governance");
                w.WriteString("version", typeof(GovernanceLanguageServer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
                w.WriteEndObject();
                w.WriteEndObject();
            });
        }

        /// <summary>The value at a path of object properties, or null where one is missing or not an object.</summary>
        private static JsonElement? Property(JsonElement? value, params string[] names)
        {
            foreach (string name in names)
            {
                if (value is not JsonElement e || e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var next)) return null;
                value = next;
            }

            return value;
        }

        /// <summary>textDocument.uri of a request's or notification's parameters.</summary>
        private static string DocumentUri(JsonElement parameters) =>
            parameters.GetProperty("textDocument").GetProperty("uri").GetString() ?? throw new FormatException("textDocument.uri is null");

        /// <summary>The workspace folder: the first of workspaceFolders, else rootUri, else rootPath.</summary>
        private static string? RootOf(JsonElement parameters)
        {
            if (parameters.ValueKind != JsonValueKind.Object) return null;
            string? uri = null;
            if (parameters.TryGetProperty("workspaceFolders", out var folders) && folders.ValueKind == JsonValueKind.Array && folders.GetArrayLength() > 0
                && folders[0].ValueKind == JsonValueKind.Object && folders[0].TryGetProperty("uri", out var f) && f.ValueKind == JsonValueKind.String)
            {
                uri = f.GetString();
            }
            else if (parameters.TryGetProperty("rootUri", out var r) && r.ValueKind == JsonValueKind.String)
            {
                uri = r.GetString();
            }
            else if (parameters.TryGetProperty("rootPath", out var rp) && rp.ValueKind == JsonValueKind.String)
            {
                return rp.GetString();
            }

            return uri != null && Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : null;
        }

        /// <summary>Asks the client to report every file change under the workspace (client/registerCapability), when it can.</summary>
        private void RegisterFileWatcher()
        {
            if (!_watchRegistration) return;
            int requestId = Interlocked.Increment(ref _nextRequestId);
            _writer.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("jsonrpc", "2.0");
                w.WriteNumber("id", requestId);
                w.WriteString("method", "client/registerCapability");
                w.WriteStartObject("params");
                w.WriteStartArray("registrations");
                w.WriteStartObject();
                w.WriteString("id", "governance-watched-files");
                w.WriteString("method", "workspace/didChangeWatchedFiles");
                w.WriteStartObject("registerOptions");
                w.WriteStartArray("watchers");
                w.WriteStartObject();
                w.WriteString("globPattern", "**/*");
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            });
        }

        /// <summary>
        /// The analysis, the document's path and the offset of the request's position in the text the
        /// analysis saw; null when the document is not a governance document of the last analysis, or
        /// has been edited since (the answer waits for the next analysis).
        /// </summary>
        private (AnalysisSnapshot Snapshot, string Path, int Offset)? Locate(JsonElement parameters)
        {
            var position = parameters.GetProperty("position");
            if (!(Document(parameters) is var (snapshot, path))) return null;
            var lines = snapshot.LinesOf(path);
            if (lines == null) return null;
            return (snapshot, path, lines.OffsetOf(position.GetProperty("line").GetInt32(), position.GetProperty("character").GetInt32()));
        }

        /// <summary>Whether the open document at <paramref name="path"/> (if open) is the version <paramref name="snapshot"/> analysed. Under the lock.</summary>
        private bool Current(AnalysisSnapshot snapshot, string path)
        {
            bool open = _workspace!.Open.TryGetValue(path, out var document);
            bool analysedOpen = snapshot.VersionsByPath.TryGetValue(path, out int version);
            return open ? analysedOpen && version == document!.Version : !analysedOpen;
        }

        private void Hover(JsonElement id, JsonElement parameters)
        {
            var at = Locate(parameters);
            string? markdown = at == null ? null : HoverProvider.At(at.Value.Snapshot, at.Value.Path, at.Value.Offset, id => _diagnostics.HelpUri(id, at.Value.Snapshot.Result.Config));
            Respond(id, w =>
            {
                if (markdown == null)
                {
                    w.WriteNullValue();
                    return;
                }

                w.WriteStartObject();
                w.WriteStartObject("contents");
                // In the first format the client lists (hover.contentFormat) that the server writes.
                w.WriteString("kind", _hoverPlainText ? "plaintext" : "markdown");
                w.WriteString("value", _hoverPlainText ? Markdig.Markdown.ToPlainText(markdown).TrimEnd() : markdown);
                w.WriteEndObject();
                w.WriteEndObject();
            });
        }

        private void Definition(JsonElement id, JsonElement parameters)
        {
            var at = Locate(parameters);
            var target = at == null ? null : DefinitionProvider.At(at.Value.Snapshot, at.Value.Path, at.Value.Offset, FileExists);
            string? uri = null;
            if (target != null)
            {
                lock (_gate) uri = _workspace!.UriOf(target.Value.Path);
            }

            // An ambiguous SPEC_ANCHOR (GOV213) leads to every section it may mean, none chosen.
            var alternatives = new List<(string? Uri, Orchestrator.Governance.Text.SourceSpan Span)>();
            if (at != null && target == null)
            {
                foreach (var (alternativePath, alternativeSpan) in DefinitionProvider.Alternatives(at.Value.Snapshot, at.Value.Path, at.Value.Offset))
                {
                    lock (_gate) alternatives.Add((_workspace!.UriOf(alternativePath), alternativeSpan));
                }
            }

            if (alternatives.Count > 0)
            {
                Respond(id, w =>
                {
                    w.WriteStartArray();
                    foreach (var (alternativeUri, span) in alternatives)
                    {
                        w.WriteStartObject();
                        w.WriteString("uri", alternativeUri);
                        w.WritePropertyName("range");
                        LspDiagnostics.WriteRange(w, span.StartLine - 1, span.StartColumn - 1, span.EndLine - 1, span.EndColumn - 1);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                });
                return;
            }

            Respond(id, w =>
            {
                if (target == null)
                {
                    w.WriteNullValue();
                    return;
                }

                var span = target.Value.Span;
                w.WriteStartObject();
                w.WriteString("uri", uri);
                w.WritePropertyName("range");
                if (span == null) LspDiagnostics.WriteRange(w, 0, 0, 0, 0);
                else LspDiagnostics.WriteRange(w, span.Value.StartLine - 1, span.Value.StartColumn - 1, span.Value.EndLine - 1, span.Value.EndColumn - 1);
                w.WriteEndObject();
            });
        }

        /// <summary>Whether a repository-relative path names a file (the walk's list, else the disk).</summary>
        /// <summary>
        /// Whether a link or definition may lead to <paramref name="path"/>: a file the last walk of
        /// the repository listed, which is never a link out of the repository, into .git or to a
        /// special file (issue 31, L6: File.Exists followed such links). A file created since shows
        /// up after the next walk.
        /// </summary>
        private bool FileExists(string path)
        {
            var files = _last?.Options.RepositoryFiles;
            return files != null && files.Contains(path);
        }

        /// <summary>The analysis and the path of the request's document when the analysis is current for it, else null.</summary>
        private (AnalysisSnapshot Snapshot, string Path)? Document(JsonElement parameters)
        {
            string uri = DocumentUri(parameters);
            var snapshot = _last;
            lock (_gate)
            {
                string? path = _workspace!.PathOf(uri);
                return path == null || snapshot == null || !Current(snapshot, path) ? null : (snapshot, path);
            }
        }

        private void DocumentSymbol(JsonElement id, JsonElement parameters)
        {
            var at = Document(parameters);
            Respond(id, w =>
            {
                if (at == null) w.WriteNullValue();
                else DocumentSymbols.Write(w, at.Value.Snapshot, at.Value.Path);
            });
        }

        private void DocumentLink(JsonElement id, JsonElement parameters)
        {
            var at = Document(parameters);
            var links = at == null ? null : DocumentLinks.Of(at.Value.Snapshot, at.Value.Path, FileExists);
            var lines = at == null ? null : at.Value.Snapshot.LinesOf(at.Value.Path);
            var targets = new List<string>();
            if (links != null)
            {
                lock (_gate) targets.AddRange(links.Select(l => _workspace!.UriOf(l.Target)));
            }

            Respond(id, w =>
            {
                if (links == null || lines == null)
                {
                    w.WriteNullValue();
                    return;
                }

                w.WriteStartArray();
                for (int i = 0; i < links.Count; i++)
                {
                    var a = lines.PositionOf(links[i].Span.Start);
                    var b = lines.PositionOf(links[i].Span.End);
                    w.WriteStartObject();
                    w.WritePropertyName("range");
                    LspDiagnostics.WriteRange(w, a.Line, a.Character, b.Line, b.Character);
                    w.WriteString("target", targets[i]);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            });
        }

        private void CodeAction(JsonElement id, JsonElement parameters)
        {
            var range = parameters.GetProperty("range");
            (int, int) Point(JsonElement p) => (p.GetProperty("line").GetInt32(), p.GetProperty("character").GetInt32());
            var from = Point(range.GetProperty("start"));
            var to = Point(range.GetProperty("end"));
            var at = Document(parameters);

            string UriOf(string p)
            {
                lock (_gate) return _workspace!.UriOf(p);
            }

            Respond(id, w =>
            {
                if (at is var (snapshot, path)) _codeActions.Write(w, snapshot, path, from, to, UriOf, _canCreateFiles);
                else
                {
                    w.WriteStartArray();
                    w.WriteEndArray();
                }
            });
        }

        private void DidOpen(JsonElement parameters)
        {
            var item = parameters.GetProperty("textDocument");
            string uri = item.GetProperty("uri").GetString() ?? throw new FormatException("textDocument.uri is null");
            string text = item.GetProperty("text").GetString() ?? string.Empty;
            int version = item.TryGetProperty("version", out var v) && v.TryGetInt32(out int n) ? n : 0;
            lock (_gate)
            {
                string? path = _workspace!.PathOf(uri);
                if (path == null) return; // outside the workspace: not ours
                _workspace.OpenDocument(new OpenDocument(uri, path, version, text));
                // Published again after this analysis whatever was published before: a client may
                // keep nothing for a closed file (Emacs's eglot), so what it was sent then is gone.
                _republish.Add(path);
            }

            Changed();
        }

        private void DidChange(JsonElement parameters)
        {
            var item = parameters.GetProperty("textDocument");
            string uri = item.GetProperty("uri").GetString() ?? throw new FormatException("textDocument.uri is null");
            int version = item.TryGetProperty("version", out var v) && v.TryGetInt32(out int n) ? n : 0;
            var changes = parameters.GetProperty("contentChanges");
            if (changes.ValueKind != JsonValueKind.Array) throw new FormatException("contentChanges is not an array");
            lock (_gate)
            {
                string? path = _workspace!.PathOf(uri);
                if (path == null) return;
                if (!_workspace.Open.TryGetValue(path, out var open))
                {
                    Log(MessageType.Warning, $"didChange for '{uri}', which was not opened: ignored");
                    return;
                }

                open.Apply(version, changes.EnumerateArray());
            }

            Changed();
        }

        /// <summary>
        /// didSave: the file now holds the editor's text, which the analysis already reads; only a
        /// saved configuration, or a file that is not a governance document yet (it may become one),
        /// makes the repository be read again.
        /// </summary>
        private void DidSave(JsonElement parameters)
        {
            string uri = DocumentUri(parameters);
            lock (_gate)
            {
                string? path = _workspace!.PathOf(uri);
                if (path == null || (path != _workspace.ConfigPath && _workspace.IsGoverned(path))) return;
                _workspace.DiskChanged = true;
            }

            Changed();
        }

        /// <summary>
        /// workspace/didChangeWatchedFiles: a governance document changed on disk (and not open) is
        /// read again alone; a file created or deleted, the configuration, or anything else not
        /// known makes the whole repository be read again. Changes to open documents are the
        /// editor's, already read.
        /// </summary>
        private void DidChangeWatchedFiles(JsonElement parameters)
        {
            bool any = false;
            lock (_gate)
            {
                foreach (var change in parameters.GetProperty("changes").EnumerateArray())
                {
                    string? uri = change.GetProperty("uri").GetString();
                    string? path = uri == null ? null : _workspace!.PathOf(uri);
                    // An editor's lock or swap file coming and going (Emacs makes one at every first edit) is no change of the repository.
                    if (path == null || _workspace!.Open.ContainsKey(path) || !Hosting.RepositoryScanner.Lists(path)) continue;
                    int type = change.TryGetProperty("type", out var t) && t.TryGetInt32(out int n) ? n : 0;
                    if (type == 2 && path != _workspace.ConfigPath && _workspace.IsGoverned(path)) _workspace.MarkStale(path);
                    else _workspace.DiskChanged = true;
                    any = true;
                }
            }

            if (any) Changed();
        }

        private void DidClose(JsonElement parameters)
        {
            string uri = DocumentUri(parameters);
            lock (_gate)
            {
                string? path = _workspace!.PathOf(uri);
                if (path == null || !_workspace.CloseDocument(path)) return;
            }

            Changed();
        }

        /// <summary>Asks the analysis thread for a new analysis, after the debounce unless <paramref name="immediately"/>.</summary>
        private void Changed(bool immediately = false)
        {
            Interlocked.Exchange(ref _lastChange, immediately ? long.MinValue / 2 : _clock.ElapsedMilliseconds);
            _changed.Release();
        }

        private async Task AnalysisLoopAsync(CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                await _changed.WaitAsync(stop).ConfigureAwait(false);

                // Debounce: wait until no change has come for the debounce interval.
                while (true)
                {
                    long wait = Interlocked.Read(ref _lastChange) + (long)_options.Debounce.TotalMilliseconds - _clock.ElapsedMilliseconds;
                    if (wait <= 0) break;
                    await Task.Delay(TimeSpan.FromMilliseconds(wait), stop).ConfigureAwait(false);
                }

                while (_changed.CurrentCount > 0) await _changed.WaitAsync(stop).ConfigureAwait(false);
                try
                {
                    AnalyzeAndPublish();

                    // The analysis's garbage is gone before the next one starts: a full, compacting
                    // collection after publishing (tens of ms, off the diagnostics' path) keeps the
                    // heap the next analysis grows from at what the server holds (docs/performance.md).
                    if (_changed.CurrentCount == 0)
                    {
                        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
                        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                    }
                }
                catch (Exception e) when (!(e is OperationCanceledException))
                {
                    // A bug in a rule must not end the session: logged, and the next change tries again.
                    Log(MessageType.Error, "the analysis failed: " + e);
                }
            }
        }

        /// <summary>The workspace (after initialize); benchmarks set it without the protocol.</summary>
        internal GovernanceWorkspace? Workspace
        {
            get => _workspace;
            set => _workspace = value;
        }

        /// <summary>One analysis of the workspace, then the diagnostics that changed published.</summary>
        internal void AnalyzeAndPublish()
        {
            var workspace = _workspace;
            if (workspace == null) return;
            AnalysisStarting?.Invoke();
            long began = _clock.ElapsedMilliseconds;
            bool reload;
            lock (_gate)
            {
                reload = workspace.DiskChanged;
                workspace.DiskChanged = false;
            }

            int reread = 0;
            if (reload)
            {
                var disk = workspace.ReadDisk();
                lock (_gate) workspace.SetLoaded(disk);
            }
            else
            {
                lock (_gate) reread = workspace.RereadStale();
            }

            List<Documents.DocumentInput> inputs;
            AnalysisOptions options;
            Dictionary<string, int> versions;
            lock (_gate) (inputs, options, versions) = workspace.Snapshot(_options.Today ?? DateTime.UtcNow.Date);

            long read = _clock.ElapsedMilliseconds;
            var result = GovernanceEngine.Analyze(inputs, options);
            long analysed = _clock.ElapsedMilliseconds;
            _last = new AnalysisSnapshot(result, inputs, versions, options);
            var versionsByUri = new Dictionary<string, int>(StringComparer.Ordinal);
            lock (_gate)
            {
                // A document read again alone obeys the configuration's size limit, as the load did.
                workspace.MaxDocumentBytes = result.Config.Limits.MaxDocumentBytes;
                foreach (var v in versions) versionsByUri[workspace.UriOf(v.Key)] = v.Value;
            }

            // Every document with findings, and every one published before that has none now.
            var byUri = new SortedDictionary<string, (string Path, List<Diagnostics.GovernanceDiagnostic> Items)>(StringComparer.Ordinal);
            var again = new HashSet<string>(StringComparer.Ordinal);
            string configuration = inputs.FirstOrDefault(d => d.Path == options.ConfigPath)?.Text ?? string.Empty;
            bool configurationChanged = _lastConfiguration != null && !string.Equals(_lastConfiguration, configuration, StringComparison.Ordinal);
            _lastConfiguration = configuration;
            lock (_gate)
            {
                foreach (var d in result.Diagnostics)
                {
                    string uri = workspace.UriOf(d.Path);
                    if (!byUri.TryGetValue(uri, out var list)) byUri[uri] = list = (d.Path, new List<Diagnostics.GovernanceDiagnostic>());
                    list.Items.Add(d);
                }

                // Opened documents, and after a change of configuration every document: published whatever was published before.
                foreach (var path in _republish) again.Add(workspace.UriOf(path));
                _republish.Clear();
                if (configurationChanged)
                {
                    again.UnionWith(byUri.Keys);
                    again.UnionWith(_published.Keys);
                }
            }

            int published = 0;
            foreach (var uri in again.Where(u => !byUri.ContainsKey(u)).OrderBy(u => u, StringComparer.Ordinal))
            {
                // An opened document without findings: its empty list, so the client shows it checked and clean.
                _published.Remove(uri);
                _publishedItems.Remove(uri);
                Publish(uri, versionsByUri.TryGetValue(uri, out int version) ? version : null, EmptyArray);
                published++;
            }

            foreach (var entry in byUri)
            {
                bool force = again.Contains(entry.Key);
                // What a client is shown of each diagnostic unchanged: nothing to write (most documents after an edit).
                if (!force && _publishedItems.TryGetValue(entry.Key, out var shown) && LspDiagnostics.SameShown(shown, entry.Value.Items)) continue;
                _publishedItems[entry.Key] = entry.Value.Items;
                var json = _diagnostics.ToJsonArray(entry.Value.Items, result.Config);
                _published.TryGetValue(entry.Key, out var before);
                if (!force && LspDiagnostics.Same(before, json)) continue;
                _published[entry.Key] = json;
                Publish(entry.Key, versionsByUri.TryGetValue(entry.Key, out int version) ? version : null, json);
                published++;
            }

            foreach (var stale in _published.Keys.Where(u => !byUri.ContainsKey(u)).OrderBy(u => u, StringComparer.Ordinal).ToList())
            {
                _published.Remove(stale);
                _publishedItems.Remove(stale);
                Publish(stale, versionsByUri.TryGetValue(stale, out int version) ? version : null, EmptyArray);
                published++;
            }

            long done = _clock.ElapsedMilliseconds;
            Log(MessageType.Log, $"checked {inputs.Count} documents in {done - began} ms ({(reload ? "read from disk" : reread > 0 ? $"{reread} read again" : "from memory")} {read - began} ms, engine {analysed - read} ms with {workspace.Cache.DocumentsReused} documents and {workspace.Cache.RuleResultsReused} packet rule results reused, {published} published in {done - analysed} ms)");
            Analyzed?.Invoke(published);
        }

        private static readonly byte[] EmptyArray = { (byte)'[', (byte)']' };

        private void Publish(string uri, int? version, byte[] diagnostics)
        {
            if (_stopped) return;
            _writer.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("jsonrpc", "2.0");
                w.WriteString("method", "textDocument/publishDiagnostics");
                w.WriteStartObject("params");
                w.WriteString("uri", uri);
                if (version != null) w.WriteNumber("version", version.Value);
                w.WritePropertyName("diagnostics");
                w.WriteRawValue(diagnostics, skipInputValidation: true);
                w.WriteEndObject();
                w.WriteEndObject();
            });
        }

        private void Respond(JsonElement id, Action<Utf8JsonWriter> result)
        {
            _writer.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("jsonrpc", "2.0");
                w.WritePropertyName("id");
                id.WriteTo(w);
                w.WritePropertyName("result");
                result(w);
                w.WriteEndObject();
            });
        }

        private void RespondError(JsonElement? id, int code, string message)
        {
            _writer.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("jsonrpc", "2.0");
                w.WritePropertyName("id");
                if (id is JsonElement known && (known.ValueKind == JsonValueKind.Number || known.ValueKind == JsonValueKind.String)) known.WriteTo(w);
                else w.WriteNullValue();
                w.WriteStartObject("error");
                w.WriteNumber("code", code);
                w.WriteString("message", message);
                w.WriteEndObject();
                w.WriteEndObject();
            });
        }

        /// <summary>window/logMessage (LSP MessageType: 1 error, 2 warning, 3 info, 4 log).</summary>
        private void Log(MessageType type, string message)
        {
            _writer.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("jsonrpc", "2.0");
                w.WriteString("method", "window/logMessage");
                w.WriteStartObject("params");
                w.WriteNumber("type", (int)type);
                w.WriteString("message", "governance: " + message);
                w.WriteEndObject();
                w.WriteEndObject();
            });
        }

        private enum MessageType
        {
            Error = 1,
            Warning = 2,
            Info = 3,
            Log = 4,
        }
    }
}
