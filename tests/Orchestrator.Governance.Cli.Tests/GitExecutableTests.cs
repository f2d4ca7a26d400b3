using System;
using System.IO;
using Orchestrator.Governance.Hosting;
using Xunit;

namespace Orchestrator.Governance.Cli.Tests
{
    /// <summary>git is run from the PATH's absolute folders only, never from the repository or the current folder (issue 31).</summary>
    public sealed class GitExecutableTests : IDisposable
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "gov-git-" + Guid.NewGuid().ToString("N"));

        public GitExecutableTests() => Directory.CreateDirectory(_root);

        public void Dispose() => Directory.Delete(_root, recursive: true);

        private string Fake(string folder)
        {
            string dir = Path.Combine(_root, folder);
            Directory.CreateDirectory(dir);
            string file = Path.Combine(dir, OperatingSystem.IsWindows() ? "git.exe" : "git");
            File.WriteAllText(file, "#!/bin/sh\nexit 0\n");
            return file;
        }

        [Fact]
        public void Relative_and_empty_PATH_entries_are_skipped_and_the_first_absolute_one_with_git_wins()
        {
            Fake("repo");
            string real = Fake("bin");
            string path = string.Join(Path.PathSeparator.ToString(), ".", "", "repo", Path.Combine(_root, "empty"), Path.Combine(_root, "bin"));
            Assert.Equal(real, Git.Executable(path));
        }

        [Fact]
        public void Without_an_absolute_folder_holding_git_there_is_none()
        {
            Fake("repo");
            Assert.Null(Git.Executable(string.Join(Path.PathSeparator.ToString(), ".", "repo")));
        }

        [Fact]
        public void The_machine_s_git_is_found_by_its_full_path()
        {
            string? git = Git.Executable();
            Assert.NotNull(git);
            Assert.True(Path.IsPathRooted(git));
        }
    }
}
