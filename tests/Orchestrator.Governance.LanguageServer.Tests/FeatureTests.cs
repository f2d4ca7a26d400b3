using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Orchestrator.Governance.Testing;
using Xunit;

namespace Orchestrator.Governance.LanguageServer.Tests
{
    /// <summary>Hover, go to definition and code actions on the example repository.</summary>
    public sealed class FeatureTests
    {
        private const string Cancel = "docs/task_packets/WP-1-Job-Cancel.md";
        private const string Storage = "docs/task_packets/WP-1-Storage-Layer.md";
        private const string Spec = "Example_Master_Spec_v01.2.md";

        private static async Task<(TempRepository Repo, LspTestClient Client)> Started()
        {
            var repo = new TempRepository();
            var client = new LspTestClient(repo.Root);
            client.Initialize();
            client.Diagnostics(Cancel);
            await Task.CompletedTask;
            return (repo, client);
        }

        private static (int, int, int, int) RangeOf(JsonElement range) =>
            (range.GetProperty("start").GetProperty("line").GetInt32(), range.GetProperty("start").GetProperty("character").GetInt32(),
             range.GetProperty("end").GetProperty("line").GetInt32(), range.GetProperty("end").GetProperty("character").GetInt32());

        [Fact]
        public async Task Hover_on_a_SPEC_ANCHOR_shows_the_section_its_file_and_line_and_its_requirements_with_their_coverage()
        {
            var (repo, client) = await Started();
            using var _ = repo;
            await using var __ = client;

            // Line 58: "- **SPEC_ANCHOR**: §2.3.12.3 (Storage API Abstraction Pattern)"; § is character 19.
            Assert.StartsWith("- **SPEC_ANCHOR**: §2.3.12.3", repo.Read(Storage).Split('\n')[57]);
            var hover = client.At("textDocument/hover", Storage, 57, 22);
            Assert.Equal("markdown", hover.GetProperty("contents").GetProperty("kind").GetString());
            Assert.Equal(
                "**§2.3.12.3 Storage API Abstraction Pattern [CX-DBP-021]**  \n`Example_Master_Spec_v01.2.md` line 20\n\n"
                + "- covered by line 26 (substance: trait, database): **MUST** The backend MUST define a Database trait with async methods.\n"
                + "- covered by line 26 (substance: sqlite, sqlitedatabase, wrapper, trait, database): **MUST** The backend MUST implement a SqliteDatabase wrapper behind the trait.\n"
                + "- covered by line 26 (substance: postgres, postgresdatabase, stub, database): **SHOULD** The backend SHOULD provide a PostgresDatabase stub.\n"
                + "\nDONE_MEANS covers 3 of 3.",
                hover.GetProperty("contents").GetProperty("value").GetString());

            // Nothing to say on a plain line.
            Assert.Equal(JsonValueKind.Null, client.At("textDocument/hover", Storage, 1, 0).ValueKind);
        }

        /// <summary>
        /// Issue 32: a SPEC_ANCHOR number the spec gives two Main Body sections (GOV213) picks
        /// neither: the hover lists both with their lines, and go-to-definition offers both.
        /// </summary>
        [Fact]
        public async Task Hover_and_definition_on_an_ambiguous_SPEC_ANCHOR_offer_every_section_it_may_mean()
        {
            using var repo = new TempRepository();
            string specPath = System.IO.Path.Combine(repo.Root, Spec);
            string spec = System.IO.File.ReadAllText(specPath).Replace("- The backend SHOULD provide a PostgresDatabase stub.\n",
                "- The backend SHOULD provide a PostgresDatabase stub.\n\n## 2.4 Job Scheduling\nThe scheduler MUST retry a failed job three times.\n\n## 2.4 Queue Ordering\nThe queue MUST deliver messages in order.\n");
            System.IO.File.WriteAllText(specPath, spec);
            string packetPath = System.IO.Path.Combine(repo.Root, Storage);
            System.IO.File.WriteAllText(packetPath, System.IO.File.ReadAllText(packetPath).Replace("- **SPEC_ANCHOR**: §2.3.12.3 (Storage API Abstraction Pattern)", "- **SPEC_ANCHOR**: §2.4"));
            var lines = spec.Split('\n').ToList();
            int jobs = lines.IndexOf("## 2.4 Job Scheduling"), queue = lines.IndexOf("## 2.4 Queue Ordering");
            Assert.True(jobs > 0 && queue > jobs);

            await using var client = new LspTestClient(repo.Root);
            client.Initialize();
            client.Diagnostics(Cancel);
            var hover = client.At("textDocument/hover", Storage, 57, 21).GetProperty("contents").GetProperty("value").GetString()!;
            // GOV213's own hover first, then the anchor's.
            Assert.StartsWith("**GOV213: SPEC_ANCHOR must name one section**", hover);
            Assert.EndsWith(
                "\n\n---\n\n**§2.4** is ambiguous: the spec numbers 2 sections alike:\n\n"
                + $"- **§2.4 Job Scheduling** `{Spec}` line {jobs + 1}\n"
                + $"- **§2.4 Queue Ordering** `{Spec}` line {queue + 1}\n"
                + "\nWrite the title after the number, or anchor a requirement ID.",
                hover);

            var definition = client.At("textDocument/definition", Storage, 57, 21);
            Assert.Equal(JsonValueKind.Array, definition.ValueKind);
            Assert.Equal(
                new[] { (client.UriOf(Spec), jobs), (client.UriOf(Spec), queue) },
                definition.EnumerateArray().Select(l => (l.GetProperty("uri").GetString()!, l.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32())));
        }

