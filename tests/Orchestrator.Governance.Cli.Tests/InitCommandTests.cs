using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;
using static Orchestrator.Governance.Cli.Tests.CommandLine;

namespace Orchestrator.Governance.Cli.Tests
{
    /// <summary>
    /// `governance init` (issue 34): on each layout fixture, the example and the corpus, with their
    /// own governance.yml taken away, it writes one under which `check` reports no GOV001 and finds
    /// every task packet the repository holds (as many as under the fixture's own configuration).
    /// </summary>
    public sealed class InitCommandTests : IDisposable
    {
        private readonly string _repo = Path.Combine(Path.GetTempPath(), "orchestrator-init-" + Guid.NewGuid().ToString("N").Substring(0, 12));

        public void Dispose()
        {
            if (Directory.Exists(_repo)) Directory.Delete(_repo, recursive: true);
        }

        /// <summary>The schema shipped beside the tool (here, the test assembly's folder, where the CLI's build copies it).</summary>
        private static readonly string Schema = Path.Combine(AppContext.BaseDirectory, "schemas", "governance.schema.json");

        /// <summary>The draft's first two lines: yaml-language-server's schema line, and what it points at.</summary>
        private static readonly string SchemaLines =
            "# yaml-language-server: $schema=" + new Uri(Schema).AbsoluteUri + "\n" +
            "# (the schema shipped with the governance tool that ran init, on that machine: another machine's copy is elsewhere)\n";

        private static (int Packets, string[] Ids) Checked(string repo)
        {
            var (_, output, error) = Run("check", repo, "--format", "json", "--today", "2026-01-15");
            Assert.Equal(string.Empty, error);
            using var json = JsonDocument.Parse(output);
            var ids = json.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("id").GetString()!).ToArray();
            return (json.RootElement.GetProperty("packets").GetInt32(), ids);
        }

        private void InitFindsEveryPacket(string repo)
        {
            string config = Path.Combine(repo, "governance.yml");
            var (expected, _) = Checked(repo);
            Assert.True(expected > 0, "the repository holds task packets");
            if (File.Exists(config)) File.Delete(config);

            var (exit, output, error) = Run("init", repo);
            Assert.Equal(string.Empty, error);
            Assert.Equal(0, exit);
            Assert.Contains($"governance.yml written; {expected} task packet(s) selected.", output);
            var (packets, ids) = Checked(repo);
            Assert.DoesNotContain("GOV001", ids);
            Assert.Equal(expected, packets);

            // A second init leaves the file alone unless asked.
            string written = File.ReadAllText(config);
            var again = Run("init", repo);
            Assert.Equal((2, string.Empty), (again.Exit, again.Out));
            Assert.Equal("governance: governance.yml exists; --force replaces it (--dry-run prints what init would write)\n", again.Err);
            Assert.Equal(written, File.ReadAllText(config));
            Assert.Equal(written, Run("init", repo, "--dry-run").Out);
        }

        [Theory]
        [InlineData("configured-layout")]
        [InlineData("data-packets")]
        [InlineData("folder-per-packet")]
        [InlineData("spec-modules")]
        [InlineData("mojibake")]
        public void On_a_layout_fixture_init_writes_a_configuration_under_which_check_finds_every_packet(string fixture) =>
            InitFindsEveryPacket(LayoutFixture.Lay(fixture, _repo));

        [Fact]
        public void On_the_example_init_keeps_the_defaults()
        {
            ExampleRepository.CopyTo(_repo);
            InitFindsEveryPacket(_repo);
            // The first line points editors at the schema shipped beside the tool, the one the engine validates against.
            Assert.Equal(
                SchemaLines +
                "# governance.yml, written by `governance init` from what this repository holds.\n" +
                "# Every key is optional; one left out keeps the default (docs/configuration.md).\n",
                File.ReadAllText(Path.Combine(_repo, "governance.yml")));
            Assert.Equal(File.ReadAllText(Path.Combine(CorpusFixture.RepositoryRoot(), "schemas", "governance.schema.json")), File.ReadAllText(Schema));
        }

