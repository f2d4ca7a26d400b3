using System;
using System.IO;
using Xunit;

namespace Orchestrator.Governance.Cli.Tests
{
    /// <summary>The Handshake corpus (../shared/corpus/handshake beside the repository, as on every developer machine and in CI), and copies of it the tests may change.</summary>
    internal static class CorpusFixture
    {
        /// <summary>This repository's root: the folder above the test assembly that holds Orchestrator.sln.</summary>
        public static string RepositoryRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Orchestrator.sln"))) dir = dir.Parent;
            Assert.NotNull(dir);
            return dir!.FullName;
        }

        public static string Corpus()
        {
            string corpus = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "corpus", "handshake"));
            Assert.True(Directory.Exists(corpus), "the Handshake corpus is expected at " + corpus);
            return corpus;
        }

        /// <summary>Copies every file of the corpus to <paramref name="target"/>, writable.</summary>
        public static void CopyTo(string target)
        {
            string source = Corpus();
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                string to = Path.Combine(target, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to);
                File.SetAttributes(to, FileAttributes.Normal);
            }
        }
    }
}
