using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Orchestrator.Governance.EndToEnd.Tests
{
    /// <summary>
    /// action.yml, the composite GitHub Action (issue 34), run step by step as the runner would on
    /// this machine: each `run` step in bash with its `env` (the inputs put in), RUNNER_TEMP and
    /// GITHUB_PATH as the runner sets them, a path a step appends to GITHUB_PATH on the next steps'
    /// PATH; the `uses` steps (setup-dotnet, the SARIF upload) are GitHub's and are only named. The
    /// tool is installed from the test's package feed (the action's `source` input).
    /// </summary>
    [Collection(PackageCollection.Name)]
    public class GitHubActionTests
    {
        private readonly PackageFeed _feed;

        public GitHubActionTests(PackageFeed feed) => _feed = feed;

        [UnixFact]
        public void The_action_installs_the_tool_annotates_the_findings_fails_the_check_step_and_writes_SARIF()
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Dotnet.RepositoryRoot(), "action.yml"))));
            var root = (YamlMappingNode)yaml.Documents[0].RootNode;
            var defaults = ((YamlMappingNode)root["inputs"]).Children.ToDictionary(
                e => ((YamlScalarNode)e.Key).Value!,
                e => ((YamlMappingNode)e.Value).Children.TryGetValue(new YamlScalarNode("default"), out var d) ? ((YamlScalarNode)d).Value ?? string.Empty : string.Empty);
            var runs = (YamlMappingNode)root["runs"];
            Assert.Equal("composite", ((YamlScalarNode)runs["using"]).Value);
            var steps = ((YamlSequenceNode)runs["steps"]).Children.Cast<YamlMappingNode>().ToList();
            Assert.Equal(new[] { "actions/setup-dotnet@v4", "github/codeql-action/upload-sarif@v3" },
                steps.Where(s => s.Children.ContainsKey(new YamlScalarNode("uses"))).Select(s => ((YamlScalarNode)s["uses"]).Value));

            string consumer = _feed.NewConsumer("action");
            var inputs = new Dictionary<string, string>(defaults) { ["path"] = consumer, ["version"] = _feed.Version, ["source"] = _feed.Feed };
            string temp = Path.Combine(_feed.Root, "runner-temp");
            Directory.CreateDirectory(temp);
            string githubPath = Path.Combine(temp, "github-path");
            File.WriteAllText(githubPath, string.Empty);
            string path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;

            var exits = new List<(string Name, int Exit, string Output)>();
            foreach (var step in steps.Where(s => s.Children.ContainsKey(new YamlScalarNode("run"))))
            {
                string name = ((YamlScalarNode)step["name"]).Value!;
                if (step.Children.TryGetValue(new YamlScalarNode("if"), out var condition))
                    Assert.Equal("always() && inputs.sarif == 'true'", ((YamlScalarNode)condition).Value); // runs after a failed check, when SARIF is asked for
                var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = consumer };
                start.ArgumentList.Add("-e");
                start.ArgumentList.Add("-c");
                start.ArgumentList.Add(((YamlScalarNode)step["run"]).Value!);
                start.Environment["RUNNER_TEMP"] = temp;
                start.Environment["GITHUB_PATH"] = githubPath;
                start.Environment["NUGET_PACKAGES"] = Path.Combine(_feed.Root, "packages-action");
                start.Environment["PATH"] = string.Join(":", File.ReadAllLines(githubPath).Where(l => l.Length > 0).Reverse()) + ":" + path;
                if (step.Children.TryGetValue(new YamlScalarNode("env"), out var env))
                {
                    foreach (var e in ((YamlMappingNode)env).Children)
                        start.Environment[((YamlScalarNode)e.Key).Value!] = Regex.Replace(((YamlScalarNode)e.Value).Value!, @"\$\{\{\s*inputs\.([a-z-]+)\s*\}\}", m => inputs[m.Groups[1].Value]);
                }

                using var process = Process.Start(start)!;
                var error = process.StandardError.ReadToEndAsync();
                string output = process.StandardOutput.ReadToEnd();
                Assert.True(process.WaitForExit(300_000), name + " did not end");
                exits.Add((name, process.ExitCode, output + error.Result));
            }

            Assert.Equal(new[] { "Install the governance tool", "Check governance", "Write SARIF" }, exits.Select(e => e.Name));
            Assert.True(exits[0].Exit == 0, exits[0].Output);
            // The example's ten errors: annotations, and the check step fails.
            Assert.Equal(1, exits[1].Exit);
            Assert.Contains("::error file=docs/task_packets/WP-1-Job-Cancel.md,line=9,col=11,endLine=9,endColumn=22,title=GOV107::STATUS 'Almost done' is not an allowed value", exits[1].Output);
            Assert.Equal(10, exits[1].Output.Split('\n').Count(l => l.StartsWith("::error ", StringComparison.Ordinal)));
            // SARIF is written though the check failed, and the step passes (findings are the check step's).
            Assert.True(exits[2].Exit == 0, exits[2].Output);
            using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp, "governance.sarif")));
            Assert.Equal(10, sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
        }
    }
}