        [Fact]
        public async Task Hover_on_a_diagnostic_gives_the_rule_its_description_source_and_page()
        {
            var (repo, client) = await Started();
            using var _ = repo;
            await using var __ = client;
            string value = client.At("textDocument/hover", Cancel, 8, 12).GetProperty("contents").GetProperty("value").GetString()!;
            var descriptor = Rules.RuleCatalog.Find("GOV107")!;
            Assert.StartsWith($"**GOV107: {descriptor.Title}**\n\nSTATUS 'Almost done' is not an allowed value (allowed: Ready-for-Dev, In-Progress, Blocked, Done, Validated)\n\n{descriptor.Description}\n\nSource: {descriptor.Source}.", value);
            Assert.Matches(@"\[GOV107 documentation\]\(file://.*/docs/rules/GOV107\.md\)\n\n---\n\n\*\*Ready to close as Done\*\*: no, ", value);
        }

        [Fact]
        public async Task Hover_on_STATUS_says_whether_the_packet_may_close_and_which_gates_fail()
        {
            // Issue 35: the engine's ready_to_close query, the verdict for the closing status STATUS may move to next.
            var repo = new TempRepository();
            string storage = Path.Combine(repo.Root, Storage);
            File.WriteAllText(storage, File.ReadAllText(storage).Replace("- STATUS: Ready-for-Dev", "- STATUS: In-Progress"));
            string retryPath = Path.Combine(repo.Root, "docs", "task_packets", "WP-1-Job-Retry.md");
            File.WriteAllText(retryPath, File.ReadAllText(retryPath).Replace("- STATUS: Ready-for-Dev", "- STATUS: In-Progress"));
            var client = new LspTestClient(repo.Root);
            client.Initialize();
            client.Diagnostics(Cancel);
            await Task.CompletedTask;
            using var _ = repo;
            await using var __ = client;
            string line = repo.Read(Storage).Split('\n')[8];
            Assert.StartsWith("- STATUS: In-Progress", line);
            string value = client.At("textDocument/hover", Storage, 8, 4).GetProperty("contents").GetProperty("value").GetString()!;
            Assert.Equal(HoverOnStatus, value);

            // The same verdict at the end of the value; none a line above, where no field is.
            Assert.Equal(value, client.At("textDocument/hover", Storage, 8, line.TrimEnd('\r').Length).GetProperty("contents").GetProperty("value").GetString());
            Assert.Equal(JsonValueKind.Null, client.At("textDocument/hover", Storage, 1, 0).ValueKind);

            // WP-1-Job-Retry declares the TASK_ID WP-1-Job-Cancel holds too: its STATUS hover judges WP-1-Job-Retry itself.
            string retry = client.At("textDocument/hover", "docs/task_packets/WP-1-Job-Retry.md", 8, 4).GetProperty("contents").GetProperty("value").GetString()!;
            Assert.Equal(HoverOnRetryStatus, retry);
        }

        /// <summary>The hover on an In-Progress WP-1-Storage-Layer's STATUS: no board and no named test (not checked), every other gate passes.</summary>
        private const string HoverOnStatus = "**Ready to close as Done**: yes, no gate fails";

