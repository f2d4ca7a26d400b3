using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading.Tasks;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Orchestrator.Governance.Testing;
using Xunit;

namespace Orchestrator.Governance.Mcp.Tests
{
    /// <summary>
    /// <c>governance mcp</c> as a process, driven over its real stdin and stdout by the MCP C# SDK's
    /// own client (<see cref="McpClient"/>), on a copy of the example repository: its ten findings,
    /// its spec (§2.3.12.3 on line 20, two MUSTs on lines 21 and 22, a SHOULD on 23) and
    /// WP-1-Storage-Layer (STATUS line 9, IN_SCOPE_PATHS line 15, DONE_MEANS lines 26-27,
    /// SPEC_ANCHOR line 58, locked).
    /// </summary>
    public sealed class McpServerTests : IAsyncLifetime
    {
        private const string Retry = "docs/task_packets/WP-1-Job-Retry.md";
        private const string Cancel = "docs/task_packets/WP-1-Job-Cancel.md";
        private readonly TempRepository _repo = new TempRepository();
        private McpClient _client = null!;

        public async Task InitializeAsync()
        {
            _client = await Start(_repo.Root);
        }

        public async Task DisposeAsync()
        {
            await _client.DisposeAsync();
            _repo.Dispose();
        }

        internal static async Task<McpClient> Start(string root, string? protocolVersion = null)
        {
            string dll = TestPaths.GovernanceDll();
            var transport = new StdioClientTransport(new StdioClientTransportOptions
            {
                Name = "governance",
                Command = "dotnet",
                Arguments = new[] { dll, "mcp", root, "--today", "2026-12-01" },
                WorkingDirectory = root,
                // The CLI targets .NET 8; this machine may only have a later runtime.
                EnvironmentVariables = new Dictionary<string, string?> { ["DOTNET_ROLL_FORWARD"] = "Major" },
            });
            return await McpClient.CreateAsync(transport, protocolVersion == null ? null : new McpClientOptions { ProtocolVersion = protocolVersion });
        }

        private async Task<JsonElement> Call(string tool, Dictionary<string, object?> arguments) => await Call(_client, tool, arguments);

