using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Orchestrator.Governance.Testing;
using Xunit;

namespace Orchestrator.Governance.Mcp.Tests
{
    /// <summary>
    /// Requests whose params do not have the MCP schema's shape, and lines that are not JSON-RPC messages, written as
    /// raw lines to the server's stdin (no SDK client sends them): each is answered with JSON-RPC's -32602, -32700 or
    /// -32600 and a message naming what is wrong, and the server goes on to answer the next request.
    /// </summary>
    public sealed class MalformedRequestTests : IDisposable
    {
        private readonly TempRepository _repo = new TempRepository();

        public void Dispose() => _repo.Dispose();

        [Fact]
        public void A_malformed_request_gets_invalid_params_with_what_is_wrong_and_the_server_goes_on()
        {
            var answers = Session(
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"check\",\"arguments\":\"docs\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":\"check\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":42}}",
                "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"arguments\":{}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"resources/read\",\"params\":{\"uri\":[\"governance://board\"]}}",
                "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/list\",\"params\":[1]}",
                "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"tools/list\",\"params\":{\"_meta\":\"x\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"tools/call\",\"params\":{\"name\":\"check\",\"_meta\":{\"progressToken\":[1]}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"explain_rule\",\"arguments\":{\"rule\":\"GOV107\"}}}");

            AssertInvalidParams(answers[0], 2, "the 'arguments' of tools/call must be an object (argument names to values), not the string 'docs'");
            AssertInvalidParams(answers[1], 3, "the params of tools/call must be an object, not the string 'check'");
            AssertInvalidParams(answers[2], 4, "the 'name' of tools/call must be a string, not the number 42");
            AssertInvalidParams(answers[3], 5, "tools/call needs 'name', the tool's name (a string)");
            AssertInvalidParams(answers[4], 6, "tools/call needs params (an object)");
            AssertInvalidParams(answers[5], 7, "the 'uri' of resources/read must be a string, not an array");
            AssertInvalidParams(answers[6], 8, "the params of tools/list must be an object, not an array");

            AssertInvalidParams(answers[7], 10, "the '_meta' of tools/list must be an object, not the string 'x'");
            AssertInvalidParams(answers[8], 11, "the '_meta.progressToken' of tools/call must be a string or an integer (no fraction or exponent, within 64 bits), not an array");

            using var last = JsonDocument.Parse(answers[9]);
            Assert.Equal(9, last.RootElement.GetProperty("id").GetInt32());
            Assert.Equal("GOV107", last.RootElement.GetProperty("result").GetProperty("structuredContent").GetProperty("rule").GetString());
        }

        [Fact]
        public void A_line_that_is_not_a_JSON_RPC_message_gets_a_parse_or_invalid_request_error_and_the_server_goes_on()
        {
            var notUtf8 = Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"x\"}");
            notUtf8[notUtf8.Length - 3] = 0xC3;
            var answers = Session(
                Encoding.UTF8.GetBytes("Content-Length: 52"),
                Encoding.UTF8.GetBytes("[{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}]"),
                Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\""),
                Encoding.UTF8.GetBytes("{\"id\":4,\"method\":\"ping\"}"),
                notUtf8,
                Encoding.UTF8.GetBytes("{\"\\ud800\":1,\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"ping\"}"),
                Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}"),
                Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\r\"id\":6,\"method\":\"ping\"}"));

            AssertError(answers[0], null, -32700, "Parse error: the line is not JSON at offset 0: 'C' is an invalid start of a value");
            AssertError(answers[1], null, -32600, "Invalid request: a message is a JSON object, not an array (MCP 2025-06-18 sends no batches)");
            AssertError(answers[2], null, -32700, "Parse error: the line is not JSON at offset 39: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed");
            AssertError(answers[3], null, -32600, "Invalid request: a message says \"jsonrpc\": \"2.0\"");
            AssertError(answers[4], null, -32700, "Parse error: the line is not UTF-8 (byte 0xC3 at offset 34)");
            AssertError(answers[5], null, -32700, "Parse error: the string at offset 1 escapes a lone surrogate, which is not Unicode text");
            AssertError(answers[6], null, -32600, "Invalid request: the 'id' must be a string or an integer, not the number 1.5");
            using var last = JsonDocument.Parse(answers[7]);
            Assert.Equal(6, last.RootElement.GetProperty("id").GetInt32());
            Assert.Equal(JsonValueKind.Object, last.RootElement.GetProperty("result").ValueKind);
        }

        private static void AssertInvalidParams(string answer, int id, string message) => AssertError(answer, id, -32602, message);

        private static void AssertError(string answer, int? id, int code, string message)
        {
            using var json = JsonDocument.Parse(answer);
            if (id == null) Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("id").ValueKind);
            else Assert.Equal(id, json.RootElement.GetProperty("id").GetInt32());
            var error = json.RootElement.GetProperty("error");
            Assert.Equal(code, error.GetProperty("code").GetInt32());
            Assert.Equal(message, error.GetProperty("message").GetString());
        }

        private List<string> Session(params string[] requests) => Session(Array.ConvertAll(requests, r => Encoding.UTF8.GetBytes(r)));

        /// <summary>Initializes a server on the example repository, then sends each line (its bytes as they are) and reads its answer.</summary>
        private List<string> Session(params byte[][] requests)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
            };
            foreach (var a in new[] { TestPaths.GovernanceDll(), "mcp", _repo.Root, "--today", "2026-12-01" }) start.ArgumentList.Add(a);
            start.Environment["DOTNET_ROLL_FORWARD"] = "Major";
            using var process = Process.Start(start)!;
            _ = process.StandardError.ReadToEndAsync();
            try
            {
                Send(process, Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}"));
                Assert.Contains("\"protocolVersion\":\"2025-06-18\"", Receive(process));
                Send(process, Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
                var answers = new List<string>();
                foreach (var request in requests)
                {
                    Send(process, request);
                    answers.Add(Receive(process));
                }

                return answers;
            }
            finally
            {
                process.Kill(entireProcessTree: true);
            }
        }

        private static void Send(Process process, byte[] line)
        {
            var stdin = process.StandardInput.BaseStream;
            stdin.Write(line);
            stdin.WriteByte((byte)'\n');
            stdin.Flush();
        }

        private static string Receive(Process process)
        {
            var line = process.StandardOutput.ReadLineAsync();
            Assert.True(line.Wait(TimeSpan.FromSeconds(60)), "the server did not answer");
            return line.Result ?? throw new InvalidOperationException("the server closed its output");
        }
    }
}
