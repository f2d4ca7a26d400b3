using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace Orchestrator.Governance.Cli.Tests
{
    /// <summary>
    /// <c>governance ready WP-ID --target STATUS</c> (issue 35): the gates the MCP server's ready_to_close judges
    /// (Engine/Queries/ReadyToClose), in the terminal and in CI, exit 0 only when no gate fails.
    /// </summary>
    public sealed class ReadyCommandTests : IDisposable
    {
        private readonly string _repo = Path.Combine(Path.GetTempPath(), "ready-" + Guid.NewGuid().ToString("N"));

        public ReadyCommandTests() => ExampleRepository.CopyTo(_repo);

        public void Dispose() => Directory.Delete(_repo, true);

        private string Packet => Path.Combine(_repo, "docs", "task_packets", "WP-1-Storage-Layer.md");

        private string Board => Path.Combine(_repo, "docs", "TASK_BOARD.md");

        private (int Exit, string Out, string Err) Ready(params string[] more) =>
            CommandLine.Run(new[] { "ready", "WP-1-Storage-Layer", _repo, "--today", "2026-12-01" }.Concat(more).ToArray());

        [Fact]
        public void A_packet_with_a_blocker_and_a_board_behind_is_not_ready_and_every_gate_says_why()
        {
            string packet = File.ReadAllText(Packet).Replace("- STATUS: Ready-for-Dev", "- STATUS: In-Progress");
            File.WriteAllText(Packet, packet.Replace("- **Dependencies**: none", "- **Dependencies**: WP-1-Job-Retry"));
            File.WriteAllText(Board, "# Task Board\n\n## In Progress\n- **[WP-1-Storage-Layer]** - [IN_PROGRESS]\n\n## Ready for Dev\n- **[WP-1-Job-Retry]** - [READY_FOR_DEV]\n");

            var (exit, output, error) = Ready("--target", "Done");
            Assert.Equal(string.Empty, error);
            Assert.Equal(1, exit);
            Assert.Equal(
                "WP-1-Storage-Layer (docs/task_packets/WP-1-Storage-Layer.md): not ready to move from 'In-Progress' to 'Done'\n" +
                "  PASS transition: 'In-Progress' may move to 'Done'\n" +
                "  PASS doneMeansMapped: 2 DONE_MEANS item(s), measurable: 1 mapped to requirements, 1 gate(s)\n" +
                "  PASS mustsCovered: every MUST of the 1 anchored section(s) is covered by a DONE_MEANS item\n" +
                "  FAIL blockersValidated: blockers not VALIDATED: WP-1-Job-Retry (READY_FOR_DEV)\n" +
                "    docs/task_packets/WP-1-Storage-Layer.md(63,21): error GOV303: WP-1-Storage-Layer is In-Progress while its blocker WP-1-Job-Retry is READY_FOR_DEV, not VALIDATED\n" +
                "  PASS locked: locked by USER_SIGNATURE 'ilja261220251430'\n" +
                "  FAIL board: docs/TASK_BOARD.md lists WP-1-Storage-Layer as 'IN_PROGRESS' (line 4); move it to the board's status for 'Done' in the same change\n" +
                "  SKIP testsPassed: DONE_MEANS names no test (taskPacket.testReference)\n" +
                "  PASS noOtherErrors: no other error in the packet\n" +
                "2 gate(s) failed (1 not checked here).\n",
                output);

            // The blocker dropped and the board moved: every gate passes, exit 0.
            File.WriteAllText(Packet, packet);
            File.WriteAllText(Board, "# Task Board\n\n## Done\n- **[WP-1-Storage-Layer]** - [DONE]\n");
            (exit, output, error) = Ready("--target", "Done");
            Assert.True(exit == 0, output + error);
            Assert.StartsWith("WP-1-Storage-Layer (docs/task_packets/WP-1-Storage-Layer.md): ready to move from 'In-Progress' to 'Done'\n", output);
            Assert.Contains("  PASS board: docs/TASK_BOARD.md lists WP-1-Storage-Layer as 'DONE' (line 4), which agrees with 'Done'\n", output);
            Assert.EndsWith("Every gate passed (1 not checked here).\n", output);

            // --strict: a gate not checked (no named test here) fails the step as well.
            (exit, output, _) = Ready("--target", "Done", "--strict");
            Assert.Equal(1, exit);
            Assert.Contains("  SKIP testsPassed: DONE_MEANS names no test (taskPacket.testReference)\n", output);

            // JSON: the MCP server's ready_to_close answer.
            (exit, output, _) = Ready("--target", "Done", "--format", "json");
            Assert.Equal(0, exit);
            using var json = JsonDocument.Parse(output);
            Assert.True(json.RootElement.GetProperty("ready").GetBoolean());
            Assert.Equal(("WP-1-Storage-Layer", "docs/task_packets/WP-1-Storage-Layer.md", "In-Progress", "Done"),
                (json.RootElement.GetProperty("id").GetString(), json.RootElement.GetProperty("file").GetString(), json.RootElement.GetProperty("status").GetString(), json.RootElement.GetProperty("target").GetString()));
            Assert.Equal(new[] { "transition", "doneMeansMapped", "mustsCovered", "blockersValidated", "locked", "board", "testsPassed", "noOtherErrors" },
                json.RootElement.GetProperty("gates").EnumerateArray().Select(g => g.GetProperty("gate").GetString()));
            var musts = json.RootElement.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("gate").GetString() == "mustsCovered").GetProperty("requirements");
            Assert.Equal(
                new[] { "21 26 substance: trait, database", "22 26 substance: sqlite, sqlitedatabase, wrapper, trait, database" },
                musts.EnumerateArray().Select(r => $"{r.GetProperty("specLine").GetInt32()} {r.GetProperty("coveredByLine").GetInt32()} {r.GetProperty("why").GetString()}"));
        }

        [Fact]
        public void A_gate_that_reads_diagnostics_lists_them_under_it_as_check_prints_them()
        {
            // WP-1-Job-Cancel: a placeholder signature (GOV111) and other errors.
            var (exit, output, _) = CommandLine.Run("ready", "WP-1-Job-Cancel", _repo, "--target", "Done", "--today", "2026-12-01");
            Assert.Equal(1, exit);
            var lines = output.Split('\n');
            int locked = Array.FindIndex(lines, l => l.StartsWith("  FAIL locked: ", StringComparison.Ordinal));
            Assert.Equal("  FAIL locked: USER_SIGNATURE '<pending>' is a placeholder, not a signature; the packet is not locked", lines[locked]);
            Assert.Equal("    docs/task_packets/WP-1-Job-Cancel.md(64,28): error GOV111: USER_SIGNATURE '<pending>' is a placeholder, not a signature; the packet is not locked", lines[locked + 1]);
            Assert.Contains("  FAIL mustsCovered: the packet anchors no Main Body section of the current spec (see its specAnchor in the packet tool, GOV203, GOV204)", lines);
            int others = Array.FindIndex(lines, l => l.StartsWith("  FAIL noOtherErrors: ", StringComparison.Ordinal));
            Assert.True(others > 0, output);
            Assert.Contains("    docs/task_packets/WP-1-Job-Cancel.md(9,11): error GOV107: STATUS 'Almost done' is not an allowed value (allowed: Ready-for-Dev, In-Progress, Blocked, Done, Validated)", lines.Skip(others + 1));
        }

        [Fact]
        public void Named_tests_pass_only_in_the_test_results_given()
        {
            File.WriteAllText(Packet, File.ReadAllText(Packet).Replace("  * All tests pass\n", Testing.TestResultSamples.NamedTestItems + "\n"));
            Directory.CreateDirectory(Path.Combine(_repo, "TestResults"));
            File.WriteAllText(Path.Combine(_repo, "TestResults", "run.trx"), Testing.TestResultSamples.Trx);

            var (exit, output, _) = Ready("--target", "Done");
            Assert.Equal(1, exit);
            Assert.Contains("  FAIL testsPassed: DONE_MEANS names 3 test(s) and no test results were given: pass --test-results (TRX or JUnit XML files) from the run that shows they passed\n", output);

            (exit, output, _) = Ready("--target", "Done", "--test-results", "TestResults/*.trx");
            Assert.Equal(1, exit);
            Assert.Contains(
                "  FAIL testsPassed: DONE_MEANS names the test 'Storage.Tests.DatabaseTests.Migrates', which failed in TestResults/run.trx (2026-11-30T10:01:30Z); " +
                "DONE_MEANS names the test 'Storage.Tests.DatabaseTests.RollsBack', which was skipped in TestResults/run.trx (2026-11-30T10:01:30Z)\n", output);
            Assert.Contains("    docs/task_packets/WP-1-Storage-Layer.md(", output);
            Assert.Contains(": error GOV704: DONE_MEANS names the test 'Storage.Tests.DatabaseTests.Migrates', which failed in TestResults/run.trx (2026-11-30T10:01:30Z)\n", output);
        }

        [Fact]
        public void A_status_that_closes_nothing_an_unknown_WP_and_a_bad_path_are_usage_errors()
        {
            var (exit, output, error) = Ready("--target", "Closed");
            Assert.Equal((2, string.Empty), (exit, output));
            Assert.StartsWith("governance: 'Closed' is not a closing status; expected one of Done", error);

            (exit, output, error) = CommandLine.Run("ready", "WP-1-Storage", _repo, "--target", "Done");
            Assert.Equal((2, string.Empty), (exit, output));
            Assert.Equal("governance: no task packet has the WP ID 'WP-1-Storage'; did you mean WP-1-Storage-Layer?\n", error);

            (exit, _, error) = CommandLine.Run("ready", "WP-1-Storage-Layer", Path.Combine(_repo, "no-such-folder"), "--target", "Done");
            Assert.Equal(2, exit);
            Assert.StartsWith("governance: PATH '", error);

            (exit, _, error) = CommandLine.Run("ready", "WP-1-Storage-Layer", _repo);
            Assert.Equal(2, exit);
            Assert.Contains("--target", error);
        }
    }
}
