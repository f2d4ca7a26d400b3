using System;
using System.Collections.Generic;

namespace Orchestrator.Governance.Engine.Queries
{
    /// <summary>What only a host can give <c>ReadyToClose.Judge</c>: the judgment of named tests by their source, and test results.</summary>
    public sealed class ReadinessHost
    {
        /// <summary>
        /// Judges tests by name (the namedTests gate, GOV703's view before the build): for each, true (a test that runs),
        /// false (missing, no test, skipped) or null (cannot tell), with the reason. Null: the gate is left out.
        /// </summary>
        public Func<IReadOnlyList<string>, IReadOnlyList<NamedTestVerdict>>? NamedTests { get; set; }

        /// <summary>
        /// The analysis with the test results the caller gave (the testsPassed gate), asked for only when the gate needs
        /// it; the function (or the function itself) gives null when the caller gave none.
        /// </summary>
        public Func<TestResultsAnalysis?>? TestResults { get; set; }

        /// <summary>
        /// How the caller names the test results it may give, in the testsPassed gate's reason: the MCP tool's argument
        /// <c>testResults</c> (the default), the CLI's <c>--test-results</c>.
        /// </summary>
        public string TestResultsOption { get; set; } = "testResults";

        /// <summary>
        /// False for a host that takes no test results (the language server's hover): the testsPassed gate is then not
        /// checked (null) where it would fail for want of results. True by default.
        /// </summary>
        public bool JudgesTestResults { get; set; } = true;
    }

    /// <summary>One named test judged by its source: <see cref="Passed"/> true, false or null (cannot tell), and why.</summary>
    public sealed class NamedTestVerdict
    {
        /// <summary>Creates a verdict.</summary>
        public NamedTestVerdict(string name, bool? passed, string reason)
        {
            Name = name;
            Passed = passed;
            Reason = reason;
        }

        /// <summary>The test's full name as DONE_MEANS writes it.</summary>
        public string Name { get; }

        /// <summary>True: a test that runs; false: missing, no test or skipped; null: the source cannot tell.</summary>
        public bool? Passed { get; }

        /// <summary>Why, in GOV703's words.</summary>
        public string Reason { get; }
    }

    /// <summary>An analysis run with test results (GOV704), the result files' paths and how to name them in a reason.</summary>
    public sealed class TestResultsAnalysis
    {
        /// <summary>Creates the analysis' summary.</summary>
        public TestResultsAnalysis(GovernanceResult result, IReadOnlyCollection<string> resultFiles, string filesDisplay)
        {
            Result = result;
            ResultFiles = resultFiles;
            FilesDisplay = filesDisplay;
        }

        /// <summary>The result of the analysis with the test results.</summary>
        public GovernanceResult Result { get; }

        /// <summary>The repository-relative paths of the result files read.</summary>
        public IReadOnlyCollection<string> ResultFiles { get; }

        /// <summary>The result files as a reason names them (Model.TestRuns.TestResults.FilesDisplay).</summary>
        public string FilesDisplay { get; }
    }
}
