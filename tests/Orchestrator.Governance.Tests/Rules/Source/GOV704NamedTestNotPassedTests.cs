using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules.Source
{
    public class GOV704NamedTestNotPassedTests
    {
        /// <summary>The valid packet whose gate item (line 27) is three items naming tests (lines 27-29; names at column 12).</summary>
        private static readonly string Packet = Packets.WithLine(27, Testing.TestResultSamples.NamedTestItems);

        private static GovernanceResult Analyze(string packet, params (string Path, string Text)[] results)
        {
            var inputs = Packets.WithSpec(new[] { (Packets.Path, packet) }).Select(d => DocumentInput.FromText(d.Path, d.Text));
            return GovernanceEngine.Analyze(inputs, new AnalysisOptions { TestResults = results.Select(r => DocumentInput.FromText(r.Path, r.Text)).ToList() });
        }

        [Fact]
        public void Trx_with_a_passed_a_failed_and_a_skipped_test_gives_two_findings()
        {
            var result = Analyze(Packet, ("TestResults/run.trx", Testing.TestResultSamples.Trx));
            Assert.Equal(2, result.Of("GOV704").Count);
            Packets.Has(result, "GOV704", Packets.Path, 28, 12, "Storage.Tests.DatabaseTests.Migrates", "failed in TestResults/run.trx (2026-11-30T10:01:30Z)");
            Packets.Has(result, "GOV704", Packets.Path, 29, 12, "Storage.Tests.DatabaseTests.RollsBack", "was skipped in TestResults/run.trx (2026-11-30T10:01:30Z)");
        }

        [Fact]
        public void JUnit_with_a_passed_a_failed_and_a_skipped_test_gives_two_findings()
        {
            var result = Analyze(Packet, ("target/nextest/junit.xml", Testing.TestResultSamples.JUnit));
            Assert.Equal(2, result.Of("GOV704").Count);
            Packets.Has(result, "GOV704", Packets.Path, 28, 12, "Storage.Tests.DatabaseTests.Migrates", "failed in target/nextest/junit.xml (2026-11-30T11:00:00Z)");
            Packets.Has(result, "GOV704", Packets.Path, 29, 12, "Storage.Tests.DatabaseTests.RollsBack", "was skipped in target/nextest/junit.xml (2026-11-30T11:00:00Z)");
        }

        [Fact]
        public void The_newest_result_file_decides()
        {
            // The JUnit run (11:00) is newer than the TRX run (10:01:30): its verdicts stand.
            string newer = Testing.TestResultSamples.JUnit.Replace("<failure message=\"assertion failed\">left != right</failure>", string.Empty).Replace("<skipped/>", string.Empty);
            var result = Analyze(Packet, ("TestResults/run.trx", Testing.TestResultSamples.Trx), ("junit.xml", newer));
            Assert.Empty(result.Of("GOV704"));
        }

        [Fact]
        public void A_result_file_timed_in_the_future_is_no_result_and_a_full_name_beats_one_that_ends_with_the_name()
        {
            string future = Testing.TestResultSamples.JUnit.Replace("2026-11-30T11:00:00Z", "2099-01-01T00:00:00Z").Replace("<failure message=\"assertion failed\">left != right</failure>", string.Empty).Replace("<skipped/>", string.Empty);
            var inputs = Packets.WithSpec(new[] { (Packets.Path, Packet) }).Select(d => DocumentInput.FromText(d.Path, d.Text));
            var result = GovernanceEngine.Analyze(inputs, new AnalysisOptions
            {
                Today = new System.DateTime(2026, 12, 7),
                TestResults = new[] { DocumentInput.FromText("TestResults/run.trx", Testing.TestResultSamples.Trx), DocumentInput.FromText("forged.xml", future) },
            });
            Packets.Has(result, "GOV002", "forged.xml", 1, 1, "test results not read: its time 2099-01-01T00:00:00Z is in the future");
            Assert.Equal(2, result.Of("GOV704").Count);

            // A newer file that holds Other.Storage.Tests.DatabaseTests.Migrates passing does not decide for the name written.
            string other = Testing.TestResultSamples.JUnit.Replace("classname=\"Storage.Tests.DatabaseTests\"", "classname=\"Other.Storage.Tests.DatabaseTests\"").Replace("<failure message=\"assertion failed\">left != right</failure>", string.Empty).Replace("<skipped/>", string.Empty);
            var both = Analyze(Packet, ("TestResults/run.trx", Testing.TestResultSamples.Trx), ("other.xml", other));
            Packets.Has(both, "GOV704", Packets.Path, 28, 12, "Storage.Tests.DatabaseTests.Migrates", "failed in TestResults/run.trx (2026-11-30T10:01:30Z)");
        }

        [Fact]
        public void A_test_in_no_result_file_is_reported_as_absent()
        {
            var result = Analyze(Packets.WithLine(27, "  * test: `Storage.Tests.DatabaseTests.Renamed` passes"), ("TestResults/run.trx", Testing.TestResultSamples.Trx));
            Packets.Single(result, "GOV704", Packets.Path, 27, 12, "Storage.Tests.DatabaseTests.Renamed", "is in none of the test results (TestResults/run.trx)");
        }

        [Fact]
        public void A_short_name_matches_the_result_whose_full_name_ends_with_it_and_rust_paths_are_read()
        {
            const string nextest =
                "<testsuites><testsuite name=\"handshake_core\" timestamp=\"2026-11-30T11:00:00Z\">" +
                "<testcase classname=\"handshake_core\" name=\"mex::runtime::tests::rejects_unknown_engine\"><failure/></testcase>" +
                "<testcase classname=\"Storage.Tests.DatabaseTests\" name=\"Opens(path: &quot;a&quot;)\"/>" +
                "</testsuite></testsuites>";
            var result = Analyze(Packets.WithLine(27, "  * test: `mex::runtime::tests::rejects_unknown_engine` and test: DatabaseTests.Opens pass"), ("junit.xml", nextest));
            Packets.Single(result, "GOV704", Packets.Path, 27, 12, "mex::runtime::tests::rejects_unknown_engine", "failed in junit.xml (2026-11-30T11:00:00Z)");
        }

        [Fact]
        public void A_file_that_is_no_test_result_is_GOV002_and_without_results_the_rule_does_not_run()
        {
            var result = Analyze(Packet, ("TestResults/run.trx", Testing.TestResultSamples.Trx), ("results/notes.xml", "<notes/>"), ("results/broken.xml", "<testsuite><testcase"));
            Packets.Has(result, "GOV002", "results/broken.xml", 1, 1, "test results not read: not well-formed XML without a DTD, at line 1, column 21");
            Packets.Has(result, "GOV002", "results/notes.xml", 1, 1, "test results not read: the root element is 'notes', neither TRX's TestRun nor JUnit's testsuites or testsuite");
            Assert.Equal(2, result.Of("GOV704").Count);

            Assert.Empty(Packets.Analyze(Packet).Of("GOV704"));
        }

        [Fact]
        public void A_document_type_definition_is_refused()
        {
            const string xxe = "<?xml version=\"1.0\"?><!DOCTYPE testsuite [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><testsuite><testcase name=\"&x;\"/></testsuite>";
            var result = Analyze(Packet, ("junit.xml", xxe));
            Assert.Single(result.Of("GOV002"));
            Assert.StartsWith("test results not read: not well-formed XML without a DTD", result.Of("GOV002")[0].Arguments[0]);
        }
    }
}
