using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using Orchestrator.Governance.Testing;
using Xunit;

namespace Orchestrator.Governance.LanguageServer.Tests
{
    /// <summary>
    /// The server as a process, driven by clients nobody here wrote, over the real stdin and stdout of
    /// <c>dotnet governance.dll lsp</c>: Neovim's built-in client (headless, neovim/client.lua; Neovim
    /// must be installed, as .ci/run does with apt-get), and editors/vscode/test/server.test.mjs with
    /// vscode-languageserver-protocol's connection (the one vscode-languageclient is built on); its npm
    /// packages are installed (<c>npm ci</c>, from package-lock.json) when editors/vscode has none yet.
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

        /// <summary>
        /// Runs an editor's script as the LSP client of `dotnet governance.dll lsp` on <paramref name="repo"/>
        /// (GOVERNANCE_LSP_DLL, REPO and OUT in its environment) and returns the lines it wrote to OUT.
        /// </summary>
        private static string[] Editor(TempRepository repo, string editor, string arguments, string install)
        {
            string configuration = typeof(RealClientTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
            string dll = Path.Combine(RepositoryRoot(), "src", "Orchestrator.Governance.Cli", "bin", configuration, "net8.0", "governance.dll");
            string output = Path.Combine(repo.Root, "..", Path.GetFileName(repo.Root) + "." + editor + ".txt");
            (int Code, string Output) run;
            try
            {
                run = Run(editor, arguments, repo.Root, ("GOVERNANCE_LSP_DLL", dll), ("REPO", repo.Root), ("OUT", output));
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException($"{editor} is not installed ({install}; .ci/run installs it)", e);
            }

            Assert.True(run.Code == 0 && File.Exists(output), editor + " failed:\n" + run.Output);
            var lines = File.ReadAllLines(output);
            File.Delete(output);
            return lines;
        }

        [Fact]
        public void Neovims_builtin_client_sees_diagnostics_follow_an_edit_and_gets_hover_and_definition()
        {
            using var repo = new TempRepository();
            var lines = Editor(repo, "nvim", $"--headless -u NONE -c \"luafile {Path.Combine(AppContext.BaseDirectory, "neovim", "client.lua")}\"", "apt-get install neovim");
            Assert.Equal(
                new[]
                {
                    "cancel GOV106 3:11-3:26 s1 TASK_ID 'WP-1-Job-Cancel' is also declared in docs/task_packets/WP-1-Job-Retry.md",
                    "cancel GOV108 4:8-4:18 s1 DATE '21/12/2025' is not an ISO 8601 date or timestamp (e.g. 2025-12-26 or 2025-12-26T14:30:00Z)",
                    "cancel GOV107 8:10-8:21 s1 STATUS 'Almost done' is not an allowed value (allowed: Ready-for-Dev, In-Progress, Blocked, Done, Validated)",
                },
                lines.Take(3));
            Assert.Equal(8, lines.Count(l => l.StartsWith("cancel ", StringComparison.Ordinal)));
            Assert.Equal(
                new[]
                {
                    "typed GOV107 8:10-8:16 s1 STATUS 'Nearly' is not an allowed value (allowed: Ready-for-Dev, In-Progress, Blocked, Done, Validated)",
                    "fixed 0",
                    "hover **§2.3.12.3 Storage API Abstraction Pattern [CX-DBP-021]**  ",
                    $"definition {{ range = {{ end = {{ character = 58, line = 19 }}, start = {{ character = 5, line = 19 }} }}, uri = \"{new Uri(Path.Combine(repo.Root, "Example_Master_Spec_v01.2.md")).AbsoluteUri}\" }}",
                },
                lines.Skip(8));
        }

        /// <summary>
        /// Emacs 28 with eglot 1.9 (Debian's emacs-nox and elpa-eglot, as .ci/run installs them), in
        /// batch mode (emacs/client.el): eglot keeps no diagnostics for a file that is not open, so the
        /// second packet opened shows its diagnostics only if the server publishes them on its
        /// didOpen (issue 31, D1; Neovim and VS Code keep them per URI and hid it).
        /// </summary>
        [Fact]
        public void Emacs_eglot_sees_the_diagnostics_of_each_packet_opened_one_after_the_other()
        {
            using var repo = new TempRepository();
            var lines = Editor(repo, "emacs", $"--batch -Q -l \"{Path.Combine(AppContext.BaseDirectory, "emacs", "client.el")}\"", "apt-get install emacs-nox elpa-eglot");
            Assert.Equal("cancel 9 governance [GOV107]: STATUS 'Almost done' is not an allowed value (allowed: Ready-for-Dev, In-Progress, Blocked, Done, Validated)", lines[2]);
            Assert.Equal("cancel count 8", lines[8]);
            Assert.Equal(
                new[]
                {
                    "retry 4 governance [GOV106]: TASK_ID 'WP-1-Job-Cancel' is also declared in docs/task_packets/WP-1-Job-Cancel.md",
                    "retry 4 governance [GOV105]: TASK_ID 'WP-1-Job-Cancel' does not match the file name 'WP-1-Job-Retry'",
                    "retry count 2",
                },
                lines.Skip(9));
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
