using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Orchestrator.Governance.Testing;
using Xunit;

namespace Orchestrator.Governance.LanguageServer.Tests
{
    /// <summary>
    /// Bad input to the server: each gets an error response or a logged message, and the session goes
    /// on (the next request is answered), or ends cleanly when the client goes away.
    /// </summary>
    public sealed class RobustnessTests
    {
        private static JsonElement ErrorOf(JsonElement response) => response.GetProperty("error");

        private static bool IsLog(JsonElement m, int type, string containing) =>
            m.TryGetProperty("method", out var x) && x.GetString() == "window/logMessage"
            && m.GetProperty("params").GetProperty("type").GetInt32() == type
            && m.GetProperty("params").GetProperty("message").GetString()!.Contains(containing, StringComparison.Ordinal);

        /// <summary>The session still answers: shutdown gets its null result.</summary>
        private static void AssertStillServing(LspTestClient client) =>
            Assert.Equal(JsonValueKind.Null, client.Request("shutdown", null).GetProperty("result").ValueKind);

        [Fact]
        public async Task A_body_that_is_not_JSON_gets_a_parse_error_with_a_null_id()
        {
            using var repo = new TempRepository();
            await using var client = new LspTestClient(repo.Root);
            client.Initialize();
            client.SendBody("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":");
            var response = client.WaitFor(m => m.TryGetProperty("error", out _), "an error response");
            Assert.Equal(JsonValueKind.Null, response.GetProperty("id").ValueKind);
            Assert.Equal(-32700, ErrorOf(response).GetProperty("code").GetInt32());
            AssertStillServing(client);
        }

        [Fact]
        public async Task A_body_that_is_not_UTF8_gets_a_parse_error()
        {
            using var repo = new TempRepository();
            await using var client = new LspTestClient(repo.Root);
            client.Initialize();
            byte[] body = Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"x\",\"params\":\"\u00e9\"}");
            int at = Array.IndexOf(body, (byte)0xC3);
            body[at] = 0xFF;
            client.SendRaw(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n").Concat(body).ToArray());
            var response = client.WaitFor(m => m.TryGetProperty("error", out _), "an error response");
            Assert.Equal(-32700, ErrorOf(response).GetProperty("code").GetInt32());
            Assert.Equal("the message is not UTF-8", ErrorOf(response).GetProperty("message").GetString());
            AssertStillServing(client);
        }

        [Fact]
        public async Task An_open_packet_emptied_gets_the_diagnostics_of_an_empty_packet()
        {
            using var repo = new TempRepository();
            await using var client = new LspTestClient(repo.Root);
            client.Initialize();
            const string packet = "docs/task_packets/WP-1-Storage-Layer.md";
            client.Diagnostics("docs/task_packets/WP-1-Job-Cancel.md");
            client.Open(packet, string.Empty);
            var diagnostics = client.Diagnostics(packet).GetProperty("diagnostics").EnumerateArray().ToList();
            Assert.NotEmpty(diagnostics);
            Assert.All(diagnostics, d => Assert.Equal(0, d.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32()));
            Assert.Contains(diagnostics, d => d.GetProperty("code").GetString() == "GOV102"
                && d.GetProperty("message").GetString() == "Task packet has no 'METADATA' section (expected one of: METADATA)");
            AssertStillServing(client);
        }

        [Fact]
        public async Task JSON_nested_10000_deep_gets_a_parse_error()
        {
            using var repo = new TempRepository();
            await using var client = new LspTestClient(repo.Root);
            client.Initialize();
            client.SendBody("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":" + new string('[', 10000) + new string(']', 10000) + "}");
            var response = client.WaitFor(m => m.TryGetProperty("error", out _), "an error response");
            Assert.Equal(-32700, ErrorOf(response).GetProperty("code").GetInt32());
            AssertStillServing(client);
        }

        [Fact]
        public async Task A_malformed_header_is_logged_and_the_next_message_is_read()
        {
            using var repo = new TempRepository();
            await using var client = new LspTestClient(repo.Root);
            client.Initialize();

            // A length that is not a number, then its body, then a good message right after the body.
            client.SendRaw(Encoding.ASCII.GetBytes("Content-Length: lots\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"$/x\"}"));
            client.SendBody("{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"shutdown\"}");
            var log = client.WaitFor(m => IsLog(m, 1, "Content-Length 'lots'"), "a log of the bad header");
            Assert.Equal("governance: skipped a message: Content-Length 'lots' is not a length from 0 to 67108864 bytes", log.GetProperty("params").GetProperty("message").GetString());
            var response = client.WaitFor(m => m.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.Number && i.GetInt32() == 99, "the response to shutdown");
            Assert.Equal(JsonValueKind.Null, response.GetProperty("result").ValueKind);

            // A header block without Content-Length.
            client.SendRaw(Encoding.ASCII.GetBytes("Content-Type: application/vscode-jsonrpc\r\n\r\n"));
            client.WaitFor(m => IsLog(m, 1, "a message header without Content-Length"), "a log of the header without a length");
        }

        [Fact]
        public async Task An_unknown_request_gets_method_not_found_and_an_unknown_notification_nothing()
        {
            using var repo = new TempRepository();
            await using var client = new LspTestClient(repo.Root);
            client.Initialize();
            client.Notify("workspace/somethingNew", new JsonObject());
            var response = client.Request("textDocument/somethingNew", new JsonObject());
            Assert.Equal(-32601, ErrorOf(response).GetProperty("code").GetInt32());
            Assert.Equal("the server does not handle textDocument/somethingNew", ErrorOf(response).GetProperty("message").GetString());
            AssertStillServing(client);
        }

        [Fact]
        public async Task A_request_before_initialize_gets_server_not_initialized()
        {
            using var repo = new TempRepository();
            await using var client = new LspTestClient(repo.Root);
            var response = client.Request("shutdown", null);
            Assert.Equal(-32002, ErrorOf(response).GetProperty("code").GetInt32());
            client.Initialize();
            AssertStillServing(client);
        }

        [Fact]
        public async Task DidChange_for_a_document_never_opened_is_logged_and_ignored()
        {
            using var repo = new TempRepository();
            await using var client = new LspTestClient(repo.Root);
            client.Initialize();
            client.Change("docs/task_packets/WP-1-Storage-Layer.md", 2, 0, 0, 0, 0, "x");
            var log = client.WaitFor(m => IsLog(m, 2, "was not opened"), "a warning");
            Assert.Equal($"governance: didChange for '{client.UriOf("docs/task_packets/WP-1-Storage-Layer.md")}', which was not opened: ignored", log.GetProperty("params").GetProperty("message").GetString());
            AssertStillServing(client);
        }

        [Fact]
        public async Task A_notification_with_parameters_of_the_wrong_shape_is_logged()
        {
            using var repo = new TempRepository();
            await using var client = new LspTestClient(repo.Root);
            client.Initialize();
            client.Notify("textDocument/didOpen", new JsonObject { ["textDocument"] = 42 });
            client.WaitFor(m => IsLog(m, 1, "textDocument/didOpen:"), "a log of the bad didOpen");
            AssertStillServing(client);
        }

        [Fact]
        public async Task A_10_MB_document_is_taken_and_reported_too_large_and_the_session_goes_on()
        {
            using var repo = new TempRepository();
            await using var client = new LspTestClient(repo.Root);
            client.Initialize();
            const string packet = "docs/task_packets/WP-1-Storage-Layer.md";
            client.Diagnostics("docs/task_packets/WP-1-Job-Cancel.md");
            client.Open(packet, repo.Read(packet) + new string('x', 10 * 1024 * 1024));
            var codes = client.Diagnostics(packet).GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToList();
            Assert.Equal(new[] { "GOV002" }, codes);
            AssertStillServing(client);
        }

        [Fact]
        public async Task A_client_that_goes_away_without_exit_ends_the_server_with_code_1()
        {
            using var repo = new TempRepository();
            await using var client = new LspTestClient(repo.Root);
            client.Initialize();
            client.CloseInput();
            var finished = await Task.WhenAny(client.Run, Task.Delay(10000));
            Assert.Same(client.Run, finished);
            Assert.Equal(1, await client.Run);
        }

        [Fact]
        public async Task Exit_ends_the_server_at_once_while_an_analysis_is_under_way()
        {
            // issue 31, L7: exit waited for the running analysis, however long.
            using var repo = new TempRepository();
            using var started = new System.Threading.ManualResetEventSlim();
            await using var client = new LspTestClient(repo.Root);
            client.Server.AnalysisStarting = () =>
            {
                started.Set();
                System.Threading.Thread.Sleep(30_000);
            };
            client.Initialize();
            Assert.True(started.Wait(10_000));
            client.Request("shutdown", null);
            client.Notify("exit", null);
            var finished = await Task.WhenAny(client.Run, Task.Delay(10_000));
            Assert.Same(client.Run, finished);
            Assert.Equal(0, await client.Run);
        }

        [Fact]
        public async Task Exit_after_shutdown_ends_with_0_and_without_it_with_1()
        {
            using var repo = new TempRepository();
            await using (var client = new LspTestClient(repo.Root))
            {
                client.Initialize();
                client.Request("shutdown", null);
                Assert.Equal(-32600, ErrorOf(client.Request("shutdown", null)).GetProperty("code").GetInt32());
                client.Notify("exit", null);
                Assert.Equal(0, await client.Run);
            }

            await using (var client = new LspTestClient(repo.Root))
            {
                client.Initialize();
                client.Notify("exit", null);
                Assert.Equal(1, await client.Run);
            }
        }

        [Fact]
        public async Task Initialize_without_a_workspace_folder_is_refused_with_invalid_params()
        {
            using var repo = new TempRepository();
            await using var client = new LspTestClient(repo.Root);
            var response = client.Request("initialize", new JsonObject { ["processId"] = null, ["capabilities"] = new JsonObject() });
            Assert.Equal(-32602, ErrorOf(response).GetProperty("code").GetInt32());
            Assert.Equal("initialize: no workspace folder (rootUri, workspaceFolders or rootPath)", ErrorOf(response).GetProperty("message").GetString());
            client.Initialize();
            AssertStillServing(client);
        }
    }
}