        [Fact]
        public void Init_with_baseline_records_the_findings_so_that_check_fails_only_on_a_new_one()
        {
            ExampleRepository.CopyTo(_repo);
            string config = Path.Combine(_repo, "governance.yml");
            if (File.Exists(config)) File.Delete(config);

            var (exit, output, error) = Run("init", _repo, "--baseline");
            Assert.Equal((0, string.Empty), (exit, error));
            Assert.Contains("governance.yml written; 3 task packet(s) selected. Run 'governance check' to see the findings; recording them now.", output);
            Assert.True(File.Exists(Path.Combine(_repo, "governance.baseline.json")));

            var accepted = Run("check", _repo);
            Assert.Equal(0, accepted.Exit);
            // (How the baseline's 10 findings split into errors and warnings depends on the day: init and
            // check judge dates against today, as a user's run does.)
            Assert.Contains("3 task packet(s) checked: 0 new error(s), 0 new warning(s); ", accepted.Out);
            Assert.EndsWith(" in the baseline.\n", accepted.Out);

            // A new defect after init fails the check alone.
            string packet = Path.Combine(_repo, "docs", "task_packets", "WP-1-Job-Cancel.md");
            File.WriteAllText(packet, File.ReadAllText(packet).Replace("- STATUS: Almost done", "- STATUS: Nearly done"));
            var fresh = Run("check", _repo);
            Assert.Equal(1, fresh.Exit);
            Assert.Contains("docs/task_packets/WP-1-Job-Cancel.md(9,11): error GOV107: STATUS 'Nearly done' is not an allowed value", fresh.Out);
            Assert.DoesNotContain("'Almost done'", fresh.Out);
        }

        [Fact]
        public void On_the_configured_layout_init_names_the_packets_and_the_data_fields_and_keeps_the_default_pointer_that_is_there()
        {
            LayoutFixture.Lay("configured-layout", _repo);
            File.Delete(Path.Combine(_repo, "governance.yml"));
            var (exit, output, _) = Run("init", _repo, "--dry-run");
            Assert.Equal(0, exit);
            Assert.Equal(
                SchemaLines +
                "# governance.yml, written by `governance init` from what this repository holds.\n" +
                "# Every key is optional; one left out keeps the default (docs/configuration.md).\n" +
                "documents:\n  taskPackets:\n    # The task packets: 2 file(s).\n    include:\n      - 'work/WP-*/packet.yml'\n" +
                "taskPacket:\n  # Fields the packets kept as data hold under other names (JSON Pointers).\n  dataFields:\n" +
                "    DONE_MEANS: '/done'\n    IN_SCOPE_PATHS: '/scope/in'\n    OUT_OF_SCOPE: '/scope/out'\n    SPEC_ANCHOR: '/anchors'\n    TASK_ID: '/id'\n    USER_SIGNATURE: '/signature'\n",
                output);
        }

        [Fact]
        public void Data_packets_that_are_not_objects_of_fields_name_no_field_and_init_still_writes()
        {
            // Bad input: an alias bomb in YAML, broken JSON, an empty file. The draft reads data as the
            // check does (its limits); what it cannot read names nothing, and the check says why.
            LayoutFixture.Lay("data-packets", _repo);
            File.Delete(Path.Combine(_repo, "governance.yml"));
            string packets = Path.Combine(_repo, "docs", "task_packets");
            File.WriteAllText(Path.Combine(packets, "WP-1-Job-Cancel", "packet.yaml"),
                "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n");
            File.WriteAllText(Path.Combine(packets, "WP-1-Storage-Layer", "packet.json"), "{\"id\": ");
            Directory.CreateDirectory(Path.Combine(packets, "WP-1-Empty"));
            File.WriteAllText(Path.Combine(packets, "WP-1-Empty", "packet.json"), string.Empty);
            var (exit, output, error) = Run("init", _repo, "--dry-run");
            Assert.Equal((0, string.Empty), (exit, error));
            Assert.DoesNotContain("dataFields", output);
            Assert.Contains("'docs/task_packets/WP-*/packet.json'", output);
        }

        [Fact]
        public void On_the_corpus_init_keeps_the_defaults_and_finds_every_packet_and_the_stubs()
        {
            CorpusFixture.CopyTo(_repo);
            InitFindsEveryPacket(_repo);
            Assert.Contains("found: 61 stub(s) in task_packets/stubs/", Run("init", _repo, "--force").Out);
        }
    }
}
