using System;
using System.IO;
using System.Linq;
using Orchestrator.Governance.Testing;
using Xunit;

namespace Orchestrator.Governance.Cli.Tests
{
    /// <summary>
    /// Issue 32, named tests that passed: <c>governance check --test-results GLOB</c> on the example
    /// repository whose WP-1-Storage-Layer names three tests (lines 27-29), with a TRX and a JUnit
    /// file in which one passed, one failed and one was skipped: exactly the two GOV704 findings.
    /// </summary>
    public sealed class TestResultsCheckTests : IDisposable
    {
        private const string Packet = "docs/task_packets/WP-1-Storage-Layer.md";
        private readonly string _repo = Path.Combine(Path.GetTempPath(), "orchestrator-results-" + Guid.NewGuid().ToString("N").Substring(0, 12));

        public TestResultsCheckTests()
        {
            ExampleRepository.CopyTo(_repo);
            string packet = Path.Combine(_repo, Packet);
            File.WriteAllText(packet, File.ReadAllText(packet).Replace("  * All tests pass\n", TestResultSamples.NamedTestItems + "\n"));
            Directory.CreateDirectory(Path.Combine(_repo, "TestResults"));
            Directory.CreateDirectory(Path.Combine(_repo, "target", "nextest"));
            File.WriteAllText(Path.Combine(_repo, "TestResults", "run.trx"), TestResultSamples.Trx);
            File.WriteAllText(Path.Combine(_repo, "target", "nextest", "junit.xml"), TestResultSamples.JUnit);
        }

        public void Dispose() => Directory.Delete(_repo, recursive: true);

        private static string[] Gov704(string output) => output.Split('\n').Where(l => l.Contains(" GOV704: ", StringComparison.Ordinal)).ToArray();

        [Fact]
        public void A_TRX_file_gives_the_failed_and_the_skipped_test()
        {
            var (exit, output, _) = CommandLine.Run("check", _repo, "--today", "2026-12-07", "--test-results", "TestResults/*.trx");
            Assert.Equal(1, exit);
            Assert.Equal(new[]
            {
                Packet + "(28,12): error GOV704: DONE_MEANS names the test 'Storage.Tests.DatabaseTests.Migrates', which failed in TestResults/run.trx (2026-11-30T10:01:30Z)",
                Packet + "(29,12): error GOV704: DONE_MEANS names the test 'Storage.Tests.DatabaseTests.RollsBack', which was skipped in TestResults/run.trx (2026-11-30T10:01:30Z)",
            }, Gov704(output));
        }

        [Fact]
        public void A_JUnit_file_gives_the_failed_and_the_skipped_test_and_is_newer_than_the_TRX()
        {
            var (exit, output, _) = CommandLine.Run("check", _repo, "--today", "2026-12-07", "--test-results", "TestResults/*.trx", "--test-results", "target/**/junit.xml");
            Assert.Equal(1, exit);
            Assert.Equal(new[]
            {
                Packet + "(28,12): error GOV704: DONE_MEANS names the test 'Storage.Tests.DatabaseTests.Migrates', which failed in target/nextest/junit.xml (2026-11-30T11:00:00Z)",
                Packet + "(29,12): error GOV704: DONE_MEANS names the test 'Storage.Tests.DatabaseTests.RollsBack', which was skipped in target/nextest/junit.xml (2026-11-30T11:00:00Z)",
            }, Gov704(output));
        }

        [Fact]
        public void Results_that_match_no_file_leave_every_named_test_unproven_and_without_the_option_the_rule_does_not_run()
        {
            var (_, output, _) = CommandLine.Run("check", _repo, "--today", "2026-12-07", "--test-results", "nowhere/*.trx");
            Assert.Equal(3, Gov704(output).Length);
            Assert.Contains(Packet + "(27,12): error GOV704: DONE_MEANS names the test 'Storage.Tests.DatabaseTests.Opens', which is in none of the test results (no readable file)", Gov704(output));

            Assert.Empty(Gov704(CommandLine.Run("check", _repo, "--today", "2026-12-07").Out));
        }

        [Fact]
        public void A_glob_out_of_the_repository_is_a_usage_error_and_a_result_file_linked_from_outside_is_not_read()
        {
            var (exit, _, error) = CommandLine.Run("check", _repo, "--test-results", "../*.trx");
            Assert.Equal(2, exit);
            Assert.Equal("governance: --test-results '../*.trx' is not a glob inside the repository (empty, absolute, or climbing out with '..')" + Environment.NewLine, error);

            string outside = Path.Combine(Path.GetTempPath(), "orchestrator-outside-" + Guid.NewGuid().ToString("N").Substring(0, 12) + ".xml");
            File.WriteAllText(outside, TestResultSamples.JUnit.Replace("<failure message=\"assertion failed\">left != right</failure>", string.Empty).Replace("<skipped/>", string.Empty));
            try
            {
                File.CreateSymbolicLink(Path.Combine(_repo, "TestResults", "linked.xml"), outside);
                var (_, output, _) = CommandLine.Run("check", _repo, "--today", "2026-12-07", "--test-results", "TestResults/*.xml");
                Assert.Equal(3, Gov704(output).Length);
            }
            finally
            {
                File.Delete(outside);
            }
        }
    }
}
