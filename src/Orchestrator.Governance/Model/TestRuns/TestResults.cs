using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml;

namespace Orchestrator.Governance.Model.TestRuns
{
    /// <summary>What one run of one test case came to.</summary>
    public enum TestOutcome
    {
        /// <summary>It ran and passed.</summary>
        Passed,

        /// <summary>It was not run: skipped, ignored, not executed, inconclusive or pending.</summary>
        Skipped,

        /// <summary>It failed, errored, timed out or was aborted.</summary>
        Failed,
    }

    /// <summary>One test case in a result file: its names and its outcome.</summary>
    public sealed class TestCaseResult
    {
        internal TestCaseResult(string name, string? className, TestOutcome outcome)
        {
            Name = name;
            ClassName = className;
            Outcome = outcome;
        }

        /// <summary>The name as the file gives it (TRX testName; JUnit testcase name).</summary>
        public string Name { get; }

        /// <summary>The class or suite (TRX TestMethod className; JUnit classname), or null.</summary>
        public string? ClassName { get; }

        /// <summary>The outcome.</summary>
        public TestOutcome Outcome { get; }
    }

    /// <summary>One test result file, read: TRX (<c>dotnet test --logger trx</c>) or JUnit XML (cargo-nextest, pytest, Jest, Gradle, Maven Surefire).</summary>
    public sealed class TestResultFile
    {
        internal TestResultFile(string path, string format, DateTimeOffset? time, IReadOnlyList<TestCaseResult> cases)
        {
            Path = path;
            Format = format;
            Time = time;
            Cases = cases;
        }

        /// <summary>Repository-relative path, forward slashes.</summary>
        public string Path { get; }

        /// <summary>"TRX" or "JUnit".</summary>
        public string Format { get; }

        /// <summary>When the run finished (TRX Times finish, else start or creation) or started (JUnit testsuite timestamp); null when the file gives no time.</summary>
        public DateTimeOffset? Time { get; }

        /// <summary>Every test case, in file order.</summary>
        public IReadOnlyList<TestCaseResult> Cases { get; }

        /// <summary>"test-results/run.trx (2026-12-07T10:00:00Z)": the file and its time, as messages show them.</summary>
        public string Display => Time is DateTimeOffset t ? $"{Path} ({t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)})" : $"{Path} (no time given)";
    }

    /// <summary>What the test results say of one named test.</summary>
    public sealed class TestVerdict
    {
        internal TestVerdict(TestOutcome? outcome, TestResultFile? file)
        {
            Outcome = outcome;
            File = file;
        }

        /// <summary>The outcome, or null when no result file has the test.</summary>
        public TestOutcome? Outcome { get; }

        /// <summary>The result file that decided (the newest that has the test), or null.</summary>
        public TestResultFile? File { get; }

        /// <summary>
        /// Null when the test passed; else the end of GOV704's message: "failed in FILE (TIME)", "was
        /// skipped in FILE (TIME)", "is in none of the test results (FILES)". Every host words it so
        /// (the rule, ready_to_close's testsPassed gate).
        /// </summary>
        public string? Problem(TestResults results) => Outcome switch
        {
            TestOutcome.Passed => null,
            TestOutcome.Failed => "failed in " + File!.Display,
            TestOutcome.Skipped => "was skipped in " + File!.Display,
            _ => $"is in none of the test results ({results.FilesDisplay()})",
        };
    }

    /// <summary>
    /// The test results a host handed over (<see cref="Engine.AnalysisOptions.TestResults"/>), read
    /// once per analysis: the evidence GOV704 judges a DONE_MEANS item's named test by (seed 003
    /// Part 1 [CX-600B], the Anti-Vibe Guard: a test that never passed proves nothing). XML is read
    /// without DTDs or external entities.
    /// </summary>
    public sealed class TestResults
    {
        private readonly Dictionary<string, List<(TestResultFile File, TestCaseResult Case)>> _byLastName;

        private TestResults(IReadOnlyList<TestResultFile> files, IReadOnlyList<(string Path, string Reason)> problems)
        {
            Files = files;
            Problems = problems;
            _byLastName = new Dictionary<string, List<(TestResultFile, TestCaseResult)>>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                foreach (var c in file.Cases)
                {
                    foreach (var candidate in Candidates(c))
                    {
                        string last = LastSegment(candidate);
                        if (!_byLastName.TryGetValue(last, out var list)) _byLastName[last] = list = new List<(TestResultFile, TestCaseResult)>();
                        if (list.Count == 0 || list[list.Count - 1].Item2 != c) list.Add((file, c));
                    }
                }
            }
        }

        /// <summary>The files read, in path order.</summary>
        public IReadOnlyList<TestResultFile> Files { get; }

        /// <summary>The files that could not be read as TRX or JUnit XML, and why (each GOV002 at the file).</summary>
        public IReadOnlyList<(string Path, string Reason)> Problems { get; }

