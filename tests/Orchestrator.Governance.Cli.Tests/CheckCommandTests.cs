using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Orchestrator.Governance.Cli;
using Xunit;

namespace Orchestrator.Governance.Cli.Tests
{
    public sealed class CheckCommandTests : IDisposable
    {
        private const string Bad = "docs/task_packets/WP-1-Job-Cancel.md";
        private readonly string _repo = Path.Combine(Path.GetTempPath(), "orchestrator-cli-" + Guid.NewGuid().ToString("N").Substring(0, 12));

        public CheckCommandTests()
        {
            ExampleRepository.CopyTo(_repo);
        }

        public void Dispose() => Directory.Delete(_repo, recursive: true);

        private (int Exit, string Out, string Err) Run(params string[] args)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int exit = Program.Run(args, stdout, stderr);
            return (exit, stdout.ToString(), stderr.ToString());
        }

        [Fact]
        public void Text_output_has_MSBuild_lines_and_exit_code_1_on_errors()
        {
            var (exit, output, _) = Run("check", _repo);
            Assert.Equal(1, exit);
            var lines = output.Split('\n');
            Assert.Contains(Bad + "(9,11): error GOV107: STATUS 'Almost done' is not an allowed value (allowed: Ready-for-Dev, In-Progress, Blocked, Done, Validated)", lines);
            Assert.Contains(Bad + "(29,5): warning GOV109: FILES_TO_OPEN lists 3 item(s); expected 5 to 15", lines);
            Assert.Contains(Bad + "(54,21): error GOV204: SPEC_ANCHOR §7.6.3 points into §7.6 Development Roadmap, which is not Main Body; anchor the Main Body section that defines the requirement", lines);
            Assert.Contains("3 task packet(s) checked: 9 error(s), 1 warning(s).", lines);
        }

        [Fact]
        public void Metadata_headers_are_read_from_every_file_headers_include_names()
        {
            File.Delete(Path.Combine(_repo, Bad));
            File.Delete(Path.Combine(_repo, "docs/task_packets/WP-1-Job-Retry.md"));
            File.WriteAllText(Path.Combine(_repo, "governance.yml"), "headers:\n  include: ['scripts/**', 'db/*.sql']\n  statuses: [Active]\n");
            Directory.CreateDirectory(Path.Combine(_repo, "scripts", "bin"));
            Directory.CreateDirectory(Path.Combine(_repo, "db"));
            File.WriteAllText(Path.Combine(_repo, "scripts", "sync.py"), "import os\n");
            File.WriteAllText(Path.Combine(_repo, "scripts", "ok.sh"), "#!/bin/sh\n# Description: Setup.\n# Orchestration: Phase 2 | Active\n");
            File.WriteAllText(Path.Combine(_repo, "scripts", "bin", "skip.py"), "import os\n");
            File.WriteAllText(Path.Combine(_repo, "db", "schema.sql"), "-- Description: Schema.\n-- Orchestration: Phase 2 | Done\n");

            var (exit, output, _) = Run("check", _repo);
            Assert.Equal(1, exit);
            Assert.Equal(
                "db/schema.sql(2,29): error GOV402: Malformed metadata header: the status 'Done' is not one of Active (headers.statuses)\n" +
                "scripts/sync.py(1,1): error GOV401: The file does not start with a metadata header: its first two lines must be '# Description: <summary>' and '# Orchestration: Phase <XX> | <Status>'\n" +
                "1 task packet(s) checked: 2 error(s), 0 warning(s).\n",
                output);
        }

        [Fact]
        public void Exit_code_0_when_no_error_remains()
        {
            File.Delete(Path.Combine(_repo, Bad));
            File.Delete(Path.Combine(_repo, "docs/task_packets/WP-1-Job-Retry.md"));
            var (exit, output, _) = Run("check", _repo);
            Assert.Equal(0, exit);
            Assert.Equal("1 task packet(s) checked: 0 error(s), 0 warning(s).\n", output);
        }