        /// <summary>Calls a tool; asserts a result that is not an error, whose structured content the tool's output schema accepts.</summary>
        internal static async Task<JsonElement> Call(McpClient client, string tool, Dictionary<string, object?> arguments)
        {
            var result = await client.CallToolAsync(tool, arguments);
            Assert.True(result.IsError != true, "tool error: " + Text(result));
            var structured = result.StructuredContent!.Value;
            var schema = await OutputSchema(client, tool);
            var problems = schema.Validate(structured.GetRawText());
            Assert.True(problems.Count == 0, $"{tool}'s result does not match its output schema: {string.Join("; ", problems.Select(p => p.ToString()))}");
            // The text block carries the same JSON, for clients that read only text.
            Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(structured.GetRawText()), System.Text.Json.Nodes.JsonNode.Parse(Text(result))), Text(result));
            return structured;
        }

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, NJsonSchema.JsonSchema> Schemas = new System.Collections.Concurrent.ConcurrentDictionary<string, NJsonSchema.JsonSchema>();

        private static async Task<NJsonSchema.JsonSchema> OutputSchema(McpClient client, string tool)
        {
            if (Schemas.TryGetValue(tool, out var known)) return known;
            var listed = (await client.ListToolsAsync()).Single(t => t.Name == tool).ProtocolTool.OutputSchema!.Value;
            return Schemas[tool] = await NJsonSchema.JsonSchema.FromJsonAsync(listed.GetRawText());
        }

        private async Task<string> Error(string tool, Dictionary<string, object?> arguments)
        {
            var result = await _client.CallToolAsync(tool, arguments);
            Assert.True(result.IsError, "expected an error result, got: " + Text(result));
            Assert.Null(result.StructuredContent);
            return Text(result);
        }

        internal static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));

        private static string Line(JsonElement d) =>
            $"{d.GetProperty("file").GetString()}({d.GetProperty("line").GetInt32()},{d.GetProperty("column").GetInt32()}) {d.GetProperty("severity").GetString()} {d.GetProperty("rule").GetString()}: {d.GetProperty("message").GetString()}";

        [Fact]
        public async Task A_line_that_made_the_engine_throw_leaves_every_tool_working_and_every_finding_in_place()
        {
            // issue 31, H1: 15 KB of "<a " in a linked document failed every tool call.
            var before = (await Call("check", new Dictionary<string, object?>())).GetProperty("diagnostics").EnumerateArray().Select(Line).ToList();
            File.WriteAllText(Path.Combine(_repo.Root, "docs", "notes.md"), "# Notes\n\n" + string.Concat(Enumerable.Repeat("<a ", 5000)) + "\n");
            var after = (await Call("check", new Dictionary<string, object?>())).GetProperty("diagnostics").EnumerateArray().Select(Line).ToList();
            Assert.Equal(before, after);
            Assert.Contains(after, l => l.StartsWith(Cancel + "(9,11) error GOV107: ", StringComparison.Ordinal));
            var packet = await Call("packet", new Dictionary<string, object?> { ["id"] = "WP-1-Storage-Layer" });
            Assert.Equal("WP-1-Storage-Layer", packet.GetProperty("id").GetString());
        }

        [Fact]
        public async Task The_tools_are_listed_with_schemas_for_input_and_output()
        {
            var tools = await _client.ListToolsAsync();
            Assert.Equal(new[] { "check", "explain_rule", "spec_section", "packet", "scope_check", "ready_to_close", "apply_fix" }, tools.Select(t => t.Name));
            var packet = tools.Single(t => t.Name == "packet").ProtocolTool;
            Assert.Equal("object", packet.InputSchema.GetProperty("type").GetString());
            Assert.Equal(new[] { "id" }, packet.InputSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(JsonValueKind.Object, packet.OutputSchema!.Value.GetProperty("properties").GetProperty("uncoveredMusts").ValueKind);
            Assert.True(packet.Annotations!.ReadOnlyHint);
            Assert.False(tools.Single(t => t.Name == "apply_fix").ProtocolTool.Annotations!.ReadOnlyHint);
            Assert.NotNull(_client.ServerInfo);
            Assert.Equal("governance", _client.ServerInfo!.Name);
        }

        [Fact]
        public async Task Check_gives_the_repository_s_diagnostics_a_page_at_a_time_and_of_given_paths()
        {
            var all = await Call("check", new Dictionary<string, object?>());
            Assert.Equal(10, all.GetProperty("total").GetInt32());
            Assert.Equal(10, all.GetProperty("errors").GetInt32());
            Assert.Equal(JsonValueKind.Null, all.GetProperty("nextCursor").ValueKind);
            var first = all.GetProperty("diagnostics")[0];
            Assert.Equal("docs/task_packets/WP-1-Job-Cancel.md(4,12) error GOV106: TASK_ID 'WP-1-Job-Cancel' is also declared in docs/task_packets/WP-1-Job-Retry.md", Line(first));
            Assert.Equal(4, first.GetProperty("endLine").GetInt32());
            Assert.Equal(27, first.GetProperty("endColumn").GetInt32());
            Assert.False(first.GetProperty("baselined").GetBoolean());

            var page1 = await Call("check", new Dictionary<string, object?> { ["limit"] = 4 });
            Assert.Equal("4", page1.GetProperty("nextCursor").GetString());
            var page2 = await Call("check", new Dictionary<string, object?> { ["limit"] = 4, ["cursor"] = "4" });
            var page3 = await Call("check", new Dictionary<string, object?> { ["limit"] = 4, ["cursor"] = page2.GetProperty("nextCursor").GetString() });
            Assert.Equal(JsonValueKind.Null, page3.GetProperty("nextCursor").ValueKind);
            Assert.Equal(
                all.GetProperty("diagnostics").EnumerateArray().Select(Line),
                new[] { page1, page2, page3 }.SelectMany(p => p.GetProperty("diagnostics").EnumerateArray()).Select(Line));

            var retry = await Call("check", new Dictionary<string, object?> { ["paths"] = new[] { Retry, "src/storage" } });
            Assert.Equal(
                new[]
                {
                    "docs/task_packets/WP-1-Job-Retry.md(4,12) error GOV105: TASK_ID 'WP-1-Job-Cancel' does not match the file name 'WP-1-Job-Retry'",
                    "docs/task_packets/WP-1-Job-Retry.md(4,12) error GOV106: TASK_ID 'WP-1-Job-Cancel' is also declared in docs/task_packets/WP-1-Job-Cancel.md",
                },
                retry.GetProperty("diagnostics").EnumerateArray().Select(Line));
            Assert.Equal(new[] { "src/storage" }, retry.GetProperty("notGoverned").EnumerateArray().Select(e => e.GetString()));
            var folder = await Call("check", new Dictionary<string, object?> { ["paths"] = new[] { Path.Combine(_repo.Root, "docs") } });
            Assert.Equal(10, folder.GetProperty("total").GetInt32());
        }

        [Fact]
        public async Task Check_sees_a_packet_edited_and_a_packet_created_on_disk_since_the_last_call()
        {
            Assert.Equal(8, (await Call("check", new Dictionary<string, object?> { ["paths"] = new[] { Cancel } })).GetProperty("total").GetInt32());
            string path = Path.Combine(_repo.Root, Cancel);
            File.WriteAllText(path, File.ReadAllText(path).Replace("- STATUS: Almost done", "- STATUS: In-Progress"));
            var after = await Call("check", new Dictionary<string, object?> { ["paths"] = new[] { Cancel } });
            Assert.Equal(7, after.GetProperty("total").GetInt32());
            Assert.DoesNotContain(after.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("rule").GetString() == "GOV107");

            File.Copy(Path.Combine(_repo.Root, Retry), Path.Combine(_repo.Root, "docs/task_packets/WP-1-Job-Pause.md"));
            var created = await Call("check", new Dictionary<string, object?> { ["paths"] = new[] { "docs/task_packets/WP-1-Job-Pause.md" } });
            Assert.Contains(
                "docs/task_packets/WP-1-Job-Pause.md(4,12) error GOV105: TASK_ID 'WP-1-Job-Cancel' does not match the file name 'WP-1-Job-Pause'",
                created.GetProperty("diagnostics").EnumerateArray().Select(Line));
        }

        [Fact]
        public async Task Explain_rule_gives_the_catalog_s_facts_and_the_rule_s_page()
        {
            var rule = await Call("explain_rule", new Dictionary<string, object?> { ["rule"] = "gov107" });
            Assert.Equal("GOV107", rule.GetProperty("rule").GetString());
            Assert.Equal("Field value must be one of the allowed values", rule.GetProperty("title").GetString());
            Assert.Equal("error", rule.GetProperty("severity").GetString());
            Assert.StartsWith("# GOV107: Field value must be one of the allowed values", rule.GetProperty("page").GetString());
            Assert.Equal("'GOV999' names no governance rule; rule IDs are GOV followed by three digits, e.g. GOV107 (governance check lists them with each diagnostic)",
                await Error("explain_rule", new Dictionary<string, object?> { ["rule"] = "GOV999" }));
        }

        [Fact]
        public async Task Spec_section_finds_a_section_by_number_by_ID_by_anchor_line_and_by_title_with_its_requirements()
        {
            var byNumber = await Call("spec_section", new Dictionary<string, object?> { ["query"] = "§2.3.12.3" });
            Assert.Equal("Example_Master_Spec_v01.2.md", byNumber.GetProperty("specFile").GetString());
            Assert.Equal("01.2", byNumber.GetProperty("specVersion").GetString());
            Assert.Equal("number", byNumber.GetProperty("matchedBy").GetString());
            var section = byNumber.GetProperty("sections").EnumerateArray().Single();
            Assert.Equal("2.3.12.3", section.GetProperty("number").GetString());
            Assert.Equal(20, section.GetProperty("line").GetInt32());
            Assert.True(section.GetProperty("mainBody").GetBoolean());
            Assert.StartsWith("#### 2.3.12.3 Storage API Abstraction Pattern [CX-DBP-021]\n- The backend MUST define", section.GetProperty("text").GetString());
            Assert.Equal(
                new[] { "21 MUST The backend MUST define a Database trait with async methods.", "22 MUST The backend MUST implement a SqliteDatabase wrapper behind the trait.", "23 SHOULD The backend SHOULD provide a PostgresDatabase stub." },
                section.GetProperty("requirements").EnumerateArray().Select(r => $"{r.GetProperty("line").GetInt32()} {r.GetProperty("keyword").GetString()} {r.GetProperty("text").GetString()}"));

            var byId = await Call("spec_section", new Dictionary<string, object?> { ["query"] = "CX-DBP-021" });
            Assert.Equal("id", byId.GetProperty("matchedBy").GetString());
            Assert.Equal("2.3.12.3", byId.GetProperty("sections")[0].GetProperty("number").GetString());
            // A SPEC_ANCHOR line as a packet writes it: the sections it names, each once, in order.
            var byAnchor = await Call("spec_section", new Dictionary<string, object?> { ["query"] = "§2.3.12.3 Storage API Abstraction Pattern [CX-DBP-021]; see also Example_Master_Spec_v01.2.md:17" });
            Assert.Equal("anchor", byAnchor.GetProperty("matchedBy").GetString());
            Assert.Equal(new[] { "2.3.12.3 20", "2.3.12 17" }, byAnchor.GetProperty("sections").EnumerateArray().Select(s => $"{s.GetProperty("number").GetString()} {s.GetProperty("line").GetInt32()}"));
            Assert.Empty(byAnchor.GetProperty("unresolved").EnumerateArray());
            // A reference of the line that names no section is listed with the nearest enclosing one; when none resolves, the error names them.
            var partly = await Call("spec_section", new Dictionary<string, object?> { ["query"] = "§2.3.12.9 (Audit), §2.3.12.3 (Trait)" });
            Assert.Equal(new[] { "2.3.12.3" }, partly.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("number").GetString()));
            var unresolved = partly.GetProperty("unresolved").EnumerateArray().Single();
            Assert.Equal("§2.3.12.9 2.3.12 17", $"{unresolved.GetProperty("reference").GetString()} {unresolved.GetProperty("nearest").GetProperty("number").GetString()} {unresolved.GetProperty("nearest").GetProperty("line").GetInt32()}");
            Assert.Equal("no section of Example_Master_Spec_v01.2.md is named by §2.3.12.8 (nearest: §2.3.12 Storage Backend Portability [CX-DBP-001]), §9.9, and no title has those words",
                await Error("spec_section", new Dictionary<string, object?> { ["query"] = "§2.3.12.8, §9.9 (Trait Purity)" }));
            var byTitle = await Call("spec_section", new Dictionary<string, object?> { ["query"] = "storage portability" });
            Assert.Equal("title", byTitle.GetProperty("matchedBy").GetString());
            Assert.Equal(new[] { "2.3.12" }, byTitle.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("number").GetString()));
            Assert.Equal("no section of Example_Master_Spec_v01.2.md is numbered '9.9.9', defines or mentions the ID '9.9.9', or has those words in its title",
                await Error("spec_section", new Dictionary<string, object?> { ["query"] = "9.9.9" }));
            Assert.Equal("no section of Example_Master_Spec_v01.2.md is numbered '2.3.12.9' (nearest: §2.3.12 Storage Backend Portability [CX-DBP-001]), defines or mentions the ID '§2.3.12.9', or has those words in its title",
                await Error("spec_section", new Dictionary<string, object?> { ["query"] = "§2.3.12.9" }));
        }

        [Fact]
        public async Task Packet_gives_the_fields_the_rules_read_with_anchors_resolved_and_DONE_MEANS_mapped()
        {
            var packet = await Call("packet", new Dictionary<string, object?> { ["id"] = "WP-1-Storage-Layer" });
            Assert.Equal("docs/task_packets/WP-1-Storage-Layer.md", packet.GetProperty("file").GetString());
            Assert.Equal("Ready-for-Dev", packet.GetProperty("status").GetString());
            Assert.Equal(9, packet.GetProperty("statusLine").GetInt32());
            Assert.True(packet.GetProperty("locked").GetBoolean());
            Assert.Equal("src/storage/mod.rs file 15", string.Join(";", packet.GetProperty("inScope").EnumerateArray().Select(e => $"{e.GetProperty("path").GetString()} {e.GetProperty("kind").GetString()} {e.GetProperty("line").GetInt32()}")));
            Assert.Equal(new[] { "Migrations rewrite" }, packet.GetProperty("outOfScope").EnumerateArray().Select(e => e.GetString()));
            var anchor = packet.GetProperty("specAnchor").EnumerateArray().Single();
            Assert.Equal("§2.3.12.3", anchor.GetProperty("reference").GetString());
            Assert.Equal(58, anchor.GetProperty("line").GetInt32());
            Assert.True(anchor.GetProperty("resolved").GetBoolean());
            Assert.Equal(20, anchor.GetProperty("section").GetProperty("line").GetInt32());
            Assert.Equal(
                new[] { "26 substance 21,22,23", "27 gate " },
                packet.GetProperty("doneMeans").EnumerateArray().Select(i => $"{i.GetProperty("line").GetInt32()} {i.GetProperty("mapping").GetString()} {string.Join(",", i.GetProperty("requirements").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()))}"));
            Assert.Empty(packet.GetProperty("uncoveredMusts").EnumerateArray());
            Assert.Empty(packet.GetProperty("diagnostics").EnumerateArray());

            var cancel = await Call("packet", new Dictionary<string, object?> { ["id"] = "WP-1-Job-Cancel" });
            Assert.Equal("Almost done", cancel.GetProperty("status").GetString());
            Assert.False(cancel.GetProperty("locked").GetBoolean());
            Assert.Equal(8, cancel.GetProperty("diagnostics").GetArrayLength());

            Assert.Equal("no task packet has the WP ID 'WP-1-Storage'; did you mean WP-1-Storage-Layer?",
                await Error("packet", new Dictionary<string, object?> { ["id"] = "WP-1-Storage" }));

            // Issue 33: a WP whose only document is a stub is answered as one.
            Directory.CreateDirectory(Path.Combine(_repo.Root, "docs", "task_packets", "stubs"));
            File.WriteAllText(Path.Combine(_repo.Root, "docs", "task_packets", "stubs", "WP-1-Retired.md"),
                "# Task Packet Stub: WP-1-Retired\n\n- WP_ID: WP-1-Retired\n- STUB_STATUS: SUPERSEDED\n- SUPERSEDED_BY: WP-1-Storage-Layer\n");
            Assert.Equal("WP-1-Retired has no task packet: it is a stub, docs/task_packets/stubs/WP-1-Retired.md (status 'SUPERSEDED', replaced by WP-1-Storage-Layer); a stub is activated into a packet before work starts",
                await Error("packet", new Dictionary<string, object?> { ["id"] = "WP-1-Retired" }));
        }

        [Fact]
        public async Task Scope_check_judges_files_as_the_CI_scope_gate_does_for_one_packet()
        {
            string path = Path.Combine(_repo.Root, "docs/task_packets/WP-1-Storage-Layer.md");
            File.WriteAllText(path, File.ReadAllText(path)
                .Replace("  * Migrations rewrite\n", "  * Migrations rewrite\n  * `src/storage/migrations/`\n")
                .Replace("## Notes\n", "## WAIVERS GRANTED\n- WAIVER-STORAGE-001 [CX-573F]\n  - Date: 2026-01-18\n  - Scope: touch `src/api/jobs.rs`\n  - Justification: the API re-exports the trait.\n\n## Notes\n"));
            var scope = await Call("scope_check", new Dictionary<string, object?>
            {
                ["id"] = "WP-1-Storage-Layer",
                ["files"] = new[] { "src/storage/mod.rs", "./src/api/jobs.rs", "src/storage/migrations/0001.sql", "src/ui/app.tsx" },
            });
            Assert.Equal("Ready-for-Dev", scope.GetProperty("status").GetString());
            Assert.False(scope.GetProperty("activeForGate").GetBoolean());
            Assert.Equal(2, scope.GetProperty("outside").GetInt32());
            Assert.Equal(
                new[] { "src/storage/mod.rs inScope", "src/api/jobs.rs waived WAIVER-STORAGE-001 64", "src/storage/migrations/0001.sql outOfScope 18", "src/ui/app.tsx outside" },
                scope.GetProperty("files").EnumerateArray().Select(f =>
                    $"{f.GetProperty("file").GetString()} {f.GetProperty("verdict").GetString()}" +
                    (f.TryGetProperty("waiver", out var w) ? $" {w.GetProperty("id").GetString()} {w.GetProperty("line").GetInt32()}" : string.Empty) +
                    (f.TryGetProperty("outOfScopeLine", out var l) ? $" {l.GetInt32()}" : string.Empty)));
            Assert.Equal($"the path '../etc/x' in 'files' is outside the repository ({_repo.Root})",
                await Error("scope_check", new Dictionary<string, object?> { ["id"] = "WP-1-Storage-Layer", ["files"] = new[] { "../etc/x" } }));
        }

        private static string Gates(JsonElement ready) => string.Join("\n", ready.GetProperty("gates").EnumerateArray().Select(g =>
            $"{g.GetProperty("gate").GetString()} {(g.GetProperty("passed").ValueKind == JsonValueKind.Null ? "-" : g.GetProperty("passed").GetBoolean() ? "pass" : "FAIL")}: {g.GetProperty("reason").GetString()}"));

        [Fact]
        public async Task Ready_to_close_lists_every_gate_with_its_reason_before_a_packet_is_marked_done()
        {
            string path = Path.Combine(_repo.Root, "docs/task_packets/WP-1-Storage-Layer.md");
            string packet = File.ReadAllText(path).Replace("- STATUS: Ready-for-Dev", "- STATUS: In-Progress");
            File.WriteAllText(path, packet.Replace("- **Dependencies**: none", "- **Dependencies**: WP-1-Job-Retry"));
            string board = Path.Combine(_repo.Root, "docs/TASK_BOARD.md");
            File.WriteAllText(board, "# Task Board\n\n## In Progress\n- **[WP-1-Storage-Layer]** - [IN_PROGRESS]\n\n## Ready for Dev\n- **[WP-1-Job-Retry]** - [READY_FOR_DEV]\n");

            var blocked = await Call("ready_to_close", new Dictionary<string, object?> { ["id"] = "WP-1-Storage-Layer", ["target"] = "Done" });
            Assert.False(blocked.GetProperty("ready").GetBoolean());
            Assert.Equal("In-Progress", blocked.GetProperty("status").GetString());
            Assert.Equal(
                "transition pass: 'In-Progress' may move to 'Done'\n" +
                "doneMeansMapped pass: 2 DONE_MEANS item(s), measurable: 1 mapped to requirements, 1 gate(s)\n" +
                "mustsCovered pass: every MUST of the 1 anchored section(s) is covered by a DONE_MEANS item\n" +
                "blockersValidated FAIL: blockers not VALIDATED: WP-1-Job-Retry (READY_FOR_DEV)\n" +
                "locked pass: locked by USER_SIGNATURE 'ilja261220251430'\n" +
                "board FAIL: docs/TASK_BOARD.md lists WP-1-Storage-Layer as 'IN_PROGRESS' (line 4); move it to the board's status for 'Done' in the same change\n" +
                "testsPassed -: DONE_MEANS names no test (taskPacket.testReference)\n" +
                "noOtherErrors pass: no other error in the packet",
                Gates(blocked));

            // The blocker dropped and the board moved: every gate passes.
            File.WriteAllText(path, packet);
            File.WriteAllText(board, "# Task Board\n\n## Done\n- **[WP-1-Storage-Layer]** - [DONE]\n");
            var ready = await Call("ready_to_close", new Dictionary<string, object?> { ["id"] = "WP-1-Storage-Layer", ["target"] = "Done" });
            Assert.True(ready.GetProperty("ready").GetBoolean(), Gates(ready));
            Assert.Contains("board pass: docs/TASK_BOARD.md lists WP-1-Storage-Layer as 'DONE' (line 4), which agrees with 'Done'", Gates(ready));
            // Each MUST with the item that covers it and why.
            var musts = ready.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("gate").GetString() == "mustsCovered").GetProperty("requirements");
            Assert.Equal(
                new[] { "21 26 substance: trait, database", "22 26 substance: sqlite, sqlitedatabase, wrapper, trait, database" },
                musts.EnumerateArray().Select(r => $"{r.GetProperty("specLine").GetInt32()} {r.GetProperty("coveredByLine").GetInt32()} {r.GetProperty("why").GetString()}"));

            // Validated only after Done; a packet that is not locked fails that gate with GOV111's words.
            var early = await Call("ready_to_close", new Dictionary<string, object?> { ["id"] = "WP-1-Storage-Layer", ["target"] = "Validated" });
            Assert.StartsWith("transition FAIL: 'In-Progress' may move to 'Done', 'Blocked', not to 'Validated' (taskPacket.statusTransitions)", Gates(early));
            var cancel = await Call("ready_to_close", new Dictionary<string, object?> { ["id"] = "WP-1-Job-Cancel", ["target"] = "Done" });
            Assert.Contains("locked FAIL: USER_SIGNATURE '<pending>' is a placeholder, not a signature; the packet is not locked", Gates(cancel));
            Assert.Contains("mustsCovered FAIL: the packet anchors no Main Body section of the current spec (see its specAnchor in the packet tool, GOV203, GOV204)", Gates(cancel));

            Assert.StartsWith("'Closed' is not a closing status; expected one of ",
                await Error("ready_to_close", new Dictionary<string, object?> { ["id"] = "WP-1-Storage-Layer", ["target"] = "Closed" }));
        }

        /// <summary>Issue 32: the testsPassed gate reads the TRX and JUnit files given, as GOV704 does in the CLI and the build.</summary>
        [Fact]
        public async Task Ready_to_close_fails_testsPassed_for_the_failed_and_the_skipped_named_test()
        {
            string path = Path.Combine(_repo.Root, "docs/task_packets/WP-1-Storage-Layer.md");
            File.WriteAllText(path, File.ReadAllText(path).Replace("  * All tests pass\n", Testing.TestResultSamples.NamedTestItems + "\n"));
            Directory.CreateDirectory(Path.Combine(_repo.Root, "TestResults"));
            File.WriteAllText(Path.Combine(_repo.Root, "TestResults", "run.trx"), Testing.TestResultSamples.Trx);
            File.WriteAllText(Path.Combine(_repo.Root, "TestResults", "junit.xml"), Testing.TestResultSamples.JUnit);

            // Named tests and no results: nothing shows they passed.
            var none = await Call("ready_to_close", new Dictionary<string, object?> { ["id"] = "WP-1-Storage-Layer", ["target"] = "Done" });
            Assert.False(none.GetProperty("ready").GetBoolean());
            Assert.Contains("testsPassed FAIL: DONE_MEANS names 3 test(s) and no test results were given: pass testResults (TRX or JUnit XML files) from the run that shows they passed\n", Gates(none));

            var trx = await Call("ready_to_close", new Dictionary<string, object?> { ["id"] = "WP-1-Storage-Layer", ["target"] = "Done", ["testResults"] = new[] { "TestResults/*.trx" } });
            Assert.False(trx.GetProperty("ready").GetBoolean());
            Assert.Contains(
                "testsPassed FAIL: DONE_MEANS names the test 'Storage.Tests.DatabaseTests.Migrates', which failed in TestResults/run.trx (2026-11-30T10:01:30Z); " +
                "DONE_MEANS names the test 'Storage.Tests.DatabaseTests.RollsBack', which was skipped in TestResults/run.trx (2026-11-30T10:01:30Z)\n", Gates(trx));

            var junit = await Call("ready_to_close", new Dictionary<string, object?> { ["id"] = "WP-1-Storage-Layer", ["target"] = "Done", ["testResults"] = new[] { "TestResults/*.xml" } });
            Assert.Contains(
                "testsPassed FAIL: DONE_MEANS names the test 'Storage.Tests.DatabaseTests.Migrates', which failed in TestResults/junit.xml (2026-11-30T11:00:00Z); " +
                "DONE_MEANS names the test 'Storage.Tests.DatabaseTests.RollsBack', which was skipped in TestResults/junit.xml (2026-11-30T11:00:00Z)\n", Gates(junit));

            // An inline suppression of GOV704 at the failed test's item holds here as in the CLI: only the skipped one is left.
            File.WriteAllText(path, File.ReadAllText(path).Replace("  * test: `Storage.Tests.DatabaseTests.Migrates` passes\n", "  <!-- governance-disable-next-line GOV704 -->\n  * test: `Storage.Tests.DatabaseTests.Migrates` passes\n"));
            var suppressed = await Call("ready_to_close", new Dictionary<string, object?> { ["id"] = "WP-1-Storage-Layer", ["target"] = "Done", ["testResults"] = new[] { "TestResults/*.trx" } });
            Assert.Contains(
                "testsPassed FAIL: DONE_MEANS names the test 'Storage.Tests.DatabaseTests.RollsBack', which was skipped in TestResults/run.trx (2026-11-30T10:01:30Z)\n", Gates(suppressed));

            // GOV704 off in governance.yml: the gate is not checked, as the CLI reports nothing.
            string config = Path.Combine(_repo.Root, "governance.yml");
            string kept = File.ReadAllText(config);
            File.WriteAllText(config, kept.Replace("  GOV109: error\n", "  GOV109: error\n  GOV704: none\n"));
            var off = await Call("ready_to_close", new Dictionary<string, object?> { ["id"] = "WP-1-Storage-Layer", ["target"] = "Done", ["testResults"] = new[] { "TestResults/*.trx" } });
            Assert.Contains("testsPassed -: GOV704 is off in governance.yml (severity: none), so named tests are not judged\n", Gates(off));
            File.WriteAllText(config, kept);

            File.WriteAllText(Path.Combine(_repo.Root, "TestResults", "junit.xml"), Testing.TestResultSamples.JUnit.Replace("<failure message=\"assertion failed\">left != right</failure>", string.Empty).Replace("<skipped/>", string.Empty));
            var passed = await Call("ready_to_close", new Dictionary<string, object?> { ["id"] = "WP-1-Storage-Layer", ["target"] = "Done", ["testResults"] = new[] { "TestResults/*" } });
            Assert.Contains("testsPassed pass: 3 named test(s) passed in TestResults/junit.xml, TestResults/run.trx\n", Gates(passed));

            Assert.Equal("testResults: '../*.trx' is not a glob inside the repository (empty, absolute, or climbing out with '..')",
                await Error("ready_to_close", new Dictionary<string, object?> { ["id"] = "WP-1-Storage-Layer", ["target"] = "Done", ["testResults"] = new[] { "../*.trx" } }));
        }

        [Fact]
        public async Task Every_tool_answers_about_the_packet_a_WP_ID_names_and_its_board_entry_that_counts()
        {
            // WP-1-Job-Retry.md declares TASK_ID WP-1-Job-Cancel (GOV105), which WP-1-Job-Cancel.md holds;
            // the board lists WP-1-Job-Retry twice, as STUB and as READY_FOR_DEV (line 8).
            File.WriteAllText(Path.Combine(_repo.Root, "docs/TASK_BOARD.md"),
                "## Stub Backlog\n- **[WP-1-Job-Retry]** - [STUB]\n\n## Done\n- **[WP-1-Job-Cancel]** - [DONE]\n\n## Ready for Dev\n- **[WP-1-Job-Retry]** - [READY_FOR_DEV]\n");
            var packet = await Call("packet", new Dictionary<string, object?> { ["id"] = "WP-1-Job-Retry" });
            Assert.Equal("WP-1-Job-Retry", packet.GetProperty("id").GetString());
            Assert.Equal(Retry, packet.GetProperty("file").GetString());
            Assert.Equal("READY_FOR_DEV", packet.GetProperty("boardStatus").GetString());
            var close = await Call("ready_to_close", new Dictionary<string, object?> { ["id"] = "WP-1-Job-Retry", ["target"] = "Done" });
            Assert.Equal("WP-1-Job-Retry", close.GetProperty("id").GetString());
            Assert.Equal(Retry, close.GetProperty("file").GetString());
            Assert.Contains("board FAIL: docs/TASK_BOARD.md lists WP-1-Job-Retry as 'READY_FOR_DEV' (line 8); move it to the board's status for 'Done' in the same change", Gates(close));
            var scope = await Call("scope_check", new Dictionary<string, object?> { ["id"] = "WP-1-Job-Retry", ["files"] = new[] { "src/api/jobs.rs" } });
            Assert.Equal("WP-1-Job-Retry", scope.GetProperty("id").GetString());
            Assert.Equal(Retry, scope.GetProperty("file").GetString());
        }

        [Fact]
        public async Task Ready_to_close_looks_up_the_tests_DONE_MEANS_names_in_the_repository_s_CSharp_files()
        {
            Directory.CreateDirectory(Path.Combine(_repo.Root, "tests"));
            File.WriteAllText(Path.Combine(_repo.Root, "tests/StorageTests.cs"),
                "namespace TestProject.Storage\n" +
                "{\n" +
                "    public class StorageTests\n" +
                "    {\n" +
                "        [Xunit.Fact] public void Saves_a_row() { }\n" +
                "        [Fact(Skip = \"flaky on CI\")] public void Skipped_one() { }\n" +
                "        public void Helper() { }\n" +
                "        [Fact(Skip = \"\")] public void Blank_skip() { }\n" +
                "        public class Nested { [DataTestMethod] public void Runs() { } }\n" +
                "    }\n" +
                "    [NUnit.Framework.Ignore(\"later\")]\n" +
                "    public class NUnitTests { [Test] public void Ignored() { } }\n" +
                "    public class Derived : StorageTests { [MyFact] public void Custom() { } }\n" +
                "    public class Marked { [Fact, Foo(Skip = \"not xunit's\")] public void Runs_anyway() { } }\n" +
                "    public class Generic<T> { [Fact] public void Open() { } }\n" +
                "    public partial class Parts { [Fact] public void Own() { } }\n" +
                "}\n");
            // The other part of Parts, with its base type, and a derived class, each in a file that does not name the method.
            File.WriteAllText(Path.Combine(_repo.Root, "tests/Parts.cs"), "namespace TestProject.Storage { public partial class Parts : Base { } public class Elsewhere : Base { } }\n");
            // A copy under bin/ is a build output, not a source: its test is not found there.
            Directory.CreateDirectory(Path.Combine(_repo.Root, "tests/bin"));
            File.WriteAllText(Path.Combine(_repo.Root, "tests/bin/Old.cs"), "namespace Old { public class T { [Fact] public void Gone() { } } }\n");
            string path = Path.Combine(_repo.Root, "docs/task_packets/WP-1-Storage-Layer.md");
            string packet = File.ReadAllText(path);
            string running = "  * test: TestProject.Storage.StorageTests.Saves_a_row\n  * test: TestProject.Storage.StorageTests.Nested.Runs\n  * test: TestProject.Storage.StorageTests.Blank_skip\n  * test: TestProject.Storage.Marked.Runs_anyway\n";
            File.WriteAllText(path, packet.Replace("  * All tests pass\n", "  * All tests pass\n" + running));
            var ready = await Call("ready_to_close", new Dictionary<string, object?> { ["id"] = "WP-1-Storage-Layer", ["target"] = "Done" });
            Assert.Contains(
                "namedTests pass: 'TestProject.Storage.StorageTests.Saves_a_row' is a test that runs (tests/StorageTests.cs, line 5, [Fact]); " +
                "'TestProject.Storage.StorageTests.Nested.Runs' is a test that runs (tests/StorageTests.cs, line 9, [DataTestMethod]); " +
                "'TestProject.Storage.StorageTests.Blank_skip' is a test that runs (tests/StorageTests.cs, line 8, [Fact]); " +
                "'TestProject.Storage.Marked.Runs_anyway' is a test that runs (tests/StorageTests.cs, line 14, [Fact])",
                Gates(ready));

            File.WriteAllText(path, packet.Replace("  * All tests pass\n", "  * All tests pass\n" + running +
                "  * test: TestProject.Storage.StorageTests.Skipped_one\n  * test: TestProject.Storage.StorageTests.Helper\n  * test: TestProject.Storage.StorageTests.Gone\n" +
                "  * test: TestProject.Storage.Missing.Works\n  * test: TestProject.Storage.NUnitTests.Ignored\n  * test: Old.T.Gone\n  * test: TestProject.Storage.Derived.Custom\n  * test: TestProject.Storage.Derived.Saves_a_row\n"));
            var failing = await Call("ready_to_close", new Dictionary<string, object?> { ["id"] = "WP-1-Storage-Layer", ["target"] = "Done" });
            Assert.False(failing.GetProperty("ready").GetBoolean());
            Assert.Contains(
                "namedTests FAIL: 'TestProject.Storage.StorageTests.Skipped_one' is skipped: Skip = \"flaky on CI\"; " +
                "'TestProject.Storage.StorageTests.Helper' is not a test: it has no [Fact], [Theory], [Test], [TestCase] or [TestMethod] attribute; " +
                "'TestProject.Storage.StorageTests.Gone' does not exist: TestProject.Storage.StorageTests has no method 'Gone'; " +
                "'TestProject.Storage.Missing.Works' does not exist: no C# file of the repository declares the type 'TestProject.Storage.Missing'; " +
                "'TestProject.Storage.NUnitTests.Ignored' is skipped: [Ignore] on NUnitTests; " +
                "'Old.T.Gone' does not exist: no C# file of the repository declares the type 'Old.T'\n",
                Gates(failing));

            // What syntax cannot settle is left to GOV703 in the build: the gate is not checked here (null).
            File.WriteAllText(path, packet.Replace("  * All tests pass\n", "  * All tests pass\n" + running +
                "  * test: TestProject.Storage.Derived.Custom\n  * test: TestProject.Storage.Derived.Saves_a_row\n" +
                "  * test: TestProject.Storage.Generic.Open\n  * test: TestProject.Storage.Parts.Inherited\n  * test: TestProject.Storage.Elsewhere.Inherited\n"));
            var unsettled = await Call("ready_to_close", new Dictionary<string, object?> { ["id"] = "WP-1-Storage-Layer", ["target"] = "Done" });
            Assert.Contains(
                "'TestProject.Storage.Derived.Custom' has attributes this check does not know ([MyFact]): GOV703 judges them in the test project's build; " +
                "'TestProject.Storage.Derived.Saves_a_row' is not declared in TestProject.Storage.Derived itself, which has a base type: GOV703 judges inherited tests in the test project's build; " +
                "'TestProject.Storage.Generic.Open' is declared in a generic class (Generic<T>): GOV703 judges it in the test project's build; " +
                "'TestProject.Storage.Parts.Inherited' is not declared in TestProject.Storage.Parts itself, which has a base type: GOV703 judges inherited tests in the test project's build; " +
                "'TestProject.Storage.Elsewhere.Inherited' is not declared in TestProject.Storage.Elsewhere itself, which has a base type: GOV703 judges inherited tests in the test project's build",
                Gates(unsettled));
            Assert.Contains("namedTests -: ", Gates(unsettled));
        }

        [Fact]
        public async Task Apply_fix_applies_a_fix_check_named_and_returns_the_diff()
        {
            string path = Path.Combine(_repo.Root, Cancel);
            File.WriteAllText(path, File.ReadAllText(path).Replace("- STATUS: Almost done", "- STATUS: In-Progres"));
            var found = (await Call("check", new Dictionary<string, object?> { ["paths"] = new[] { Cancel } })).GetProperty("diagnostics").EnumerateArray()
                .Single(d => d.GetProperty("rule").GetString() == "GOV107");
            Assert.Equal("docs/task_packets/WP-1-Job-Cancel.md(9,11) error GOV107: STATUS 'In-Progres' is not an allowed value (allowed: Ready-for-Dev, In-Progress, Blocked, Done, Validated)", Line(found));
            Assert.True(found.GetProperty("hasFix").GetBoolean());
            Assert.Equal(new[] { "Set STATUS to 'In-Progress'", "Suppress GOV107 on this line" }, found.GetProperty("fixes").EnumerateArray().Select(f => f.GetString()));

            var position = new Dictionary<string, object?> { ["rule"] = "GOV107", ["file"] = Cancel, ["line"] = 9, ["column"] = 11 };
            string before = File.ReadAllText(path);
            var dry = await Call("apply_fix", new Dictionary<string, object?>(position) { ["dryRun"] = true });
            Assert.False(dry.GetProperty("written").GetBoolean());
            Assert.Equal(before, File.ReadAllText(path));
            string diff = dry.GetProperty("diff").GetString()!;
            Assert.StartsWith("--- a/docs/task_packets/WP-1-Job-Cancel.md\n+++ b/docs/task_packets/WP-1-Job-Cancel.md\n@@ -6,7 +6,7 @@\n", diff);
            Assert.Contains("\n-- STATUS: In-Progres\n+- STATUS: In-Progress\n", diff);

            var applied = await Call("apply_fix", position);
            Assert.True(applied.GetProperty("written").GetBoolean());
            Assert.Equal("Set STATUS to 'In-Progress'", applied.GetProperty("fix").GetString());
            Assert.Equal(diff, applied.GetProperty("diff").GetString());
            Assert.Equal(before.Replace("- STATUS: In-Progres\n", "- STATUS: In-Progress\n"), File.ReadAllText(path));
            var after = await Call("check", new Dictionary<string, object?> { ["paths"] = new[] { Cancel } });
            Assert.DoesNotContain(after.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("rule").GetString() == "GOV107");

            // The suppression comment, by its title; the same position again names nothing now.
            var suppressed = await Call("apply_fix", new Dictionary<string, object?> { ["rule"] = "GOV108", ["file"] = Cancel, ["line"] = 5, ["column"] = 9, ["fix"] = "Suppress GOV108 on this line" });
            Assert.Contains("\n+<!-- governance-disable-next-line GOV108 -->\n", suppressed.GetProperty("diff").GetString());
            Assert.Equal("no GOV107 diagnostic is reported at docs/task_packets/WP-1-Job-Cancel.md(9,11) now; call check for the current diagnostics",
                await Error("apply_fix", position));
            Assert.Equal("GOV106 at docs/task_packets/WP-1-Job-Cancel.md(4,12) has no fix titled 'Rename it'; its fixes are 'Suppress GOV106 on this line'",
                await Error("apply_fix", new Dictionary<string, object?> { ["rule"] = "GOV106", ["file"] = Cancel, ["line"] = 4, ["column"] = 12, ["fix"] = "Rename it" }));
        }

        private async Task<string> Read(string uri) =>
            Assert.IsType<TextResourceContents>(Assert.Single((await _client.ReadResourceAsync(uri)).Contents)).Text;

        [Fact]
        public async Task Resources_give_rule_pages_spec_sections_and_the_diagnostics()
        {
            var listed = await _client.ListResourcesAsync();
            Assert.Equal("governance://diagnostics", listed[0].Uri);
            Assert.Contains(listed, r => r.Uri == "governance://rules/GOV107" && r.ProtocolResource.Title == "GOV107: Field value must be one of the allowed values");
            Assert.DoesNotContain(listed, r => r.Uri == "governance://board");
            var templates = await _client.ListResourceTemplatesAsync();
            Assert.Equal(new[] { "governance://spec/{section}", "governance://rules/{rule}" }, templates.Select(t => t.UriTemplate));

            Assert.StartsWith("#### 2.3.12.3 Storage API Abstraction Pattern [CX-DBP-021]\n- The backend MUST define a Database trait with async methods.\n", await Read("governance://spec/2.3.12.3"));
            Assert.StartsWith("# GOV107: Field value must be one of the allowed values", await Read("governance://rules/gov107"));
            var diagnostics = JsonDocument.Parse(await Read("governance://diagnostics")).RootElement;
            Assert.Equal(10, diagnostics.GetProperty("total").GetInt32());
            Assert.Equal("docs/task_packets/WP-1-Job-Cancel.md(4,12) error GOV106: TASK_ID 'WP-1-Job-Cancel' is also declared in docs/task_packets/WP-1-Job-Retry.md", Line(diagnostics.GetProperty("diagnostics")[0]));

            var missing = await Assert.ThrowsAsync<McpProtocolException>(() => _client.ReadResourceAsync("governance://spec/9.9").AsTask());
            Assert.Equal(McpErrorCode.ResourceNotFound, missing.ErrorCode);
            Assert.Contains("No resource 'governance://spec/9.9'", missing.Message);
        }

        [Fact]
        public async Task A_subscribed_client_is_told_when_the_diagnostics_change()
        {
            // resources/subscribe is the protocol's until revision 2025-11-25 (2026-07-28 replaced it with subscriptions/listen).
            await using var client = await Start(_repo.Root, "2025-11-25");
            var updated = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            await client.SubscribeToResourceAsync("governance://diagnostics", (notification, _) =>
            {
                updated.TrySetResult(notification.Uri);
                return ValueTask.CompletedTask;
            });
            var refused = await Assert.ThrowsAsync<McpProtocolException>(() => client.SubscribeToResourceAsync("governance://board"));
            Assert.Equal(McpErrorCode.InvalidParams, refused.ErrorCode);
            Assert.Contains("Only governance://diagnostics can be subscribed to; 'governance://board' is not", refused.Message);
            // A change made at once after subscribing is compared with the diagnostics at the subscription.
            string path = Path.Combine(_repo.Root, Cancel);
            File.WriteAllText(path, File.ReadAllText(path).Replace("- STATUS: Almost done", "- STATUS: In-Progress"));
            var done = await Task.WhenAny(updated.Task, Task.Delay(30_000));
            Assert.True(done == updated.Task, "no notifications/resources/updated within 30 s of the change");
            Assert.Equal("governance://diagnostics", await updated.Task);
            Assert.Equal(9, JsonDocument.Parse(await Read("governance://diagnostics")).RootElement.GetProperty("total").GetInt32());
        }

        [Fact]
        public async Task Fixes_asked_for_at_once_are_applied_one_after_another_and_none_is_lost()
        {
            string path = Path.Combine(_repo.Root, Cancel);
            var calls = new[] { ("GOV106", 4, 12), ("GOV109", 29, 5), ("GOV110", 24, 5) }.Select(d => _client.CallToolAsync("apply_fix", new Dictionary<string, object?>
            {
                ["rule"] = d.Item1, ["file"] = Cancel, ["line"] = d.Item2, ["column"] = d.Item3, ["fix"] = $"Suppress {d.Item1} on this line",
            }).AsTask()).ToList();
            var results = await Task.WhenAll(calls);
            // The first applied moves the lines under it: a later call may find its diagnostic gone from where it was named.
            var written = results.Where(r => r.IsError != true).ToList();
            Assert.NotEmpty(written);
            foreach (var failed in results.Where(r => r.IsError == true))
                Assert.Matches(@"^no GOV1\d\d diagnostic is reported at docs/task_packets/WP-1-Job-Cancel.md\(\d+,\d+\) now; call check for the current diagnostics$", Text(failed));
            string text = File.ReadAllText(path);
            foreach (var result in written)
            {
                string rule = result.StructuredContent!.Value.GetProperty("fix").GetString()!.Split(' ')[1];
                Assert.Contains($"<!-- governance-disable-next-line {rule} -->", text);
            }

            Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(path)!, "*.governance-fix.tmp", SearchOption.TopDirectoryOnly));
        }

        [Fact]
        public async Task Bad_input_is_an_error_result_with_a_clear_message_and_the_server_goes_on()
        {
            Assert.Equal($"the path '../outside' in 'paths' is outside the repository ({_repo.Root})",
                await Error("check", new Dictionary<string, object?> { ["paths"] = new[] { "../outside" } }));
            Assert.Equal($"the path 'docs\\..\\..\\outside' in 'paths' is outside the repository ({_repo.Root})",
                await Error("check", new Dictionary<string, object?> { ["paths"] = new[] { "docs\\..\\..\\outside" } }));
            Assert.Equal($"the path '/etc/passwd' in 'paths' is outside the repository ({_repo.Root})",
                await Error("check", new Dictionary<string, object?> { ["paths"] = new[] { "/etc/passwd" } }));
            Assert.Equal("the argument 'id' is 10,485,760 characters long; at most 256 are read",
                await Error("packet", new Dictionary<string, object?> { ["id"] = new string('x', 10 * 1024 * 1024) }));
            Assert.Equal("the argument 'limit' must be an integer, not a string",
                await Error("check", new Dictionary<string, object?> { ["limit"] = "ten" }));
            Assert.Equal("the argument 'limit' is 0; expected 1 to 500",
                await Error("check", new Dictionary<string, object?> { ["limit"] = 0 }));
            Assert.Equal("check takes no argument 'path'; its arguments are 'paths', 'includeBaselined', 'limit', 'cursor'",
                await Error("check", new Dictionary<string, object?> { ["path"] = "docs" }));
            Assert.Equal("the argument 'id' is required",
                await Error("packet", new Dictionary<string, object?>()));
            Assert.Equal("the cursor 'abc' is not one this tool returned; pass nextCursor as it came, or no cursor for the first page",
                await Error("check", new Dictionary<string, object?> { ["cursor"] = "abc" }));

            var unknown = await Assert.ThrowsAsync<McpProtocolException>(() => _client.CallToolAsync("delete_everything", new Dictionary<string, object?>()).AsTask());
            Assert.Equal(McpErrorCode.InvalidParams, unknown.ErrorCode);
            Assert.Contains("Unknown tool 'delete_everything'; the tools are check, explain_rule, spec_section, packet, scope_check, ready_to_close, apply_fix", unknown.Message);

            // Still serving, and nothing was written.
            Assert.Equal(10, (await Call("check", new Dictionary<string, object?>())).GetProperty("total").GetInt32());
            Assert.Equal(_repo.OriginalHashes, _repo.Hashes());
        }
    }
}