        /// <summary>"run.trx, junit.xml": the files read, for a message (at most three, then "and N more").</summary>
        public string FilesDisplay()
        {
            var shown = Files.Take(3).Select(f => f.Path).ToList();
            if (Files.Count > 3) shown.Add($"and {Files.Count - 3} more");
            return shown.Count == 0 ? "no readable file" : string.Join(", ", shown);
        }

        /// <summary>
        /// Reads <paramref name="inputs"/> (repository-relative paths with their text; an input without
        /// text is a problem with its reason). A document whose root element is TestRun is TRX;
        /// testsuites or testsuite is JUnit; anything else is a problem.
        /// </summary>
        public static TestResults Read(IEnumerable<Documents.DocumentInput> inputs) => Read(inputs, null);

        /// <summary>
        /// <see cref="Read(IEnumerable{Documents.DocumentInput})"/>; a file whose time is after the
        /// day after <paramref name="today"/> (the host's date) is a problem, not a result: a time
        /// in the future would decide over every real run.
        /// </summary>
        public static TestResults Read(IEnumerable<Documents.DocumentInput> inputs, DateTime? today)
        {
            var files = new List<TestResultFile>();
            var problems = new List<(string, string)>();
            foreach (var input in inputs.OrderBy(i => i.Path, StringComparer.Ordinal))
            {
                if (input.Text == null)
                {
                    problems.Add((input.Path, input.UnreadableReason ?? "the file could not be read"));
                    continue;
                }

                try
                {
                    var file = Parse(input.Path, input.Text, out string? problem);
                    if (file != null && today is DateTime day && file.Time is DateTimeOffset t && t.UtcDateTime > day.Date.AddDays(2))
                        problems.Add((input.Path, $"its time {file.Display.Substring(file.Path.Length + 2).TrimEnd(')')} is in the future"));
                    else if (file != null) files.Add(file);
                    else problems.Add((input.Path, problem ?? "not a test result file"));
                }
                catch (XmlException e)
                {
                    // A DTD is refused before any position is known (line 0): say so rather than name line 0.
                    problems.Add((input.Path, e.LineNumber > 0
                        ? $"not well-formed XML without a DTD, at line {e.LineNumber}, column {e.LinePosition}"
                        : "not well-formed XML without a DTD: it declares a document type, which is refused (no entity is expanded, no file or URL it names is read)"));
                }
            }

            return new TestResults(files, problems);
        }

        /// <summary>
        /// The verdict on the test named <paramref name="name"/> (as a DONE_MEANS item writes it:
        /// <c>Namespace.Class.Method</c>, <c>module::tests::name</c>). A result is the test when its
        /// full name (class and name joined by "." or "::", or the name alone), with "::" and "/" read
        /// as ".", and parameters "(...)" dropped, equals the name or ends with "." and the name. The
        /// newest file holding the test decides (files without a time are the oldest; among equals,
        /// the later path): Failed when any case of it failed there, else Passed when one passed,
        /// else Skipped.
        /// </summary>
        public TestVerdict VerdictOn(string name)
        {
            string wanted = Normalize(name);
            if (!_byLastName.TryGetValue(LastSegment(wanted), out var list)) return new TestVerdict(null, null);
            TestResultFile? decider = null;
            var outcomes = new List<TestOutcome>();
            // A result whose full name is the name written beats one that only ends with it
            // ("Other.X.Opens" must not decide for "X.Opens" when "X.Opens" itself is there).
            bool exact = list.Any(e => Candidates(e.Case).Any(candidate => candidate == wanted));
            foreach (var (file, c) in list)
            {
                if (!Candidates(c).Any(candidate => candidate == wanted || (!exact && candidate.EndsWith("." + wanted, StringComparison.Ordinal)))) continue;
                if (decider == null || Newer(file, decider))
                {
                    decider = file;
                    outcomes.Clear();
                }

                if (file == decider) outcomes.Add(c.Outcome);
            }

            if (decider == null) return new TestVerdict(null, null);
            var outcome = outcomes.Contains(TestOutcome.Failed) ? TestOutcome.Failed : outcomes.Contains(TestOutcome.Passed) ? TestOutcome.Passed : TestOutcome.Skipped;
            return new TestVerdict(outcome, decider);
        }

        private static bool Newer(TestResultFile a, TestResultFile b)
        {
            long ta = a.Time?.UtcTicks ?? long.MinValue, tb = b.Time?.UtcTicks ?? long.MinValue;
            return ta != tb ? ta > tb : string.CompareOrdinal(a.Path, b.Path) > 0;
        }

        private static IEnumerable<string> Candidates(TestCaseResult c)
        {
            string name = Normalize(c.Name);
            yield return name;
            if (!string.IsNullOrEmpty(c.ClassName)) yield return Normalize(c.ClassName!) + "." + name;
        }

        private static string Normalize(string name)
        {
            string s = name.Trim();
            int paren = s.IndexOf('(');
            if (paren > 0) s = s.Substring(0, paren).TrimEnd();
            return s.Replace("::", ".").Replace('/', '.');
        }

