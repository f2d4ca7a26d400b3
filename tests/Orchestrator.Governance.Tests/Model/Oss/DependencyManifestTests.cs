using System.Linq;
using Orchestrator.Governance.Model.Oss;
using Xunit;

namespace Orchestrator.Governance.Tests.Model.Oss
{
    public class DependencyManifestTests
    {
        private static (string Name, string? Package, string Table, (int, int, int, int) Span)[] Read(Marked m) =>
            DependencyManifest.Read(m.Document).Select(d => (d.Name, d.Package, d.Table, Marked.Of(d.Span))).ToArray();

        [Fact]
        public void Cargo_dependencies_of_every_table_with_renames_and_dotted_tables()
        {
            var m = new Marked("core/Cargo.toml",
                "[package]\n" +
                "name = \"core\"\n" +
                "\n" +
                "[dependencies]\n" +
                "{|#0:serde|} = { version = \"1\", features = [\"derive\"] }\n" +
                "{|#1:db|} = { package = \"sqlx\", version = \"0.7\" }\n" +
                "\n" +
                "[dev-dependencies]\n" +
                "{|#2:tempfile|} = \"3\"\n" +
                "\n" +
                "[dependencies.{|#3:uuid|}]\n" +
                "version = \"1\"\n");
            var found = Read(m);
            Assert.Equal(new[] { "serde", "db", "tempfile", "uuid" }, found.Select(d => d.Name));
            Assert.Equal("sqlx", found[1].Package);
            Assert.Null(found[0].Package);
            Assert.Equal(new[] { "[dependencies]", "[dependencies]", "[dev-dependencies]", "[dependencies.uuid]" }, found.Select(d => d.Table));
            Assert.Equal(new[] { m.At(0), m.At(1), m.At(2), m.At(3) }, found.Select(d => d.Span));
        }

        [Fact]
        public void Npm_dependencies_and_devDependencies()
        {
            var m = new Marked("app/package.json",
                "{\n" +
                "  \"name\": \"app\",\n" +
                "  \"dependencies\": { \"{|#0:react|}\": \"^18.0.0\" },\n" +
                "  \"devDependencies\": {\n" +
                "    \"{|#1:vite|}\": \"^5.0.0\"\n" +
                "  }\n" +
                "}\n");
            var found = Read(m);
            Assert.Equal(new[] { ("react", "dependencies"), ("vite", "devDependencies") }, found.Select(d => (d.Name, d.Table)));
            Assert.Equal(new[] { m.At(0), m.At(1) }, found.Select(d => d.Span));
        }

        [Fact]
        public void MSBuild_package_references_and_other_files()
        {
            var m = new Marked("src/App/App.csproj",
                "<Project Sdk=\"Microsoft.NET.Sdk\">\n" +
                "  <ItemGroup>\n" +
                "    <PackageReference Include=\"{|#0:Newtonsoft.Json|}\" Version=\"13.0.3\" />\n" +
                "    <ProjectReference Include=\"../Lib/Lib.csproj\" />\n" +
                "  </ItemGroup>\n" +
                "</Project>\n");
            var found = Assert.Single(Read(m));
            Assert.Equal("Newtonsoft.Json", found.Name);
            Assert.Equal(m.At(0), found.Span);
            Assert.True(DependencyManifest.IsManifest("Directory.Packages.props"));
            Assert.False(DependencyManifest.IsManifest("README.md"));
            Assert.Empty(DependencyManifest.Read(new Governance.Documents.TextDocument("README.md", "serde = \"1\"\n")));
        }
    }
}
