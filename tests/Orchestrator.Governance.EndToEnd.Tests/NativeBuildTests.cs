using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace Orchestrator.Governance.EndToEnd.Tests
{
    /// <summary>
    /// Packs the CLI once for the class as the dotnet tool .NET 10 SDKs install (scripts/pack-tool.sh, docs/packaging.md:
    /// the package of names, this machine's native package and the framework-dependent <c>any</c> package) and installs
    /// it twice with <c>dotnet tool install</c>, each into its own folder with its own package cache: from the feed as
    /// packed, which gives the native executable, and from a feed whose package of names lists another platform's
    /// identifier and <c>any</c>, which gives the framework-dependent build every other platform falls back to, the build
    /// the native executable is compared with.
    /// </summary>
    public sealed class NativeBuild : IDisposable
    {
        public NativeBuild()
        {
            // This collection runs beside the package feed's: its packs of the CLI come after the feed's.
            PackageFeed.Packed();
            Folder = Path.Combine(Path.GetTempPath(), "orchestrator-native-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            Feed = Path.Combine(Folder, "feed");
            string repo = Dotnet.RepositoryRoot();
            string script = Path.Combine(repo, "scripts", "pack-tool.sh");
            var env = new Dictionary<string, string> { ["CONFIGURATION"] = NativeBuildTests.Configuration, ["VERSION_PROPERTY"] = "PackageVersion" };
            var output = new StringBuilder();
            int exit = Step(output, Dotnet.RunProgram("bash", repo, env, TimeSpan.FromMinutes(20), script, Feed, Version));
            // Another platform's identifier and any: this machine finds no package of its own and falls back.
            env["RIDS"] = OtherPlatform + " any";
            if (exit == 0) exit = Step(output, Dotnet.RunProgram("bash", repo, env, TimeSpan.FromMinutes(5), script, Path.Combine(Folder, "fallback-feed"), Version));
            if (exit == 0) exit = Step(output, Install(Feed, "tool"));
            if (exit == 0) exit = Step(output, Install(Path.Combine(Folder, "fallback-feed"), "tool-any"));

            PublishOutput = output.ToString();
            PublishExitCode = exit;
            Executable = Path.Combine(Folder, "tool", OperatingSystem.IsWindows() ? "governance.exe" : "governance");
            var dlls = Directory.Exists(Path.Combine(Folder, "tool-any")) ? Directory.GetFiles(Path.Combine(Folder, "tool-any"), "governance.dll", SearchOption.AllDirectories) : Array.Empty<string>();
            Dll = dlls.Length == 1 ? dlls[0] : Path.Combine(Folder, "tool-any", "governance.dll");
        }

        private (int, string) Install(string feed, string into) => Dotnet.Run(Folder, new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(Folder, "packages-" + into) },
            "tool", "install", "Orchestrator.Governance.Cli", "--version", Version, "--source", feed, "--tool-path", Path.Combine(Folder, into));

        private static int Step(StringBuilder log, (int ExitCode, string Output) step)
        {
            log.AppendLine(step.Output);
            return step.ExitCode;
        }

        /// <summary>A platform whose native package this machine cannot make (so the fallback feed has none).</summary>
        internal static string OtherPlatform => OperatingSystem.IsWindows() ? "linux-x64" : "win-x64";

        /// <summary>The packages' version (the assemblies keep the repository's, which SARIF and MCP answers name: the same in both builds).</summary>
        public const string Version = "0.1.0-native";

        /// <summary>The framework-dependent build, installed from the fallback feed: <c>dotnet governance.dll</c>.</summary>
        public string Dll { get; }

        public string Folder { get; }

        /// <summary>The feed scripts/pack-tool.sh packed (the package of names, this machine's package, any).</summary>
        public string Feed { get; }

        /// <summary>The command `dotnet tool install` put on the tool path.</summary>
        public string Executable { get; }

        public int PublishExitCode { get; }

        public string PublishOutput { get; }

        public void Dispose()
        {
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>
    /// The native build's tests, a collection of their own: xunit runs them beside the package feed's (<see cref="PackageCollection"/>),
    /// so that compiling the native executable overlaps the consumers' builds.
    /// </summary>
    [CollectionDefinition(Name)]
    public sealed class NativeBuildCollection
    {
        public const string Name = "native build";
    }

    /// <summary>
    /// The native executable says exactly what the dotnet tool (the JIT build of the same code) says: the same
    /// standard output, standard error and exit code, byte for byte, on the corpus and on every fixture, in every
    /// output format. It reads governance.yml, baselines and JSON Schemas through Newtonsoft.Json's reflection, which
    /// the native compiler can leave out; these runs are the proof that it did not.
    /// </summary>
    [Collection(NativeBuildCollection.Name)]
    public class NativeBuildTests : IClassFixture<NativeBuild>
    {
#if DEBUG
        internal const string Configuration = "Debug";
#else
        internal const string Configuration = "Release";
#endif

        private readonly NativeBuild _native;

        public NativeBuildTests(NativeBuild native) => _native = native;

        public static IEnumerable<object[]> Runs()
        {
            const string corpus = "../shared/corpus/handshake";
            foreach (var format in new[] { "text", "sarif", "json", "github", "junit" })
                yield return new object[] { new[] { "check", corpus, "--today", "2026-12-01", "--format", format } };
            yield return new object[] { new[] { "check", corpus, "--today", "2026-12-01", "--report", "trace" } };
            yield return new object[] { new[] { "check", corpus, "--today", "2026-12-01", "--report", "trace", "--format", "json" } };
            yield return new object[] { new[] { "check", corpus, "--today", "2026-12-01", "--report", "graph", "--format", "dot" } };
            foreach (var fixture in new[] { "configured-layout", "data-packets", "folder-per-packet", "full-repo", "mojibake", "spec-modules", "state-files" })
            {
                yield return new object[] { new[] { "check", "tests/Fixtures/" + fixture, "--today", "2026-12-01" } };
                yield return new object[] { new[] { "check", "tests/Fixtures/" + fixture, "--today", "2026-12-01", "--format", "sarif" } };
            }

            yield return new object[] { new[] { "check", "examples/governed-repo", "--today", "2026-12-01", "--format", "json" } };
            yield return new object[] { new[] { "fix", "examples/governed-repo", "--dry-run", "--today", "2026-12-01" } };
            yield return new object[] { new[] { "ready", "WP-1-Job-Cancel", "examples/governed-repo", "--target", "Done", "--today", "2026-12-01" } };
            yield return new object[] { new[] { "ready", "WP-1-Gate-Check-Tool", corpus, "--target", "Done", "--today", "2026-12-01", "--format", "json" } };
            yield return new object[] { new[] { "check", "no/such/folder" } };
            yield return new object[] { new[] { "check", "examples/governed-repo", "--format", "yaml" } };
            yield return new object[] { new[] { "--help" } };
        }

        [Theory]
        [MemberData(nameof(Runs))]
        public void The_native_executable_writes_what_the_dotnet_tool_writes(string[] arguments)
        {
            Assert.True(_native.PublishExitCode == 0, "packing or installing the tool failed:\n" + _native.PublishOutput);
            string repo = Dotnet.RepositoryRoot();
            var jit = Run("dotnet", Prepend(_native.Dll, arguments), repo);
            var native = Run(_native.Executable, arguments, repo);

            Assert.DoesNotContain("internal error", jit.Error + jit.Output);
            Assert.Equal(jit.ExitCode, native.ExitCode);
            Assert.Equal(jit.Output, native.Output);
            Assert.Equal(jit.Error, native.Error);
        }

        [Fact]
        public void The_native_executable_checks_the_corpus()
        {
            Assert.True(_native.PublishExitCode == 0, "packing or installing the tool failed:\n" + _native.PublishOutput);
            var native = Run(_native.Executable, new[] { "check", "../shared/corpus/handshake", "--today", "2026-12-01" }, Dotnet.RepositoryRoot());
            Assert.Equal(1, native.ExitCode);
            Assert.EndsWith("123 task packet(s) checked: 189 error(s), 240 warning(s).\n", native.Output.Replace("\r\n", "\n"));
        }

        /// <summary>
        /// One MCP session, the same requests in the same order, to each executable on its own copy of the example
        /// repository: every answer (every tool, the resources, an error, a fix written) is the same JSON.
        /// </summary>
        [Fact]
        public void The_native_MCP_server_answers_what_the_dotnet_tool_answers()
        {
            Assert.True(_native.PublishExitCode == 0, "packing or installing the tool failed:\n" + _native.PublishOutput);
            const string cancel = "docs/task_packets/WP-1-Job-Cancel.md";
            var requests = new[]
            {
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"e2e\",\"version\":\"1\"}}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                Call(3, "check", "{}"),
                Call(4, "explain_rule", "{\"rule\":\"GOV107\"}"),
                Call(5, "spec_section", "{\"query\":\"2.3.12\"}"),
                Call(6, "packet", "{\"id\":\"WP-1-Storage-Layer\"}"),
                Call(7, "scope_check", "{\"id\":\"WP-1-Storage-Layer\",\"files\":[\"src/storage/mod.rs\",\"src/Example.App/Jobs.cs\"]}"),
                Call(8, "ready_to_close", "{\"id\":\"WP-1-Job-Cancel\",\"target\":\"Done\"}"),
                Call(9, "packet", "{\"id\":\"WP-9-Nothing\"}"),
                Call(10, "apply_fix", "{\"rule\":\"GOV107\",\"file\":\"" + cancel + "\",\"line\":9,\"column\":11}"),
                Call(11, "check", "{\"paths\":[\"" + cancel + "\"]}"),
                "{\"jsonrpc\":\"2.0\",\"id\":12,\"method\":\"resources/list\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":13,\"method\":\"resources/read\",\"params\":{\"uri\":\"governance://rules/GOV107\"}}",
                // The tests WP-1-Storage-Layer names, looked up with Roslyn's parser (McpSession writes them).
                Call(14, "ready_to_close", "{\"id\":\"WP-1-Storage-Layer\",\"target\":\"Done\"}"),
                // A line that is no message: a parse error with a null id.
                "{\"jsonrpc\":\"2.0\",\"id\":15,\"method\":\"ping\"",
            };

            var jit = McpSession("dotnet", new[] { _native.Dll }, requests);
            var native = McpSession(_native.Executable, Array.Empty<string>(), requests);

            Assert.Equal(15, jit.Count);
            Assert.Contains("\"name\":\"ready_to_close\"", jit[1]);
            Assert.Contains("\"diff\"", jit[9]);
            Assert.Contains("is skipped: Skip = \\u0022flaky on CI\\u0022", jit[13]);
            Assert.Contains("\"code\":-32700", jit[14]);
            for (int i = 0; i < jit.Count; i++) Assert.Equal(jit[i], native[i]);
        }

        /// <summary>
        /// The language server: a packet opened in the editor gets the same diagnostics from each executable (the rule
        /// pages' links, which point beside each executable, aside).
        /// </summary>
        [Fact]
        public void The_native_language_server_publishes_what_the_dotnet_tool_publishes()
        {
            Assert.True(_native.PublishExitCode == 0, "packing or installing the tool failed:\n" + _native.PublishOutput);
            string root = Path.Combine(Dotnet.RepositoryRoot(), "examples", "governed-repo");
            string jit = PublishedDiagnostics("dotnet", new[] { _native.Dll }, root).Replace(new Uri(Path.GetDirectoryName(_native.Dll)!).AbsoluteUri, "HOME");
            string native = PublishedDiagnostics(_native.Executable, Array.Empty<string>(), root).Replace(new Uri(Path.GetDirectoryName(Resolved(_native.Executable))!).AbsoluteUri, "HOME");

            Assert.Contains("\"code\":\"GOV107\"", jit);
            Assert.Contains("\"href\":\"HOME/docs/rules/GOV107.md\"", jit);
            Assert.Equal(jit, native);
        }

        /// <summary>
        /// Issue 34: `dotnet tool install Orchestrator.Governance.Cli` on a .NET 10 SDK installs this platform's native
        /// executable: the command is a link into the package for this machine's runtime identifier, an executable of the
        /// platform's own format, and the feed holds the three packages scripts/pack-tool.sh makes. Where the package of
        /// names lists no package for this platform, the same command installs the framework-dependent any package.
        /// </summary>
        [Fact]
        public void Dotnet_tool_install_gives_the_native_executable_and_falls_back_to_the_any_package_elsewhere()
        {
            Assert.True(_native.PublishExitCode == 0, "packing or installing the tool failed:\n" + _native.PublishOutput);
            string rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
            Assert.Equal(
                new[] { $"Orchestrator.Governance.Cli.{NativeBuild.Version}.nupkg", $"Orchestrator.Governance.Cli.any.{NativeBuild.Version}.nupkg", $"Orchestrator.Governance.Cli.{rid}.{NativeBuild.Version}.nupkg" },
                Directory.GetFiles(_native.Feed).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal));
            // The package users ask for is a dotnet tool; the packages it names are its parts.
            Assert.Equal("DotnetTool", PackageLicenceTests.PackageTypes(Path.Combine(_native.Feed, $"Orchestrator.Governance.Cli.{NativeBuild.Version}.nupkg"), "Orchestrator.Governance.Cli"));
            foreach (var part in new[] { rid, "any" })
                Assert.Equal("DotnetToolRidPackage", PackageLicenceTests.PackageTypes(Path.Combine(_native.Feed, $"Orchestrator.Governance.Cli.{part}.{NativeBuild.Version}.nupkg"), $"Orchestrator.Governance.Cli.{part}"));

            string target = Resolved(_native.Executable);
            Assert.Contains(Path.Combine($"orchestrator.governance.cli.{rid}", NativeBuild.Version, "tools"), target);
            byte[] magic = new byte[4];
            using (var file = File.OpenRead(target)) Assert.Equal(4, file.Read(magic, 0, 4));
            if (OperatingSystem.IsLinux()) Assert.Equal(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }, magic);
            Assert.False(File.Exists(Path.ChangeExtension(target, ".dll")), "a native executable has no governance.dll beside it");

            // Each package is MIT with the licence and the notices at its root; each build carries the rule pages and
            // the configuration schema beside it.
            foreach (var nupkg in Directory.GetFiles(_native.Feed, "*.nupkg"))
            {
                using var package = System.IO.Compression.ZipFile.OpenRead(nupkg);
                using (var nuspec = new StreamReader(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()))
                    Assert.Contains("<license type=\"expression\">MIT</license>", nuspec.ReadToEnd());
                Assert.NotNull(package.GetEntry("LICENSE"));
                Assert.NotNull(package.GetEntry("THIRD-PARTY-NOTICES.md"));
            }

            foreach (var folder in new[] { Path.GetDirectoryName(target)!, Path.GetDirectoryName(_native.Dll)! })
            {
                Assert.True(File.Exists(Path.Combine(folder, "schemas", "governance.schema.json")), "no configuration schema in " + folder);
                Assert.True(File.Exists(Path.Combine(folder, "docs", "rules", "GOV107.md")), "no rule pages in " + folder);
            }

            // The fallback: the framework-dependent build from the any package, run by the .NET runtime.
            Assert.Contains(Path.Combine("orchestrator.governance.cli.any", NativeBuild.Version, "tools"), _native.Dll);
            var any = Run(Path.Combine(_native.Folder, "tool-any", OperatingSystem.IsWindows() ? "governance.exe" : "governance"), new[] { "check", "examples/governed-repo", "--today", "2026-12-01" }, Dotnet.RepositoryRoot());
            Assert.Equal(1, any.ExitCode);
            Assert.EndsWith("3 task packet(s) checked: 10 error(s), 0 warning(s).\n", any.Output.Replace("\r\n", "\n"));
        }

        /// <summary>
        /// `dotnet dnx Orchestrator.Governance.Cli -y -- check .` (docs/agents.md, README; here with the version and
        /// the folder feed) runs the native executable without installing it: it fetches this platform's package, and
        /// what it writes and its exit code are the installed tool's.
        /// </summary>
        [Fact]
        public void Dnx_runs_the_tool_without_installing_it()
        {
            Assert.True(_native.PublishExitCode == 0, "packing or installing the tool failed:\n" + _native.PublishOutput);
            string repo = Dotnet.RepositoryRoot();
            var env = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_native.Folder, "packages-dnx") };
            var (exit, output) = Dotnet.Run(Path.Combine(repo, "examples", "governed-repo"), env,
                "dnx", "Orchestrator.Governance.Cli@" + NativeBuild.Version, "-y", "--source", _native.Feed, "--", "check", ".", "--today", "2026-12-01");
            var installed = Run(_native.Executable, new[] { "check", ".", "--today", "2026-12-01" }, Path.Combine(repo, "examples", "governed-repo"));
            Assert.Equal(1, exit);
            Assert.Equal(installed.ExitCode, exit);
            Assert.Contains("docs/task_packets/WP-1-Job-Cancel.md(9,11): error GOV107: STATUS 'Almost done' is not an allowed value", output);
            Assert.EndsWith(installed.Output.Replace("\r\n", "\n"), output.Replace("\r\n", "\n"));

            // What dnx fetched (its own package folder): this platform's native package, not the any fallback.
            string rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
            string fetched = Path.Combine(_native.Folder, "packages-dnx");
            Assert.True(Directory.Exists(Path.Combine(fetched, $"orchestrator.governance.cli.{rid}", NativeBuild.Version)), "dnx did not fetch the " + rid + " package");
            Assert.False(Directory.Exists(Path.Combine(fetched, "orchestrator.governance.cli.any")), "dnx fetched the any package");
        }

        /// <summary>
        /// Issue 34: the repository's pre-commit hook (.pre-commit-hooks.yaml, run by Debian's pre-commit) on a
        /// scratch repository made from the example with a baseline: a commit that stages a packet with a new bad
        /// STATUS is stopped, with GOV107 in what pre-commit prints; the same packet with an allowed STATUS is
        /// committed. The hook fetches the tool with dnx from the folder feed the repository's nuget.config names.
        /// </summary>
        [Fact]
        public void The_pre_commit_hook_stops_a_commit_with_a_bad_packet_and_lets_a_good_one_through()
        {
            Assert.True(_native.PublishExitCode == 0, "packing or installing the tool failed:\n" + _native.PublishOutput);
            string repo = Dotnet.RepositoryRoot();
            var (revExit, rev) = Program("git", repo, new Dictionary<string, string>(), "rev-parse", "HEAD");
            Assert.True(revExit == 0, rev);
            Assert.True(Program("git", repo, new Dictionary<string, string>(), "cat-file", "-e", rev.Trim() + ":.pre-commit-hooks.yaml").ExitCode == 0, "HEAD has no .pre-commit-hooks.yaml: commit it before running this test");

            string scratch = Path.Combine(_native.Folder, "pre-commit-repo");
            Dotnet.CopyDirectory(Path.Combine(repo, "examples", "governed-repo"), scratch);
            File.WriteAllText(Path.Combine(scratch, "nuget.config"),
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n    <add key=\"feed\" value=\"" + _native.Feed + "\" />\n  </packageSources>\n</configuration>\n");
            File.WriteAllText(Path.Combine(scratch, ".pre-commit-config.yaml"),
                "repos:\n  - repo: " + repo + "\n    rev: " + rev.Trim() + "\n    hooks:\n      - id: governance\n        args: [--prerelease, --, check, .]\n");
            var env = new Dictionary<string, string>
            {
                ["NUGET_PACKAGES"] = Path.Combine(_native.Folder, "packages-pre-commit"),
                ["PRE_COMMIT_HOME"] = Path.Combine(_native.Folder, "pre-commit-home"),
                ["GIT_AUTHOR_NAME"] = "e2e", ["GIT_AUTHOR_EMAIL"] = "e2e@example.invalid",
                ["GIT_COMMITTER_NAME"] = "e2e", ["GIT_COMMITTER_EMAIL"] = "e2e@example.invalid",
            };
            var baseline = Run(_native.Executable, new[] { "baseline", "." }, scratch);
            Assert.True(baseline.ExitCode == 0, baseline.Output + baseline.Error);
            foreach (var step in new[] { new[] { "init", "-q" }, new[] { "add", "-A" }, new[] { "commit", "-q", "--no-verify", "-m", "start" } })
                Assert.Equal(0, Program("git", scratch, env, step).ExitCode);
            var (installExit, install) = Program("pre-commit", scratch, env, "install");
            Assert.True(installExit == 0, "pre-commit install failed (is Debian's pre-commit installed? .ci/run installs it):\n" + install);
            string head = Program("git", scratch, env, "rev-parse", "HEAD").Output;

            string packet = Path.Combine(scratch, "docs", "task_packets", "WP-1-Job-Cancel.md");
            string text = File.ReadAllText(packet);
            File.WriteAllText(packet, text.Replace("- STATUS: Almost done", "- STATUS: Nearly done"));
            Assert.Equal(0, Program("git", scratch, env, "add", "-A").ExitCode);
            var (badExit, bad) = Program("git", scratch, env, "commit", "-m", "a bad STATUS");
            Assert.NotEqual(0, badExit);
            Assert.Contains("governance check", bad);
            Assert.Contains("docs/task_packets/WP-1-Job-Cancel.md(9,11): error GOV107: STATUS 'Nearly done' is not an allowed value", bad);
            Assert.Equal(head, Program("git", scratch, env, "rev-parse", "HEAD").Output);

            File.WriteAllText(packet, text.Replace("- STATUS: Almost done", "- STATUS: In-Progress"));
            Assert.Equal(0, Program("git", scratch, env, "add", "-A").ExitCode);
            var (goodExit, good) = Program("git", scratch, env, "commit", "-m", "an allowed STATUS");
            Assert.True(goodExit == 0, good);
            Assert.Contains("Passed", good);
            Assert.NotEqual(head, Program("git", scratch, env, "rev-parse", "HEAD").Output);
        }

        /// <summary>Runs a program other than dotnet (git, pre-commit) with the environment given; standard output and error together.</summary>
        private static (int ExitCode, string Output) Program(string program, string directory, IDictionary<string, string> env, params string[] arguments) =>
            Dotnet.RunProgram(program, directory, env, TimeSpan.FromMinutes(5), arguments);

        /// <summary>The file a link (the tool path's command) points at, or the path itself.</summary>
        private static string Resolved(string path) => new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;

        /// <summary>Starts <c>PROGRAM [PREFIX...] lsp --stdio</c>, opens WP-1-Job-Cancel.md in <paramref name="root"/> and returns the first publishDiagnostics for it.</summary>
        private static string PublishedDiagnostics(string program, string[] prefix, string root)
        {
            var start = new ProcessStartInfo(program) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in prefix) start.ArgumentList.Add(a);
            foreach (var a in new[] { "lsp", "--stdio", "--today", "2026-12-01" }) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            _ = process.StandardError.ReadToEndAsync();
            string file = Path.Combine(root, "docs", "task_packets", "WP-1-Job-Cancel.md");
            string uri = new Uri(file).AbsoluteUri;
            var input = process.StandardInput.BaseStream;
            Send(input, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,\"rootUri\":" + System.Text.Json.JsonSerializer.Serialize(new Uri(root).AbsoluteUri) + ",\"capabilities\":{}}}");
            Send(input, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
            Send(input, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":" + System.Text.Json.JsonSerializer.Serialize(uri) +
                ",\"languageId\":\"markdown\",\"version\":1,\"text\":" + System.Text.Json.JsonSerializer.Serialize(File.ReadAllText(file)) + "}}}");
            try
            {
                var output = process.StandardOutput.BaseStream;
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (DateTime.UtcNow < deadline)
                {
                    string message = Receive(output);
                    if (message.Contains("\"method\":\"textDocument/publishDiagnostics\"") && message.Contains("\"uri\":" + System.Text.Json.JsonSerializer.Serialize(uri)))
                        return message;
                }

                throw new TimeoutException(program + " lsp published no diagnostics for " + uri);
            }
            finally
            {
                process.Kill(entireProcessTree: true);
            }
        }

        private static void Send(Stream input, string json)
        {
            byte[] body = Encoding.UTF8.GetBytes(json);
            byte[] header = Encoding.ASCII.GetBytes("Content-Length: " + body.Length + "\r\n\r\n");
            input.Write(header, 0, header.Length);
            input.Write(body, 0, body.Length);
            input.Flush();
        }

        private static string Receive(Stream output)
        {
            int length = -1;
            var line = new StringBuilder();
            while (true)
            {
                int b = output.ReadByte();
                if (b < 0) throw new EndOfStreamException("the language server closed its output");
                if (b == '\n')
                {
                    string text = line.ToString().TrimEnd('\r');
                    line.Clear();
                    if (text.Length == 0 && length >= 0) break;
                    if (text.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(text.Substring(15).Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
                else
                {
                    line.Append((char)b);
                }
            }

            var body = new byte[length];
            for (int read = 0; read < length;)
            {
                int n = output.Read(body, read, length - read);
                if (n <= 0) throw new EndOfStreamException("the language server closed its output");
                read += n;
            }

            return Encoding.UTF8.GetString(body);
        }

        private static string Call(int id, string tool, string arguments) =>
            "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}}";

        /// <summary>Runs <c>PROGRAM [PREFIX...] mcp COPY --today 2026-12-01</c> on a fresh copy of examples/governed-repo, sends each request and reads the answer to each one with an id; the copy's path in the answers is replaced by "REPO".</summary>
        private static List<string> McpSession(string program, string[] prefix, string[] requests)
        {
            string copy = Path.Combine(Path.GetTempPath(), "orchestrator-native-mcp-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            Dotnet.CopyDirectory(Path.Combine(Dotnet.RepositoryRoot(), "examples", "governed-repo"), copy);
            Directory.CreateDirectory(Path.Combine(copy, "tests"));
            File.WriteAllText(Path.Combine(copy, "tests", "StorageTests.cs"),
                "namespace Example.Tests\n{\n    public class StorageTests\n    {\n        [Xunit.Fact] public void Saves_a_row() { }\n        [Xunit.Fact(Skip = \"flaky on CI\")] public void Skipped_one() { }\n    }\n}\n");
            string packet = Path.Combine(copy, "docs", "task_packets", "WP-1-Storage-Layer.md");
            File.WriteAllText(packet, File.ReadAllText(packet).Replace("  * All tests pass\n", "  * All tests pass\n  * test: Example.Tests.StorageTests.Saves_a_row\n  * test: Example.Tests.StorageTests.Skipped_one\n"));
            try
            {
                var start = new ProcessStartInfo(program)
                {
                    RedirectStandardInput = true,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                    StandardOutputEncoding = Encoding.UTF8,
                };
                foreach (var a in prefix) start.ArgumentList.Add(a);
                foreach (var a in new[] { "mcp", copy, "--today", "2026-12-01" }) start.ArgumentList.Add(a);
                using var process = Process.Start(start)!;
                _ = process.StandardError.ReadToEndAsync();
                var answers = new List<string>();
                foreach (var request in requests)
                {
                    process.StandardInput.WriteLine(request);
                    process.StandardInput.Flush();
                    if (!request.Contains("\"id\":")) continue;
                    var line = process.StandardOutput.ReadLineAsync();
                    Assert.True(line.Wait(TimeSpan.FromSeconds(60)), program + " mcp did not answer " + request);
                    Assert.NotNull(line.Result);
                    answers.Add(line.Result!.Replace(copy.Replace("\\", "\\\\"), "REPO").Replace(copy, "REPO"));
                }

                process.StandardInput.Close();
                if (!process.WaitForExit(30_000)) process.Kill(entireProcessTree: true);
                return answers;
            }
            finally
            {
                try { Directory.Delete(copy, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }

        private static string[] Prepend(string first, string[] rest)
        {
            var all = new string[rest.Length + 1];
            all[0] = first;
            Array.Copy(rest, 0, all, 1, rest.Length);
            return all;
        }

        private static (int ExitCode, string Output, string Error) Run(string program, string[] arguments, string workingDirectory)
        {
            var start = new ProcessStartInfo(program)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (var a in arguments) start.ArgumentList.Add(a);
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException(program + " " + string.Join(' ', arguments) + " did not finish in 2 minutes");
            }

            return (process.ExitCode, output, error.Result);
        }
    }
}
