using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace Orchestrator.Governance.EndToEnd.Tests
{
    /// <summary>
    /// Every package is MIT (issue 34): the licence expression in its nuspec, the licence text and
    /// the notices of the libraries it ships at its root, the same bytes as the repository's files.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public class PackageLicenceTests
    {
        private readonly PackageFeed _feed;

        public PackageLicenceTests(PackageFeed feed) => _feed = feed;

        [Theory]
        [InlineData("Orchestrator.Governance")]
        [InlineData("Orchestrator.Governance.Sdk")]
        [InlineData("Orchestrator.Governance.Cli")]
        public void The_package_declares_MIT_and_ships_the_licence_and_the_third_party_notices(string id)
        {
            using var package = ZipFile.OpenRead(Path.Combine(_feed.Feed, $"{id}.{_feed.Version}.nupkg"));
            var nuspecEntry = package.Entries.Single(e => e.FullName == id + ".nuspec");
            XDocument nuspec;
            using (var stream = nuspecEntry.Open()) nuspec = XDocument.Load(stream);
            var license = nuspec.Descendants().Single(e => e.Name.LocalName == "license");
            Assert.Equal(("expression", "MIT"), ((string?)license.Attribute("type"), license.Value));
            // No public repository exists yet: no address is named (the SDK records the commit alone).
            Assert.DoesNotContain(nuspec.Descendants(), e => e.Name.LocalName == "projectUrl" || (e.Name.LocalName == "repository" && e.Attribute("url") != null));

            string repo = Dotnet.RepositoryRoot();
            foreach (var file in new[] { "LICENSE", "THIRD-PARTY-NOTICES.md" })
            {
                var entry = package.GetEntry(file);
                Assert.True(entry != null, $"{id} has no {file} at its root");
                using var reader = new StreamReader(entry!.Open());
                Assert.Equal(File.ReadAllText(Path.Combine(repo, file)), reader.ReadToEnd());
            }
        }

        /// <summary>
        /// Each package's type as NuGet lists it. The tool is a dotnet tool and not (yet) typed McpServer: a client that
        /// finds an MCP server on NuGet runs it as the package's .mcp/server.json says, whose name needs a registry
        /// namespace this project does not have (docs/packaging.md); without it the client would start the CLI, not
        /// `governance mcp`.
        /// </summary>
        [Theory]
        [InlineData("Orchestrator.Governance.Cli", "DotnetTool")]
        [InlineData("Orchestrator.Governance", "")]
        [InlineData("Orchestrator.Governance.Sdk", "MSBuildSdk")]
        public void Each_package_is_typed_as_NuGet_lists_it(string id, string types)
        {
            Assert.Equal(types, PackageTypes(Path.Combine(_feed.Feed, $"{id}.{_feed.Version}.nupkg"), id));
        }

        /// <summary>The package types a package's nuspec declares, ';'-separated in order.</summary>
        internal static string PackageTypes(string package, string id)
        {
            using var zip = ZipFile.OpenRead(package);
            using var stream = zip.Entries.Single(e => e.FullName == id + ".nuspec").Open();
            var nuspec = XDocument.Load(stream);
            return string.Join(";", nuspec.Descendants().Where(e => e.Name.LocalName == "packageType").Select(e => (string?)e.Attribute("name")));
        }

        /// <summary>
        /// The tool carries, beside governance.dll, every rule page (what `governance explain`, SARIF's help and the
        /// language server's links read) and the configuration schema (what `governance init` points editors at),
        /// the same bytes as the repository's.
        /// </summary>
        [Fact]
        public void The_tool_package_ships_the_rule_pages_and_the_configuration_schema_beside_the_tool()
        {
            using var package = ZipFile.OpenRead(Path.Combine(_feed.Feed, $"Orchestrator.Governance.Cli.{_feed.Version}.nupkg"));
            var dll = package.Entries.Single(e => e.Name == "governance.dll");
            string tools = dll.FullName.Substring(0, dll.FullName.Length - dll.Name.Length);
            string repo = Dotnet.RepositoryRoot();
            var expected = Directory.GetFiles(Path.Combine(repo, "docs", "rules"), "*.md").Select(f => "docs/rules/" + Path.GetFileName(f))
                .Append("schemas/governance.schema.json").OrderBy(f => f, System.StringComparer.Ordinal).ToList();
            Assert.Equal(expected, package.Entries.Where(e => e.FullName.StartsWith(tools + "docs/", System.StringComparison.Ordinal) || e.FullName.StartsWith(tools + "schemas/", System.StringComparison.Ordinal))
                .Select(e => e.FullName.Substring(tools.Length)).OrderBy(f => f, System.StringComparer.Ordinal));
            foreach (var file in expected)
            {
                using var reader = new StreamReader(package.GetEntry(tools + file)!.Open());
                Assert.Equal(File.ReadAllText(Path.Combine(repo, file)), reader.ReadToEnd());
            }
        }
    }
}
