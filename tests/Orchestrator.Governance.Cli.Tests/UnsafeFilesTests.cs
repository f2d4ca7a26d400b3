using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Tasks;
using Orchestrator.Governance.Cli;
using Orchestrator.Governance.Hosting;
using Xunit;

namespace Orchestrator.Governance.Cli.Tests
{
    /// <summary>Runs only where symbolic links, FIFOs and /proc/self are what they are on Linux.</summary>
    public sealed class UnixFactAttribute : FactAttribute
    {
        public UnixFactAttribute()
        {
            if (OperatingSystem.IsWindows()) Skip = "symbolic links, FIFOs and sockets need a Unix file system";
        }
    }

    /// <summary>
    /// A contributor's change, checked as CI would: links out of the repository, links that loop,
    /// FIFOs and sockets named like documents. The check reads none of them, ends, and reports
    /// each as GOV002 at its path; the rest of the repository is checked as before.
    /// </summary>
    public sealed class UnsafeFilesTests : IDisposable
    {
        private const string Secret = "SECRET-TOKEN-123";
        private const string Packets = "docs/task_packets/";
        private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
        private readonly string _parent = Path.Combine(Path.GetTempPath(), "orchestrator-unsafe-" + Guid.NewGuid().ToString("N").Substring(0, 12));
        private readonly string _repo;

        public UnsafeFilesTests()
        {
            // parent/repo: a copy of the example's documents; parent/outside/secret.md: a file the runner can read.
            _repo = Path.Combine(_parent, "repo");
            string source = Path.Combine(AppContext.BaseDirectory, "repo");
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                string target = Path.Combine(_repo, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            Directory.CreateDirectory(Path.Combine(_parent, "outside"));
            File.WriteAllText(Path.Combine(_parent, "outside", "secret.md"), "# Task Packet: WP-1-Leak\n\n## Metadata\n- STATUS: " + Secret + "\n");
        }

        public void Dispose() => Directory.Delete(_parent, recursive: true);

        private string At(string relative) => Path.Combine(_repo, relative);

        /// <summary>The check, on a thread of its own: a check that hangs fails the test instead of hanging it.</summary>
        private (int Exit, string Out, string Err) Run(params string[] args)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var check = Task.Run(() => Program.Run(args, stdout, stderr));
            if (!check.Wait(Limit))
            {
                ReleaseFifos();
                Assert.Fail($"governance {string.Join(' ', args)} did not finish in {Limit.TotalSeconds} s (a FIFO opened?)");
            }

            return (check.Result, stdout.ToString(), stderr.ToString());
        }

        /// <summary>A check blocked reading a FIFO gets its end of file when a writer opens and closes it.</summary>
        private void ReleaseFifos()
        {
            foreach (var fifo in Directory.GetFiles(_repo, "*Fifo*", SearchOption.AllDirectories))
                Task.Run(() => new FileStream(fifo, FileMode.Open, FileAccess.Write).Dispose()).Wait(TimeSpan.FromSeconds(5));
        }

        private static void MakeFifo(string path)
        {
            using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", path) { UseShellExecute = false })!;
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        [UnixFact]
        public void A_packet_linked_to_a_file_outside_the_repository_is_GOV002_and_its_text_is_never_printed()
        {
            File.CreateSymbolicLink(At(Packets + "WP-1-Leak.md"), "../../../outside/secret.md");
            Assert.Contains(Secret, File.ReadAllText(At(Packets + "WP-1-Leak.md"))); // the link does lead to the secret

            var text = Run("check", _repo);
            Assert.Equal(1, text.Exit);
            Assert.Equal(string.Empty, text.Err);
            var lines = text.Out.Split('\n');
            Assert.Contains(Packets + "WP-1-Leak.md(1,1): error GOV002: Document skipped: is a symbolic link to a file outside the repository; not read", lines);
            Assert.Single(lines, l => l.StartsWith(Packets + "WP-1-Leak.md", StringComparison.Ordinal));
            // The example's own findings are all still there.
            Assert.Contains(Packets + "WP-1-Job-Cancel.md(9,11): error GOV107: STATUS 'Almost done' is not an allowed value (allowed: Ready-for-Dev, In-Progress, Blocked, Done, Validated)", lines);
            Assert.Contains("3 task packet(s) checked: 10 error(s), 1 warning(s).", lines);

            var json = Run("check", _repo, "--format", "json");
            var sarif = Run("check", _repo, "--format", "sarif");
            foreach (var output in new[] { text.Out, json.Out, sarif.Out }) Assert.DoesNotContain(Secret, output);

            using var report = JsonDocument.Parse(json.Out);
            var gov002 = report.RootElement.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "GOV002");
            Assert.Equal(Packets + "WP-1-Leak.md", gov002.GetProperty("path").GetString());
            Assert.Equal((1, 1), (gov002.GetProperty("line").GetInt32(), gov002.GetProperty("column").GetInt32()));
            Assert.Equal("is a symbolic link to a file outside the repository; not read", gov002.GetProperty("arguments")[0].GetString());

            using var log = JsonDocument.Parse(sarif.Out);
            var result = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "GOV002");
            Assert.Equal(Packets + "WP-1-Leak.md", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        }

