using System.IO;
using System.Linq;
using Xunit;

namespace Orchestrator.Governance.EndToEnd.Tests
{
    /// <summary>
    /// The analyzer package beside another analyzer that bundles an older YamlDotNet
    /// (SecurityCodeScan.VS2019 5.6.7 ships YamlDotNet 11): neither analyzer fails (no AD0001) and both
    /// report their findings, because our bundled libraries carry assembly names of their own.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public class CoexistenceTests
    {
        private readonly PackageFeed _feed;

        public CoexistenceTests(PackageFeed feed) => _feed = feed;

        [Fact]
        public void With_SecurityCodeScan_both_analyzers_report_and_none_fails()
        {
            string repo = _feed.NewConsumer("securitycodescan", otherPackages: true);
            string project = Path.Combine(repo, "src", "Example.App");
            File.WriteAllText(Path.Combine(project, "Example.App.csproj"),
                "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n  <ItemGroup>\n" +
                $"    <PackageReference Include=\"Orchestrator.Governance\" Version=\"{_feed.Version}\" />\n" +
                "    <PackageReference Include=\"SecurityCodeScan.VS2019\" Version=\"5.6.7\" PrivateAssets=\"all\" />\n  </ItemGroup>\n</Project>\n");
            // SCS0006 (weak hashing) on line 8, column 29.
            File.WriteAllText(Path.Combine(project, "Weak.cs"),
                "using System.Security.Cryptography;\nnamespace Example.App\n{\n    public static class Weak\n    {\n        public static byte[] Hash(byte[] data)\n        {\n" +
                "            using var md5 = MD5.Create();\n            return md5.ComputeHash(data);\n        }\n    }\n}\n");

            var (exit, output) = _feed.BuildProject(repo, Path.Combine("src", "Example.App"));
            Assert.True(exit != 0, output);
            Assert.DoesNotContain("AD0001", output);
            Assert.Contains(Path.Combine(project, "Weak.cs") + "(8,29): warning SCS0006: Weak hashing function.", output);
            Assert.Contains(repo + "/docs/task_packets/WP-1-Job-Cancel.md(9,11): error GOV107: STATUS 'Almost done' is not an allowed value", output);
            var governance = output.Split('\n').Where(l => l.Contains(": error GOV")).Select(l => l.Trim()).Distinct().Count();
            Assert.Equal(10, governance);
        }
    }
}
