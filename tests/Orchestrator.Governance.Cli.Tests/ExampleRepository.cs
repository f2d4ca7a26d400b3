using System;
using System.IO;

namespace Orchestrator.Governance.Cli.Tests
{
    /// <summary>examples/governed-repo's documents (packets, SPEC_CURRENT.md, the spec), copied beside the tests by the project file.</summary>
    internal static class ExampleRepository
    {
        /// <summary>Copies them into <paramref name="root"/> (created when missing).</summary>
        public static void CopyTo(string root)
        {
            string source = Path.Combine(AppContext.BaseDirectory, "repo");
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                string target = Path.Combine(root, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }
}
