using System;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using Xunit;

namespace Orchestrator.Governance.LanguageServer.Tests
{
    /// <summary>
    /// The server as a process, driven by a client nobody here wrote: editors/vscode/test/server.test.mjs
    /// uses vscode-languageserver-protocol's connection (the one vscode-languageclient is built on) over
    /// the real stdin and stdout of <c>dotnet governance.dll lsp --stdio</c>. npm packages are installed
    /// (<c>npm ci</c>, from package-lock.json) when editors/vscode has none yet.
    /// </summary>
    public sealed class RealClientTests
    {
        private static string RepositoryRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Orchestrator.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Orchestrator.sln not found above " + AppContext.BaseDirectory);
        }

        private static (int Code, string Output) Run(string file, string arguments, string folder, params (string Name, string Value)[] environment)
        {
            var start = new ProcessStartInfo(file, arguments)
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var (name, value) in environment) start.Environment[name] = value;
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(300_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{file} {arguments} did not finish in 5 minutes");
            }

            return (process.ExitCode, stdout + stderr.Result);
        }

        [Fact]
        public void The_vscode_languageserver_protocol_client_sees_diagnostics_appear_and_clear_over_stdio()
        {
            string root = RepositoryRoot();
            string extension = Path.Combine(root, "editors", "vscode");
            if (!Directory.Exists(Path.Combine(extension, "node_modules", "vscode-languageserver-protocol")))
            {
                var install = Run("npm", "ci --no-audit --no-fund", extension);
                Assert.True(install.Code == 0, "npm ci failed:\n" + install.Output);
            }

            string configuration = typeof(RealClientTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
            string dll = Path.Combine(root, "src", "Orchestrator.Governance.Cli", "bin", configuration, "net8.0", "governance.dll");
            Assert.True(File.Exists(dll), dll + " is not built");
            var test = Run("node", "--test test/", extension, ("GOVERNANCE_LSP_DLL", dll), ("GOVERNANCE_FIXTURE", Path.Combine(root, "examples", "governed-repo")));
            Assert.True(test.Code == 0, "node --test failed:\n" + test.Output);
            Assert.Contains("# pass 1", test.Output);
            Assert.Contains("# fail 0", test.Output);
            Assert.Contains("# skipped 0", test.Output);
        }
    }
}