        /// <summary>On WP-1-Job-Retry's: its own two errors (GOV105, GOV106), not WP-1-Job-Cancel's four failed gates.</summary>
        private const string HoverOnRetryStatus = "**Ready to close as Done**: no, 1 gate(s) fail\n- **noOtherErrors**: 2 other error(s) in the packet";

        [Fact]
        public async Task Definition_goes_from_a_SPEC_ANCHOR_to_the_spec_heading_and_from_a_WP_ID_to_its_packet()
        {
            // The repository holds a stub too (issue 33), written before the server starts.
            const string Stub = "docs/task_packets/stubs/WP-1-Retired.md";
            var repo = new TempRepository();
            Directory.CreateDirectory(Path.Combine(repo.Root, "docs", "task_packets", "stubs"));
            File.WriteAllText(Path.Combine(repo.Root, Stub), "# Task Packet Stub: WP-1-Retired\n\n- WP_ID: WP-1-Retired\n- STUB_STATUS: STUB\n");
            var client = new LspTestClient(repo.Root);
            client.Initialize();
            client.Diagnostics(Cancel);
            await Task.CompletedTask;
            using var _ = repo;
            await using var __ = client;
            var definition = client.At("textDocument/definition", Storage, 57, 22);
            Assert.Equal(client.UriOf(Spec), definition.GetProperty("uri").GetString());
            Assert.Equal((19, 5, 19, 58), RangeOf(definition.GetProperty("range")));
            Assert.Equal("#### 2.3.12.3 Storage API Abstraction Pattern [CX-DBP-021]", repo.Read(Spec).Split('\n')[19].TrimEnd('\r'));

            // A WP ID written in another packet (typed into the open Cancel packet) leads to its packet's title.
            string text = repo.Read(Cancel);
            client.Open(Cancel, text + "\nSee WP-1-Storage-Layer.\n");
            int line = (text + "\nSee WP-1-Storage-Layer.\n").Split('\n').Length - 2;

            // Its diagnostics do not change, so nothing is published: ask until the analysis has seen the edit.
            var packet = Eventually(() => client.At("textDocument/definition", Cancel, line, 8));
            Assert.Equal(client.UriOf(Storage), packet.GetProperty("uri").GetString());
            Assert.Equal((0, 2, 0, 33), RangeOf(packet.GetProperty("range")));

            // Issue 33: a WP whose only document is a stub leads to the stub's title.
            client.Change(Cancel, 2, line, 0, line + 1, 0, "See WP-1-Retired.\n");
            var stub = Eventually(() =>
            {
                var found = client.At("textDocument/definition", Cancel, line, 8);
                return found.ValueKind == JsonValueKind.Object && found.GetProperty("uri").GetString() == client.UriOf(Stub) ? found : default;
            });
            Assert.Equal((0, 2, 0, 32), RangeOf(stub.GetProperty("range")));

            // Hover on the WP ID says what the stub says of it (issue 33)...
            Assert.Equal("**WP-1-Retired**: stub `docs/task_packets/stubs/WP-1-Retired.md`, status STUB  \nNo task packet: a stub is activated into a packet before work starts.",
                client.At("textDocument/hover", Cancel, line, 8).GetProperty("contents").GetProperty("value").GetString());
            client.Change(Cancel, 3, line, 0, line + 1, 0, "See WP-1-Storage-Layer.\n");

            // ...and, on a WP that has a packet, the packet's file, title line, STATUS and board status.
            var packetHover = Eventually(() =>
            {
                var found = client.At("textDocument/hover", Cancel, line, 8);
                return found.ValueKind == JsonValueKind.Object && found.GetProperty("contents").GetProperty("value").GetString()!.Contains("task packet") ? found : default;
            });
            Assert.Equal("**WP-1-Storage-Layer**: task packet `docs/task_packets/WP-1-Storage-Layer.md` line 1  \nSTATUS: Ready-for-Dev · board: not listed",
                packetHover.GetProperty("contents").GetProperty("value").GetString());

            // A relative link leads to its file (the start of it).
            client.Change(Cancel, 4, line + 1, 0, line + 1, 0, "The [spec](../../Example_Master_Spec_v01.2.md#1-vision).\n");
            var link = Eventually(() =>
            {
                var found = client.At("textDocument/definition", Cancel, line + 1, 12);
                return found.ValueKind == JsonValueKind.Object && found.GetProperty("uri").GetString() == client.UriOf(Spec) ? found : default;
            });
            Assert.Equal(client.UriOf(Spec), link.GetProperty("uri").GetString());
            Assert.Equal((0, 0, 0, 0), RangeOf(link.GetProperty("range")));

            // A link to a file that does not exist leads nowhere.
            client.Change(Cancel, 5, line + 1, 0, line + 2, 0, "The [gone](../../missing.md).\n");
            Eventually(() => client.CodeActions(Cancel, 8, 12, 8, 12).GetArrayLength() > 0 ? JsonDocument.Parse("1").RootElement : default);
            Assert.Equal(JsonValueKind.Null, client.At("textDocument/definition", Cancel, line + 1, 12).ValueKind);
        }

