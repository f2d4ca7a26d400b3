using System;
using System.IO;
using Xunit;

namespace Orchestrator.Governance.Cli.Tests
{
    /// <summary>The layout fixtures of tests/Fixtures (each described in its FIXTURE.md), copied beside the tests by the project file.</summary>
    internal static class LayoutFixture
    {
        /// <summary>The example's spec and SPEC_CURRENT.md (no packets) in <paramref name="repo"/>, with the fixture <paramref name="fixture"/> laid over it; returns <paramref name="repo"/>.</summary>
        public static string Lay(string fixture, string repo)
        {
            string example = Path.Combine(AppContext.BaseDirectory, "repo");
            foreach (var file in Directory.GetFiles(example, "*", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(example, file).Replace('\\', '/');
                if (relative.StartsWith("docs/task_packets/", StringComparison.Ordinal)) continue;
                Copy(file, Path.Combine(repo, relative));
            }

            string source = Path.Combine(AppContext.BaseDirectory, "fixtures", fixture);
            Assert.True(Directory.Exists(source), source);
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
                Copy(file, Path.Combine(repo, Path.GetRelativePath(source, file)));
            return repo;
        }

        private static void Copy(string from, string to)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to, overwrite: true);
        }
    }
}
