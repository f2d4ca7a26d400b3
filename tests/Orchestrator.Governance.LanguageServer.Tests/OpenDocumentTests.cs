using System.Linq;
using System.Text.Json;
using Orchestrator.Governance.LanguageServer.Protocol;
using Orchestrator.Governance.LanguageServer.Workspace;
using Xunit;

namespace Orchestrator.Governance.LanguageServer.Tests
{
    /// <summary>Incremental text sync (LSP 3.17 TextDocumentContentChangeEvent) and UTF-16 positions.</summary>
    public sealed class OpenDocumentTests
    {
        private static JsonElement[] Changes(string json) => JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();

        private static string Range(int l1, int c1, int l2, int c2, string text) =>
            $"{{\"range\":{{\"start\":{{\"line\":{l1},\"character\":{c1}}},\"end\":{{\"line\":{l2},\"character\":{c2}}}}},\"text\":{JsonSerializer.Serialize(text)}}}";

        [Fact]
        public void Ranged_changes_apply_in_order_over_CRLF_LF_and_CR_line_breaks()
        {
            var doc = new OpenDocument("file:///r/a.md", "a.md", 1, "one\r\ntwo\nthree\rfour");
            doc.Apply(2, Changes("[" + Range(1, 0, 1, 3, "TWO") + "," + Range(3, 4, 3, 4, "!") + "," + Range(2, 0, 2, 5, "3") + "]"));
            Assert.Equal("one\r\nTWO\n3\rfour!", doc.Text);
            Assert.Equal(2, doc.Version);
        }

        [Fact]
        public void Characters_count_UTF16_code_units_so_a_surrogate_pair_is_two()
        {
            var doc = new OpenDocument("file:///r/a.md", "a.md", 1, "a\U0001F600b");
            doc.Apply(2, Changes("[" + Range(0, 3, 0, 4, "B") + "]"));
            Assert.Equal("a\U0001F600B", doc.Text);
        }

        [Fact]
        public void A_position_past_its_line_is_the_line_end_and_a_line_past_the_text_is_the_text_end()
        {
            var doc = new OpenDocument("file:///r/a.md", "a.md", 1, "ab\ncd");
            doc.Apply(2, Changes("[" + Range(0, 99, 1, 0, "") + "]"));
            Assert.Equal("abcd", doc.Text);
            doc.Apply(3, Changes("[" + Range(7, 0, 9, 9, "!") + "]"));
            Assert.Equal("abcd!", doc.Text);
        }

        [Fact]
        public void A_change_without_a_range_replaces_the_text_and_one_without_text_is_skipped()
        {
            var doc = new OpenDocument("file:///r/a.md", "a.md", 1, "old");
            doc.Apply(2, Changes("[{\"text\":\"new\"},{\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":0,\"character\":3}}}]"));
            Assert.Equal("new", doc.Text);
        }

        [Fact]
        public void Offsets_and_positions_round_trip()
        {
            var lines = new LineIndex("ab\r\ncd\n\nef");
            Assert.Equal(4, lines.LineCount);
            Assert.Equal((1, 1), lines.PositionOf(5));
            Assert.Equal(5, lines.OffsetOf(1, 1));
            Assert.Equal(2, lines.OffsetOf(0, 5));
            Assert.Equal((3, 0), lines.PositionOf(8));
        }
    }
}
