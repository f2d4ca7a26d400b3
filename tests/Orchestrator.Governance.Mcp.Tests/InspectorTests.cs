using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Orchestrator.Governance.Testing;
using Xunit;

namespace Orchestrator.Governance.Mcp.Tests
{
    /// <summary>
    /// <c>governance mcp</c> driven by a second client nobody here wrote: the MCP Inspector's
    /// command-line mode (npm @modelcontextprotocol/inspector 0.14.3, the last release that runs on
    /// Node 20; inspector/package-lock.json), which starts the server, initializes, makes one
    /// request and prints the result. Its packages are installed (<c>npm ci</c>) when
    /// inspector/node_modules is missing; .ci/run installs them first.
    /// </summary>
    public sealed class InspectorTests
    {
        private static (int Code, string Output, string Error) Run(string file, string folder, params string[] arguments)
        {
            var start = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in arguments) start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(300_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{file} {string.Join(" ", arguments)} did not finish in 5 minutes");
            }

            return (process.ExitCode, stdout, stderr.Result);
        }

        private static JsonElement Inspect(string inspector, string dll, string repo, params string[] request)
        {
            var (code, output, error) = Run("node", inspector, new[] { "node_modules/.bin/mcp-inspector", "--cli", "dotnet", dll, "mcp", repo }.Concat(request).ToArray());
            Assert.True(code == 0, $"mcp-inspector {string.Join(" ", request)} failed ({code}):\n{output}\n{error}");
            return JsonDocument.Parse(output).RootElement;
        }

        [Fact]
        public void The_MCP_Inspector_lists_the_tools_and_calls_each_one()
        {
            string root = TestPaths.RepositoryRoot();
            string inspector = Path.Combine(root, "tests", "Orchestrator.Governance.Mcp.Tests", "inspector");
            if (!Directory.Exists(Path.Combine(inspector, "node_modules")))
            {
                var install = Run("npm", inspector, "ci", "--no-audit", "--no-fund");
                Assert.True(install.Code == 0, "npm ci failed:\n" + install.Output + install.Error);
            }

            string dll = TestPaths.GovernanceDll();
            using var repo = new TempRepository();

            var tools = Inspect(inspector, dll, repo.Root, "--method", "tools/list");
            Assert.Equal(new[] { "check", "explain_rule", "spec_section", "packet", "scope_check", "ready_to_close", "apply_fix" }, tools.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()));

            var check = Inspect(inspector, dll, repo.Root, "--method", "tools/call", "--tool-name", "check", "--tool-arg", "paths=[\"docs/task_packets/WP-1-Job-Retry.md\"]");
            var diagnostics = check.GetProperty("structuredContent").GetProperty("diagnostics");
            Assert.Equal(
                new[] { "GOV105 4:12 TASK_ID 'WP-1-Job-Cancel' does not match the file name 'WP-1-Job-Retry'", "GOV106 4:12 TASK_ID 'WP-1-Job-Cancel' is also declared in docs/task_packets/WP-1-Job-Cancel.md" },
                diagnostics.EnumerateArray().Select(d => $"{d.GetProperty("rule").GetString()} {d.GetProperty("line").GetInt32()}:{d.GetProperty("column").GetInt32()} {d.GetProperty("message").GetString()}"));

            var section = Inspect(inspector, dll, repo.Root, "--method", "tools/call", "--tool-name", "spec_section", "--tool-arg", "query=2.3.12.3");
            Assert.Equal("Storage API Abstraction Pattern [CX-DBP-021]", section.GetProperty("structuredContent").GetProperty("sections")[0].GetProperty("title").GetString());

            var rule = Inspect(inspector, dll, repo.Root, "--method", "tools/call", "--tool-name", "explain_rule", "--tool-arg", "rule=GOV107").GetProperty("structuredContent");
            Assert.Equal("GOV107 error", $"{rule.GetProperty("rule").GetString()} {rule.GetProperty("defaultSeverity").GetString()}");

            var packet = Inspect(inspector, dll, repo.Root, "--method", "tools/call", "--tool-name", "packet", "--tool-arg", "id=WP-1-Storage-Layer").GetProperty("structuredContent");
            Assert.Equal("docs/task_packets/WP-1-Storage-Layer.md Ready-for-Dev 9", $"{packet.GetProperty("file").GetString()} {packet.GetProperty("status").GetString()} {packet.GetProperty("statusLine").GetInt32()}");

            var scope = Inspect(inspector, dll, repo.Root, "--method", "tools/call", "--tool-name", "scope_check", "--tool-arg", "id=WP-1-Storage-Layer", "--tool-arg", "files=[\"src/storage/mod.rs\",\"src/ui/app.tsx\"]").GetProperty("structuredContent");
            Assert.Equal(new[] { "src/storage/mod.rs inScope", "src/ui/app.tsx outside" }, scope.GetProperty("files").EnumerateArray().Select(f => $"{f.GetProperty("file").GetString()} {f.GetProperty("verdict").GetString()}"));

            var close = Inspect(inspector, dll, repo.Root, "--method", "tools/call", "--tool-name", "ready_to_close", "--tool-arg", "id=WP-1-Storage-Layer", "--tool-arg", "target=Done").GetProperty("structuredContent");
            Assert.False(close.GetProperty("ready").GetBoolean());
            var transition = close.GetProperty("gates")[0];
            Assert.Equal("transition False 'Ready-for-Dev' may move to 'In-Progress', 'Blocked', not to 'Done' (taskPacket.statusTransitions)",
                $"{transition.GetProperty("gate").GetString()} {transition.GetProperty("passed").GetBoolean()} {transition.GetProperty("reason").GetString()}");

            string cancel = Path.Combine(repo.Root, "docs/task_packets/WP-1-Job-Cancel.md");
            string before = File.ReadAllText(cancel);
            var fix = Inspect(inspector, dll, repo.Root, "--method", "tools/call", "--tool-name", "apply_fix", "--tool-arg", "rule=GOV108", "--tool-arg", "file=docs/task_packets/WP-1-Job-Cancel.md",
                "--tool-arg", "line=5", "--tool-arg", "column=9", "--tool-arg", "fix=Suppress GOV108 on this line", "--tool-arg", "dryRun=true").GetProperty("structuredContent");
            Assert.False(fix.GetProperty("written").GetBoolean());
            Assert.Contains("\n+<!-- governance-disable-next-line GOV108 -->\n", fix.GetProperty("diff").GetString());
            Assert.Equal(before, File.ReadAllText(cancel));

            var unknown = Inspect(inspector, dll, repo.Root, "--method", "tools/call", "--tool-name", "packet", "--tool-arg", "id=WP-9");
            Assert.True(unknown.GetProperty("isError").GetBoolean());
            Assert.Equal("no task packet has the WP ID 'WP-9' (3 packets read; the check tool lists their files)", unknown.GetProperty("content")[0].GetProperty("text").GetString());
        }
    }
}
