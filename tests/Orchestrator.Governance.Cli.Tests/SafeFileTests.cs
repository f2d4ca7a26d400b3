using System;
using System.IO;
using System.Linq;
using Orchestrator.Governance.Hosting;
using Xunit;

namespace Orchestrator.Governance.Cli.Tests
{
    /// <summary>
    /// How every host writes a file (src/Orchestrator.Governance.Hosting/SafeFile.cs; issue 31 M4-M6,
    /// L3): whole by a rename, only over what was read, with the file's permissions, never through a
    /// link; and `governance fix`, `baseline` and `lock` through it.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public sealed class SafeFileTests : IDisposable
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "gov-safe-" + Guid.NewGuid().ToString("N"));

        public SafeFileTests() => Directory.CreateDirectory(_root);

        public void Dispose() => Directory.Delete(_root, recursive: true);

        private string At(string name) => Path.Combine(_root, name);

        [Fact]
        public void A_file_that_holds_what_was_read_is_replaced_whole_by_a_rename_and_nothing_is_left_beside_it()
        {
            File.WriteAllText(At("a.md"), "old\n");
            Assert.Null(SafeFile.Write(At("a.md"), "new\n", bom: false, expected: "old\n"));
            Assert.Equal("new\n", File.ReadAllText(At("a.md")));
            Assert.Equal(new[] { "a.md" }, Directory.GetFiles(_root).Select(Path.GetFileName));
        }

        [UnixFact]
        public void The_old_file_is_replaced_not_written_in_place()
        {
            // A hard link to the old file still holds the old text: the new text went to a new file, renamed over.
            File.WriteAllText(At("a.md"), "old\n");
            Link(At("a.md"), At("hard.md"));
            Assert.Null(SafeFile.Write(At("a.md"), "new\n", bom: false, expected: "old\n"));
            Assert.Equal("new\n", File.ReadAllText(At("a.md")));
            Assert.Equal("old\n", File.ReadAllText(At("hard.md")));
        }

        [Fact]
        public void A_file_changed_since_it_was_read_is_left_alone()
        {
            File.WriteAllText(At("a.md"), "saved by an editor\n");
            Assert.Equal(SafeFile.ChangedSinceRead, SafeFile.Write(At("a.md"), "fixed\n", bom: false, expected: "as analysed\n"));
            Assert.Equal("saved by an editor\n", File.ReadAllText(At("a.md")));

            // A file that appeared since the run found none.
            Assert.Equal(SafeFile.ChangedSinceRead, SafeFile.Write(At("a.md"), "fixed\n", bom: false, expected: null));
            Assert.Equal(new[] { "a.md" }, Directory.GetFiles(_root).Select(Path.GetFileName));
        }

        [Fact]
        public void A_byte_order_mark_is_kept_and_not_compared()
        {
            File.WriteAllBytes(At("a.md"), new byte[] { 0xEF, 0xBB, 0xBF, (byte)'o', (byte)'\n' });
            Assert.Null(SafeFile.Write(At("a.md"), "n\n", bom: true, expected: "o\n"));
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'n', (byte)'\n' }, File.ReadAllBytes(At("a.md")));
        }

        [UnixFact]
        public void The_file_s_permissions_are_kept()
        {
            File.WriteAllText(At("run.sh"), "old\n");
            File.SetUnixFileMode(At("run.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            File.WriteAllText(At("private.md"), "old\n");
            File.SetUnixFileMode(At("private.md"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Assert.Null(SafeFile.Write(At("run.sh"), "new\n", bom: false, expected: "old\n"));
            Assert.Null(SafeFile.Write(At("private.md"), "new\n", bom: false, expected: "old\n"));
            Assert.Equal("rwxr-xr-x", Mode(At("run.sh")));
            Assert.Equal("rw-------", Mode(At("private.md")));
        }

        [UnixFact]
        public void A_symbolic_link_is_not_written_through()
        {
            File.WriteAllText(At("target.yml"), "on: push\n");
            File.CreateSymbolicLink(At("link.json"), "target.yml");
            Assert.Equal("it is a symbolic link; it is not written through (replace the link by a file first)", SafeFile.Write(At("link.json"), "{}", bom: false, expected: "on: push\n"));
            Assert.Equal("on: push\n", File.ReadAllText(At("target.yml")));
        }

        [UnixFact]
        public void Governance_fix_keeps_a_packet_s_permissions()
        {
            string repo = At("repo");
            ExampleRepository.CopyTo(repo);
            string cancel = Path.Combine(repo, "docs", "task_packets", "WP-1-Job-Retry.md");
            File.WriteAllText(cancel, File.ReadAllText(cancel).Replace("- STATUS: Ready-for-Dev", "- STATUS: Blokced"));
            File.SetUnixFileMode(cancel, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Assert.Equal(1, Program.Run(new[] { "fix", repo, "--rule", "GOV107" }, new StringWriter(), new StringWriter()));
            Assert.Contains("- STATUS: Blocked", File.ReadAllText(cancel));
            Assert.Equal("rw-------", Mode(cancel));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(cancel)!, "*.tmp"));
        }

        private static string Mode(string path)
        {
            var mode = File.GetUnixFileMode(path);
            char Bit(UnixFileMode m, char c) => (mode & m) != 0 ? c : '-';
            return new string(new[]
            {
                Bit(UnixFileMode.UserRead, 'r'), Bit(UnixFileMode.UserWrite, 'w'), Bit(UnixFileMode.UserExecute, 'x'),
                Bit(UnixFileMode.GroupRead, 'r'), Bit(UnixFileMode.GroupWrite, 'w'), Bit(UnixFileMode.GroupExecute, 'x'),
                Bit(UnixFileMode.OtherRead, 'r'), Bit(UnixFileMode.OtherWrite, 'w'), Bit(UnixFileMode.OtherExecute, 'x'),
            });
        }

        private static void Link(string existing, string link)
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("ln", new[] { existing, link }) { UseShellExecute = false })!;
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
        }
    }
}
