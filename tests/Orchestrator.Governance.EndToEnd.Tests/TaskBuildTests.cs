using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Orchestrator.Governance.EndToEnd.Tests
{
    /// <summary>
    /// The GovernanceCheck task through real builds of the packed packages: the
    /// Orchestrator.Governance.Sdk on a copy of the Handshake corpus, a Microsoft.Build.NoTargets
    /// project and a VB project with the analyzer package.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public class TaskBuildTests
    {
        private readonly PackageFeed _feed;

        public TaskBuildTests(PackageFeed feed) => _feed = feed;

        /// <summary>
        /// The lines MSBuild logs for diagnostics, as the CLI's text format writes them: root-relative
        /// path, (line,col), no project suffix, and without the help link the VB compiler appends.
        /// </summary>
        private static string[] DiagnosticLines(string output, string root)
        {
            var line = new Regex(@"^\s*(?:\d+>)?(?<path>.+?)\((?<l>\d+),(?<c>\d+)(?:,\d+,\d+)?\): (?<rest>(?:error|warning) GOV\d{3}: .*?)(?: \((?:[^()]*/)?GOV\d{3}\.md\))?(?: \[[^\]]+\])?$");
            string prefix = root.TrimEnd('/') + "/";
            return output.Split('\n').Select(l => line.Match(l.TrimEnd('\r'))).Where(m => m.Success)
                .Select(m => $"{(m.Groups["path"].Value.StartsWith(prefix, StringComparison.Ordinal) ? m.Groups["path"].Value.Substring(prefix.Length) : m.Groups["path"].Value)}({m.Groups["l"].Value},{m.Groups["c"].Value}): {m.Groups["rest"].Value}")
                .Distinct().OrderBy(l => l, StringComparer.Ordinal).ToArray();
        }

        /// <summary>governance.proj at <paramref name="repo"/>'s root, on the packed SDK.</summary>
        private void WriteSdkProject(string repo) =>
            File.WriteAllText(Path.Combine(repo, "governance.proj"), $"<Project Sdk=\"Orchestrator.Governance.Sdk/{_feed.Version}\" />\n");

        private static string Corpus()
        {
            string corpus = Path.GetFullPath(Path.Combine(Dotnet.RepositoryRoot(), "..", "shared", "corpus", "handshake"));
            Assert.True(Directory.Exists(corpus), "the Handshake corpus is expected at " + corpus);
            return corpus;
        }

        [Fact]
        public void The_SDK_fails_on_the_corpus_with_the_CLI_s_lines_and_an_unchanged_passing_build_skips_the_check()
        {
            string repo = Path.Combine(_feed.Root, "sdk-corpus");
            Dotnet.CopyDirectory(Corpus(), repo);
            _feed.WriteNuGetConfig(repo);
            WriteSdkProject(repo);

            var cli = new StringWriter();
            Assert.Equal(1, Cli.Program.Run(new[] { "check", repo, "--today", "2026-12-01" }, cli, new StringWriter()));
            var expected = cli.ToString().Split('\n').Where(l => l.Contains(": error GOV") || l.Contains(": warning GOV")).Distinct().OrderBy(l => l, StringComparer.Ordinal).ToArray();
            Assert.True(expected.Length > 300, $"{expected.Length} CLI lines"); // 429 since closed packets are records (docs/lifecycle.md)

            var (exit, output) = _feed.BuildProject(repo, "governance.proj", "-p:GovernanceToday=2026-12-01");
            Assert.True(exit != 0, output);
            Assert.Equal(expected, DiagnosticLines(output, repo));
            Assert.DoesNotContain("Skipping target \"GovernanceCheck\"", output);

            // A failing check runs again; a passing one (everything baselined) writes its stamp and is skipped next time.
            Assert.Equal(0, Cli.Program.Run(new[] { "baseline", repo, "--today", "2026-12-01" }, new StringWriter(), new StringWriter()));
            var (passExit, pass) = _feed.BuildProject(repo, "governance.proj", "-p:GovernanceToday=2026-12-01", "-v:n");
            Assert.True(passExit == 0, pass);
            Assert.Contains("Governance: 123 task packet(s) checked: 0 new error(s), 0 new warning(s)", pass);
            var (againExit, again) = _feed.BuildProject(repo, "governance.proj", "-p:GovernanceToday=2026-12-01", "-v:n");
            Assert.True(againExit == 0, again);
            Assert.Contains("Skipping target \"GovernanceCheck\" because all output files are up-to-date", again);

            // An edit to a packet runs it again.
            File.AppendAllText(Path.Combine(repo, "docs", "task_packets", "WP-1-Workspace-Bundle.md"), "\n");
            var (_, edited) = _feed.BuildProject(repo, "governance.proj", "-p:GovernanceToday=2026-12-01", "-v:n");
            Assert.DoesNotContain("Skipping target \"GovernanceCheck\"", edited);
            Assert.Contains("Governance: 123 task packet(s) checked", edited);
        }

        [Fact]
        public void The_SDK_reports_a_root_that_is_not_a_folder_and_a_revision_git_cannot_answer_as_MSBuild_errors()
        {
            string repo = _feed.NewConsumer("sdk-bad-input");
            WriteSdkProject(repo);

            var (exit, output) = _feed.BuildProject(repo, "governance.proj", "-p:GovernanceRoot=" + Path.Combine(repo, "no-such-folder"));
            Assert.True(exit != 0, output);
            Assert.Contains("error : GovernanceCheck: the repository root '" + Path.Combine(repo, "no-such-folder"), output);
            Assert.DoesNotContain("Exception", output);

            var (gitExit, git) = _feed.BuildProject(repo, "governance.proj", "-p:GovernanceChangedSince=no-such-branch");
            Assert.True(gitExit != 0, git);
            Assert.Contains("error : GovernanceCheck: GovernanceChangedSince 'no-such-branch': git diff failed:", git);
            Assert.DoesNotContain("Exception", git);
        }

        [Fact]
        public void The_SDK_compares_a_change_with_its_base_revision_from_git()
        {
            string repo = _feed.NewConsumer("sdk-change");
            File.Delete(Path.Combine(repo, "docs/task_packets/WP-1-Job-Cancel.md"));
            File.Delete(Path.Combine(repo, "docs/task_packets/WP-1-Job-Retry.md"));
            WriteSdkProject(repo);
            Testing.GitRepository.CommitStatusChange(repo, "Done", dropItem: true);
            const string moved = "docs/task_packets/WP-1-Storage-Layer.md(9,11): error GOV802: STATUS moves from 'In-Progress' to 'Done' in the same change that removes DONE_MEANS 'All tests pass'";

            // The merge base of GovernanceChangedSince, and GovernanceBaseRef given as it is.
            var (sinceExit, since) = _feed.BuildProject(repo, "governance.proj", "-p:GovernanceChangedSince=main");
            Assert.True(sinceExit != 0, since);
            Assert.Equal(new[] { moved }, DiagnosticLines(since, repo));
            var (baseExit, based) = _feed.BuildProject(repo, "governance.proj", "-p:GovernanceBaseRef=main");
            Assert.True(baseExit != 0, based);
            Assert.Equal(new[] { moved }, DiagnosticLines(based, repo));

            // Without a base the packet passes; a base git does not know is one MSBuild error.
            var (plainExit, plain) = _feed.BuildProject(repo, "governance.proj");
            Assert.True(plainExit == 0, plain);
            var (badExit, bad) = _feed.BuildProject(repo, "governance.proj", "-p:GovernanceBaseRef=no-such-branch");
            Assert.True(badExit != 0, bad);
            Assert.Contains("error : GovernanceCheck: GovernanceBaseRef 'no-such-branch' is not a commit git knows", bad);
            Assert.DoesNotContain("Exception", bad);
        }

        [Fact]
        public void The_SDK_reports_an_illegal_status_move_and_a_MUST_softened_under_a_validated_packet_from_git()
        {
            string moveRepo = _feed.NewConsumer("sdk-transition");
            File.Delete(Path.Combine(moveRepo, "docs/task_packets/WP-1-Job-Cancel.md"));
            File.Delete(Path.Combine(moveRepo, "docs/task_packets/WP-1-Job-Retry.md"));
            WriteSdkProject(moveRepo);
            Testing.GitRepository.CommitStatusChange(moveRepo, "Validated", dropItem: false);
            var (moveExit, move) = _feed.BuildProject(moveRepo, "governance.proj", "-p:GovernanceChangedSince=main");
            Assert.True(moveExit != 0, move);
            Assert.Equal(
                new[] { "docs/task_packets/WP-1-Storage-Layer.md(9,11): error GOV804: STATUS moves from 'In-Progress' to 'Validated' in this change; from 'In-Progress' it may move to 'Done', 'Blocked' (taskPacket.statusTransitions)" },
                DiagnosticLines(move, moveRepo));

            // The base spec is the one the base's pointer named: git is asked for it as well.
            string specRepo = _feed.NewConsumer("sdk-softened");
            File.Delete(Path.Combine(specRepo, "docs/task_packets/WP-1-Job-Cancel.md"));
            File.Delete(Path.Combine(specRepo, "docs/task_packets/WP-1-Job-Retry.md"));
            WriteSdkProject(specRepo);
            Testing.GitRepository.CommitSpecSoftening(specRepo);
            var (specExit, spec) = _feed.BuildProject(specRepo, "governance.proj", "-p:GovernanceBaseRef=main");
            Assert.True(specExit != 0, spec);
            Assert.Contains(
                "Example_Master_Spec_v01.3.md(21,3): error GOV803: MUST requirement of §2.3.12.3 'The backend MUST define a Database trait with async methods.' is softened from MUST to SHOULD in this change, under WP-1-Storage-Layer (Validated); revalidate, or record the change in an ADR or waiver that names it",
                DiagnosticLines(spec, specRepo));
        }

        /// <summary>The example's ten findings as the task logs them (root-relative path, line and column).</summary>
        private static readonly string[] ExampleLines =
        {
            "docs/task_packets/WP-1-Job-Cancel.md(21,5): error GOV112: TEST_PLAN has no runnable command (found: 'Run the tests and check that cancel works.'); give the exact commands, e.g. in a ```bash block",
            "docs/task_packets/WP-1-Job-Cancel.md(24,5): error GOV110: Unfilled template placeholder '{Specific criterion 2}'",
            "docs/task_packets/WP-1-Job-Cancel.md(29,5): error GOV109: FILES_TO_OPEN lists 3 item(s); expected 5 to 15",
            "docs/task_packets/WP-1-Job-Cancel.md(4,12): error GOV106: TASK_ID 'WP-1-Job-Cancel' is also declared in docs/task_packets/WP-1-Job-Retry.md",
            "docs/task_packets/WP-1-Job-Cancel.md(5,9): error GOV108: DATE '21/12/2025' is not an ISO 8601 date or timestamp (e.g. 2025-12-26 or 2025-12-26T14:30:00Z)",
            "docs/task_packets/WP-1-Job-Cancel.md(54,21): error GOV204: SPEC_ANCHOR §7.6.3 points into §7.6 Development Roadmap, which is not Main Body; anchor the Main Body section that defines the requirement",
            "docs/task_packets/WP-1-Job-Cancel.md(64,28): error GOV111: USER_SIGNATURE '<pending>' is a placeholder, not a signature; the packet is not locked",
            "docs/task_packets/WP-1-Job-Cancel.md(9,11): error GOV107: STATUS 'Almost done' is not an allowed value (allowed: Ready-for-Dev, In-Progress, Blocked, Done, Validated)",
            "docs/task_packets/WP-1-Job-Retry.md(4,12): error GOV105: TASK_ID 'WP-1-Job-Cancel' does not match the file name 'WP-1-Job-Retry'",
            "docs/task_packets/WP-1-Job-Retry.md(4,12): error GOV106: TASK_ID 'WP-1-Job-Cancel' is also declared in docs/task_packets/WP-1-Job-Cancel.md",
        };

        /// <summary>A copy of the example with governance/FILE, a Microsoft.Build.NoTargets project with <paramref name="frameworks"/> and the package.</summary>
        private (string Repo, string Project) NoTargetsConsumer(string name, string file, string frameworks)
        {
            string repo = _feed.NewConsumer(name, otherPackages: true);
            Directory.CreateDirectory(Path.Combine(repo, "governance"));
            File.WriteAllText(Path.Combine(repo, "governance", file),
                $"<Project Sdk=\"Microsoft.Build.NoTargets/3.7.0\">\n  <PropertyGroup>\n    {frameworks}\n  </PropertyGroup>\n" +
                $"  <ItemGroup>\n    <PackageReference Include=\"Orchestrator.Governance\" Version=\"{_feed.Version}\" />\n  </ItemGroup>\n</Project>\n");
            return (repo, Path.Combine("governance", file));
        }

        [Fact]
        public void A_NoTargets_project_with_the_package_fails_with_the_example_s_findings_from_the_task()
        {
            var (repo, project) = NoTargetsConsumer("notargets", "Governance.proj", "<TargetFramework>net10.0</TargetFramework>");
            var (exit, output) = _feed.BuildProject(repo, project);
            Assert.True(exit != 0, output);
            Assert.Equal(ExampleLines, DiagnosticLines(output, repo));
        }

        /// <summary>
        /// Issue 31, H1: inputs that once made the engine throw, which every host then turned into a
        /// pass (the analyzer's GOV003 was a warning): 15 KB of unclosed "&lt;a " in a linked document,
        /// and a baseline entry whose count does not fit in 64 bits; and a failure that stays one, a
        /// configured placeholder pattern that times out on a packet's value. Through the analyzer,
        /// the GovernanceCheck task and the SDK, the build fails with the example's findings, the
        /// unusable baseline's GOV008 (it hides nothing) and the rule's GOV003, an error.
        /// </summary>
        [Fact]
        public void Inputs_that_made_the_engine_throw_still_fail_the_build_in_the_analyzer_the_task_and_the_SDK()
        {
            void Hostile(string repo)
            {
                File.WriteAllText(Path.Combine(repo, "docs", "notes.md"), "# Notes\n\n" + string.Concat(Enumerable.Repeat("<a ", 5000)) + "\n");
                File.AppendAllText(Path.Combine(repo, "governance.yml"), "taskPacket:\n  placeholders: ['^(a|aa)+$']\n");
                string storage = Path.Combine(repo, "docs", "task_packets", "WP-1-Storage-Layer.md");
                File.WriteAllText(storage, File.ReadAllText(storage).Replace("- **What**: Add the storage trait.", "- **What**: " + new string('a', 60) + "!"));
                File.WriteAllText(Path.Combine(repo, "governance.baseline.json"),
                    "{\n  \"version\": 1,\n  \"entries\": [\n    {\n      \"path\": \"docs/task_packets/WP-1-Job-Cancel.md\",\n      \"rule\": \"GOV107\",\n      \"fingerprint\": \"0123456789abcdef\",\n      \"count\": 100000000000000000000000000000\n    }\n  ]\n}\n");
            }

            const string invalidBaseline = "governance.baseline.json(8,16): error GOV008: Baseline governance.baseline.json is not used: it does not match schemas/baseline.schema.json: The integer 100000000000000000000000000000 is out of range (at most 64 bits).; every diagnostic is reported until it is fixed";
            const string ruleFailed = "docs/task_packets/WP-1-Storage-Layer.md(1,3): error GOV003: Rule GOV110 failed and was skipped, so this document's findings are incomplete: RegexMatchTimeoutException: The Regex engine has timed out while trying to match a pattern to an input string. This can occur for many reasons, including very large inputs or excessive backtracking caused by nested quantifiers, back-references and other factors.";
            // The configured placeholders replace the defaults: '{Specific criterion 2}' is no placeholder here.
            var expected = ExampleLines.Where(l => !l.Contains(" GOV110: ", StringComparison.Ordinal)).Append(invalidBaseline).Append(ruleFailed).OrderBy(l => l, StringComparer.Ordinal).ToArray();

            string analyzerRepo = _feed.NewConsumer("hostile-analyzer");
            Hostile(analyzerRepo);
            var (exit, output) = _feed.Build(analyzerRepo);
            Assert.True(exit != 0, output);
            Assert.Equal(expected, DiagnosticLines(output, analyzerRepo));

            var (taskRepo, project) = NoTargetsConsumer("hostile-task", "Governance.proj", "<TargetFramework>net10.0</TargetFramework>");
            Hostile(taskRepo);
            (exit, output) = _feed.BuildProject(taskRepo, project);
            Assert.True(exit != 0, output);
            Assert.Equal(expected, DiagnosticLines(output, taskRepo));

            string sdkRepo = _feed.NewConsumer("hostile-sdk");
            Hostile(sdkRepo);
            WriteSdkProject(sdkRepo);
            (exit, output) = _feed.BuildProject(sdkRepo, "governance.proj");
            Assert.True(exit != 0, output);
            Assert.Equal(expected, DiagnosticLines(output, sdkRepo));
        }

        /// <summary>
        /// Issue 32, named tests that passed: GovernanceTestResults hands the task a TRX and a JUnit
        /// file (the JUnit run is newer) in which one named test passed, one failed and one was
        /// skipped: the build fails with exactly the two GOV704 lines the CLI writes.
        /// </summary>
        [Fact]
        public void GovernanceTestResults_fails_the_build_for_the_failed_and_the_skipped_named_test()
        {
            var (repo, project) = NoTargetsConsumer("test-results", "Governance.proj",
                "<TargetFramework>net10.0</TargetFramework>\n    <GovernanceTestResults>TestResults/*.trx;target/**/junit.xml</GovernanceTestResults>");
            string packet = Path.Combine(repo, "docs", "task_packets", "WP-1-Storage-Layer.md");
            File.WriteAllText(packet, File.ReadAllText(packet).Replace("  * All tests pass\n", Testing.TestResultSamples.NamedTestItems + "\n"));
            Directory.CreateDirectory(Path.Combine(repo, "TestResults"));
            Directory.CreateDirectory(Path.Combine(repo, "target", "nextest"));
            File.WriteAllText(Path.Combine(repo, "TestResults", "run.trx"), Testing.TestResultSamples.Trx);
            File.WriteAllText(Path.Combine(repo, "target", "nextest", "junit.xml"), Testing.TestResultSamples.JUnit);

            var (exit, output) = _feed.BuildProject(repo, project);
            Assert.True(exit != 0, output);
            Assert.Equal(new[]
            {
                "docs/task_packets/WP-1-Storage-Layer.md(28,12): error GOV704: DONE_MEANS names the test 'Storage.Tests.DatabaseTests.Migrates', which failed in target/nextest/junit.xml (2026-11-30T11:00:00Z)",
                "docs/task_packets/WP-1-Storage-Layer.md(29,12): error GOV704: DONE_MEANS names the test 'Storage.Tests.DatabaseTests.RollsBack', which was skipped in target/nextest/junit.xml (2026-11-30T11:00:00Z)",
            }, DiagnosticLines(output, repo).Where(l => l.Contains(" GOV704: ", StringComparison.Ordinal)).ToArray());
        }

        [Fact]
        public void A_NoTargets_project_with_two_target_frameworks_reports_each_finding_from_one_of_them()
        {
            // A .csproj: a .proj with TargetFrameworks gets no inner builds from the .NET SDK (nothing builds).
            var (repo, project) = NoTargetsConsumer("notargets-multi", "Governance.csproj", "<TargetFrameworks>net8.0;net10.0</TargetFrameworks>");
            var (exit, output) = _feed.BuildProject(repo, project);
            Assert.True(exit != 0, output);
            Assert.True(ExampleLines.SequenceEqual(DiagnosticLines(output, repo)), output);
            var frameworks = output.Split('\n').Where(l => l.Contains(": error GOV")).Select(l => l.Substring(l.LastIndexOf("::", StringComparison.Ordinal))).Distinct().ToList();
            Assert.Equal(new[] { "::TargetFramework=net8.0]" }, frameworks);
        }

        [Fact]
        public void A_CSharp_project_using_the_task_reports_each_finding_once_and_its_source_rules_read_governance_yml()
        {
            string repo = _feed.NewConsumer("csharp-task");
            // GOV701 is turned off in governance.yml: the analyzer's source rule must see that.
            string config = Path.Combine(repo, "governance.yml");
            File.WriteAllText(config, File.ReadAllText(config).Replace("severity:\n", "severity:\n  GOV701: none\n"));
            Assert.Contains("GOV701: none", File.ReadAllText(config));
            File.WriteAllText(Path.Combine(repo, "src", "Example.App", "Retry.cs"),
                "namespace Example.App\n{\n    public static class Retry\n    {\n        public static void Run() => throw new System.NotImplementedException();\n    }\n}\n");

            var (exit, output) = _feed.BuildProject(repo, Path.Combine("src", "Example.App"), "-p:GovernanceUseTask=true");
            Assert.True(exit != 0, output);
            Assert.Equal(ExampleLines, DiagnosticLines(output, repo));
            // The task's format (with end positions), not the compiler's: the analyzer reported none of them.
            Assert.Contains("docs/task_packets/WP-1-Job-Cancel.md(9,11,9,22): error GOV107:", output);
            Assert.DoesNotContain("GOV701", output);
        }

        [Fact]
        public void A_GovernanceConfigFile_that_does_not_exist_is_an_MSBuild_error()
        {
            string repo = _feed.NewConsumer("sdk-no-config");
            WriteSdkProject(repo);
            string missing = Path.Combine(repo, "no-such.yml");
            var (exit, output) = _feed.BuildProject(repo, "governance.proj", "-p:GovernanceConfigFile=" + missing);
            Assert.True(exit != 0, output);
            Assert.Contains("error : GovernanceCheck: the configuration '" + missing + "' (GovernanceConfigFile) does not exist", output);
            Assert.DoesNotContain("error GOV", output);
        }

        [Fact]
        public void A_VB_project_gets_the_Markdown_diagnostics_from_the_analyzer()
        {
            string repo = _feed.NewConsumer("vb");
            string project = Path.Combine(repo, "src", "Example.Vb");
            Directory.CreateDirectory(project);
            File.WriteAllText(Path.Combine(project, "Example.Vb.vbproj"),
                "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n" +
                $"  <ItemGroup>\n    <PackageReference Include=\"Orchestrator.Governance\" Version=\"{_feed.Version}\" />\n  </ItemGroup>\n</Project>\n");
            File.WriteAllText(Path.Combine(project, "Jobs.vb"), "Public Module Jobs\n    Public Function Cancel() As Boolean\n        Return True\n    End Function\nEnd Module\n");

            var (exit, output) = _feed.BuildProject(repo, Path.Combine("src", "Example.Vb"));
            Assert.True(exit != 0, output);
            // The compiler's format (no end position), one line each: the analyzer, not the task.
            Assert.Equal(ExampleLines, DiagnosticLines(output, repo));
            Assert.DoesNotContain("GovernanceCheck", output);
            Assert.DoesNotContain("AD0001", output);
        }
    }
}