        [UnixFact]
        public void Folder_links_to_the_parent_and_to_proc_self_end_the_walk_and_change_nothing()
        {
            var before = Run("check", _repo);
            File.CreateSymbolicLink(At("docs/loop"), "..");
            File.CreateSymbolicLink(At("docs/proc"), "/proc/self");
            Directory.CreateSymbolicLink(At(Packets + "again"), ".");

            var after = Run("check", _repo);
            Assert.Equal(string.Empty, after.Err);
            Assert.Equal(1, after.Exit);
            Assert.Equal(before.Out, after.Out); // same diagnostics, none through the links
            Assert.Contains(Packets + "WP-1-Job-Cancel.md(5,9): error GOV108: DATE '21/12/2025' is not an ISO 8601 date or timestamp (e.g. 2025-12-26 or 2025-12-26T14:30:00Z)", after.Out.Split('\n'));

            // Folder links are neither followed nor listed.
            var tree = RepositoryTree.Walk(_repo);
            Assert.DoesNotContain(tree.Files, f => f.StartsWith("docs/loop", StringComparison.Ordinal) || f.StartsWith("docs/proc", StringComparison.Ordinal) || f.Contains("/again", StringComparison.Ordinal));
            Assert.Empty(tree.Refused);
        }

        [UnixFact]
        public void Baseline_and_lock_never_write_through_a_link_out_of_the_repository_nor_into_a_FIFO()
        {
            string outside = Path.Combine(_parent, "outside", "secret.md");
            string before = File.ReadAllText(outside);
            File.CreateSymbolicLink(At("governance.baseline.json"), "../outside/secret.md");
            var (exit, output, error) = Run("baseline", _repo);
            Assert.Equal((2, string.Empty), (exit, output));
            Assert.Equal("governance: will not write governance.baseline.json: it is a symbolic link to a file outside the repository; remove it first\n", error);
            Assert.Equal(before, File.ReadAllText(outside));

            File.CreateSymbolicLink(At("governance.lock.json"), "../outside/secret.md");
            (exit, output, error) = Run("lock", _repo);
            Assert.Equal((2, string.Empty), (exit, output));
            Assert.Equal("governance: will not write governance.lock.json: it is a symbolic link to a file outside the repository; remove it first\n", error);
            Assert.Equal(before, File.ReadAllText(outside));

            File.Delete(At("governance.baseline.json"));
            MakeFifo(At("governance.baseline.json"));
            (exit, output, error) = Run("baseline", _repo);
            Assert.Equal((2, string.Empty), (exit, output));
            Assert.Equal("governance: will not write governance.baseline.json: it is a FIFO, not a regular file; remove it first\n", error);

            // A link to a file inside the repository is not written through either (issue 31, L3: a
            // baseline linked to .github/workflows/ci.yml overwrote the workflow).
            File.Delete(At("governance.baseline.json"));
            Directory.CreateDirectory(At(".github/workflows"));
            File.WriteAllText(At(".github/workflows/ci.yml"), "on: push\n");
            File.CreateSymbolicLink(At("governance.baseline.json"), ".github/workflows/ci.yml");
            (exit, output, error) = Run("baseline", _repo);
            Assert.Equal((2, string.Empty), (exit, output));
            Assert.Equal("governance: cannot write governance.baseline.json: it is a symbolic link; it is not written through (replace the link by a file first)\n", error);
            Assert.Equal("on: push\n", File.ReadAllText(At(".github/workflows/ci.yml")));
            File.Delete(At("governance.lock.json"));
            File.CreateSymbolicLink(At("governance.lock.json"), ".github/workflows/ci.yml");
            (exit, output, error) = Run("lock", _repo);
            Assert.Equal(2, exit);
            Assert.Equal("on: push\n", File.ReadAllText(At(".github/workflows/ci.yml")));
        }

