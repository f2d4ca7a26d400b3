namespace Orchestrator.Governance.Testing
{
    /// <summary>
    /// Test results every host's GOV704 tests read: one run of three tests (Storage.Tests.DatabaseTests
    /// Opens passed, Migrates failed, RollsBack skipped) as TRX (finished 2026-11-30T10:01:30Z) and as
    /// JUnit XML (2026-11-30T11:00:00Z), and the DONE_MEANS items naming them.
    /// </summary>
    internal static class TestResultSamples
    {
        /// <summary>Three DONE_MEANS items (three lines), each naming one test at column 12.</summary>
        public const string NamedTestItems =
            "  * test: `Storage.Tests.DatabaseTests.Opens` passes\n" +
            "  * test: `Storage.Tests.DatabaseTests.Migrates` passes\n" +
            "  * test: `Storage.Tests.DatabaseTests.RollsBack` passes";

        public const string Trx =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" +
            "<TestRun id=\"1\" name=\"run\" xmlns=\"http://microsoft.com/schemas/VisualStudio/TeamTest/2010\">\n" +
            "  <Times creation=\"2026-11-30T09:59:00+00:00\" start=\"2026-11-30T10:00:00+00:00\" finish=\"2026-11-30T10:01:30+00:00\" />\n" +
            "  <Results>\n" +
            "    <UnitTestResult testId=\"a\" testName=\"Storage.Tests.DatabaseTests.Opens\" outcome=\"Passed\" />\n" +
            "    <UnitTestResult testId=\"b\" testName=\"Storage.Tests.DatabaseTests.Migrates\" outcome=\"Failed\" />\n" +
            "    <UnitTestResult testId=\"c\" testName=\"Storage.Tests.DatabaseTests.RollsBack\" outcome=\"NotExecuted\" />\n" +
            "  </Results>\n" +
            "</TestRun>\n";

        public const string JUnit =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
            "<testsuites name=\"nextest-run\">\n" +
            "  <testsuite name=\"storage\" tests=\"3\" timestamp=\"2026-11-30T11:00:00Z\">\n" +
            "    <testcase classname=\"Storage.Tests.DatabaseTests\" name=\"Opens\" time=\"0.01\"/>\n" +
            "    <testcase classname=\"Storage.Tests.DatabaseTests\" name=\"Migrates\" time=\"0.02\"><failure message=\"assertion failed\">left != right</failure></testcase>\n" +
            "    <testcase classname=\"Storage.Tests.DatabaseTests\" name=\"RollsBack\"><skipped/></testcase>\n" +
            "  </testsuite>\n" +
            "</testsuites>\n";
    }
}
