using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Engine.Queries;
using Xunit;

namespace Orchestrator.Governance.Tests.Engine.Queries
{
    /// <summary>
    /// The gates of <see cref="ReadyToClose"/> that need a host (named tests judged by their source, test results),
    /// judged on the shared valid packet with its DONE_MEANS naming three tests; the other gates are checked through
    /// both hosts (the MCP server's McpServerTests, the CLI's ReadyCommandTests).
    /// </summary>
    public class ReadyToCloseTests
    {
        private static readonly Governance.Engine.GovernanceResult Result =
            Packets.Analyze(Packets.Valid.Replace("  * All tests pass\n", Testing.TestResultSamples.NamedTestItems + "\n"));

        private static ReadinessGate Gate(Readiness readiness, string name) => readiness.Gates.Single(g => g.Name == name);

        private static Readiness Judge(ReadinessHost host) => ReadyToClose.Judge(Result, "WP-1-Storage-Layer", "Done", host);

        [Fact]
        public void NamedTests_fails_on_any_test_that_does_not_run_is_unsettled_when_the_source_cannot_tell_and_is_left_out_without_a_judge()
        {
            var asked = new List<string>();
            IReadOnlyList<NamedTestVerdict> Verdicts(IReadOnlyList<string> names, bool? third)
            {
                asked.AddRange(names);
                return new[]
                {
                    new NamedTestVerdict(names[0], true, "is a test that runs (Storage/DatabaseTests.cs:10)"),
                    new NamedTestVerdict(names[1], true, "is a test that runs (Storage/DatabaseTests.cs:20)"),
                    new NamedTestVerdict(names[2], third, third == false ? "is skipped" : "is inherited from a base type the source does not show"),
                };
            }

            var failed = Gate(Judge(new ReadinessHost { NamedTests = names => Verdicts(names, false) }), "namedTests");
            Assert.Equal(new[] { "Storage.Tests.DatabaseTests.Opens", "Storage.Tests.DatabaseTests.Migrates", "Storage.Tests.DatabaseTests.RollsBack" }, asked);
            Assert.Equal((false, "'Storage.Tests.DatabaseTests.RollsBack' is skipped"), (failed.Passed, failed.Reason));

            var unsettled = Gate(Judge(new ReadinessHost { NamedTests = names => Verdicts(names, null) }), "namedTests");
            Assert.Null(unsettled.Passed);
            Assert.Equal(
                "'Storage.Tests.DatabaseTests.Opens' is a test that runs (Storage/DatabaseTests.cs:10); 'Storage.Tests.DatabaseTests.Migrates' is a test that runs (Storage/DatabaseTests.cs:20); " +
                "'Storage.Tests.DatabaseTests.RollsBack' is inherited from a base type the source does not show", unsettled.Reason);

            Assert.True(Gate(Judge(new ReadinessHost { NamedTests = names => Verdicts(names, true) }), "namedTests").Passed);
            Assert.DoesNotContain(Judge(new ReadinessHost()).Gates, g => g.Name == "namedTests");
        }

        [Fact]
        public void TestsPassed_fails_without_results_and_asks_the_host_for_them_only_when_tests_are_named()
        {
            int asked = 0;
            var none = Judge(new ReadinessHost { TestResults = () => { asked++; return null; } });
            var gate = Gate(none, "testsPassed");
            Assert.Equal(1, asked);
            Assert.Equal((false, "DONE_MEANS names 3 test(s) and no test results were given: pass testResults (TRX or JUnit XML files) from the run that shows they passed"), (gate.Passed, gate.Reason));
            Assert.False(none.Ready);

            // No named test: the gate is not checked and the results are never asked for.
            asked = 0;
            var plain = ReadyToClose.Judge(Packets.Analyze(Packets.Valid), "WP-1-Storage-Layer", "Done", new ReadinessHost { TestResults = () => { asked++; return null; } });
            Assert.Equal((null, "DONE_MEANS names no test (taskPacket.testReference)"), (Gate(plain, "testsPassed").Passed, Gate(plain, "testsPassed").Reason));
            Assert.Equal(0, asked);
        }

        [Fact]
        public void A_host_that_takes_no_test_results_leaves_testsPassed_unchecked_and_a_host_names_its_own_option()
        {
            var hover = Gate(Judge(new ReadinessHost { JudgesTestResults = false }), "testsPassed");
            Assert.Equal((null, "DONE_MEANS names 3 test(s); test results are not judged here (testResults judges them)"), (hover.Passed, hover.Reason));
            var cli = Gate(Judge(new ReadinessHost { TestResultsOption = "--test-results" }), "testsPassed");
            Assert.Equal("DONE_MEANS names 3 test(s) and no test results were given: pass --test-results (TRX or JUnit XML files) from the run that shows they passed", cli.Reason);
        }

        [Theory]
        [InlineData("In-Progress", "Done")]
        [InlineData("Done", "Validated")]
        [InlineData("Blocked", "Done")]
        [InlineData("Ready-for-Dev", null)]
        [InlineData("Validated", null)]
        [InlineData("Almost done", "Done")]
        public void The_next_closing_status_is_the_first_the_transitions_allow(string status, string? next)
        {
            // seed 003 §6.3-6.4 (taskPacket.statusTransitions): Ready-for-Dev moves to In-Progress or Blocked; Validated to nothing; a status not listed anywhere.
            Assert.Equal(next, ReadyToClose.NextClosingStatus(Result.Config, status));
        }

        [Fact]
        public void The_packet_itself_is_judged_even_where_another_packet_declares_its_ID()
        {
            var twin = Packets.Analyze((Packets.Path, Packets.Valid), ("docs/task_packets/WP-1-Other-Layer.md", Packets.Valid.Replace("- STATUS: Ready-for-Dev", "- STATUS: Almost done")));
            var other = twin.Packets.Single(p => p.Path.EndsWith("WP-1-Other-Layer.md", System.StringComparison.Ordinal));
            var judged = ReadyToClose.Judge(twin, other, "WP-1-Storage-Layer", "Done", new ReadinessHost());
            Assert.Equal(("docs/task_packets/WP-1-Other-Layer.md", "Almost done"), (judged.File, judged.Status));
            Assert.Equal(GateNamesIn(judged), ReadyToClose.GateNames.Where(n => n != "namedTests"));
        }

        private static IEnumerable<string> GateNamesIn(Readiness readiness) => readiness.Gates.Select(g => g.Name);

        [Fact]
        public void An_ID_no_packet_has_and_a_status_that_closes_nothing_are_query_errors_naming_what_to_ask()
        {
            var unknown = Assert.Throws<QueryException>(() => ReadyToClose.Judge(Result, "WP-1-Storage", "Done", new ReadinessHost()));
            Assert.Equal("no task packet has the WP ID 'WP-1-Storage'; did you mean WP-1-Storage-Layer?", unknown.Message);
            var closing = Assert.Throws<QueryException>(() => ReadyToClose.Judge(Result, "WP-1-Storage-Layer", "Closed", new ReadinessHost()));
            Assert.Equal("'Closed' is not a closing status; expected one of " + string.Join(", ", ReadyToClose.ClosingStatuses(Result.Config)) + " (taskPacket.closedStatuses, dependencies.validated)", closing.Message);
            Assert.Equal((Result.Packets.Single(), "WP-1-Storage-Layer"), PacketLookup.Resolve(Result, "wp-1-storage-layer"));
        }
    }
}
