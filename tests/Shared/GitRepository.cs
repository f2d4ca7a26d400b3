using System.Diagnostics;
using System.IO;
using Xunit;

namespace Orchestrator.Governance.Testing
{
    /// <summary>
    /// Fixture git repositories the tests build (linked into each test project that needs one):
    /// git run in a folder with a fixed author and no signing, failing the test when git fails; and
    /// the change fixture of the change-aware rules (GOV802, GOV804).
    /// </summary>
    internal static class GitRepository
    {
        /// <summary>Runs <c>git ARGS</c> in <paramref name="repo"/>; the test fails when git does.</summary>
        public static void Git(string repo, params string[] args)
        {
            var start = new ProcessStartInfo("git") { WorkingDirectory = repo, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "-c", "user.name=test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main" }) start.ArgumentList.Add(a);
            foreach (var a in args) start.ArgumentList.Add(a);
            using var git = Process.Start(start)!;
            var err = git.StandardError.ReadToEndAsync();
            git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            Assert.True(git.ExitCode == 0, "git " + string.Join(" ", args) + ": " + err.Result);
        }

        /// <summary>
        /// Makes <paramref name="repo"/> (a folder holding the valid packet at
        /// <see cref="ValidPacket.Path"/>, with its spec) a repository of two commits: on main the
        /// packet In-Progress; on branch <c>work</c> the packet moved to <paramref name="status"/>
        /// with its DONE_MEANS item "All tests pass" (line 27) removed when
        /// <paramref name="dropItem"/>. The work tree is left on <c>work</c>.
        /// </summary>
        public static void CommitStatusChange(string repo, string status, bool dropItem)
        {
            string packet = Path.Combine(repo, ValidPacket.Path);
            File.WriteAllText(packet, File.ReadAllText(packet).Replace("- STATUS: Ready-for-Dev", "- STATUS: In-Progress"));
            Git(repo, "init", "-q");
            Git(repo, "add", "-A");
            Git(repo, "commit", "-q", "-m", "base");
            Git(repo, "checkout", "-q", "-b", "work");
            string text = File.ReadAllText(packet).Replace("- STATUS: In-Progress", "- STATUS: " + status);
            if (dropItem) text = text.Replace("  * All tests pass\n", string.Empty);
            File.WriteAllText(packet, text);
            Git(repo, "commit", "-q", "-am", "close the packet");
        }

        /// <summary>
        /// Makes <paramref name="repo"/> (as for <see cref="CommitStatusChange"/>) a repository of two
        /// commits: on main the packet Validated; on branch <c>work</c> a new spec version v01.3, made
        /// from v01.2 with "The backend MUST define" softened to SHOULD (line 21), and the pointer
        /// moved to it. The work tree is left on <c>work</c>.
        /// </summary>
        public static void CommitSpecSoftening(string repo)
        {
            string packet = Path.Combine(repo, ValidPacket.Path);
            File.WriteAllText(packet, File.ReadAllText(packet).Replace("- STATUS: Ready-for-Dev", "- STATUS: Validated"));
            Git(repo, "init", "-q");
            Git(repo, "add", "-A");
            Git(repo, "commit", "-q", "-m", "base");
            Git(repo, "checkout", "-q", "-b", "work");
            string spec = File.ReadAllText(Path.Combine(repo, ValidPacket.SpecPath));
            File.WriteAllText(Path.Combine(repo, "Example_Master_Spec_v01.3.md"), spec.Replace("v01.2", "v01.3").Replace("The backend MUST define", "The backend SHOULD define"));
            string pointer = Path.Combine(repo, ValidPacket.PointerPath);
            File.WriteAllText(pointer, File.ReadAllText(pointer).Replace("v01.2", "v01.3"));
            Git(repo, "add", "-A");
            Git(repo, "commit", "-q", "-m", "spec v01.3");
        }
    }
}
