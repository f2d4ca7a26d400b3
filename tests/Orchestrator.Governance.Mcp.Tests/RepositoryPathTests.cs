using System;
using System.IO;
using Orchestrator.Governance.Mcp.Tools;
using Xunit;

namespace Orchestrator.Governance.Mcp.Tests
{
    /// <summary>
    /// Paths an agent gives the tools (<see cref="RepositoryPath"/>), for a server started through a symbolic link:
    /// an absolute path under the root's real folder is in the repository; a path that leaves either is not.
    /// </summary>
    public sealed class RepositoryPathTests : IDisposable
    {
        private readonly string _temp = Directory.CreateTempSubdirectory("governance-paths-").FullName;

        public void Dispose() => Directory.Delete(_temp, recursive: true);

        [Fact]
        public void A_root_reached_through_a_link_accepts_absolute_paths_under_its_real_folder()
        {
            string real = Directory.CreateDirectory(Path.Combine(_temp, "real", "repo")).FullName;
            Directory.CreateDirectory(Path.Combine(real, "docs"));
            string hop = Path.Combine(_temp, "hop");
            Directory.CreateSymbolicLink(hop, Path.Combine(_temp, "real"));
            string root = Path.Combine(_temp, "link");
            Directory.CreateSymbolicLink(root, Path.Combine(hop, "repo"));

            string realRoot = RepositoryPath.RealPath(root);
            Assert.Equal(real, realRoot);
            Assert.Equal(real, RepositoryPath.RealPath(real));

            Assert.Equal("docs/x.md", RepositoryPath.Normalize(root, Path.Combine(real, "docs", "x.md"), "files", realRoot));
            Assert.Equal("docs/x.md", RepositoryPath.Normalize(root, Path.Combine(root, "docs", "x.md"), "files", realRoot));
            Assert.Equal("docs/x.md", RepositoryPath.Normalize(root, "docs/x.md", "files", realRoot));
            Assert.Equal(string.Empty, RepositoryPath.Normalize(root, real, "files", realRoot));

            // Without the real root, as before: the real folder's path is outside.
            Assert.Equal($"the path '{real}/docs/x.md' in 'files' is outside the repository ({root})",
                Assert.Throws<ToolError>(() => RepositoryPath.Normalize(root, Path.Combine(real, "docs", "x.md"), "files")).Message);
            // Leaving the real folder, or a relative path that climbs out, is outside either way.
            Assert.Equal($"the path '{real}/../other.md' in 'files' is outside the repository ({root})",
                Assert.Throws<ToolError>(() => RepositoryPath.Normalize(root, real + "/../other.md", "files", realRoot)).Message);
            Assert.Equal($"the path '../repo/docs/x.md' in 'files' is outside the repository ({root})",
                Assert.Throws<ToolError>(() => RepositoryPath.Normalize(root, "../repo/docs/x.md", "files", realRoot)).Message);
        }

        [Fact]
        public void A_folder_that_cannot_be_resolved_is_its_own_real_path()
        {
            string loop = Path.Combine(_temp, "loop");
            Directory.CreateSymbolicLink(loop, loop);
            Assert.Equal(loop, RepositoryPath.RealPath(loop));
            string missing = Path.Combine(_temp, "missing", "repo");
            Assert.Equal(missing, RepositoryPath.RealPath(missing));
        }
    }
}
