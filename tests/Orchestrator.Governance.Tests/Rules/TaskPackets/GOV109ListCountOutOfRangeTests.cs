using System.Linq;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules.TaskPackets
{
    public class GOV109ListCountOutOfRangeTests
    {
        [Fact]
        public void Three_FILES_TO_OPEN_is_reported_at_the_key()
        {
            string text = Packets.WithLines((31, "- **{|#0:FILES_TO_OPEN|}**:"), (35, "")).Replace("  * src/storage/sqlite.rs\n", "");
            EngineMarkup.Packet(text)
                .Expect(0, "GOV109", "FILES_TO_OPEN", "3", "5", "15")
                .Verify();
        }

        [Fact]
        public void Entries_written_as_a_code_block_or_a_table_count()
        {
            string text = Packets.Valid.Replace(
                "- **FILES_TO_OPEN**:\n  * docs/START_HERE.md\n  * docs/SPEC_CURRENT.md\n  * docs/ARCHITECTURE.md\n  * src/storage/mod.rs\n  * src/storage/sqlite.rs\n",
                "### FILES_TO_OPEN\n```\ndocs/START_HERE.md\ndocs/SPEC_CURRENT.md\ndocs/ARCHITECTURE.md\nsrc/storage/mod.rs\nsrc/storage/sqlite.rs\n```\n\n")
                .Replace(
                "- **RISK_MAP**:\n  * \"Migration fails\" -> Storage layer\n  * \"IPC contract breaks\" -> Tauri bridge\n  * \"Hollow trait\" -> Portability\n",
                "### RISK_MAP\n| Risk | Subsystem |\n|---|---|\n| Migration fails | Storage |\n| IPC breaks | Tauri |\n| Hollow trait | Portability |\n");
            EngineMarkup.Packet(text).Verify();
        }

        [Fact]
        public void Twenty_one_SEARCH_TERMS_is_too_many()
        {
            string extra = string.Concat(Enumerable.Range(1, 11).Select(i => $"  * \"term{i}\"\n"));
            string text = Packets.WithLine(37, "- **{|#0:SEARCH_TERMS|}**:").Replace("  * \"AppState\"\n", "  * \"AppState\"\n" + extra);
            EngineMarkup.Packet(text)
                .Expect(0, "GOV109", "SEARCH_TERMS", "21", "10", "20")
                .Verify();
        }
    }
}
