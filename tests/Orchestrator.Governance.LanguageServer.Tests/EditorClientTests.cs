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
    /// What clients that behave unlike Neovim and VS Code need (issue 31, D1-D3, found with Emacs's
    /// eglot): every didOpen gets the document's current diagnostics, an editor's lock file is no
    /// document and no reason to walk the repository again, and hover follows contentFormat.
    /// </summary>
    public sealed class EditorClientTests
    {
        private const string Cancel = "docs/task_packets/WP-1-Job-Cancel.md";
        private const string Retry = "docs/task_packets/WP-1-Job-Retry.md";
        private const string Storage = "docs/task_packets/WP-1-Storage-Layer.md";

        private static string[] Codes(JsonElement published) =>
            published.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()!).ToArray();

        [Fact]
        public async Task Each_didOpen_publishes_the_document_s_diagnostics_again_even_when_unchanged()
        {
            using var repo = new TempRepository();
            await using var client = new LspTestClient(repo.Root);
            client.Initialize();
            var first = Codes(client.Diagnostics(Cancel));
            Assert.Contains("GOV107", first);
            client.Diagnostics(Retry);

            // Opened one after the other, as eglot does (it keeps nothing of a file that is not open).
            client.Open(Cancel, repo.Read(Cancel));
            Assert.Equal(first, Codes(client.Diagnostics(Cancel)));
            client.Open(Retry, repo.Read(Retry));
            Assert.Equal(new[] { "GOV105", "GOV106" }, Codes(client.Diagnostics(Retry)));

            // A clean packet opened: its empty list, so the client shows it checked.
            client.Open(Storage, repo.Read(Storage));
            Assert.Empty(Codes(client.Diagnostics(Storage)));
        }

        [Fact]
        public async Task Diagnostics_are_published_again_after_a_change_of_configuration()
        {
            using var repo = new TempRepository();
            await using var client = new LspTestClient(repo.Root);
            client.Initialize();
            client.Diagnostics(Cancel);
            client.Diagnostics(Retry);
            client.Open("governance.yml", "severity:\n  GOV999x: error\n");
            var retry = Codes(client.Diagnostics(Retry));
            Assert.Equal(new[] { "GOV105", "GOV106" }, retry);
        }

        [Fact]
        public async Task An_editor_s_lock_file_is_no_document_and_no_change_of_the_repository()
        {
            using var repo = new TempRepository();
            string lockFile = Path.Combine(repo.Root, "docs", "task_packets", ".#WP-1-Job-Cancel.md");
            File.CreateSymbolicLink(lockFile, "user@host.1234:1700000000");
            await using var client = new LspTestClient(repo.Root);
            client.Initialize();
            client.Diagnostics(Cancel);
            client.Open(Cancel, repo.Read(Cancel));
            client.Diagnostics(Cancel);
            client.Notify("workspace/didChangeWatchedFiles", new JsonObject
            {
                ["changes"] = new JsonArray(new JsonObject { ["uri"] = client.UriOf("docs/task_packets/.#WP-1-Job-Cancel.md"), ["type"] = 1 }),
            });
            client.Change(Cancel, 2, 8, 10, 8, 21, "Almost!");
            var published = client.Diagnostics(Cancel);
            Assert.Contains("GOV107", Codes(published));
            Assert.DoesNotContain(client.Seen(), m => m.GetRawText().Contains(".#WP-1-Job-Cancel.md", StringComparison.Ordinal));
            Assert.DoesNotContain(client.Seen(), m => m.TryGetProperty("method", out var x) && x.GetString() == "window/logMessage" && m.GetProperty("params").GetProperty("message").GetString()!.Contains("read from disk", StringComparison.Ordinal) && m.GetProperty("params").GetProperty("message").GetString()!.Contains("1 published", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_line_that_made_the_engine_throw_leaves_the_diagnostics_published()
        {
            // issue 31, H1: 15 KB of "<a " in a linked document left the server publishing nothing.
            using var repo = new TempRepository();
            File.WriteAllText(Path.Combine(repo.Root, "docs", "notes.md"), "# Notes\n\n" + string.Concat(Enumerable.Repeat("<a ", 5000)) + "\n");
            await using var client = new LspTestClient(repo.Root);
            client.Initialize();
            Assert.Contains("GOV107", Codes(client.Diagnostics(Cancel)));
            Assert.Equal(new[] { "GOV105", "GOV106" }, Codes(client.Diagnostics(Retry)));
        }

        [Fact]
        public async Task Hover_is_plain_text_for_a_client_that_asks_for_it()
        {
            using var repo = new TempRepository();
            await using var client = new LspTestClient(repo.Root);
            client.Request("initialize", new JsonObject
            {
                ["processId"] = null,
                ["rootUri"] = new Uri(repo.Root).AbsoluteUri,
                ["capabilities"] = new JsonObject
                {
                    ["textDocument"] = new JsonObject { ["hover"] = new JsonObject { ["contentFormat"] = new JsonArray("plaintext", "markdown") } },
                },
            });
            client.Notify("initialized", new JsonObject());
            client.Diagnostics(Cancel);
            client.Open(Cancel, repo.Read(Cancel));
            client.Diagnostics(Cancel);
            var hover = client.At("textDocument/hover", Cancel, 8, 12).GetProperty("contents");
            Assert.Equal("plaintext", hover.GetProperty("kind").GetString());
            string value = hover.GetProperty("value").GetString()!;
            Assert.StartsWith($"GOV107: {Rules.RuleCatalog.Find("GOV107")!.Title}\nSTATUS 'Almost done' is not an allowed value", value);
            Assert.DoesNotContain("**", value);
            Assert.DoesNotContain("](", value);
        }
    }
}
