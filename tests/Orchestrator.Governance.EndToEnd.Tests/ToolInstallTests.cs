using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Xunit;

namespace Orchestrator.Governance.EndToEnd.Tests
{
    /// <summary>The CLI as a dotnet tool, installed from the folder feed as a user installs it.</summary>
    [Collection(PackageCollection.Name)]
    public class ToolInstallTests
    {
        private readonly PackageFeed _feed;

        public ToolInstallTests(PackageFeed feed) => _feed = feed;

        [Fact]
        public void The_tool_installs_from_a_feed_runs_governance_check_and_asks_for_NET_8_or_later()
        {
            string tools = Path.Combine(_feed.Root, "tools");
            var env = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_feed.Root, "packages-tool") };
            var (installExit, install) = Dotnet.Run(_feed.Root, env,
                "tool", "install", "Orchestrator.Governance.Cli", "--version", _feed.Version, "--tool-path", tools, "--add-source", _feed.Feed);
            Assert.True(installExit == 0, install);

            string consumer = _feed.NewConsumer("tool");
            string exe = Path.Combine(tools, System.OperatingSystem.IsWindows() ? "governance.exe" : "governance");
            Assert.True(File.Exists(exe), install);
            var start = new System.Diagnostics.ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("check");
            start.ArgumentList.Add(consumer);
            using var process = System.Diagnostics.Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(1, process.ExitCode);
            Assert.Contains("docs/task_packets/WP-1-Job-Cancel.md(9,11): error GOV107: STATUS 'Almost done' is not an allowed value", output);
            Assert.Contains("3 task packet(s) checked: 10 error(s), 0 warning(s).", output);

            // This machine has only the .NET 10 runtime: the tool runs on it by rolling forward from
            // .NET 8, which its runtimeconfig names as the least it needs.
            string config = Directory.GetFiles(Path.Combine(tools, ".store"), "governance.runtimeconfig.json", SearchOption.AllDirectories)[0];
            using var json = JsonDocument.Parse(File.ReadAllText(config));
            var options = json.RootElement.GetProperty("runtimeOptions");
            Assert.Equal("net8.0", options.GetProperty("tfm").GetString());
            Assert.Equal("Major", options.GetProperty("rollForward").GetString());
        }
    }
}
