using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules.Source
{
    /// <summary>
    /// GOV704 on the shared packet whose gate item (line 27) is three items naming tests (lines
    /// 27-29), in the engine's inline markup; the results are the shared TRX and JUnit samples
    /// (Opens passed, Migrates failed, RollsBack skipped). An item that only names a test states no
    /// requirement of §2.3.12.3, so each is a GOV206 too (marked by ID at the item's start).
    /// </summary>
    public class GOV704NamedTestNotPassedTests
    {
        /// <summary>The three items, each marked GOV206 at its start.</summary>
        private static readonly string Unmarked = Unmapped(Testing.TestResultSamples.NamedTestItems);

        /// <summary>The three items with the failed (#0) and the skipped (#1) test's names marked.</summary>
        private static readonly string Marked = Unmarked
            .Replace("`Storage.Tests.DatabaseTests.Migrates`", "`{|#0:Storage.Tests.DatabaseTests.Migrates|}`")
            .Replace("`Storage.Tests.DatabaseTests.RollsBack`", "`{|#1:Storage.Tests.DatabaseTests.RollsBack|}`");

        private static string Unmapped(string items) => items.Replace("  * ", "  * {|GOV206:|}");

        private static EngineMarkup Items(string items, params (string Path, string Markup)[] others) =>
            EngineMarkup.Documents(new[] { (Packets.Path, Packets.WithLine(27, items)) }.Concat(others).ToArray());

        private static AnalysisOptions Results(params (string Path, string Text)[] results) =>
            new AnalysisOptions { TestResults = results.Select(r => DocumentInput.FromText(r.Path, r.Text)).ToList() };

        private static string Passing(string junit) =>
            junit.Replace("<failure message=\"assertion failed\">left != right</failure>", string.Empty).Replace("<skipped/>", string.Empty);

        [Fact]
        public void Trx_with_a_passed_a_failed_and_a_skipped_test_gives_two_findings()
        {
            Items(Marked)
                .Expect(0, "GOV704", "Storage.Tests.DatabaseTests.Migrates", "failed in TestResults/run.trx (2026-11-30T10:01:30Z)")
                .Expect(1, "GOV704", "Storage.Tests.DatabaseTests.RollsBack", "was skipped in TestResults/run.trx (2026-11-30T10:01:30Z)")
                .Verify(Results(("TestResults/run.trx", Testing.TestResultSamples.Trx)));
        }

        [Fact]
        public void JUnit_with_a_passed_a_failed_and_a_skipped_test_gives_two_findings()
        {
            Items(Marked)
                .Expect(0, "GOV704", "Storage.Tests.DatabaseTests.Migrates", "failed in target/nextest/junit.xml (2026-11-30T11:00:00Z)")
                .Expect(1, "GOV704", "Storage.Tests.DatabaseTests.RollsBack", "was skipped in target/nextest/junit.xml (2026-11-30T11:00:00Z)")
                .Verify(Results(("target/nextest/junit.xml", Testing.TestResultSamples.JUnit)));
        }

        [Fact]
        public void The_newest_result_file_decides()
        {
            // The JUnit run (11:00) is newer than the TRX run (10:01:30): its verdicts stand.
            Items(Unmarked)
                .Verify(Results(("TestResults/run.trx", Testing.TestResultSamples.Trx), ("junit.xml", Passing(Testing.TestResultSamples.JUnit))));
        }

        [Fact]
        public void A_result_file_timed_in_the_future_is_no_result()
        {
            // The forged file is reported where it starts, and the TRX run's verdicts stand.
            string future = Passing(Testing.TestResultSamples.JUnit.Replace("2026-11-30T11:00:00Z", "2099-01-01T00:00:00Z"));
            Items(Marked, ("forged.xml", "{|#2:|}" + future))
                .Expect(0, "GOV704", "Storage.Tests.DatabaseTests.Migrates", "failed in TestResults/run.trx (2026-11-30T10:01:30Z)")
                .Expect(1, "GOV704", "Storage.Tests.DatabaseTests.RollsBack", "was skipped in TestResults/run.trx (2026-11-30T10:01:30Z)")
                .Expect(2, "GOV002", "test results not read: its time 2099-01-01T00:00:00Z is in the future")
                .Verify(new AnalysisOptions
                {
                    Today = new System.DateTime(2026, 12, 7),
                    TestResults = new[] { DocumentInput.FromText("TestResults/run.trx", Testing.TestResultSamples.Trx), DocumentInput.FromText("forged.xml", future) },
                });
        }

        [Fact]
        public void A_full_name_beats_one_that_ends_with_the_name()
        {
            // A newer file that holds Other.Storage.Tests.DatabaseTests.Migrates passing does not decide for the name written.
            string other = Passing(Testing.TestResultSamples.JUnit.Replace("classname=\"Storage.Tests.DatabaseTests\"", "classname=\"Other.Storage.Tests.DatabaseTests\""));
            Items(Marked)
                .Expect(0, "GOV704", "Storage.Tests.DatabaseTests.Migrates", "failed in TestResults/run.trx (2026-11-30T10:01:30Z)")
                .Expect(1, "GOV704", "Storage.Tests.DatabaseTests.RollsBack", "was skipped in TestResults/run.trx (2026-11-30T10:01:30Z)")
                .Verify(Results(("TestResults/run.trx", Testing.TestResultSamples.Trx), ("other.xml", other)));
        }

        [Fact]
        public void A_test_in_no_result_file_is_reported_as_absent()
        {
            Items("  * {|GOV206:|}test: `{|#0:Storage.Tests.DatabaseTests.Renamed|}` passes")
                .Expect(0, "GOV704", "Storage.Tests.DatabaseTests.Renamed", "is in none of the test results (TestResults/run.trx)")
                .Verify(Results(("TestResults/run.trx", Testing.TestResultSamples.Trx)));
        }

        [Fact]
        public void A_short_name_matches_the_result_whose_full_name_ends_with_it_and_rust_paths_are_read()
        {
            const string nextest =
                "<testsuites><testsuite name=\"handshake_core\" timestamp=\"2026-11-30T11:00:00Z\">" +
                "<testcase classname=\"handshake_core\" name=\"mex::runtime::tests::rejects_unknown_engine\"><failure/></testcase>" +
                "<testcase classname=\"Storage.Tests.DatabaseTests\" name=\"Opens(path: &quot;a&quot;)\"/>" +
                "</testsuite></testsuites>";
            Items("  * {|GOV206:|}test: `{|#0:mex::runtime::tests::rejects_unknown_engine|}` and test: DatabaseTests.Opens pass")
                .Expect(0, "GOV704", "mex::runtime::tests::rejects_unknown_engine", "failed in junit.xml (2026-11-30T11:00:00Z)")
                .Verify(Results(("junit.xml", nextest)));
        }

        [Fact]
        public void A_file_that_is_no_test_result_is_GOV002_and_without_results_the_rule_does_not_run()
        {
            Items(Marked, ("results/notes.xml", "{|#2:|}<notes/>"), ("results/broken.xml", "{|#3:|}<testsuite><testcase"))
                .Expect(0, "GOV704", "Storage.Tests.DatabaseTests.Migrates", "failed in TestResults/run.trx (2026-11-30T10:01:30Z)")
                .Expect(1, "GOV704", "Storage.Tests.DatabaseTests.RollsBack", "was skipped in TestResults/run.trx (2026-11-30T10:01:30Z)")
                .Expect(2, "GOV002", "test results not read: the root element is 'notes', neither TRX's TestRun nor JUnit's testsuites or testsuite")
                .Expect(3, "GOV002", "test results not read: not well-formed XML without a DTD, at line 1, column 21")
                .Verify(Results(("TestResults/run.trx", Testing.TestResultSamples.Trx), ("results/notes.xml", "<notes/>"), ("results/broken.xml", "<testsuite><testcase")));

            Items(Unmarked).Verify();
        }

        [Fact]
        public void A_document_type_definition_is_refused()
        {
            const string xxe = "<?xml version=\"1.0\"?><!DOCTYPE testsuite [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><testsuite><testcase name=\"&x;\"/></testsuite>";
            // No file is read: every named test is absent.
            string[] names = { "Opens", "Migrates", "RollsBack" };
            var absent = Items(Unmarked.Replace("`Storage.Tests.DatabaseTests.Opens`", "`{|#0:Storage.Tests.DatabaseTests.Opens|}`")
                    .Replace("`Storage.Tests.DatabaseTests.Migrates`", "`{|#1:Storage.Tests.DatabaseTests.Migrates|}`")
                    .Replace("`Storage.Tests.DatabaseTests.RollsBack`", "`{|#2:Storage.Tests.DatabaseTests.RollsBack|}`"),
                ("junit.xml", "{|#3:|}" + xxe));
            for (int i = 0; i < 3; i++) absent.Expect(i, "GOV704", "Storage.Tests.DatabaseTests." + names[i], "is in none of the test results (no readable file)");
            absent.Expect(3, "GOV002", "test results not read: not well-formed XML without a DTD: it declares a document type, which is refused (no entity is expanded, no file or URL it names is read)")
                .Verify(Results(("junit.xml", xxe)));
        }
    }
}