        [UnixFact]
        public void A_spec_module_linked_out_of_the_repository_is_named_in_GOV210_not_silently_left_out()
        {
            string spec = File.ReadAllText(At("Example_Master_Spec_v01.2.md"));
            Directory.CreateDirectory(At("spec"));
            File.WriteAllText(At("spec/01_main.md"), spec);
            File.CreateSymbolicLink(At("spec/02_more.md"), "../../outside/secret.md");
            File.WriteAllText(At("docs/SPEC_CURRENT.md"), "# SPEC_CURRENT\n\nThe current spec is the folder `spec/`.\n");
            var (exit, output, error) = Run("check", _repo);
            Assert.Equal(string.Empty, error);
            Assert.Equal(1, exit);
            Assert.DoesNotContain(Secret, output);
            Assert.Contains("docs/SPEC_CURRENT.md(3,33): error GOV210: Current spec unavailable: 'spec/' could not be used: its module 'spec/02_more.md' is a symbolic link to a file outside the repository; not read", output.Split('\n'));
        }

        [UnixFact]
        public void A_FIFO_and_a_socket_named_like_packets_are_GOV002_and_never_opened()
        {
            MakeFifo(At(Packets + "WP-1-Fifo.md"));
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Bind(new UnixDomainSocketEndPoint(At(Packets + "WP-1-Socket.md")));

            var (exit, output, error) = Run("check", _repo);
            Assert.Equal(string.Empty, error);
            Assert.Equal(1, exit);
            var lines = output.Split('\n');
            Assert.Contains(Packets + "WP-1-Fifo.md(1,1): error GOV002: Document skipped: is a FIFO, not a regular file; not opened", lines);
            Assert.Contains(Packets + "WP-1-Socket.md(1,1): error GOV002: Document skipped: is a socket, not a regular file; not opened", lines);
            Assert.Contains("3 task packet(s) checked: 11 error(s), 1 warning(s).", lines);

            // Neither is a file of the repository for the scope rules.
            var files = RepositoryScanner.RepositoryFiles(RepositoryTree.Walk(_repo));
            Assert.DoesNotContain(Packets + "WP-1-Fifo.md", files);
            Assert.DoesNotContain(Packets + "WP-1-Socket.md", files);
            Assert.Contains(Packets + "WP-1-Storage-Layer.md", files);
        }

        [UnixFact]
        public void A_link_to_a_file_inside_the_repository_is_read_and_listed()
        {
            File.Delete(At(Packets + "WP-1-Job-Cancel.md"));
            File.Delete(At(Packets + "WP-1-Job-Retry.md"));
            File.CreateSymbolicLink(At(Packets + "WP-1-Alias.md"), "WP-1-Storage-Layer.md");

            var (exit, output, _) = Run("check", _repo);
            Assert.Equal(1, exit);
            Assert.Equal(
                Packets + "WP-1-Alias.md(4,12): error GOV105: TASK_ID 'WP-1-Storage-Layer' does not match the file name 'WP-1-Alias'\n" +
                Packets + "WP-1-Alias.md(4,12): error GOV106: TASK_ID 'WP-1-Storage-Layer' is also declared in docs/task_packets/WP-1-Storage-Layer.md\n" +
                Packets + "WP-1-Storage-Layer.md(4,12): error GOV106: TASK_ID 'WP-1-Storage-Layer' is also declared in docs/task_packets/WP-1-Alias.md\n" +
                "2 task packet(s) checked: 3 error(s), 0 warning(s).\n",
                output);
            Assert.Contains(Packets + "WP-1-Alias.md", RepositoryScanner.RepositoryFiles(RepositoryTree.Walk(_repo)));
        }

