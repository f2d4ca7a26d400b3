using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Orchestrator.Governance.Mcp.Tests
{
    /// <summary>
    /// The server on the Handshake corpus (../shared/corpus/handshake beside the repository; read
    /// only: no tool that writes is called): every task packet through <c>packet</c>,
    /// <c>ready_to_close</c> and <c>scope_check</c>, each result validated against the output schema
    /// its tool declares (a client such as the MCP Inspector rejects a result that is not).
    /// </summary>
    public sealed class CorpusTests
    {
        [Fact]
        public async Task Every_corpus_packet_s_results_match_the_tools_output_schemas()
        {
            string corpus = TestPaths.Corpus();
            var packets = Directory.EnumerateFiles(Path.Combine(corpus, "docs", "task_packets"), "WP-*.md").Select(f => Path.GetFileNameWithoutExtension(f)!).OrderBy(n => n, StringComparer.Ordinal).ToList();
            Assert.True(packets.Count > 100, $"{packets.Count} packets");
            await using var client = await McpServerTests.Start(corpus);
            int unresolved = 0, ready = 0;
            foreach (string id in packets)
            {
                var packet = await McpServerTests.Call(client, "packet", new Dictionary<string, object?> { ["id"] = id });
                unresolved += packet.GetProperty("specAnchor").EnumerateArray().Count(a => !a.GetProperty("resolved").GetBoolean());
                var close = await McpServerTests.Call(client, "ready_to_close", new Dictionary<string, object?> { ["id"] = id, ["target"] = "Done" });
                if (close.GetProperty("ready").GetBoolean()) ready++;
                await McpServerTests.Call(client, "scope_check", new Dictionary<string, object?> { ["id"] = id, ["files"] = new[] { "src/backend/handshake_core/src/lib.rs" } });
            }

            // Anchors that resolve to no section are in the corpus (their section is null in the result).
            Assert.True(unresolved > 0);
            Assert.True(ready < packets.Count);
            var section = await McpServerTests.Call(client, "spec_section", new Dictionary<string, object?> { ["query"] = "2.3.12" });
            Assert.Equal("number", section.GetProperty("matchedBy").GetString());
            // The spec numbers two sections 11.7.5: both are given.
            var twice = await McpServerTests.Call(client, "spec_section", new Dictionary<string, object?> { ["query"] = "11.7.5" });
            Assert.Equal(new[] { 43376, 58404 }, twice.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("line").GetInt32()));
            await McpServerTests.Call(client, "check", new Dictionary<string, object?> { ["limit"] = 500 });

            // The board lists WP-1-Global-Silent-Edit-Guard as STUB (line 60) and as VALIDATED (line 105): the
            // tools read the entry GOV304 compares, VALIDATED.
            var guard = await McpServerTests.Call(client, "packet", new Dictionary<string, object?> { ["id"] = "WP-1-Global-Silent-Edit-Guard" });
            Assert.Equal("VALIDATED", guard.GetProperty("boardStatus").GetString());
            var guardClose = await McpServerTests.Call(client, "ready_to_close", new Dictionary<string, object?> { ["id"] = "WP-1-Global-Silent-Edit-Guard", ["target"] = "Done" });
            Assert.Equal("docs/TASK_BOARD.md lists WP-1-Global-Silent-Edit-Guard as 'VALIDATED' (line 105), which agrees with 'Done'", Reason(guardClose, "board"));

            // WP-1-Storage-Foundation-20251228.md declares TASK_ID WP-1-Storage-Foundation-v2: either ID names it, and
            // the board's entry is the one under its file name (SUPERSEDED, line 154).
            foreach (string id in new[] { "WP-1-Storage-Foundation-20251228", "WP-1-Storage-Foundation-v2" })
            {
                var foundation = await McpServerTests.Call(client, "packet", new Dictionary<string, object?> { ["id"] = id });
                Assert.Equal(id, foundation.GetProperty("id").GetString());
                Assert.Equal("docs/task_packets/WP-1-Storage-Foundation-20251228.md", foundation.GetProperty("file").GetString());
                Assert.Equal("SUPERSEDED", foundation.GetProperty("boardStatus").GetString());
                var foundationClose = await McpServerTests.Call(client, "ready_to_close", new Dictionary<string, object?> { ["id"] = id, ["target"] = "Done" });
                Assert.Equal(id, foundationClose.GetProperty("id").GetString());
                Assert.Equal("docs/TASK_BOARD.md lists WP-1-Storage-Foundation-20251228 as 'SUPERSEDED' (line 154); move it to the board's status for 'Done' in the same change", Reason(foundationClose, "board"));
            }

            // DONE_MEANS items that cite nothing and share too few words with any requirement fail the gate, even
            // where no rule reports them (the one anchored section, §10.2.2.2, states no requirement to compare with).
            var gateCheck = await McpServerTests.Call(client, "ready_to_close", new Dictionary<string, object?> { ["id"] = "WP-1-Gate-Check-Tool", ["target"] = "Done" });
            Assert.False(gateCheck.GetProperty("ready").GetBoolean());
            var mapped = gateCheck.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("gate").GetString() == "doneMeansMapped");
            Assert.False(mapped.GetProperty("passed").GetBoolean());
            Assert.Equal("3 DONE_MEANS item(s), measurable: 0 mapped to requirements, 0 gate(s); 3 map to nothing (line(s) 47, 48, 49): each must cite or restate a requirement of the anchored sections",
                mapped.GetProperty("reason").GetString());
        }

        private static string? Reason(System.Text.Json.JsonElement result, string gate) =>
            result.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("gate").GetString() == gate).GetProperty("reason").GetString();
    }
}
