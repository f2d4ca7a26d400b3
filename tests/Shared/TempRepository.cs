using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;

namespace Orchestrator.Governance.Testing
{
    /// <summary>A copy of the example repository (copied beside the tests as repo/) in a temporary folder of its own (linked into the language server's and the MCP server's tests).</summary>
    internal sealed class TempRepository : IDisposable
    {
        public TempRepository()
        {
            Root = Path.Combine(Path.GetTempPath(), "gov-repo-" + Guid.NewGuid().ToString("N"));
            string source = Path.Combine(AppContext.BaseDirectory, "repo");
            foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                string target = Path.Combine(Root, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            OriginalHashes = Hashes();
        }

        public string Root { get; }

        public string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

        /// <summary>The hashes when the copy was made.</summary>
        public SortedDictionary<string, string> OriginalHashes { get; }

        /// <summary>Every file under the root with the SHA-256 of its bytes (to show nothing was written).</summary>
        public SortedDictionary<string, string> Hashes() => new SortedDictionary<string, string>(
            Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).ToDictionary(
                f => Path.GetRelativePath(Root, f).Replace('\\', '/'),
                f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))),
            StringComparer.Ordinal);

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
