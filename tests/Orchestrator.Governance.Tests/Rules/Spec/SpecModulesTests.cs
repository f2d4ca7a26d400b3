using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Testing;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules.Spec
{
    /// <summary>
    /// A Master Spec in several files: named by a JSON or YAML pointer (a folder, a list, a
    /// manifest), by a Markdown pointer with a leading-dot folder, or by spec.files; every spec rule
    /// works across the modules and reports at the module's own lines.
    /// </summary>
    public class SpecModulesTests
    {
        private static readonly int Cut = ValidPacket.SpecText.IndexOf("# 2. System Architecture", System.StringComparison.Ordinal);
        private static readonly string Head = ValidPacket.SpecText.Substring(0, Cut);
        private static readonly string Tail = ValidPacket.SpecText.Substring(Cut);

        private static GovernanceResult Analyze(string? pointer, string? config = null, string packet = ValidPacket.Text, string? tail = null)
        {
            var inputs = new[]
            {
                DocumentInput.FromText(ValidPacket.Path, packet),
                DocumentInput.FromText(".GOV/spec/01_vision.md", Head),
                DocumentInput.FromText(".GOV/spec/02_architecture.md", tail ?? Tail),
                DocumentInput.FromText(".GOV/spec/notes.txt", "not a module"),
                DocumentInput.FromText(".GOV/manifest.json", "{ \"modules\": [\".GOV/spec/02_architecture.md\", \".GOV/spec/01_vision.md\"] }"),
                DocumentInput.FromText("docs/empty/readme.txt", "no Markdown here"),
            }.ToList();
            if (pointer != null) inputs.Add(DocumentInput.FromText(ValidPacket.PointerPath, pointer));
            if (config != null) inputs.Add(DocumentInput.FromText("governance.yml", config));
            return GovernanceEngine.Analyze(inputs);
        }

        [Theory]
        [InlineData("{ \"current\": { \"version\": \"v01.2\", \"spec\": \".GOV/spec/\" } }")]
        [InlineData("{ \"spec\": [\".GOV/spec/01_vision.md\", \".GOV/spec/02_architecture.md\"] }")]
        [InlineData("# SPEC_CURRENT\n\nThe current spec is the folder `.GOV/spec/`.\n")]
        [InlineData("{ \"manifest\": \".GOV/manifest.json\" }")]
        [InlineData("{ \"$schema\": \"../schemas/pointer.schema.json\", \"manifest\": \".GOV/manifest.json\", \"spec\": \".GOV/spec/\" }")]
        [InlineData("{ \"modules\": [ { \"file\": \".GOV/spec/01_vision.md\", \"title\": \"Vision\" }, { \"file\": \".GOV/spec/02_architecture.md\", \"title\": \"Architecture\" } ] }")]
        [InlineData("current:\n  version: v01.2\n  spec: .GOV/spec/\n")]
        [InlineData("modules:\n  - .GOV/spec/01_vision.md\n  - .GOV/spec/02_architecture.md\n")]
        [InlineData("current_spec: .GOV/spec/\nnotes: see README.md\n")]
        [InlineData("---\nspec: .GOV/spec/\n")]
        public void The_packet_s_anchor_resolves_across_modules_however_the_pointer_names_them(string pointer)
        {
            var result = Analyze(pointer);
            Assert.Empty(result.Diagnostics);
            Assert.True(result.Spec.IsModular);
            Assert.Equal(".GOV/spec/", result.Spec.Spec!.Path);
        }

        [Fact]
        public void A_YAML_pointer_names_a_list_of_modules()
        {
            var inputs = new[]
            {
                DocumentInput.FromText(ValidPacket.Path, ValidPacket.Text),
                DocumentInput.FromText(".GOV/spec/01_vision.md", Head),
                DocumentInput.FromText(".GOV/spec/02_architecture.md", Tail),
                DocumentInput.FromText(".GOV/SPEC_CURRENT.yaml", "version: v01.2\nmodules:\n  - .GOV/spec/01_vision.md\n  - .GOV/spec/02_architecture.md\n"),
                DocumentInput.FromText("governance.yml", "spec:\n  currentPointer: .GOV/SPEC_CURRENT.yaml\n"),
            };
            var result = GovernanceEngine.Analyze(inputs);
            Assert.Empty(result.Diagnostics);
            Assert.Equal(new[] { ".GOV/spec/01_vision.md", ".GOV/spec/02_architecture.md" }, result.Spec.Modules.Select(m => m.Path));
            Assert.Equal("01.2", result.Spec.Spec!.Version);
        }

        [Fact]
        public void Spec_files_globs_name_the_modules_in_order_without_a_pointer()
        {
            var result = Analyze(null, "spec:\n  files: ['.GOV/spec/*.md']\n");
            Assert.Empty(result.Diagnostics);
            Assert.Equal(new[] { ".GOV/spec/01_vision.md", ".GOV/spec/02_architecture.md" }, result.Spec.Modules.Select(m => m.Path));
        }

        [Fact]
        public void An_unresolved_anchor_and_a_misnumbered_heading_are_reported_at_the_module()
        {
            string tail = Tail.Replace("### 2.3.12 Storage Backend Portability", "### 2.4.1 Cache\n\n### 2.3.12 Storage Backend Portability");
            var result = Analyze("{ \"spec\": \".GOV/spec/\" }", packet: Packets.WithLine(58, "- **SPEC_ANCHOR**: §2.3.12.3; §2.3.99"), tail: tail);
            Packets.Has(result, "GOV211", ".GOV/spec/02_architecture.md", 5, 5, "2.4.1 Cache", "2.3 Storage", "3 of .GOV/spec/02_architecture.md");
            Packets.Has(result, "GOV203", ValidPacket.Path, 58, 32, "§2.3.99", ".GOV/spec/", "no such section; the nearest is §2.3 Storage");
        }

        [Fact]
        public void Requirements_in_messages_name_the_module_and_its_line()
        {
            var result = Analyze("{ \"spec\": \".GOV/spec/\" }", packet: Packets.WithLine(58, "- **SPEC_ANCHOR**: §1.1; §2.3.12.3"));
            var must = Assert.Single(result.Of("GOV207"));
            Assert.Equal("line 11 of .GOV/spec/01_vision.md 'The product MUST run fully offline.'", must.Arguments[2]);
        }

        [Theory]
        [InlineData("{ \"spec\": \"docs/empty/\" }", "docs/SPEC_CURRENT.md names the folder 'docs/empty/', which holds no Markdown file")]
        [InlineData("{ \"spec\": \".GOV/nowhere/\" }", "docs/SPEC_CURRENT.md names '.GOV/nowhere/', which is not in the repository (or is an empty folder)")]
        [InlineData("{ \"spec\": [\".GOV/spec/01_vision.md\", \".GOV/spec/03_gone.md\"] }", "docs/SPEC_CURRENT.md names '.GOV/spec/03_gone.md', which is not in the repository")]
        [InlineData("{ \"spec\": \".GOV/spec/\", ", "docs/SPEC_CURRENT.md could not be read: it is not valid JSON: Unexpected end of content while loading JObject.")]
        public void A_pointer_that_leads_to_no_spec_is_GOV210_at_the_pointer(string pointer, string message)
        {
            var result = Analyze(pointer);
            var d = Assert.Single(result.Of("GOV210"));
            Assert.Equal(ValidPacket.PointerPath, d.Path);
            Assert.Equal(message, d.Arguments[0]);
        }

        [Theory]
        [InlineData("{ \"modules\": [\".GOV/spec/01_vision.md\", \"03_gone.md\"] }", "docs/SPEC_CURRENT.md names the manifest '.GOV/broken.json'; it lists '03_gone.md', which is not in the repository")]
        [InlineData("{ \"modules\": [", "docs/SPEC_CURRENT.md names the manifest '.GOV/broken.json', which could not be read: it is not valid JSON: Unexpected end of content while loading JObject.")]
        [InlineData("{ \"modules\": [] }", "docs/SPEC_CURRENT.md names the manifest '.GOV/broken.json', which lists no spec file")]
        [InlineData("{ \"modules\": [\".GOV/spec/01_vision.md\", \"/etc/passwd.md\"] }", "docs/SPEC_CURRENT.md names the manifest '.GOV/broken.json'; it lists '/etc/passwd.md', which is outside the repository and is not read")]
        [InlineData("{ \"modules\": [\".GOV/spec/01_vision.md\", \"more.json\"] }", "docs/SPEC_CURRENT.md names the manifest '.GOV/broken.json'; it lists 'more.json', which is not a Markdown file (a manifest is not read from a manifest)")]
        public void A_manifest_that_leads_to_no_spec_is_GOV210_naming_it_and_is_never_read_as_the_spec(string manifest, string message)
        {
            var inputs = new[]
            {
                DocumentInput.FromText(ValidPacket.Path, ValidPacket.Text),
                DocumentInput.FromText(".GOV/spec/01_vision.md", Head),
                DocumentInput.FromText(".GOV/broken.json", manifest),
                DocumentInput.FromText(ValidPacket.PointerPath, "{ \"manifest\": \".GOV/broken.json\" }"),
            };
            var result = GovernanceEngine.Analyze(inputs);
            Packets.Single(result, "GOV210", ValidPacket.PointerPath, 1, 16, message);
            Assert.Null(result.Spec.Spec);
        }

        [Theory]
        [InlineData("# SPEC_CURRENT\n\nThe spec is [the master spec](../.GOV/spec/01_vision.md) and `../.GOV/spec/`.\n")]
        [InlineData("{ \"spec\": \"../.GOV/spec/\" }")]
        [InlineData("{ \"manifest\": \"../.GOV/manifest-up.json\" }")]
        public void A_path_relative_to_the_pointer_or_manifest_that_stays_inside_is_read(string pointer)
        {
            var inputs = new[]
            {
                DocumentInput.FromText(ValidPacket.Path, ValidPacket.Text),
                DocumentInput.FromText(".GOV/spec/01_vision.md", Head),
                DocumentInput.FromText(".GOV/spec/02_architecture.md", Tail),
                DocumentInput.FromText(".GOV/manifest-up.json", "{ \"modules\": [\"spec/01_vision.md\", \"../.GOV/spec/02_architecture.md\"] }"),
                DocumentInput.FromText(ValidPacket.PointerPath, pointer),
            };
            var result = GovernanceEngine.Analyze(inputs);
            Assert.Empty(result.Of("GOV210"));
            Assert.NotNull(result.Spec.Spec);
        }

        [Fact]
        public void Spec_files_that_match_nothing_are_GOV210_at_the_first_anchor()
        {
            var result = Analyze(null, "spec:\n  files: ['spec/**/*.md']\n");
            Packets.Single(result, "GOV210", ValidPacket.Path, 58, 20, "spec.files (spec/**/*.md) matches no file, so no SPEC_ANCHOR can be resolved");
        }

        [Fact]
        public void A_Markdown_pointer_keeps_a_leading_dot_in_the_file_s_folder()
        {
            var inputs = new[]
            {
                DocumentInput.FromText(ValidPacket.Path, ValidPacket.Text),
                DocumentInput.FromText(".GOV/Example_Master_Spec_v01.2.md", ValidPacket.SpecText),
                DocumentInput.FromText(ValidPacket.PointerPath, "# SPEC_CURRENT\n\n**.GOV/Example_Master_Spec_v01.2.md**\n"),
            };
            var result = GovernanceEngine.Analyze(inputs);
            Assert.Empty(result.Diagnostics);
            Assert.Equal(".GOV/Example_Master_Spec_v01.2.md", result.Spec.Spec!.Path);
            Assert.False(result.Spec.IsModular);
        }
    }
}
