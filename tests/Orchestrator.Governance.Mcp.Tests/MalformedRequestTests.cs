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
    /// Requests whose params do not have the MCP schema's shape, written as raw lines to the server's stdin (no SDK
    /// client sends them): each is answered with JSON-RPC's -32602 and a message naming what is wrong, and the server
    /// goes on to answer the next request.
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
                "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"explain_rule\",\"arguments\":{\"rule\":\"GOV107\"}}}");

            AssertInvalidParams(answers[0], 2, "the 'arguments' of tools/call must be an object (argument names to values), not the string 'docs'");
            AssertInvalidParams(answers[1], 3, "the params of tools/call must be an object, not the string 'check'");
            AssertInvalidParams(answers[2], 4, "the 'name' of tools/call must be a string, not the number 42");
            AssertInvalidParams(answers[3], 5, "tools/call needs 'name', the tool's name (a string)");
            AssertInvalidParams(answers[4], 6, "tools/call needs params (an object)");
            AssertInvalidParams(answers[5], 7, "the 'uri' of resources/read must be a string, not an array");
            AssertInvalidParams(answers[6], 8, "the params of tools/list must be an object, not an array");

            using var last = JsonDocument.Parse(answers[7]);
            Assert.Equal(9, last.RootElement.GetProperty("id").GetInt32());
            Assert.Equal("GOV107", last.RootElement.GetProperty("result").GetProperty("structuredContent").GetProperty("rule").GetString());
        }

        private static void AssertInvalidParams(string answer, int id, string message)
        {
            using var json = JsonDocument.Parse(answer);
            Assert.Equal(id, json.RootElement.GetProperty("id").GetInt32());
            var error = json.RootElement.GetProperty("error");
            Assert.Equal(-32602, error.GetProperty("code").GetInt32());
            Assert.Equal(message, error.GetProperty("message").GetString());
        }

        /// <summary>Initializes a server on the example repository, then sends each request and reads its answer.</summary>
        private List<string> Session(params string[] requests)
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
                Send(process, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
                Assert.Contains("\"protocolVersion\":\"2025-06-18\"", Receive(process));
                process.StandardInput.WriteLine("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
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

        private static void Send(Process process, string line)
        {
            process.StandardInput.WriteLine(line);
            process.StandardInput.Flush();
        }

        private static string Receive(Process process)
        {
            var line = process.StandardOutput.ReadLineAsync();
            Assert.True(line.Wait(TimeSpan.FromSeconds(60)), "the server did not answer");
            return line.Result ?? throw new InvalidOperationException("the server closed its output");
        }
    }
}