        /// <summary>The first non-null result of <paramref name="request"/>, asked every 50 ms for up to 20 s.</summary>
        private static JsonElement Eventually(Func<JsonElement> request)
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (true)
            {
                var result = request();
                if ((result.ValueKind != JsonValueKind.Null && result.ValueKind != JsonValueKind.Undefined) || DateTime.UtcNow > deadline) return result;
                System.Threading.Thread.Sleep(50);
            }
        }

        [Fact]
        public async Task Code_actions_offer_the_rules_fix_the_suppression_and_the_baseline_and_each_edit_clears_the_diagnostic()
        {
            var (repo, client) = await Started();
            using var _ = repo;
            await using var __ = client;
            client.Open(Storage, repo.Read(Storage));
            client.Change(Storage, 2, 8, 10, 8, 23, "Ready-for-Dve");
            var published = client.Diagnostics(Storage).GetProperty("diagnostics");
            Assert.Equal("GOV107", published[0].GetProperty("code").GetString());

            var actions = client.CodeActions(Storage, 8, 12, 8, 12).EnumerateArray().ToList();
            Assert.Equal(
                new[] { "Set STATUS to 'Ready-for-Dev'", "Suppress GOV107 on this line", "Add GOV107 to the baseline (governance.baseline.json)" },
                actions.Select(a => a.GetProperty("title").GetString()));
            Assert.All(actions, a => Assert.Equal("quickfix", a.GetProperty("kind").GetString()));
            Assert.True(actions[0].GetProperty("isPreferred").GetBoolean());
            Assert.Equal("GOV107", actions[0].GetProperty("diagnostics")[0].GetProperty("code").GetString());

            // The rule's fix: one edit of the value, applied as a client would.
            var edit = Assert.Single(actions[0].GetProperty("edit").GetProperty("changes").GetProperty(client.UriOf(Storage)).EnumerateArray());
            Assert.Equal((8, 10, 8, 23), RangeOf(edit.GetProperty("range")));
            Assert.Equal("Ready-for-Dev", edit.GetProperty("newText").GetString());
            client.Change(Storage, 3, 8, 10, 8, 23, edit.GetProperty("newText").GetString()!);
            Assert.Empty(client.Diagnostics(Storage).GetProperty("diagnostics").EnumerateArray());

            // The suppression: a comment line above, indented like the item.
            client.Change(Storage, 4, 8, 10, 8, 23, "Ready-for-Dve");
            client.Diagnostics(Storage);
            var suppress = client.CodeActions(Storage, 8, 12, 8, 12)[1].GetProperty("edit").GetProperty("changes").GetProperty(client.UriOf(Storage))[0];
            Assert.Equal((8, 0, 8, 0), RangeOf(suppress.GetProperty("range")));
            Assert.Equal("<!-- governance-disable-next-line GOV107 -->\n", suppress.GetProperty("newText").GetString());
            client.Change(Storage, 5, 8, 0, 8, 0, suppress.GetProperty("newText").GetString()!);
            Assert.Empty(client.Diagnostics(Storage).GetProperty("diagnostics").EnumerateArray());
        }

