using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Orchestrator.Governance.EndToEnd.Tests
{
    /// <summary>Runs only where symbolic links, FIFOs and /proc/self are what they are on Linux.</summary>
    public sealed class UnixFactAttribute : FactAttribute
    {
        public UnixFactAttribute()
        {
            if (OperatingSystem.IsWindows()) Skip = "symbolic links and FIFOs need a Unix file system";
        }
    }

    /// <summary>A repository that adds the package with one PackageReference, built with dotnet build.</summary>
    [Collection(PackageCollection.Name)]
    public class ConsumerBuildTests
    {
        private readonly PackageFeed _feed;

        public ConsumerBuildTests(PackageFeed feed) => _feed = feed;

        /// <summary>A copy of the example repository with only its valid packet (the two defective ones removed).</summary>
        private string CleanConsumer(string name)
        {
            string consumer = _feed.NewConsumer(name);
            File.Delete(Path.Combine(consumer, "docs", "task_packets", "WP-1-Job-Cancel.md"));
            File.Delete(Path.Combine(consumer, "docs", "task_packets", "WP-1-Job-Retry.md"));
            return consumer;
        }

        /// <summary>The example repository's ten findings, by design.</summary>
        private static readonly string[] ExampleDefects =
        {
            "docs/task_packets/WP-1-Job-Cancel.md(4,12): error GOV106: TASK_ID 'WP-1-Job-Cancel' is also declared in docs/task_packets/WP-1-Job-Retry.md",
            "docs/task_packets/WP-1-Job-Cancel.md(5,9): error GOV108: DATE '21/12/2025' is not an ISO 8601 date or timestamp",
            "docs/task_packets/WP-1-Job-Cancel.md(9,11): error GOV107: STATUS 'Almost done' is not an allowed value",
            "docs/task_packets/WP-1-Job-Cancel.md(21,5): error GOV112: TEST_PLAN has no runnable command (found: 'Run the tests and check that cancel works.')",
            "docs/task_packets/WP-1-Job-Cancel.md(24,5): error GOV110: Unfilled template placeholder '{Specific criterion 2}'",
            "docs/task_packets/WP-1-Job-Cancel.md(29,5): error GOV109: FILES_TO_OPEN lists 3 item(s); expected 5 to 15",
            "docs/task_packets/WP-1-Job-Cancel.md(54,21): error GOV204: SPEC_ANCHOR §7.6.3 points into §7.6 Development Roadmap, which is not Main Body",
            "docs/task_packets/WP-1-Job-Cancel.md(64,28): error GOV111: USER_SIGNATURE '<pending>' is a placeholder",
            "docs/task_packets/WP-1-Job-Retry.md(4,12): error GOV105: TASK_ID 'WP-1-Job-Cancel' does not match the file name 'WP-1-Job-Retry'",
            "docs/task_packets/WP-1-Job-Retry.md(4,12): error GOV106: TASK_ID 'WP-1-Job-Cancel' is also declared in docs/task_packets/WP-1-Job-Cancel.md",
        };

        [Fact]
        public void A_repository_with_defective_packets_fails_the_build_at_the_offending_lines()
        {
            string consumer = _feed.NewConsumer("defects");
            string log = Path.Combine(consumer, "errors.sarif");
            var (exit, output) = _feed.Build(consumer, null, "-p:ErrorLog=" + log);
            Assert.True(exit != 0, output);

            // Issue 34: each diagnostic's help link is its page in the restored package, a file on this machine.
            var links = Regex.Matches(File.ReadAllText(log), "\"helpUri\":\\s*\"(file:[^\"]+/(GOV[0-9]{3})\\.md)\"");
            Assert.True(links.Count >= 4, File.ReadAllText(log));
            foreach (Match link in links)
            {
                string page = new Uri(link.Groups[1].Value).LocalPath;
                Assert.StartsWith(Path.Combine(consumer, ".packages"), page);
                Assert.StartsWith("# " + link.Groups[2].Value + ":", File.ReadAllText(page));
            }

            string[] expected = ExampleDefects;
            foreach (var line in expected) Assert.Contains(consumer + "/" + line, output);

            // Exactly these ten, once each (the summary repeats them; count distinct lines).
            var reported = output.Split('\n').Where(l => l.Contains(": error GOV") || l.Contains(": warning GOV")).Select(l => l.Trim()).Distinct().ToList();
            Assert.Equal(expected.Length, reported.Count);
            Assert.DoesNotContain("AD0001", output);
            Assert.DoesNotContain("RS1035", output);
            Assert.DoesNotContain("CS8032", output); // analyzer could not be loaded
        }

        [UnixFact]
        public void Links_out_of_the_repository_or_round_a_loop_and_a_FIFO_neither_leak_nor_hang_the_build()
        {
            // A contributor's change: a packet linked to a file outside the repository, folder links to
            // '..' and /proc/self, and a FIFO named like a packet.
            string consumer = _feed.NewConsumer("unsafe");
            string outside = Path.Combine(_feed.Root, "outside");
            Directory.CreateDirectory(outside);
            File.WriteAllText(Path.Combine(outside, "secret.md"), "# Task Packet: WP-1-Leak\n\n## Metadata\n- STATUS: SECRET-TOKEN-123\n");
            string packets = Path.Combine(consumer, "docs", "task_packets");
            File.CreateSymbolicLink(Path.Combine(packets, "WP-1-Leak.md"), "../../../outside/secret.md");
            Assert.Contains("SECRET-TOKEN-123", File.ReadAllText(Path.Combine(packets, "WP-1-Leak.md")));
            File.CreateSymbolicLink(Path.Combine(consumer, "docs", "loop"), "..");
            File.CreateSymbolicLink(Path.Combine(consumer, "docs", "proc"), "/proc/self");
            using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(packets, "WP-1-Fifo.md")))
            {
                mkfifo.WaitForExit();
                Assert.Equal(0, mkfifo.ExitCode);
            }

            // A blocked compiler would wait for ever: three minutes is many times a build here.
            var (exit, output) = _feed.Build(consumer, TimeSpan.FromMinutes(3));
            Assert.True(exit != 0, output);
            Assert.DoesNotContain("SECRET-TOKEN-123", output);
            Assert.DoesNotContain("CS2021", output); // MSBuild's own globbing gave up on /proc/self and passed '**/*.md' on
            Assert.DoesNotContain("AD0001", output);

            // Exactly the example's ten findings and one GOV002 for each refused file, once each.
            var reported = output.Split('\n')
                .Where(l => l.Contains(": error GOV") || l.Contains(": warning GOV"))
                .Select(l => Regex.Replace(l.Trim().Replace(consumer + "/", string.Empty), @" \[[^\]]*\]$", string.Empty))
                .Select(l => Regex.Replace(l, @" \((?:[^()]*/)?GOV[0-9]+\.md\)$", string.Empty))
                .Distinct()
                .ToList();
            var expected = ExampleDefects.Concat(new[]
            {
                "docs/task_packets/WP-1-Fifo.md(1,1): error GOV002: Document skipped: is a FIFO, not a regular file; not opened",
                "docs/task_packets/WP-1-Leak.md(1,1): error GOV002: Document skipped: is a symbolic link to a file outside the repository; not read",
            }).ToList();
            foreach (var line in expected) Assert.Single(reported, r => r.StartsWith(line, StringComparison.Ordinal));
            Assert.Equal(expected.Count, reported.Count);
            Assert.Contains("docs/task_packets/WP-1-Leak.md(1,1): error GOV002: Document skipped: is a symbolic link to a file outside the repository; not read", reported);

            // The repository's file list (GOV320, GOV501/GOV502) has neither the refused files nor anything through the folder links.
            var files = File.ReadAllLines(Path.Combine(consumer, "src", "Example.App", "obj", "Debug", "net10.0", "governance.files.txt"));
            Assert.Contains("docs/task_packets/WP-1-Storage-Layer.md", files);
            Assert.DoesNotContain(files, f => f.StartsWith("docs/loop/", StringComparison.Ordinal) || f.StartsWith("docs/proc/", StringComparison.Ordinal) || f.Contains("WP-1-Fifo") || f.Contains("WP-1-Leak"));
            Assert.Equal(
                new[] { "docs/task_packets/WP-1-Fifo.md|is a FIFO, not a regular file; not opened", "docs/task_packets/WP-1-Leak.md|is a symbolic link to a file outside the repository; not read" },
                File.ReadAllLines(Path.Combine(consumer, "src", "Example.App", "obj", "Debug", "net10.0", "governance.refused.txt")));
        }

        [Fact]
        public void With_the_CLI_s_baseline_the_build_passes_and_a_new_defect_fails_it_alone()
        {
            string consumer = _feed.NewConsumer("baseline");
            // Two findings each host says its own way: a Windows-1252 byte (GOV004: the CLI has the
            // byte, the compiler hands over U+FFFD) and the package itself missing from the OSS
            // register (GOV611: the CLI reads Example.App.csproj as written, the build evaluates it).
            File.WriteAllText(Path.Combine(consumer, "docs", "OSS_REGISTER.md"), "# OSS REGISTER\n\n| name | license | integration_mode_default | purpose |\n| --- | --- | --- | --- |\n| serde | MIT | embedded_lib | Serialization |\n");
            string retry = Path.Combine(consumer, "docs", "task_packets", "WP-1-Job-Retry.md");
            string text = File.ReadAllText(retry);
            var bytes = System.Text.Encoding.UTF8.GetBytes(text).ToList();
            bytes.Insert(System.Text.Encoding.UTF8.GetByteCount(text.Substring(0, text.IndexOf("Portability", StringComparison.Ordinal))), 0x97);
            File.WriteAllBytes(retry, bytes.ToArray());
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            Assert.True(Cli.Program.Run(new[] { "baseline", consumer }, stdout, stderr) == 0, stderr.ToString());
            Assert.Equal("governance.baseline.json: 12 entries for 12 diagnostic(s) recorded (11 error(s), 1 warning(s))\n", stdout.ToString());
            string baseline = File.ReadAllText(Path.Combine(consumer, "governance.baseline.json"));
            Assert.Contains("\"GOV004\"", baseline);
            Assert.Contains("\"GOV611\"", baseline);

            var (exit, output) = _feed.Build(consumer);
            Assert.True(exit == 0, output);
            Assert.DoesNotMatch(new Regex("(error|warning) GOV"), output);

            // Lines inserted above the baselined findings change nothing; a new defect in the valid packet fails the build alone.
            string cancel = Path.Combine(consumer, "docs", "task_packets", "WP-1-Job-Cancel.md");
            File.WriteAllText(cancel, "<!-- moved -->\n\n\n" + File.ReadAllText(cancel));
            string storage = Path.Combine(consumer, "docs", "task_packets", "WP-1-Storage-Layer.md");
            File.WriteAllText(storage, File.ReadAllText(storage).Replace("- STATUS: Ready-for-Dev", "- STATUS: Almost ready"));
            (exit, output) = _feed.Build(consumer);
            Assert.True(exit != 0, output);
            var reported = output.Split('\n').Where(l => l.Contains(": error GOV") || l.Contains(": warning GOV")).Select(l => Regex.Replace(l.Trim(), @" \[[^\]]*\]$", "")).Distinct().ToList();
            Assert.True(reported.Count == 1, string.Join("\n", reported));
            // The help link is the page the restored package ships (issue 34).
            Assert.Matches("^" + Regex.Escape(consumer + "/docs/task_packets/WP-1-Storage-Layer.md(9,11): error GOV107: STATUS 'Almost ready' is not an allowed value (allowed: Ready-for-Dev, In-Progress, Blocked, Done, Validated) (file://") + ".*/docs/rules/GOV107\\.md\\)$", reported[0]);
        }

        [Fact]
        public void A_package_added_in_Directory_Build_props_is_baselined_by_the_CLI_and_the_build_passes()
        {
            // The usual way to add an analyzer to every project, and a reference under a Condition the
            // build does not take: the CLI reads both as written, the build sees what it evaluates.
            string consumer = CleanConsumer("directory-build-props");
            string app = Path.Combine(consumer, "src", "Example.App", "Example.App.csproj");
            File.WriteAllText(app, Regex.Replace(File.ReadAllText(app), @"\s*<PackageReference Include=""Orchestrator.Governance""[^>]*/>", string.Empty));
            File.WriteAllText(Path.Combine(consumer, "Directory.Build.props"),
                "<Project>\n  <ItemGroup>\n    <PackageReference Include=\"Orchestrator.Governance\" Version=\"$(OrchestratorGovernanceVersion)\" />\n" +
                "    <PackageReference Include=\"Legacy.Only\" Version=\"1.0.0\" Condition=\"'$(TargetFramework)' == 'net48'\" />\n  </ItemGroup>\n</Project>\n");
            File.WriteAllText(Path.Combine(consumer, "docs", "OSS_REGISTER.md"), "# OSS REGISTER\n\n| name | license | integration_mode_default | purpose |\n| --- | --- | --- | --- |\n| serde | MIT | embedded_lib | Serialization |\n");

            var stdout = new StringWriter();
            var stderr = new StringWriter();
            Assert.Equal(1, Cli.Program.Run(new[] { "check", consumer }, stdout, stderr));
            var cli = stdout.ToString().Split('\n').Where(l => l.Contains("GOV611", StringComparison.Ordinal)).ToList();
            Assert.Equal(new[]
            {
                "docs/OSS_REGISTER.md(1,3): error GOV611: Dependency 'Legacy.Only' (PackageReference of Directory.Build.props) is not in the OSS register docs/OSS_REGISTER.md; add a row with its license, integration mode, scope and purpose",
                "docs/OSS_REGISTER.md(1,3): error GOV611: Dependency 'Orchestrator.Governance' (PackageReference of Directory.Build.props) is not in the OSS register docs/OSS_REGISTER.md; add a row with its license, integration mode, scope and purpose",
            }, cli);

            stdout = new StringWriter();
            Assert.True(Cli.Program.Run(new[] { "baseline", consumer }, stdout, stderr) == 0, stderr.ToString());
            var (exit, output) = _feed.Build(consumer);
            Assert.True(exit == 0, output);
            Assert.DoesNotMatch(new Regex("(error|warning) GOV"), output);
        }

        /// <summary>A layout fixture of tests/Fixtures laid over the example without its packets.</summary>
        private string LayoutConsumer(string fixture)
        {
            string consumer = CleanConsumer(fixture);
            File.Delete(Path.Combine(consumer, "docs", "task_packets", "WP-1-Storage-Layer.md"));
            Dotnet.CopyDirectory(Path.Combine(Dotnet.RepositoryRoot(), "tests", "Fixtures", fixture), consumer);
            return consumer;
        }

        private static System.Collections.Generic.List<string> Reported(string output, string consumer) =>
            output.Split('\n').Where(l => l.Contains(": error GOV") || l.Contains(": warning GOV"))
                .Select(l => Regex.Replace(l.Trim(), @" \([^)]*\.md\) \[[^\]]*\]$", "").Replace(consumer + "/", string.Empty)).Distinct().OrderBy(l => l, StringComparer.Ordinal).ToList();

        [Fact]
        public void A_folder_per_packet_builds_with_the_folder_names_as_IDs()
        {
            string consumer = LayoutConsumer("folder-per-packet");
            var (exit, output) = _feed.Build(consumer);
            Assert.True(exit != 0, output);
            Assert.Equal(new[]
            {
                "docs/TASK_BOARD.md(6,6): warning GOV306: Task board lists WP-1-Job-Gone as READY_FOR_DEV, but there is no task packet WP-1-Job-Gone",
                "docs/task_packets/WP-1-Job-Cancel/packet.md(4,12): error GOV105: TASK_ID 'WP-1-Job-Cancl' does not match the folder name 'WP-1-Job-Cancel'",
            }, Reported(output, consumer));
        }

        [Fact]
        public void Mojibake_is_read_repaired_in_the_build_at_the_file_s_own_columns()
        {
            string consumer = LayoutConsumer("mojibake");
            var (exit, output) = _feed.Build(consumer);
            Assert.True(exit != 0, output);
            Assert.Equal(new[]
            {
                "docs/task_packets/WP-1-Job-Cancel.md(9,11): error GOV107: STATUS '— Almost done' is not an allowed value (allowed: Ready-for-Dev, In-Progress, Blocked, Done, Validated)",
                "docs/task_packets/WP-1-Job-Cancel.md(9,11): warning GOV009: The text was saved through a wrong encoding (UTF-8 read as Windows-1252): 'â€”' is read as '—'; save the file as UTF-8 with the repaired text",
                "docs/task_packets/WP-1-Storage-Layer.md(12,35): warning GOV009: The text was saved through a wrong encoding (UTF-8 read as Windows-1252): 'â€”' is read as '—'; save the file as UTF-8 with the repaired text",
            }, Reported(output, consumer));
        }

        [Fact]
        public void A_spec_in_modules_behind_a_JSON_pointer_is_read_in_the_build()
        {
            string consumer = LayoutConsumer("spec-modules");
            var (exit, output) = _feed.Build(consumer);
            Assert.True(exit != 0, output);
            Assert.Equal(new[]
            {
                ".GOV/spec/02_architecture.md(13,5): warning GOV211: Heading §2.4.1 Cache Layer is numbered outside §2.3 Storage, the section it stands in (line 3 of .GOV/spec/02_architecture.md)",
                "docs/task_packets/WP-1-Offline-Mode.md(25,5): error GOV207: 1 MUST requirement(s) of §1.1 are covered by no DONE_MEANS item: line 4 of .GOV/spec/01_vision.md 'The product MUST run fully offline.'",
                "docs/task_packets/WP-1-Offline-Mode.md(25,5): warning GOV208: 1 SHOULD requirement(s) of §1.1 are covered by no DONE_MEANS item: line 4 of .GOV/spec/01_vision.md 'It SHOULD start in under two seconds.'",
                "docs/task_packets/WP-1-Offline-Mode.md(58,35): error GOV203: SPEC_ANCHOR §2.3.99 does not resolve in .GOV/spec/: no such section; the nearest is §2.3 Storage",
            }, Reported(output, consumer));
        }

        [Fact]
        public void Packets_kept_as_data_are_checked_in_the_build()
        {
            string consumer = LayoutConsumer("data-packets");
            var (exit, output) = _feed.Build(consumer);
            Assert.True(exit != 0, output);
            Assert.Equal(new[]
            {
                "docs/task_packets/WP-1-Job-Cancel/packet.yaml(7,11): error GOV107: STATUS 'Almost done' is not an allowed value (allowed: Ready-for-Dev, In-Progress, Blocked, Done, Validated)",
                "docs/task_packets/WP-1-Storage-Layer/packet.md(9,11): error GOV113: STATUS is 'Ready-for-Dev' here but 'In-Progress' in docs/task_packets/WP-1-Storage-Layer/packet.json, the packet's other form; regenerate the form that is not authoritative (taskPacket.authoritative: data)",
            }, Reported(output, consumer));
        }

        [Fact]
        public void A_layout_configured_only_in_governance_yml_reaches_the_analyzer_as_the_CLI_reads_it()
        {
            // YAML packets in work/, a pointer .GOV/pointer.json naming a JSON manifest: none of them
            // among GovernanceDocuments' globs; the build's task selects them from governance.yml.
            string consumer = LayoutConsumer("configured-layout");
            var (exit, output) = _feed.Build(consumer);
            Assert.True(exit != 0, output);
            Assert.Equal(new[]
            {
                "work/WP-1-Offline-Mode/packet.yml(25,21): error GOV203: SPEC_ANCHOR §2.3.99 does not resolve in .GOV/spec/: no such section; the nearest is §2.3 Storage",
                "work/WP-1-Storage-Layer/packet.yml(6,9): error GOV107: STATUS 'Almost done' is not an allowed value (allowed: Ready-for-Dev, In-Progress, Blocked, Done, Validated)",
            }, Reported(output, consumer));
        }

        [Fact]
        public void A_repository_whose_packets_follow_the_protocol_builds_clean()
        {
            string consumer = CleanConsumer("clean");
            var (exit, output) = _feed.Build(consumer);
            Assert.True(exit == 0, output);
            Assert.DoesNotMatch(new Regex("(error|warning) GOV"), output);

            // Issue 32: GovernanceTestResults in the analyzer's build (a C# project, no task): the targets
            // hand the analyzer the TRX as an additional file, and the failed and the skipped named test
            // fail the build with the two GOV704 lines the CLI and the task write.
            string packet = Path.Combine(consumer, "docs", "task_packets", "WP-1-Storage-Layer.md");
            File.WriteAllText(packet, File.ReadAllText(packet).Replace("  * All tests pass\n", Testing.TestResultSamples.NamedTestItems + "\n")
                .Replace("- **Dependencies**: none\n", "- **Dependencies**: none\n- Evidence: src/linked.rs:2\n"));
            // Evidence in a file linked out of the repository (line 66, the items above being three): refused, in the CLI's words (the targets pass the walk's reason on).
            string outside = Path.Combine(Path.GetTempPath(), "orchestrator-outside-" + Guid.NewGuid().ToString("N") + ".rs");
            File.WriteAllText(outside, "one\ntwo\nthree\n");
            File.CreateSymbolicLink(Path.Combine(consumer, "src", "linked.rs"), outside);
            Directory.CreateDirectory(Path.Combine(consumer, "TestResults"));
            File.WriteAllText(Path.Combine(consumer, "TestResults", "run.trx"), Testing.TestResultSamples.Trx);
            (exit, output) = _feed.Build(consumer, null, "-p:GovernanceTestResults=TestResults/*.trx");
            Assert.True(exit != 0, output);
            var gov704 = output.Split('\n').Where(l => l.Contains(": error GOV704: ", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct().ToList();
            Assert.Contains(consumer + "/docs/task_packets/WP-1-Storage-Layer.md(28,12): error GOV704: DONE_MEANS names the test 'Storage.Tests.DatabaseTests.Migrates', which failed in TestResults/run.trx (2026-11-30T10:01:30Z)", output);
            Assert.Contains(consumer + "/docs/task_packets/WP-1-Storage-Layer.md(29,12): error GOV704: DONE_MEANS names the test 'Storage.Tests.DatabaseTests.RollsBack', which was skipped in TestResults/run.trx (2026-11-30T10:01:30Z)", output);
            Assert.Equal(2, gov704.Count);
            Assert.Contains(consumer + "/docs/task_packets/WP-1-Storage-Layer.md(66,13): error GOV114: Evidence 'src/linked.rs:2' names a file that is not read: ", output);
            File.Delete(outside);
        }

        [Fact]
        public void A_globalconfig_changes_the_severity_of_diagnostics_in_additional_files()
        {
            string consumer = _feed.NewConsumer("globalconfig");
            // A .globalconfig at the repository root (the SDK finds it above the project); an
            // .editorconfig severity would not reach diagnostics in additional files (dotnet/roslyn#31916).
            File.WriteAllText(Path.Combine(consumer, ".globalconfig"), "is_global = true\ndotnet_diagnostic.GOV107.severity = warning\ndotnet_diagnostic.GOV106.severity = none\n");
            var (_, output) = _feed.Build(consumer);
            Assert.Contains(consumer + "/docs/task_packets/WP-1-Job-Cancel.md(9,11): warning GOV107:", output);
            Assert.DoesNotContain("GOV106", output);
            Assert.Contains(consumer + "/docs/task_packets/WP-1-Job-Cancel.md(5,9): error GOV108:", output);
        }
    

        [Fact]
        public void A_packet_with_a_Windows_1252_byte_gets_GOV004_from_the_real_compiler()
        {
            string consumer = CleanConsumer("encoding");
            string packet = Path.Combine(consumer, "docs", "task_packets", "WP-1-Storage-Layer.md");
            var bytes = File.ReadAllBytes(packet).ToList();
            int at = System.Text.Encoding.UTF8.GetString(bytes.ToArray()).IndexOf("storage trait", System.StringComparison.Ordinal);
            bytes.Insert(at, 0x97);
            File.WriteAllBytes(packet, bytes.ToArray());
            var (exit, output) = _feed.Build(consumer);
            Assert.True(exit == 0, output);
            Assert.Contains(consumer + "/docs/task_packets/WP-1-Storage-Layer.md(12,21): warning GOV004:", output);
        }
        [Fact]
        public void A_three_packet_dependency_cycle_fails_the_build_naming_the_whole_cycle()
        {
            string consumer = CleanConsumer("cycle");
            string packets = Path.Combine(consumer, "docs", "task_packets");
            string valid = File.ReadAllText(Path.Combine(packets, "WP-1-Storage-Layer.md"));
            foreach (var (id, blocker) in new[] { ("A", "B"), ("B", "C"), ("C", "A") })
            {
                File.WriteAllText(Path.Combine(packets, "WP-1-Cycle-" + id + ".md"), valid
                    .Replace("WP-1-Storage-Layer", "WP-1-Cycle-" + id)
                    .Replace("- **Dependencies**: none", "- **Dependencies**: WP-1-Cycle-" + blocker + " (MUST COMPLETE FIRST)"));
            }

            var (exit, output) = _feed.Build(consumer);
            Assert.True(exit != 0, output);
            foreach (var id in new[] { "A", "B", "C" })
            {
                Assert.Contains(consumer + "/docs/task_packets/WP-1-Cycle-" + id + ".md(63,21): error GOV302: Dependency cycle: WP-1-Cycle-A → WP-1-Cycle-B → WP-1-Cycle-C → WP-1-Cycle-A", output);
            }

            var reported = output.Split('\n').Where(l => l.Contains(": error GOV") || l.Contains(": warning GOV")).Select(l => l.Trim()).Distinct().ToList();
            Assert.Equal(3, reported.Count);
        }
        [Fact]
        public void State_files_reach_the_analyzer_and_fail_the_build_at_the_offending_value()
        {
            string consumer = CleanConsumer("state");
            File.WriteAllText(Path.Combine(consumer, "session.json"), "{ \"Phase\": 1, \"Task\": 2, \"GapCount\": 3 }\n");
            Directory.CreateDirectory(Path.Combine(consumer, ".agent", "state"));
            File.WriteAllText(Path.Combine(consumer, ".agent", "state", "active_phase.json"),
                "{ \"phaseId\": \"1\", \"completedLayers\": [\"LAYER_0_REFLECTION\", \"LAYER_B\"], \"nextAction\": \"LAYER_C\" }\n");
            var (exit, output) = _feed.Build(consumer);
            Assert.True(exit != 0, output);
            Assert.Contains(consumer + "/session.json(1,38): error GOV315: GapCount is 3; the verifier retry limit is 2 (state.maxGapCount)", output);
            Assert.Contains(consumer + "/.agent/state/active_phase.json(1,61): error GOV318: Layer 'LAYER_B' is completed out of order: expected 'LAYER_A' next", output);
            Assert.Contains(consumer + "/.agent/state/active_phase.json(1,61): error GOV606: Phase '1' completed LAYER_B (active_phase.json completedLayers), so docs/decisions/ADR_01.md must exist (the LAYER_B artifact); it is not a file of the repository", output);
            var reported = output.Split('\n').Where(l => l.Contains(": error GOV") || l.Contains(": warning GOV")).Select(l => l.Trim()).Distinct().ToList();
            Assert.Equal(3, reported.Count);
        }
        [Fact]
        public void The_build_hands_the_analyzer_the_file_list_so_a_missing_artifact_is_GOV320()
        {
            string consumer = CleanConsumer("artifacts");
            Directory.CreateDirectory(Path.Combine(consumer, ".agent", "state"));
            File.WriteAllText(Path.Combine(consumer, ".agent", "state", "active_phase.json"),
                "{\n  \"phaseId\": \"1\",\n  \"completedLayers\": [\"LAYER_0_REFLECTION\", \"LAYER_A\", \"LAYER_B\"],\n  \"nextAction\": \"LAYER_C\",\n" +
                "  \"artifacts\": {\n    \"LAYER_0_REFLECTION\": \"Analysis in Chat\",\n    \"LAYER_A\": \"docs/SPEC_CURRENT.md\",\n    \"LAYER_B\": \"docs/decisions/ADR_01.md\"\n  }\n}\n");
            var (exit, output) = _feed.Build(consumer);
            Assert.True(exit != 0, output);
            Assert.Contains(consumer + "/.agent/state/active_phase.json(8,16): error GOV320: Artifact of LAYER_B is 'docs/decisions/ADR_01.md', which is not a file of the repository", output);

            // The same file list tells GOV606 that the completed layers lack their seed 000 artifacts.
            Assert.Contains(consumer + "/.agent/state/active_phase.json(3,45): error GOV606: Phase '1' completed LAYER_A (active_phase.json completedLayers), so docs/phases/MILESTONE_01.md must exist (the LAYER_A artifact); it is not a file of the repository", output);
            Assert.Contains(consumer + "/.agent/state/active_phase.json(3,56): error GOV606: Phase '1' completed LAYER_B (active_phase.json completedLayers), so docs/decisions/ADR_01.md must exist (the LAYER_B artifact); it is not a file of the repository", output);
            var reported = output.Split('\n').Where(l => l.Contains(": error GOV") || l.Contains(": warning GOV")).Select(l => l.Trim()).Distinct().ToList();
            Assert.Equal(3, reported.Count);
        }

        [Fact]
        public void The_source_rules_run_on_the_consumers_CSharp_files_and_exempt_its_tests()
        {
            string consumer = CleanConsumer("source");
            string app = Path.Combine(consumer, "src", "Example.App");
            File.WriteAllText(Path.Combine(app, "Retry.cs"),
                "namespace Example.App\n" +
                "{\n" +
                "    public static class Retry\n" +
                "    {\n" +
                "        // TODO: cap the backoff\n" +
                "        public static int Next(int attempt) => throw new System.NotImplementedException();\n" +
                "        // TODO(HSK-12): jitter\n" +
                "    }\n" +
                "}\n");
            Directory.CreateDirectory(Path.Combine(app, "tests"));
            File.WriteAllText(Path.Combine(app, "tests", "Fake.cs"), "namespace Example.App.Tests { public static class Fake { public static void M() => throw new System.NotImplementedException(); } }\n");
            var (exit, output) = _feed.Build(consumer);
            Assert.True(exit != 0, output);
            Assert.Contains(consumer + "/src/Example.App/Retry.cs(5,12): warning GOV702: TODO comment has no issue reference", output);
            Assert.Contains(consumer + "/src/Example.App/Retry.cs(6,54): error GOV701: 'Retry.Next' throws NotImplementedException; implement it, or take it out of the packet's DONE_MEANS", output);
            var reported = output.Split('\n').Where(l => l.Contains(": error GOV") || l.Contains(": warning GOV")).Select(l => Regex.Replace(l.Trim(), @" \[[^\]]*\]$", "")).Distinct().ToList();
            Assert.Equal(2, reported.Count);
        }
    
        [Fact]
        public void Metadata_headers_are_checked_in_CSharp_files_and_in_the_files_the_build_hands_over()
        {
            string consumer = CleanConsumer("headers");
            File.AppendAllText(Path.Combine(consumer, "governance.yml"),
                "headers:\n  include: ['src/Example.App/Headers/**', 'scripts/**']\n  phase: '2'\n  status: Active\n");
            string project = Path.Combine(consumer, "src", "Example.App", "Example.App.csproj");
            File.WriteAllText(project, File.ReadAllText(project).Replace("</PropertyGroup>", "  <GovernanceHeaderFiles>scripts/*.py</GovernanceHeaderFiles>\n  </PropertyGroup>"));
            string headers = Path.Combine(consumer, "src", "Example.App", "Headers");
            Directory.CreateDirectory(headers);
            File.WriteAllText(Path.Combine(headers, "Ledger.cs"), "namespace Example.App.Headers\n{\n    public static class Ledger { }\n}\n");
            File.WriteAllText(Path.Combine(headers, "Audit.cs"), "// Description: Audit trail.\n// Orchestration: Phase 2 | Active\nnamespace Example.App.Headers\n{\n    public static class Audit { }\n}\n");
            Directory.CreateDirectory(Path.Combine(consumer, "scripts"));
            File.WriteAllText(Path.Combine(consumer, "scripts", "sync.py"), "# Orchestration: Phase 2 | Active\n# Description: Sync the larder.\nprint(1)\n");
            File.WriteAllText(Path.Combine(consumer, "scripts", "ok.py"), "#!/usr/bin/env python3\n# Description: Fine.\n# Orchestration: Phase 2 | Active\n");

            var (exit, output) = _feed.Build(consumer);
            Assert.True(exit != 0, output);
            Assert.Contains(consumer + "/src/Example.App/Headers/Ledger.cs(1,1): error GOV401: The file does not start with a metadata header: its first two lines must be '// Description: <summary>' and '// Orchestration: Phase <XX> | <Status>'", output);
            Assert.Contains(consumer + "/scripts/sync.py(1,3): error GOV402: Malformed metadata header: the lines are swapped: 'Description:' must come first, then 'Orchestration:'", output);
            var reported = output.Split('\n').Where(l => l.Contains(": error GOV") || l.Contains(": warning GOV")).Select(l => Regex.Replace(l.Trim(), @" \[[^\]]*\]$", "")).Distinct().ToList();
            Assert.Equal(2, reported.Count);
        }
    
        [Fact]
        public void ADRs_among_the_documents_are_checked_in_the_build()
        {
            string consumer = CleanConsumer("adrs");
            string adr = Path.Combine(consumer, "docs", "adr");
            Directory.CreateDirectory(adr);
            File.WriteAllText(Path.Combine(adr, "0001-use-sqlite.md"), "# 1. Use SQLite\n\n## Status\n\nSuperseded by ADR-0009\n\n## Context\n\nLocal-first.\n\n## Decision\n\nSQLite.\n");
            File.WriteAllText(Path.Combine(adr, "README.md"), "# Decisions\n");

            var (exit, output) = _feed.Build(consumer);
            Assert.True(exit != 0, output);
            Assert.Contains(consumer + "/docs/adr/0001-use-sqlite.md(1,3): error GOV601: ADR 1 lacks Consequences (Nygard template: Status, Context, Decision, Consequences)", output);
            Assert.Contains(consumer + "/docs/adr/0001-use-sqlite.md(5,1): error GOV603: ADR 1 is superseded by ADR 9, but no ADR has that number", output);
            var reported = output.Split('\n').Where(l => l.Contains(": error GOV") || l.Contains(": warning GOV")).Select(l => Regex.Replace(l.Trim(), @" \[[^\]]*\]$", "")).Distinct().ToList();
            Assert.Equal(2, reported.Count);
        }

        [Fact]
        public void The_full_fixture_repository_gets_every_GOV4xx_to_GOV7xx_rule_at_its_place()
        {
            // tests/Fixtures/full-repo laid over the clean example: headers on, scope paths, ADRs,
            // an RFC, a lock manifest, waivers, links, an OSS register and C# source rules.
            string consumer = CleanConsumer("full");
            Dotnet.CopyDirectory(Path.Combine(Dotnet.RepositoryRoot(), "tests", "Fixtures", "full-repo"), consumer);
            var (exit, output) = _feed.Build(consumer);
            Assert.True(exit != 0, output);

            string[] expected =
            {
                "Cargo.toml(7,1): error GOV611: Dependency 'sqlx' ([dependencies] of Cargo.toml) is not in the OSS register docs/OSS_REGISTER.md; add a row with its license, integration mode, scope and purpose",
                "config/sync.json(3,3): error GOV402: Malformed metadata header: '$comment' must be the object's first property, not property 2",
                $"docs/OSS_REGISTER.md(1,3): error GOV611: Dependency 'Orchestrator.Governance' (PackageReference {_feed.Version} of Example.App.csproj) is not in the OSS register docs/OSS_REGISTER.md; add a row with its license, integration mode, scope and purpose",
                "docs/adr/0001-use-sqlite.md(1,3): error GOV601: ADR 1 lacks Consequences (Nygard template: Status, Context, Decision, Consequences)",
                "docs/adr/0002-logging.md(5,1): error GOV602: ADR 2 has status 'Approved'; expected one of proposed, accepted, rejected, deprecated, superseded (adr.statuses)",
                "docs/adr/0003-queue.md(1,3): error GOV604: ADR number 3 is already used by docs/adr/0003-cache.md; renumber this ADR",
                "docs/adr/0003-queue.md(5,1): error GOV603: ADR 3 is superseded by ADR 9, but no ADR has that number",
                "docs/guide.md(3,110): warning GOV610: Link 'plans/phase-1.md' is broken: docs/plans/phase-1.md is not a file or folder of the repository",
                "docs/guide.md(3,68): warning GOV610: Link 'adr/0003-queue.md#retries' is broken: docs/adr/0003-queue.md has no heading with the anchor #retries",
                "docs/rfcs/RFC_01.md(1,1): error GOV606: Phase '01' has its LAYER_D artifact docs/rfcs/RFC_01.md, so docs/decisions/ADR_01.md must exist (the LAYER_B artifact); it is not a file of the repository",
                "docs/rfcs/RFC_01.md(1,1): error GOV606: Phase '01' has its LAYER_D artifact docs/rfcs/RFC_01.md, so docs/phases/MILESTONE_01.md must exist (the LAYER_A artifact); it is not a file of the repository",
                "docs/rfcs/RFC_01.md(1,1): warning GOV605: RFC has 2 lines of text; seed 000 LAYER_D asks for at least 300 (rfc.minLines)",
                "docs/task_packets/WP-1-Scope-Demo.md(16,5): error GOV501: IN_SCOPE_PATHS entry 'src/' is a folder; list the exact files the packet may change",
                "docs/task_packets/WP-1-Scope-Demo.md(17,5): warning GOV502: IN_SCOPE_PATHS file 'src/storage/cache.rs' is not in the repository; mark a file the packet creates with '(new)'",
                "docs/task_packets/WP-1-Scope-Demo.md(18,5): error GOV503: IN_SCOPE_PATHS entry '../shared/secrets.rs' is outside the repository (absolute, or climbing out with '..'); it is not resolved",
                "docs/task_packets/WP-1-Scope-Demo.md(19,5): error GOV504: 'src/Example.App/Jobs.cs' is listed in IN_SCOPE_PATHS and in OUT_OF_SCOPE (line 21)",
                "docs/task_packets/WP-1-Scope-Demo.md(27,14): error GOV609: Waiver 'WAIVER-SCOPE-001' expired on 2026-02-01 (today is 2026-03-01); renew it with a new approval date or finish the work without it",
                "docs/task_packets/WP-1-Scope-Demo.md(28,3): error GOV608: Waiver 'WAIVER-SCOPE-002' has no approval date ('Date: YYYY-MM-DD'), 'Scope:' item; a waiver records its ID, approval date and scope",
                "docs/task_packets/WP-1-Scope-Demo.md(80,28): error GOV607: Task packet 'WP-1-Scope-Demo' is locked (USER_SIGNATURE 'ilja261220251430') and governance.lock.json does not record it; run 'governance lock' to record its hash",
                "docs/task_packets/WP-1-Storage-Layer.md(68,28): error GOV607: Task packet 'WP-1-Storage-Layer' is locked (USER_SIGNATURE 'ilja261220251430') and its text no longer matches governance.lock.json (sha256 000000000000, now <hash>); do not edit a locked packet: undo the edit and create a variant packet 'WP-1-Storage-Layer-v2' for the change",
                "scripts/judge.py(2,24): error GOV402: Malformed metadata header: the phase 'one' is not a number: expected 'Phase <XX>' with XX a number",
                "scripts/tool.py(1,1): error GOV401: The file does not start with a metadata header: its first two lines must be '# Description: <summary>' and '# Orchestration: Phase <XX> | <Status>'",
                "src/Example.App/Jobs.cs(1,1): error GOV401: The file does not start with a metadata header: its first two lines must be '// Description: <summary>' and '// Orchestration: Phase <XX> | <Status>'",
                "src/Example.App/Worker.cs(8,12): warning GOV702: TODO comment has no issue reference; write TODO(ISSUE-123) or TODO #123 (source.issueReference: ^(?:\\(\\s*(?:[A-Z][A-Z0-9]*-[0-9]+|#[0-9]+)\\s*\\)|:?\\s*(?:[A-Z][A-Z0-9]*-[0-9]+|#[0-9]+)\\b))",
                "src/Example.App/Worker.cs(9,43): error GOV701: 'Worker.Run' throws NotImplementedException; implement it, or take it out of the packet's DONE_MEANS",
            };

            // Every GOV line of the build, relative to the consumer, without the help link and project suffixes;
            // the hash of the edited packet's text is the packet's own.
            var reported = output.Split('\n')
                .Where(l => l.Contains(": error GOV") || l.Contains(": warning GOV"))
                .Select(l => Regex.Replace(l.Trim().Replace(consumer + "/", string.Empty), @" \[[^\]]*\]$", string.Empty))
                .Select(l => Regex.Replace(l, @" \((?:[^()]*/)?GOV[0-9]+\.md\)$", string.Empty))
                .Select(l => Regex.Replace(l, @"now [0-9a-f]{12}\)", "now <hash>)"))
                .Distinct()
                .OrderBy(l => l, StringComparer.Ordinal)
                .ToArray();
            Assert.Equal(expected.OrderBy(l => l, StringComparer.Ordinal).ToArray(), reported);

            // Every rule of the families the fixture is for has its line (GOV505 is the CLI's scope gate).
            var ids = reported.Select(l => Regex.Match(l, @"GOV[0-9]{3}").Value).Distinct().OrderBy(id => id, StringComparer.Ordinal);
            Assert.Equal(new[] { "GOV401", "GOV402", "GOV501", "GOV502", "GOV503", "GOV504", "GOV601", "GOV602", "GOV603", "GOV604", "GOV605", "GOV606", "GOV607", "GOV608", "GOV609", "GOV610", "GOV611", "GOV701", "GOV702" }, ids);
        }
    }
}