        private static string LastSegment(string normalized)
        {
            int dot = normalized.LastIndexOf('.');
            return dot < 0 ? normalized : normalized.Substring(dot + 1);
        }

        private static readonly XmlReaderSettings Settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
        };

        private static TestResultFile? Parse(string path, string text, out string? problem)
        {
            problem = null;
            using var reader = XmlReader.Create(new StringReader(text), Settings);
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                problem = "no XML element";
                return null;
            }

            switch (reader.LocalName)
            {
                case "TestRun":
                    return ReadTrx(path, reader);
                case "testsuites":
                case "testsuite":
                    return ReadJUnit(path, reader);
                default:
                    problem = $"the root element is '{reader.LocalName}', neither TRX's TestRun nor JUnit's testsuites or testsuite";
                    return null;
            }
        }

        /// <summary>TRX (Visual Studio test results, the schema vstst.xsd): UnitTestResult testName, testId and outcome; TestDefinitions UnitTest id with TestMethod className.</summary>
        private static TestResultFile ReadTrx(string path, XmlReader reader)
        {
            DateTimeOffset? time = null;
            var results = new List<(string Name, string? TestId, TestOutcome Outcome)>();
            var classes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            string? currentTestId = null;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                switch (reader.LocalName)
                {
                    case "Times":
                        time = Time(reader.GetAttribute("finish")) ?? Time(reader.GetAttribute("start")) ?? Time(reader.GetAttribute("creation"));
                        break;
                    case "UnitTestResult":
                        string? name = reader.GetAttribute("testName");
                        if (!string.IsNullOrWhiteSpace(name)) results.Add((name!, reader.GetAttribute("testId"), TrxOutcome(reader.GetAttribute("outcome"))));
                        break;
                    case "UnitTest":
                        currentTestId = reader.GetAttribute("id");
                        break;
                    case "TestMethod":
                        string? className = reader.GetAttribute("className");
                        if (currentTestId != null && !string.IsNullOrWhiteSpace(className))
                        {
                            // "Namespace.Class, Assembly, Version=..." in older TRX: the type name only.
                            int comma = className!.IndexOf(',');
                            classes[currentTestId] = comma < 0 ? className : className.Substring(0, comma);
                        }

                        break;
                }
            }

            var cases = results.Select(r => new TestCaseResult(r.Name, r.TestId != null && classes.TryGetValue(r.TestId, out var c) ? c : null, r.Outcome)).ToList();
            return new TestResultFile(path, "TRX", time, cases);
        }

        private static TestOutcome TrxOutcome(string? outcome)
        {
            switch (outcome)
            {
                case "Passed":
                case "PassedButRunAborted":
                case "Warning":
                    return TestOutcome.Passed;
                case "NotExecuted":
                case "Inconclusive":
                case "Pending":
                case "NotRunnable":
                case "Disconnected":
                    return TestOutcome.Skipped;
                default:
                    // Failed, Error, Timeout, Aborted, InProgress, Completed (no verdict) or none: not passed.
                    return TestOutcome.Failed;
            }
        }

        /// <summary>
        /// JUnit XML (the Ant schema and its dialects): testcase classname and name; a failure or
        /// error child fails it, a skipped (or JUnit 5's "disabled") child skips it, none passes it.
        /// The first testsuite or testsuites timestamp is the file's time.
        /// </summary>
        private static TestResultFile ReadJUnit(string path, XmlReader reader)
        {
            DateTimeOffset? time = Time(reader.GetAttribute("timestamp"));
            var cases = new List<TestCaseResult>();
            string? name = null, className = null;
            TestOutcome outcome = TestOutcome.Passed;
            int caseDepth = -1;
            void Close()
            {
                if (name != null) cases.Add(new TestCaseResult(name, className, outcome));
                name = null;
                caseDepth = -1;
            }

            do
            {
                if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == caseDepth)
                {
                    Close();
                    continue;
                }

                if (reader.NodeType != XmlNodeType.Element) continue;
                string local = reader.LocalName;
                if (local == "testsuite" && time == null) time = Time(reader.GetAttribute("timestamp"));
                if (local == "testcase")
                {
                    Close();
                    name = reader.GetAttribute("name") ?? string.Empty;
                    className = reader.GetAttribute("classname");
                    outcome = TestOutcome.Passed;
                    if (reader.IsEmptyElement) Close();
                    else caseDepth = reader.Depth;
                }
                else if (caseDepth >= 0 && reader.Depth == caseDepth + 1)
                {
                    if (local == "failure" || local == "error") outcome = TestOutcome.Failed;
                    else if ((local == "skipped" || local == "disabled") && outcome != TestOutcome.Failed) outcome = TestOutcome.Skipped;
                }
            }
            while (reader.Read());
            Close();
            return new TestResultFile(path, "JUnit", time, cases);
        }

        private static DateTimeOffset? Time(string? value) =>
            value != null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : (DateTimeOffset?)null;
    }
}