        [Fact]
        public async Task Add_to_the_baseline_creates_governance_baseline_json_and_the_finding_is_then_baselined()
        {
            var (repo, client) = await Started();
            using var _ = repo;
            await using var __ = client;
            var actions = client.CodeActions(Cancel, 8, 12, 8, 12).EnumerateArray().ToList();
            var add = actions.Single(a => a.GetProperty("title").GetString() == "Add GOV107 to the baseline (governance.baseline.json)");
            var changes = add.GetProperty("edit").GetProperty("documentChanges");
            Assert.Equal("create", changes[0].GetProperty("kind").GetString());
            string uri = client.UriOf("governance.baseline.json");
            Assert.Equal(uri, changes[0].GetProperty("uri").GetString());
            string text = changes[1].GetProperty("edits")[0].GetProperty("newText").GetString()!;
            Assert.Contains("\"rule\": \"GOV107\"", text);
            Assert.False(File.Exists(Path.Combine(repo.Root, "governance.baseline.json")), "the server wrote the baseline itself");

            // The client applies it (the file is created), the watcher reports it: GOV107 is baselined.
            File.WriteAllText(Path.Combine(repo.Root, "governance.baseline.json"), text);
            client.Notify("workspace/didChangeWatchedFiles", new JsonObject { ["changes"] = new JsonArray(new JsonObject { ["uri"] = uri, ["type"] = 1 }) });
            var codes = client.Diagnostics(Cancel).GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToList();
            Assert.DoesNotContain("GOV107", codes);
            Assert.Equal(7, codes.Count);
        }

        /// <summary>
        /// Issue 33: a stub written while the server runs is read once the client's watcher reports
        /// it: hover and go to definition on its WP ID find it.
        /// </summary>
        [Fact]
        public async Task A_stub_created_after_start_is_found_once_the_watcher_reports_it()
        {
            const string Stub = "docs/task_packets/stubs/WP-1-Later.md";
            var (repo, client) = await Started();
            using var _ = repo;
            await using var __ = client;
            string text = repo.Read(Cancel) + "\nSee WP-1-Later.\n";
            int line = text.Split('\n').Length - 2;
            client.Open(Cancel, text);
            Assert.Equal(JsonValueKind.Null, client.At("textDocument/hover", Cancel, line, 8).ValueKind);

            Directory.CreateDirectory(Path.Combine(repo.Root, "docs", "task_packets", "stubs"));
            File.WriteAllText(Path.Combine(repo.Root, Stub), "# Task Packet Stub: WP-1-Later\n\n- WP_ID: WP-1-Later\n- STUB_STATUS: SUPERSEDED\n- SUPERSEDED_BY: WP-1-Storage-Layer\n");
            client.Notify("workspace/didChangeWatchedFiles", new JsonObject { ["changes"] = new JsonArray(new JsonObject { ["uri"] = client.UriOf(Stub), ["type"] = 1 }) });
            var definition = Eventually(() =>
            {
                var found = client.At("textDocument/definition", Cancel, line, 8);
                return found.ValueKind == JsonValueKind.Object && found.GetProperty("uri").GetString() == client.UriOf(Stub) ? found : default;
            });
            Assert.Equal((0, 2, 0, 30), RangeOf(definition.GetProperty("range")));
            Assert.Equal("**WP-1-Later**: stub `docs/task_packets/stubs/WP-1-Later.md`, status SUPERSEDED, replaced by WP-1-Storage-Layer  \nNo task packet: a stub is activated into a packet before work starts.",
                client.At("textDocument/hover", Cancel, line, 8).GetProperty("contents").GetProperty("value").GetString());
        }

        private static string Outline(JsonElement symbols, int depth = 0) => string.Concat(symbols.EnumerateArray().Select(s =>
            new string(' ', depth * 2) + s.GetProperty("name").GetString() + " k" + s.GetProperty("kind").GetInt32()
            + " " + RangeOf(s.GetProperty("selectionRange")) + (s.TryGetProperty("detail", out var d) ? " = " + d.GetString() : string.Empty) + "\n"
            + (s.TryGetProperty("children", out var c) ? Outline(c, depth + 1) : string.Empty)));

