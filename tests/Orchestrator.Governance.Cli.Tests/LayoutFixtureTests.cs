using System;
using System.IO;
using Orchestrator.Governance.Cli;
using Xunit;

namespace Orchestrator.Governance.Cli.Tests
{
    /// <summary>
    /// The layout fixtures of tests/Fixtures (each described in its FIXTURE.md), laid over the
    /// example repository without its packets: each gives exactly the diagnostics its defects
    /// call for and nothing else. The end-to-end tests build the same fixtures with dotnet build.
    /// </summary>
    public sealed class LayoutFixtureTests : IDisposable
    {
        private readonly string _repo = Path.Combine(Path.GetTempPath(), "orchestrator-layout-" + Guid.NewGuid().ToString("N").Substring(0, 12));

        public void Dispose()
        {
            if (Directory.Exists(_repo)) Directory.Delete(_repo, recursive: true);
        }

        /// <summary>The example's spec and SPEC_CURRENT.md (no packets), with the fixture laid over it.</summary>
        private string Lay(string fixture) => LayoutFixture.Lay(fixture, _repo);

        private static (int Exit, string Out) Check(string repo)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int exit = Program.Run(new[] { "check", repo, "--today", "2026-01-15" }, stdout, stderr);
            Assert.Equal(string.Empty, stderr.ToString());
            return (exit, stdout.ToString());
        }

        [Fact]
        public void Folder_per_packet_names_each_packet_by_its_folder()
        {
            var (exit, output) = Check(Lay("folder-per-packet"));
            Assert.Equal(1, exit);
            Assert.Equal(
                "docs/TASK_BOARD.md(6,6): warning GOV306: Task board lists WP-1-Job-Gone as READY_FOR_DEV, but there is no task packet WP-1-Job-Gone\n" +
                "docs/task_packets/WP-1-Job-Cancel/packet.md(4,12): error GOV105: TASK_ID 'WP-1-Job-Cancl' does not match the folder name 'WP-1-Job-Cancel'\n" +
                "2 task packet(s) checked: 1 error(s), 1 warning(s).\n",
                output);
        }
    
        [Fact]
        public void Mojibake_is_read_repaired_and_reported_once_per_document()
        {
            var (exit, output) = Check(Lay("mojibake"));
            Assert.Equal(1, exit);
            Assert.Equal(
                "docs/task_packets/WP-1-Job-Cancel.md(9,11): warning GOV009: The text was saved through a wrong encoding (UTF-8 read as Windows-1252): 'â€”' is read as '—'; save the file as UTF-8 with the repaired text\n" +
                "docs/task_packets/WP-1-Job-Cancel.md(9,11): error GOV107: STATUS '— Almost done' is not an allowed value (allowed: Ready-for-Dev, In-Progress, Blocked, Done, Validated)\n" +
                "docs/task_packets/WP-1-Storage-Layer.md(12,35): warning GOV009: The text was saved through a wrong encoding (UTF-8 read as Windows-1252): 'â€”' is read as '—'; save the file as UTF-8 with the repaired text\n" +
                "2 task packet(s) checked: 1 error(s), 2 warning(s).\n",
                output);
        }
    
        [Fact]
        public void A_spec_in_modules_behind_a_JSON_pointer_reports_at_the_module_and_its_own_lines()
        {
            var (exit, output) = Check(Lay("spec-modules"));
            Assert.Equal(1, exit);
            Assert.Equal(
                ".GOV/spec/02_architecture.md(13,5): warning GOV211: Heading §2.4.1 Cache Layer is numbered outside §2.3 Storage, the section it stands in (line 3 of .GOV/spec/02_architecture.md)\n" +
                "docs/task_packets/WP-1-Offline-Mode.md(25,5): error GOV207: 1 MUST requirement(s) of §1.1 are covered by no DONE_MEANS item: line 4 of .GOV/spec/01_vision.md 'The product MUST run fully offline.'\n" +
                "docs/task_packets/WP-1-Offline-Mode.md(25,5): warning GOV208: 1 SHOULD requirement(s) of §1.1 are covered by no DONE_MEANS item: line 4 of .GOV/spec/01_vision.md 'It SHOULD start in under two seconds.'\n" +
                "docs/task_packets/WP-1-Offline-Mode.md(58,35): error GOV203: SPEC_ANCHOR §2.3.99 does not resolve in .GOV/spec/: no such section; the nearest is §2.3 Storage\n" +
                "2 task packet(s) checked: 2 error(s), 2 warning(s).\n",
                output);
        }
    
        [Fact]
        public void Packets_kept_as_data_are_checked_at_their_values_and_their_projections_compared()
        {
            var (exit, output) = Check(Lay("data-packets"));
            Assert.Equal(1, exit);
            Assert.Equal(
                "docs/task_packets/WP-1-Job-Cancel/packet.yaml(7,11): error GOV107: STATUS 'Almost done' is not an allowed value (allowed: Ready-for-Dev, In-Progress, Blocked, Done, Validated)\n" +
                "docs/task_packets/WP-1-Storage-Layer/packet.md(9,11): error GOV113: STATUS is 'Ready-for-Dev' here but 'In-Progress' in docs/task_packets/WP-1-Storage-Layer/packet.json, the packet's other form; regenerate the form that is not authoritative (taskPacket.authoritative: data)\n" +
                "2 task packet(s) checked: 2 error(s), 0 warning(s).\n",
                output);
        }

        [Fact]
        public void A_layout_configured_only_in_governance_yml_is_found_YAML_packets_and_a_pointer_naming_a_manifest()
        {
            var (exit, output) = Check(Lay("configured-layout"));
            Assert.Equal(1, exit);
            Assert.Equal(
                "work/WP-1-Offline-Mode/packet.yml(25,21): error GOV203: SPEC_ANCHOR §2.3.99 does not resolve in .GOV/spec/: no such section; the nearest is §2.3 Storage\n" +
                "work/WP-1-Storage-Layer/packet.yml(6,9): error GOV107: STATUS 'Almost done' is not an allowed value (allowed: Ready-for-Dev, In-Progress, Blocked, Done, Validated)\n" +
                "2 task packet(s) checked: 2 error(s), 0 warning(s).\n",
                output);
        }
    }
}
