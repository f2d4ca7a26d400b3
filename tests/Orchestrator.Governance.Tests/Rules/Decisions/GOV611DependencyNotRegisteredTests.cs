using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Model.Oss;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules.Decisions
{
    /// <summary>GOV611 through the engine: Cargo, npm and MSBuild dependencies against OSS_REGISTER.md.</summary>
    public class GOV611DependencyNotRegisteredTests
    {
        private const string Register =
            "# OSS REGISTER\n\n" +
            "| component_id | name | license |\n| --- | --- | --- |\n" +
            "| crate.core.axum | axum | MIT |\n| crate.core.serde_json | serde_json | MIT |\n| npm.api | `@tauri-apps/api` | MIT |\n| nuget.json | Newtonsoft.Json | MIT |\n\n" +
            "## Transitive\n\n| Component | License |\n| --- | --- |\n| tokio | MIT |\n";

        private const string Cargo =
            "[package]\nname = \"core\"\ndescription = \"\"\"\n[dependencies]\nfake = 1\n\"\"\"\n\n" +   // 1-7
            "[dependencies]\naxum = \"0.7\"\nserde-json = { version = \"1\" }  # the register writes serde_json\n" + // 8-10
            "sqlx = { version = \"0.7\", features = [\"sqlite\"] }\n\n" +                                       // 11-12
            "[dev-dependencies]\ntempfile = \"3\"\n\n" +                                                        // 13-15
            "[target.'cfg(windows)'.dependencies]\nwinapi = \"0.3\"\n\n" +                                      // 16-18
            "[dependencies.uuid]\nversion = \"1\"\n\n" +                                                        // 19-21
            "[dependencies]\ntok = { package = \"tokio\", version = \"1\" }\nrenamed = { package = \"left-pad\" }\n"; // 22-24

        private const string Npm = "{\n  \"name\": \"app\",\n  \"dependencies\": { \"@tauri-apps/api\": \"^1\" },\n  \"devDependencies\": {\n    \"vite\": \"^5\"\n  }\n}\n";

        private const string Project = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"Newtonsoft.Json\" Version=\"13.0.3\" />\n    <PackageReference Include=\"Serilog\" />\n  </ItemGroup>\n</Project>\n";

        private const string Config = "documents:\n  ossManifests:\n    include: ['**/Cargo.toml', '**/package.json', '**/*.csproj']\n";

        private static GovernanceResult Analyze(AnalysisOptions? options, params (string Path, string Text)[] documents) =>
            GovernanceEngine.Analyze(documents.Select(d => DocumentInput.FromText(d.Path, d.Text)), options);

        private static string Show(GovernanceResult result) => string.Join("\n", result.Of("GOV611")
            .Select(d => $"{d.Path}({d.Span.StartLine},{d.Span.StartColumn}) [{string.Join(" | ", d.Arguments)}]"));

        [Fact]
        public void Each_unregistered_dependency_is_reported_at_its_entry()
        {
            var options = new AnalysisOptions { PackageReferences = new[] { new PackageReference("newtonsoft.json", "13.0.3", "App.csproj"), new PackageReference("Orchestrator.Governance", "0.1.0", "App.csproj") } };
            var result = Analyze(options, ("governance.yml", Config), ("docs/OSS_REGISTER.md", Register), ("core/Cargo.toml", Cargo), ("app/package.json", Npm), ("src/App/App.csproj", Project));
            Assert.Equal(
                "app/package.json(5,6) [vite | devDependencies of app/package.json | docs/OSS_REGISTER.md]\n" +
                "core/Cargo.toml(11,1) [sqlx | [dependencies] of core/Cargo.toml | docs/OSS_REGISTER.md]\n" +
                "core/Cargo.toml(14,1) [tempfile | [dev-dependencies] of core/Cargo.toml | docs/OSS_REGISTER.md]\n" +
                "core/Cargo.toml(17,1) [winapi | [target.cfg(windows).dependencies] of core/Cargo.toml | docs/OSS_REGISTER.md]\n" +
                "core/Cargo.toml(19,15) [uuid | [dependencies.uuid] of core/Cargo.toml | docs/OSS_REGISTER.md]\n" +
                "core/Cargo.toml(24,1) [left-pad | [dependencies] of core/Cargo.toml, as 'renamed' | docs/OSS_REGISTER.md]\n" +
                "docs/OSS_REGISTER.md(1,3) [Orchestrator.Governance | PackageReference 0.1.0 of App.csproj | docs/OSS_REGISTER.md]\n" +
                "src/App/App.csproj(4,32) [Serilog | PackageReference of src/App/App.csproj | docs/OSS_REGISTER.md]",
                Show(result));
            Assert.Equal("Dependency 'vite' (devDependencies of app/package.json) is not in the OSS register docs/OSS_REGISTER.md; add a row with its license, integration mode, scope and purpose",
                result.Of("GOV611").First().Message);
        }

        [Fact]
        public void Without_a_register_nothing_is_reported_and_manifests_are_read_only_where_configured()
        {
            var options = new AnalysisOptions { PackageReferences = new[] { new PackageReference("Serilog") } };
            Assert.Empty(Analyze(options, ("governance.yml", Config), ("core/Cargo.toml", Cargo)).Of("GOV611"));
            Assert.Equal("docs/OSS_REGISTER.md(1,3) [Serilog | PackageReference | docs/OSS_REGISTER.md]",
                Show(Analyze(options, ("docs/OSS_REGISTER.md", Register), ("core/Cargo.toml", Cargo))));
        }

        [Fact]
        public void Manifests_that_do_not_parse_declare_nothing_and_the_list_the_targets_write_is_read()
        {
            var result = Analyze(null, ("governance.yml", Config), ("docs/OSS_REGISTER.md", Register), ("app/package.json", "{ \"dependencies\": "), ("src/App/App.csproj", "<Project><!DOCTYPE x [<!ENTITY a \"b\">]>"), ("core/Cargo.toml", "[dependencies\nx = 1\n"));
            Assert.Empty(result.Of("GOV611"));
            Assert.Empty(result.Of("GOV003"));

            var list = PackageReference.ParseList(new[] { "Serilog|3.1.0|App.csproj", "", "Polly||" });
            Assert.Equal(new[] { "Serilog 3.1.0 App.csproj", "Polly  " }, list.Select(r => $"{r.Id} {r.Version} {r.Project}"));
        }
    }
}