        [Fact]
        public async Task The_outline_of_a_packet_is_its_sections_with_their_fields_and_of_the_spec_its_numbered_sections()
        {
            var (repo, client) = await Started();
            using var _ = repo;
            await using var __ = client;
            var symbols = client.Request("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = client.UriOf(Storage) } }).GetProperty("result");
            string outline = Outline(symbols);
            Assert.StartsWith(
                "Task Packet: WP-1-Storage-Layer k3 (0, 2, 0, 33)\n"
                + "  Metadata k3 (2, 3, 2, 11)\n"
                + "    TASK_ID k8 (3, 2, 3, 9) = WP-1-Storage-Layer\n"
                + "    DATE k8 (4, 2, 4, 6) = 2025-12-26T14:30:00Z\n",
                outline);
            Assert.Contains("  Authority k3 (56, 3, 56, 12)\n    SPEC_ANCHOR k8 (57, 4, 57, 15) = §2.3.12.3 (Storage API Abstraction Pattern)\n", outline);

            // A section's range runs to the next heading's line; it holds its fields.
            var metadata = symbols[0].GetProperty("children")[0];
            Assert.Equal((2, 0, 10, 0), RangeOf(metadata.GetProperty("range")));

            var spec = Outline(client.Request("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = client.UriOf(Spec) } }).GetProperty("result"));
            Assert.Equal(
                "Example Master Specification v01.2 k3 (0, 2, 0, 36)\n"
                + "  Table of Contents k3 (2, 3, 2, 20)\n"
                + "§1 Vision k3 (7, 2, 7, 11)\n"
                + "  §1.1 Goals k3 (9, 3, 9, 12)\n"
                + "§2 System Architecture k3 (12, 2, 12, 24)\n"
                + "  §2.3 Storage k3 (14, 3, 14, 14)\n"
                + "    §2.3.12 Storage Backend Portability [CX-DBP-001] k3 (16, 4, 16, 51)\n"
                + "      §2.3.12.3 Storage API Abstraction Pattern [CX-DBP-021] k3 (19, 5, 19, 58)\n"
                + "§7 User Experience & Development k3 (24, 2, 24, 34)\n"
                + "  §7.6 Development Roadmap k3 (26, 3, 26, 26)\n"
                + "    §7.6.3 Phase 1 k3 (28, 4, 28, 17)\n",
                spec);
        }

        [Fact]
        public async Task Document_links_are_the_relative_links_whose_file_exists()
        {
            var (repo, client) = await Started();
            using var _ = repo;
            await using var __ = client;
            client.Open(Cancel, repo.Read(Cancel) + "\n[spec](../../Example_Master_Spec_v01.2.md) [gone](missing.md) [web](https://example.org/x.md)\n");
            int line = repo.Read(Cancel).Split('\n').Length;
            var links = Eventually(() => client.Request("textDocument/documentLink", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = client.UriOf(Cancel) } }).GetProperty("result"));
            var link = Assert.Single(links.EnumerateArray());
            Assert.Equal(client.UriOf(Spec), link.GetProperty("target").GetString());
            Assert.Equal((line, 7, line, 41), RangeOf(link.GetProperty("range")));
        }

        [Fact]
        public async Task Links_and_definitions_never_lead_through_a_link_out_of_the_repository()
        {
            // issue 31, L6: a link in the repository to a file outside it was offered as a target.
            using var repo = new TempRepository();
            string outside = Path.Combine(Path.GetTempPath(), "gov-outside-" + Guid.NewGuid().ToString("N") + ".md");
            File.WriteAllText(outside, "SECRET\n");
            try
            {
                File.CreateSymbolicLink(Path.Combine(repo.Root, "docs", "secret.md"), outside);
                await using var client = new LspTestClient(repo.Root);
                client.Initialize();
                client.Diagnostics(Cancel);
                string text = repo.Read(Cancel) + "\n[secret](../secret.md) [spec](../../Example_Master_Spec_v01.2.md)\n";
                int line = repo.Read(Cancel).Split('\n').Length;
                client.Open(Cancel, text);
                var links = Eventually(() => client.Request("textDocument/documentLink", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = client.UriOf(Cancel) } }).GetProperty("result"));
                Assert.Equal(new[] { client.UriOf(Spec) }, links.EnumerateArray().Select(l => l.GetProperty("target").GetString()));
                Assert.Equal(JsonValueKind.Null, client.At("textDocument/definition", Cancel, line, 3).ValueKind);
            }
            finally
            {
                File.Delete(outside);
            }
        }

        [Fact]
        public async Task A_request_about_a_document_edited_since_the_last_analysis_waits_for_the_next_one()
        {
            using var repo = new TempRepository();
            await using var client = new LspTestClient(repo.Root, new ServerOptions { Debounce = TimeSpan.FromSeconds(30), Today = new DateTime(2026, 12, 2) });
            client.Initialize();
            client.Diagnostics(Cancel);
            client.Open(Storage, repo.Read(Storage));
            client.Change(Storage, 2, 8, 10, 8, 23, "Ready-for-Dve");
            Assert.Equal(JsonValueKind.Null, client.At("textDocument/hover", Storage, 57, 22).ValueKind);
            Assert.Empty(client.CodeActions(Storage, 8, 12, 8, 12).EnumerateArray());
        }
    }
}
