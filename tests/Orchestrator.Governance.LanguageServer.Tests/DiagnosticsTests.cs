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
    /// <summary>
    /// publishDiagnostics end to end on the example repository: what the server publishes after
    /// initialized, after an edit that adds a defect, after the fix, and across documents.
    /// </summary>
    public sealed class DiagnosticsTests
    {
        private const string Cancel = "docs/task_packets/WP-1-Job-Cancel.md";
        private const string Retry = "docs/task_packets/WP-1-Job-Retry.md";
        private const string Storage = "docs/task_packets/WP-1-Storage-Layer.md";

        private static string Summary(JsonElement diagnostic)
        {
            var r = diagnostic.GetProperty("range");
            return $"{diagnostic.GetProperty("code").GetString()} {r.GetProperty("start").GetProperty("line").GetInt32()}:{r.GetProperty("start").GetProperty("character").GetInt32()}-"
                + $"{r.GetProperty("end").GetProperty("line").GetInt32()}:{r.GetProperty("end").GetProperty("character").GetInt32()} s{diagnostic.GetProperty("severity").GetInt32()} {diagnostic.GetProperty("message").GetString()}";
        }

        [Fact]
        public async Task After_initialized_every_governance_document_with_findings_is_published_open_or_not()
        {
            using var repo = new TempRepository();
            await using var client = new LspTestClient(repo.Root);
            var capabilities = client.Initialize().GetProperty("capabilities");
            Assert.Equal(2, capabilities.GetProperty("textDocumentSync").GetProperty("change").GetInt32());
            Assert.Equal("utf-16", capabilities.GetProperty("positionEncoding").GetString());

            // No document is open: the packets with findings are published all the same.
            var cancel = client.Diagnostics(Cancel).GetProperty("diagnostics").EnumerateArray().ToList();
            Assert.Equal(
                new[]
                {
                    "GOV106 3:11-3:26 s1 TASK_ID 'WP-1-Job-Cancel' is also declared in docs/task_packets/WP-1-Job-Retry.md",
                    "GOV108 4:8-4:18 s1 DATE '21/12/2025' is not an ISO 8601 date or timestamp (e.g. 2025-12-26 or 2025-12-26T14:30:00Z)",
                    "GOV107 8:10-8:21 s1 STATUS 'Almost done' is not an allowed value (allowed: Ready-for-Dev, In-Progress, Blocked, Done, Validated)",
                },
                cancel.Take(3).Select(Summary));
            Assert.Equal(8, cancel.Count);
            var first = cancel[0];
            Assert.Equal("governance", first.GetProperty("source").GetString());
            string href = first.GetProperty("codeDescription").GetProperty("href").GetString()!;
            Assert.StartsWith("file://", href);
            Assert.EndsWith("/docs/rules/GOV106.md", href);
            Assert.True(File.Exists(new Uri(href).LocalPath));

            var retry = client.Diagnostics(Retry).GetProperty("diagnostics").EnumerateArray().Select(Summary).ToList();
            Assert.Equal(
                new[]
                {
                    "GOV105 3:11-3:26 s1 TASK_ID 'WP-1-Job-Cancel' does not match the file name 'WP-1-Job-Retry'",
                    "GOV106 3:11-3:26 s1 TASK_ID 'WP-1-Job-Cancel' is also declared in docs/task_packets/WP-1-Job-Cancel.md",
                },
                retry);
        }

        [Fact]
        public async Task With_helpBaseUrl_each_published_diagnostic_links_to_the_repository_s_address()
        {
            // Issue 34: governance.yml's helpBaseUrl takes the place of the page shipped with the server.
            using var repo = new TempRepository();
            File.AppendAllText(Path.Combine(repo.Root, "governance.yml"), "\nhelpBaseUrl: https://docs.example.org/governance/rules\n");
            await using var client = new LspTestClient(repo.Root);
            client.Initialize();
            var cancel = client.Diagnostics(Cancel).GetProperty("diagnostics").EnumerateArray().ToList();
            Assert.Equal("GOV106 3:11-3:26 s1 TASK_ID 'WP-1-Job-Cancel' is also declared in docs/task_packets/WP-1-Job-Retry.md", Summary(cancel[0]));
            Assert.Equal(8, cancel.Count);
            Assert.All(cancel, d => Assert.Equal("https://docs.example.org/governance/rules/" + d.GetProperty("code").GetString() + ".md", d.GetProperty("codeDescription").GetProperty("href").GetString()));
        }

        [Fact]
        public async Task A_defect_typed_into_an_open_packet_is_published_at_its_range_and_cleared_when_fixed()
        {
            using var repo = new TempRepository();
            await using var client = new LspTestClient(repo.Root);
            client.Initialize();
            client.Diagnostics(Cancel);
            string text = repo.Read(Storage);
            client.Open(Storage, text);

            // Line 9 is "- STATUS: Ready-for-Dev": the value starts at character 10.
            Assert.Equal("- STATUS: Ready-for-Dev", text.Split('\n')[8].TrimEnd('\r'));
            client.Change(Storage, 2, 8, 10, 8, 23, "Nearly");
            var published = client.Diagnostics(Storage);
            Assert.Equal(2, published.GetProperty("version").GetInt32());
            Assert.Equal(
                new[] { "GOV107 8:10-8:16 s1 STATUS 'Nearly' is not an allowed value (allowed: Ready-for-Dev, In-Progress, Blocked, Done, Validated)" },
                published.GetProperty("diagnostics").EnumerateArray().Select(Summary));

            client.Change(Storage, 3, 8, 10, 8, 16, "Ready-for-Dev");
            var cleared = client.Diagnostics(Storage);
            Assert.Equal(3, cleared.GetProperty("version").GetInt32());
            Assert.Empty(cleared.GetProperty("diagnostics").EnumerateArray());
        }

        [Fact]
        public async Task An_edit_in_one_packet_republishes_the_other_packets_whose_diagnostics_changed()
        {
            using var repo = new TempRepository();
            await using var client = new LspTestClient(repo.Root);
            client.Initialize();
            Assert.Equal(8, client.Diagnostics(Cancel).GetProperty("diagnostics").GetArrayLength());
            client.Diagnostics(Retry);
            client.Open(Retry, repo.Read(Retry));

            // Retry declared Cancel's TASK_ID (GOV105, and GOV106 in both): give it its own.
            client.Change(Retry, 2, 3, 11, 3, 26, "WP-1-Job-Retry");
            Assert.Empty(client.Diagnostics(Retry).GetProperty("diagnostics").EnumerateArray());
            var cancel = client.Diagnostics(Cancel).GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToList();
            Assert.Equal(new[] { "GOV108", "GOV107", "GOV112", "GOV110", "GOV109", "GOV204", "GOV111" }, cancel);

            // Closing the document without saving: the file on disk counts again, defects and all.
            client.Notify("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = client.UriOf(Retry) } });
            Assert.Equal(2, client.Diagnostics(Retry).GetProperty("diagnostics").GetArrayLength());
            Assert.Equal(8, client.Diagnostics(Cancel).GetProperty("diagnostics").GetArrayLength());
        }

        [Fact]
        public async Task A_file_changed_on_disk_is_read_again_after_didChangeWatchedFiles()
        {
            using var repo = new TempRepository();
            await using var client = new LspTestClient(repo.Root);
            client.Initialize();
            var registration = client.WaitFor(m => m.TryGetProperty("method", out var x) && x.GetString() == "client/registerCapability", "the watched-files registration");
            Assert.Equal("workspace/didChangeWatchedFiles", registration.GetProperty("params").GetProperty("registrations")[0].GetProperty("method").GetString());
            client.Diagnostics(Retry);

            string path = Path.Combine(repo.Root, Retry);
            File.WriteAllText(path, File.ReadAllText(path).Replace("TASK_ID: WP-1-Job-Cancel", "TASK_ID: WP-1-Job-Retry"));
            client.Notify("workspace/didChangeWatchedFiles", new JsonObject { ["changes"] = new JsonArray(new JsonObject { ["uri"] = client.UriOf(Retry), ["type"] = 2 }) });
            Assert.Empty(client.Diagnostics(Retry).GetProperty("diagnostics").EnumerateArray());

            // A governance document changed on disk is read again alone, not the whole repository.
            var log = client.WaitFor(m => m.TryGetProperty("method", out var x) && x.GetString() == "window/logMessage"
                && m.GetProperty("params").GetProperty("message").GetString()!.Contains(" read again ", StringComparison.Ordinal), "the analysis log");
            Assert.Matches(@"^governance: checked 6 documents in \d+ ms \(1 read again \d+ ms, engine \d+ ms with [1-9]\d* documents and \d+ packet rule results reused, 2 published in \d+ ms\)$", log.GetProperty("params").GetProperty("message").GetString());
        }

        [Fact]
        public async Task A_whole_session_writes_no_file()
        {
            using var repo = new TempRepository();
            var before = repo.Hashes();
            await using (var client = new LspTestClient(repo.Root))
            {
                client.Initialize();
                client.Diagnostics(Cancel);
                client.Open(Cancel, repo.Read(Cancel));
                client.Change(Cancel, 2, 8, 10, 8, 21, "Done");
                client.Diagnostics(Cancel);
                client.Notify("textDocument/didSave", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = client.UriOf(Cancel) } });
                client.Request("shutdown", null);
                client.Notify("exit", null);
                Assert.Equal(0, await client.Run);
            }

            Assert.Equal(before, repo.Hashes());
        }
    }
}