        [Fact]
        public void SARIF_parses_and_carries_rule_level_uri_and_region()
        {
            var (exit, output, _) = Run("check", _repo, "--format", "sarif");
            Assert.Equal(1, exit);
            using var sarif = JsonDocument.Parse(output);
            Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
            var run = sarif.RootElement.GetProperty("runs")[0];
            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
            Assert.Contains("GOV107", rules);
            Assert.Contains("GOV001", rules);
            var result = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "GOV107");
            Assert.Equal("error", result.GetProperty("level").GetString());
            Assert.Equal("GOV107", rules[result.GetProperty("ruleIndex").GetInt32()]);
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal(Bad, location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            var region = location.GetProperty("region");
            Assert.Equal((9, 11, 9, 22), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()));
        }

        [Fact]
        public void JSON_lists_diagnostics_with_their_arguments_and_output_goes_to_a_file()
        {
            string file = Path.Combine(_repo, "report.json");
            var (exit, output, _) = Run("check", _repo, "--format", "json", "--output", file);
            Assert.Equal(1, exit);
            Assert.Equal(string.Empty, output);
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var d = json.RootElement.GetProperty("diagnostics").EnumerateArray().Single(x => x.GetProperty("id").GetString() == "GOV108");
            Assert.Equal(Bad, d.GetProperty("path").GetString());
            Assert.Equal((5, 9), (d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32()));
            Assert.Equal("21/12/2025", d.GetProperty("arguments")[0].GetString());
        }

        [Fact]
        public void Bad_arguments_and_an_unreadable_path_exit_2_with_a_reason()
        {
            var (exit, _, err) = Run("check", _repo, "--format", "xml");
            Assert.Equal(2, exit);
            Assert.Contains("xml", err);

            var missing = Run("check", Path.Combine(_repo, "nope"));
            Assert.Equal(2, missing.Exit);
            Assert.Equal($"governance: PATH '{Path.Combine(_repo, "nope")}' is not a readable folder", missing.Err.Trim());

            var config = Run("check", _repo, "--config", Path.Combine(_repo, "missing.yml"));
            Assert.Equal(2, config.Exit);
        }

        [Fact]
        public void A_config_file_given_with_config_applies_and_its_errors_point_into_it()
        {
            string config = Path.Combine(_repo, "ci-governance.yml");
            File.WriteAllText(config, "severity:\n  GOV107: warning\n  GOV105: none\n  GOV106: none\n  GOV108: none\n  GOV110: none\n  GOV111: none\n  GOV112: none\n  GOV204: none\n");
            var (exit, output, _) = Run("check", _repo, "--config", config);
            Assert.Equal(0, exit);
            Assert.Contains(Bad + "(9,11): warning GOV107:", output);

            File.WriteAllText(config, "severty:\n  GOV107: warning\n");
            var invalid = Run("check", _repo, "--config", config);
            Assert.Contains("ci-governance.yml(1,1): error GOV001: Invalid governance configuration: unknown key 'severty'; the default profile applies", invalid.Out.Split('\n'));
        }

        [Fact]
        public void No_inline_config_ignores_suppression_comments()
        {
            File.AppendAllText(Path.Combine(_repo, Bad), "\n<!-- governance-disable-file GOV107 -->\n");
            Assert.DoesNotContain("GOV107", Run("check", _repo).Out);
            Assert.Contains("GOV107", Run("check", _repo, "--no-inline-config").Out);
        }

        [Fact]
        public void A_file_with_Windows_1252_bytes_is_read_and_GOV004_names_the_byte()
        {
            string path = Path.Combine(_repo, "docs/task_packets/WP-1-Storage-Layer.md");
            var bytes = File.ReadAllBytes(path).ToList();
            int at = Encoding.UTF8.GetString(bytes.ToArray()).IndexOf("Add the storage", StringComparison.Ordinal);
            bytes.Insert(at, 0x93); // Windows-1252 left double quote
            File.WriteAllBytes(path, bytes.ToArray());
            var (_, output, _) = Run("check", _repo);
            Assert.Contains($"docs/task_packets/WP-1-Storage-Layer.md(12,13): warning GOV004: Byte 0x93 at offset {at} is not valid UTF-8; the file mixes encodings (save it as UTF-8)", output.Split('\n'));
        }
    

        [Fact]
        public void Report_trace_writes_Markdown_or_JSON()
        {
            string md = Path.Combine(_repo, "trace.md");
            var (exit, _, _) = Run("check", _repo, "--report", "trace", "--output", md);
            Assert.Equal(1, exit);
            string text = File.ReadAllText(md);
            Assert.StartsWith("# Traceability report\n\nSpec: `Example_Master_Spec_v01.2.md` (v01.2). Packets: 3.", text);
            Assert.Contains("Anchored by: WP-1-Job-Retry, WP-1-Storage-Layer. Coverage: 100.0% (3 of 3 requirements).", text);

            var json = Run("check", _repo, "--report", "trace", "--format", "json");
            using var doc = JsonDocument.Parse(json.Out);
            Assert.Equal(3, doc.RootElement.GetProperty("packets").GetInt32());

            Assert.Equal(2, Run("check", _repo, "--report", "trace", "--format", "sarif").Exit);
            Assert.Equal(2, Run("check", _repo, "--report", "coverage").Exit);
        }
        [Fact]
        public void Report_graph_writes_Mermaid_or_DOT_of_the_dependency_graph()
        {
            // WP-1-Job-Cancel now waits for WP-1-Storage-Layer.
            string cancel = Path.Combine(_repo, Bad);
            File.WriteAllText(cancel, File.ReadAllText(cancel).Replace("## Notes\n", "## Notes\n- **Depends on**: WP-1-Storage-Layer\n"));
            var (exit, mermaid, _) = Run("check", _repo, "--report", "graph");
            Assert.Equal(1, exit);
            Assert.StartsWith("flowchart LR\n", mermaid);
            Assert.Contains("  %% 2 WPs with dependencies drawn; 1 WPs without dependencies not drawn.\n", mermaid);
            Assert.Contains("  n1 --> n0\n", mermaid);

            var dot = Run("check", _repo, "--report", "graph", "--format", "dot");
            Assert.Contains("  \"WP-1-Storage-Layer\" -> \"WP-1-Job-Cancel\";\n", dot.Out);

            Assert.Equal(2, Run("check", _repo, "--report", "graph", "--format", "sarif").Exit);
            var noReport = Run("check", _repo, "--format", "dot");
            Assert.Equal(2, noReport.Exit);
            Assert.Equal("governance: --format mermaid and dot need --report graph", noReport.Err.Trim());
        }
        [Fact]
        public void State_files_are_read_and_artifacts_checked_against_the_folder()
        {
            Directory.CreateDirectory(Path.Combine(_repo, ".agent", "state"));
            File.WriteAllText(Path.Combine(_repo, ".agent", "state", "active_phase.json"),
                "{ \"phaseId\": \"1\", \"completedLayers\": [\"LAYER_0_REFLECTION\"], \"nextAction\": \"LAYER_A\",\n" +
                "  \"artifacts\": { \"LAYER_A\": \"docs/SPEC_CURRENT.md\", \"LAYER_B\": \"docs/decisions/ADR_01.md\" } }\n");
            File.WriteAllText(Path.Combine(_repo, "session.json"), "{ \"Phase\": 1, \"Task\": 0, \"GapCount\": 5 }");
            var (_, output, _) = Run("check", _repo);
            var lines = output.Split('\n');
            Assert.Contains(".agent/state/active_phase.json(2,64): error GOV320: Artifact of LAYER_B is 'docs/decisions/ADR_01.md', which is not a file of the repository", lines);
            Assert.Contains("session.json(1,38): error GOV315: GapCount is 5; the verifier retry limit is 2 (state.maxGapCount)", lines);
            Assert.DoesNotContain(lines, l => l.Contains("docs/SPEC_CURRENT.md', which"));
        }

        /// <summary>Only the valid packet, set In-Progress: its IN_SCOPE_PATHS is src/storage/mod.rs.</summary>
        private void OnlyStorageLayerInProgress()
        {
            File.Delete(Path.Combine(_repo, Bad));
            File.Delete(Path.Combine(_repo, "docs/task_packets/WP-1-Job-Retry.md"));
            string packet = Path.Combine(_repo, "docs/task_packets/WP-1-Storage-Layer.md");
            File.WriteAllText(packet, File.ReadAllText(packet).Replace("- STATUS: Ready-for-Dev", "- STATUS: In-Progress"));
        }

        [Fact]
        public void The_scope_gate_fails_on_a_changed_file_outside_scope_and_passes_inside_it()
        {
            OnlyStorageLayerInProgress();
            string list = Path.Combine(_repo, "changed.txt");
            File.WriteAllText(list, "# files of this change\nsrc/storage/mod.rs\n\ndocs/task_packets/WP-1-Storage-Layer.md\n");
            var inside = Run("check", _repo, "--changed-files", list);
            Assert.Equal(0, inside.Exit);
            Assert.Equal("1 task packet(s) checked: 0 error(s), 0 warning(s).\n", inside.Out);

            File.AppendAllText(list, "src/api/routes.rs\n");
            var outside = Run("check", _repo, "--changed-files", list);
            Assert.Equal(1, outside.Exit);
            Assert.Contains("src/api/routes.rs(1,1): error GOV505: 'src/api/routes.rs' is changed, but it is outside the IN_SCOPE_PATHS of WP-1-Storage-Layer (In-Progress); add it to a packet's IN_SCOPE_PATHS or record a waiver whose Scope names it", outside.Out.Split('\n'));
        }

        [Fact]
        public void A_changed_files_list_with_a_path_out_of_the_repository_or_both_sources_is_a_usage_error()
        {
            string list = Path.Combine(_repo, "changed.txt");
            File.WriteAllText(list, "src/storage/mod.rs\n../../etc/passwd\n");
            var climbing = Run("check", _repo, "--changed-files", list);
            Assert.Equal(2, climbing.Exit);
            Assert.Equal($"governance: --changed-files '{list}' line 2: '../../etc/passwd' is not a path inside the repository (absolute, or climbing out with '..')", climbing.Err.Trim());

            var both = Run("check", _repo, "--changed-files", list, "--changed-since", "main");
            Assert.Equal(2, both.Exit);
            Assert.Equal("governance: give --changed-files or --changed-since, not both", both.Err.Trim());
            Assert.Equal(2, Run("check", _repo, "--today", "21.11.2026").Exit);
            Assert.Equal(2, Run("check", _repo, "--changed-since", "--output=x").Exit);
        }

        [Fact]
        public void The_scope_gate_asks_git_for_the_files_changed_since_a_revision()
        {
            OnlyStorageLayerInProgress();
            Git("init", "-q", "-b", "main");
            Git("add", "-A");
            Git("commit", "-q", "-m", "base");
            Git("checkout", "-q", "-b", "work");
            File.AppendAllText(Path.Combine(_repo, "src/storage/mod.rs"), "// more\n");
            Directory.CreateDirectory(Path.Combine(_repo, "src/api"));
            File.WriteAllText(Path.Combine(_repo, "src/api/routes.rs"), "// new\n");
            Git("add", "-A");
            Git("commit", "-q", "-m", "work");

            var (exit, output, err) = Run("check", _repo, "--changed-since", "main");
            Assert.Equal("", err);
            Assert.Equal(1, exit);
            var gate = output.Split('\n').Where(l => l.Contains("GOV505")).ToList();
            Assert.Equal(new[] { "src/api/routes.rs(1,1): error GOV505: 'src/api/routes.rs' is changed, but it is outside the IN_SCOPE_PATHS of WP-1-Storage-Layer (In-Progress); add it to a packet's IN_SCOPE_PATHS or record a waiver whose Scope names it" }, gate);

            var unknown = Run("check", _repo, "--changed-since", "no-such-branch");
            Assert.Equal(2, unknown.Exit);
            Assert.StartsWith("governance: --changed-since 'no-such-branch': git diff failed:", unknown.Err);
        }

        private void Git(params string[] args) => Testing.GitRepository.Git(_repo, args);

        [Fact]
        public void Lock_records_signed_packets_once_and_check_then_reports_an_edit()
        {
            var (exit, output, _) = Run("lock", _repo);
            Assert.Equal(0, exit);
            Assert.Equal("governance.lock.json: 2 locked packet(s) recorded, 0 kept\n  recorded docs/task_packets/WP-1-Job-Retry.md\n  recorded docs/task_packets/WP-1-Storage-Layer.md\n", output.Replace("\r\n", "\n"));
            string manifest = File.ReadAllText(Path.Combine(_repo, "governance.lock.json"));
            Assert.DoesNotContain("WP-1-Job-Cancel.md", manifest); // <pending> is not a lock
            Assert.DoesNotContain("GOV607", Run("check", _repo).Out);

            // A second run keeps what is recorded.
            Assert.Equal("governance.lock.json: 0 locked packet(s) recorded, 2 kept\n", Run("lock", _repo).Out.Replace("\r\n", "\n"));
            Assert.Equal(manifest, File.ReadAllText(Path.Combine(_repo, "governance.lock.json")));

            // Editing a locked packet's scope breaks its lock; lock keeps the entry and exits 1.
            string packet = Path.Combine(_repo, "docs/task_packets/WP-1-Storage-Layer.md");
            File.WriteAllText(packet, File.ReadAllText(packet).Replace("Add the storage trait.", "Add the storage trait and a cache."));
            var check = Run("check", _repo);
            Assert.Contains(check.Out.Split('\n'), l => l.StartsWith("docs/task_packets/WP-1-Storage-Layer.md(68,28): error GOV607: Task packet 'WP-1-Storage-Layer' is locked (USER_SIGNATURE 'ilja261220251430') and its text no longer matches governance.lock.json", StringComparison.Ordinal)
                && l.EndsWith("create a variant packet 'WP-1-Storage-Layer-v2' for the change", StringComparison.Ordinal));
            var relock = Run("lock", _repo);
            Assert.Equal(1, relock.Exit);
            Assert.Contains("  changed since its lock (GOV607, entry kept): docs/task_packets/WP-1-Storage-Layer.md", relock.Out);
            Assert.Equal(manifest, File.ReadAllText(Path.Combine(_repo, "governance.lock.json")));
        }

        [Fact]
        public void Lock_refuses_a_manifest_that_is_not_one()
        {
            File.WriteAllText(Path.Combine(_repo, "governance.lock.json"), "{ \"version\": 1, ");
            var (exit, _, error) = Run("lock", _repo);
            Assert.Equal(2, exit);
            Assert.StartsWith("governance: governance.lock.json is not a valid lock manifest (", error);
        }

        [Fact]
        public void On_the_full_fixture_the_scope_gate_fails_on_a_change_outside_the_packet_In_Progress_and_passes_inside_it()
        {
            File.Delete(Path.Combine(_repo, "docs/task_packets/WP-1-Job-Cancel.md"));
            File.Delete(Path.Combine(_repo, "docs/task_packets/WP-1-Job-Retry.md"));
            string full = Path.Combine(AppContext.BaseDirectory, "full");
            foreach (var file in Directory.GetFiles(full, "*", SearchOption.AllDirectories))
            {
                string target = Path.Combine(_repo, Path.GetRelativePath(full, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite: true);
            }

            string list = Path.Combine(_repo, "changed.txt");
            File.WriteAllText(list, "src/storage/mod.rs\ndocs/task_packets/WP-1-Scope-Demo.md\n");
            var inside = Run("check", _repo, "--changed-files", list, "--today", "2026-03-01");
            Assert.DoesNotContain("GOV505", inside.Out);
            Assert.Contains("docs/task_packets/WP-1-Scope-Demo.md(16,5): error GOV501: IN_SCOPE_PATHS entry 'src/' is a folder; list the exact files the packet may change", inside.Out.Split('\n'));

            File.AppendAllText(list, "src/api/routes.rs\n");
            var outside = Run("check", _repo, "--changed-files", list, "--today", "2026-03-01");
            Assert.Equal(1, outside.Exit);
            Assert.Equal(new[] { "src/api/routes.rs(1,1): error GOV505: 'src/api/routes.rs' is changed, but it is outside the IN_SCOPE_PATHS of WP-1-Scope-Demo (In-Progress); add it to a packet's IN_SCOPE_PATHS or record a waiver whose Scope names it" },
                outside.Out.Split('\n').Where(l => l.Contains("GOV505")).ToArray());
        }
    }
}