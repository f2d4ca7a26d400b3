using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Engine;
using Xunit;

namespace Orchestrator.Governance.Tests.Engine
{
    /// <summary>
    /// DocumentSelection: the files every host reads, from governance.yml and the repository's paths
    /// alone (the CLI reads them, the MSBuild task hands them to the analyzer).
    /// </summary>
    public class DocumentSelectionTests
    {
        private static IReadOnlyList<string> Select(string yaml, Dictionary<string, string> files, params string[] refused)
        {
            var config = ConfigLoader.Load(yaml, Orchestrator.Governance.Rules.RuleCatalog.Exists, out var problems);
            Assert.Empty(problems);
            var walked = files.Keys.Concat(refused).ToList();
            return DocumentSelection.Select(config, walked, files.Keys.ToList(), refused, p => files.TryGetValue(p, out var t) ? t : null);
        }

        [Fact]
        public void A_layout_named_only_in_governance_yml_is_selected_in_order_globs_board_pointer_manifest_modules_baseline()
        {
            var files = new Dictionary<string, string>
            {
                ["work/WP-2-B/packet.yml"] = "id: WP-2-B\n",
                ["work/WP-1-A/packet.yml"] = "id: WP-1-A\n",
                ["work/notes.md"] = "# Notes\n",
                [".GOV/pointer.json"] = "{\"manifest\": \".GOV/spec/modules.json\"}",
                [".GOV/spec/modules.json"] = "{\"modules\": [\"02_b.md\", \"01_a.md\"]}",
                [".GOV/spec/01_a.md"] = "# 1. A\n",
                [".GOV/spec/02_b.md"] = "# 2. B\n",
                [".GOV/spec/03_unlisted.md"] = "# 3. C\n",
                ["plans/board.md"] = "# Board\n",
                ["governance.baseline.json"] = "{}",
                ["bin/work/WP-9-X/packet.yml"] = "id: WP-9-X\n",
            };
            var selected = Select(
                "documents:\n  taskPackets:\n    include: [\"**/work/WP-*/packet.yml\"]\nspec:\n  currentPointer: .GOV/pointer.json\nboard:\n  path: plans/board.md\n",
                files);
            Assert.Equal(new[]
            {
                "work/WP-1-A/packet.yml",
                "work/WP-2-B/packet.yml",
                "plans/board.md",
                ".GOV/pointer.json",
                ".GOV/spec/modules.json",
                ".GOV/spec/02_b.md",
                ".GOV/spec/01_a.md",
                "governance.baseline.json",
            }, selected);
        }

        [Fact]
        public void Earlier_versions_of_a_single_file_spec_kept_beside_it_are_selected_after_it()
        {
            var files = new Dictionary<string, string>
            {
                ["docs/SPEC_CURRENT.md"] = "# SPEC_CURRENT\n\n**Spec_v02.123.md**\n",
                ["Spec_v02.123.md"] = "# Spec v02.123\n",
                ["Spec_v02.122.md"] = "# Spec v02.122\n",
                ["Spec_v02.9.md"] = "# Spec v02.9\n",
                ["Spec_v02.122.md.bak"] = "# copy\n",
                ["Other_Spec_v02.122.md"] = "# another spec\n",
                ["old/Spec_v02.100.md"] = "# another folder\n",
            };
            Assert.Equal(new[] { "docs/SPEC_CURRENT.md", "Spec_v02.123.md", "Spec_v02.122.md", "Spec_v02.9.md" }, Select(string.Empty, files));
        }

        [Fact]
        public void A_refused_file_named_like_a_packet_is_selected_so_it_gets_GOV002_and_a_missing_board_is_not()
        {
            var files = new Dictionary<string, string> { ["docs/task_packets/WP-1-A.md"] = "# Task Packet: WP-1-A\n" };
            var selected = Select("board:\n  path: docs/NOPE.md\n", files, "docs/task_packets/WP-2-Fifo.md");
            Assert.Equal(new[] { "docs/task_packets/WP-1-A.md", "docs/task_packets/WP-2-Fifo.md" }, selected);
        }

        [Fact]
        public void A_refused_module_of_a_spec_folder_is_selected_so_the_spec_s_problem_names_it()
        {
            var files = new Dictionary<string, string>
            {
                ["docs/SPEC_CURRENT.md"] = "The spec is `spec/`.\n",
                ["spec/01_a.md"] = "# 1. A\n",
            };
            var selected = Select(null!, files, "spec/02_link.md");
            Assert.Equal(new[] { "docs/SPEC_CURRENT.md", "spec/01_a.md", "spec/02_link.md" }, selected);
        }

        [Fact]
        public void A_pointer_that_cannot_be_read_is_selected_alone_and_a_path_that_leaves_the_repository_is_never_selected()
        {
            var files = new Dictionary<string, string> { ["docs/pointer.json"] = "{\"spec\": \"docs/spec.md\"}", ["docs/spec.txt"] = "x" };
            var selected = Select("spec:\n  currentPointer: ../docs/pointer.json\n", files);
            Assert.Equal(new string[0], selected);
            files = new Dictionary<string, string> { ["docs/other.txt"] = "x" };
            selected = Select(null!, files, "docs/SPEC_CURRENT.md");
            Assert.Equal(new[] { "docs/SPEC_CURRENT.md" }, selected);
        }
    }
}