        [UnixFact]
        public void Links_into_git_nowhere_or_round_in_a_loop_and_a_configuration_from_outside_are_refused()
        {
            Directory.CreateDirectory(At(".git"));
            File.WriteAllText(At(".git/config"), "[http]\n\textraheader = AUTHORIZATION: basic " + Secret + "\n");
            File.CreateSymbolicLink(At(Packets + "WP-1-Git.md"), "../../.git/config");
            File.CreateSymbolicLink(At(Packets + "WP-1-Dangling.md"), "WP-1-Nowhere.md");
            File.CreateSymbolicLink(At(Packets + "WP-1-Loop.md"), "WP-1-Loop.md");
            File.WriteAllText(Path.Combine(_parent, "outside", "governance.yml"), "severity:\n  " + Secret + ": none\n");
            File.CreateSymbolicLink(At("governance.yml"), "../outside/governance.yml");

            var (_, output, error) = Run("check", _repo);
            Assert.Equal(string.Empty, error);
            Assert.DoesNotContain(Secret, output);
            Assert.Equal(new[]
            {
                Packets + "WP-1-Dangling.md(1,1): error GOV002: Document skipped: is a symbolic link to a file that does not exist; not read",
                Packets + "WP-1-Git.md(1,1): error GOV002: Document skipped: is a symbolic link to a file in .git/, which is never read; not read",
                Packets + "WP-1-Loop.md(1,1): error GOV002: Document skipped: is a symbolic link that goes round in a loop; not read",
                "governance.yml(1,1): error GOV002: Document skipped: is a symbolic link to a file outside the repository; not read",
            }, output.Split('\n').Where(l => l.Contains("GOV002", StringComparison.Ordinal)).ToArray());
        }

        [Fact]
        public void An_unexpected_exception_is_one_line_and_exit_code_2()
        {
            var stderr = new StringWriter();
            int exit = Program.Run(new[] { "check", _repo }, new FailingWriter(), stderr);
            Assert.Equal(2, exit);
            Assert.Equal("governance: internal error: System.IO.IOException: No space left on device\n", stderr.ToString().Replace("\r\n", "\n"));
        }

        [Fact]
        public void The_tasks_globs_match_as_MSBuild_globs_do()
        {
            var documents = new GlobSet(new[] { "**/*.md", "governance.y?l", ".agent/state/active_phase.js?n", "docs/idempotency_contracts/*.json" });
            foreach (var path in new[] { "README.md", "docs/task_packets/WP-1-A.md", ".agent/x.md", "governance.yml", ".agent/state/active_phase.json", "docs/idempotency_contracts/p1.json" })
                Assert.True(documents.IsMatch(path), path);
            foreach (var path in new[] { "README.txt", "governance.yaml", "docs/governance.yml", "docs/idempotency_contracts/old/p1.json", "md" })
                Assert.False(documents.IsMatch(path), path);

            var excluded = new GlobSet(new[] { "**/bin/**", "**/obj/**", ".git/**" });
            Assert.True(excluded.IsMatch("src/App/bin/Debug/x.md"));
            Assert.True(excluded.IsMatch("bin/x.md"));
            Assert.True(excluded.IsMatch(".git/config"));
            Assert.False(excluded.IsMatch("src/binary/x.md"));
            Assert.False(excluded.IsMatch("sub/.git/config"));
            Assert.True(new GlobSet(new[] { "./scripts/*.py" }).IsMatch("scripts/a.py"));
            Assert.True(new GlobSet(new[] { "../outside/*.md", "/etc/*", "" }).IsEmpty);
        }

        private sealed class FailingWriter : StringWriter
        {
            public override void Write(string? value) => throw new IOException("No space left on device");

            public override void Write(char value) => throw new IOException("No space left on device");
        }
    }
}
