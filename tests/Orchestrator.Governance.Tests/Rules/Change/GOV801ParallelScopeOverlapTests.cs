using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules.Change
{
    /// <summary>
    /// GOV801 on two copies of the shared valid packet (WP-1-Storage-Layer and WP-1-Search-Index),
    /// whose STATUS is line 9 and whose IN_SCOPE_PATHS entries start on line 15 (the path from column 5).
    /// </summary>
    public class GOV801ParallelScopeOverlapTests
    {
        private const string Other = "docs/task_packets/WP-1-Search-Index.md";

        private static string Packet(string id, string status, string inScope) => Packets.Valid
            .Replace("WP-1-Storage-Layer", id)
            .Replace("- STATUS: Ready-for-Dev", "- STATUS: " + status)
            .Replace("  * src/storage/mod.rs\n", inScope);

        private static GovernanceResult Analyze(string storageStatus, string storageScope, string searchStatus, string searchScope, IReadOnlyCollection<string>? files = null, string? board = null)
        {
            var inputs = Packets.SpecInputs().Concat(new[]
            {
                DocumentInput.FromText(Packets.Path, Packet("WP-1-Storage-Layer", storageStatus, storageScope)),
                DocumentInput.FromText(Other, Packet("WP-1-Search-Index", searchStatus, searchScope)),
            });
            if (board != null) inputs = inputs.Append(DocumentInput.FromText("docs/TASK_BOARD.md", board));
            return GovernanceEngine.Analyze(inputs, new AnalysisOptions { RepositoryFiles = files });
        }

        private static string Found(GovernanceResult result) => string.Join("\n", result.Of("GOV801")
            .Select(d => $"{d.Path}({d.Span.StartLine},{d.Span.StartColumn}) [{string.Join(" | ", d.Arguments)}]"));

        [Fact]
        public void The_same_file_in_two_packets_in_progress_is_reported_in_each()
        {
            var result = Analyze("In Progress", "  * src/storage/mod.rs\n", "In-Progress", "  * src/api/jobs.rs\n  * src/storage/mod.rs\n");
            Assert.Equal(
                "docs/task_packets/WP-1-Search-Index.md(16,5) [src/storage/mod.rs | src/storage/mod.rs | WP-1-Storage-Layer | In Progress | src/storage/mod.rs]\n" +
                "docs/task_packets/WP-1-Storage-Layer.md(15,5) [src/storage/mod.rs | src/storage/mod.rs | WP-1-Search-Index | In-Progress | src/storage/mod.rs]",
                Found(result));
            Assert.Equal("IN_SCOPE_PATHS entry 'src/storage/mod.rs' overlaps 'src/storage/mod.rs' of WP-1-Search-Index, which is also In-Progress: both may write src/storage/mod.rs", result.Of("GOV801").Last().Message);
        }

        [Theory]
        [InlineData("Ready-for-Dev", "In Progress")]
        [InlineData("Done", "In Progress")]
        [InlineData("Blocked", "Blocked")]
        public void A_packet_that_is_not_in_progress_shares_files_freely(string storage, string search)
        {
            Assert.Empty(Analyze(storage, "  * src/storage/mod.rs\n", search, "  * src/storage/mod.rs\n").Of("GOV801"));
        }

        [Fact]
        public void The_task_board_says_which_work_is_in_progress_where_it_lists_the_WP()
        {
            // Both packets still say In Progress, but the board has one of them validated: no parallel work.
            const string validated = "# Task Board\n\n## In Progress\n- **[WP-1-Storage-Layer]** - [IN_PROGRESS]\n\n## Done\n- **[WP-1-Search-Index]** - [VALIDATED]\n";
            Assert.Empty(Analyze("In Progress", "  * src/storage/mod.rs\n", "In Progress", "  * src/storage/mod.rs\n", board: validated).Of("GOV801"));
            // The board has both in progress, whatever the packets say.
            const string both = "# Task Board\n\n## In Progress\n- **[WP-1-Storage-Layer]** - [IN_PROGRESS]\n- **[WP-1-Search-Index]** - [IN_PROGRESS]\n";
            Assert.Equal(
                "docs/task_packets/WP-1-Search-Index.md(15,5) [src/storage/mod.rs | src/storage/mod.rs | WP-1-Storage-Layer | IN_PROGRESS | src/storage/mod.rs]\n" +
                "docs/task_packets/WP-1-Storage-Layer.md(15,5) [src/storage/mod.rs | src/storage/mod.rs | WP-1-Search-Index | IN_PROGRESS | src/storage/mod.rs]",
                Found(Analyze("Ready-for-Dev", "  * src/storage/mod.rs\n", "In Progress", "  * src/storage/mod.rs\n", board: both)));
        }

        [Fact]
        public void Different_files_do_not_overlap()
        {
            Assert.Empty(Analyze("In Progress", "  * src/storage/mod.rs\n", "In Progress", "  * src/storage/sqlite.rs\n  * src/storage_mod.rs\n").Of("GOV801"));
        }

        [Fact]
        public void A_file_inside_a_folder_the_other_owns_and_nested_folders_overlap()
        {
            Assert.Equal(
                "docs/task_packets/WP-1-Search-Index.md(15,5) [src/storage/ | src/storage/mod.rs | WP-1-Storage-Layer | In Progress | src/storage/mod.rs]\n" +
                "docs/task_packets/WP-1-Storage-Layer.md(15,5) [src/storage/mod.rs | src/storage/ | WP-1-Search-Index | In Progress | src/storage/mod.rs]",
                Found(Analyze("In Progress", "  * src/storage/mod.rs\n", "In Progress", "  * src/storage/\n")));
            Assert.Equal(
                "docs/task_packets/WP-1-Search-Index.md(15,5) [src/storage/ | src/ | WP-1-Storage-Layer | In Progress | src/storage/]\n" +
                "docs/task_packets/WP-1-Storage-Layer.md(15,5) [src/ | src/storage/ | WP-1-Search-Index | In Progress | src/storage/]",
                Found(Analyze("In Progress", "  * src/\n", "In Progress", "  * src/storage/\n")));
        }

        [Fact]
        public void A_glob_overlaps_the_files_it_matches_and_two_globs_overlap_on_the_repository_files_both_match()
        {
            Assert.Equal(
                "docs/task_packets/WP-1-Search-Index.md(15,5) [src/storage/*.rs | src/storage/mod.rs | WP-1-Storage-Layer | In Progress | src/storage/mod.rs]\n" +
                "docs/task_packets/WP-1-Storage-Layer.md(15,5) [src/storage/mod.rs | src/storage/*.rs | WP-1-Search-Index | In Progress | src/storage/mod.rs]",
                Found(Analyze("In Progress", "  * src/storage/mod.rs\n", "In Progress", "  * src/storage/*.rs\n")));

            var files = new[] { "src/storage/mod.rs", "src/storage/sqlite.rs", "src/storage/a.rs", "src/storage/b.rs", "src/api/jobs.rs", "src/storage/notes.md" };
            Assert.Equal(
                "docs/task_packets/WP-1-Search-Index.md(15,5) [src/storage/*.rs | src/**/*.rs | WP-1-Storage-Layer | In Progress | src/storage/a.rs, src/storage/b.rs, src/storage/mod.rs and 1 more]\n" +
                "docs/task_packets/WP-1-Storage-Layer.md(15,5) [src/**/*.rs | src/storage/*.rs | WP-1-Search-Index | In Progress | src/storage/a.rs, src/storage/b.rs, src/storage/mod.rs and 1 more]",
                Found(Analyze("In Progress", "  * src/**/*.rs\n", "In Progress", "  * src/storage/*.rs\n", files)));
            // Without the repository's files two globs cannot be compared: nothing is claimed.
            Assert.Empty(Analyze("In Progress", "  * src/**/*.rs\n", "In Progress", "  * src/storage/*.rs\n").Of("GOV801"));
        }

        private static readonly string[] Repository = { "src/storage/mod.rs", "src/api/jobs.rs", Testing.ValidPacket.SpecPath };

        /// <summary>The shared packet as <paramref name="id"/>, In Progress, its IN_SCOPE_PATHS item (line 15) replaced by <paramref name="inScope"/>.</summary>
        private static (string, string) InProgress(string id, string inScope) =>
            ("docs/task_packets/" + id + ".md", Packets.WithLines((9, "- STATUS: In Progress"), (15, inScope.TrimEnd('\n'))).Replace("WP-1-Storage-Layer", id));

        [Fact]
        public void Two_packets_that_will_create_the_same_file_overlap()
        {
            EngineMarkup.Documents(
                    InProgress("WP-1-Storage-Layer", "  * {|#0:src/storage/shared_by_both.rs|} (new)\n"),
                    InProgress("WP-1-Search-Index", "  * {|#1:src/storage/shared_by_both.rs|} (new)\n"))
                .Expect(0, "GOV801", "src/storage/shared_by_both.rs", "src/storage/shared_by_both.rs", "WP-1-Search-Index", "In Progress", "src/storage/shared_by_both.rs")
                .Expect(1, "GOV801", "src/storage/shared_by_both.rs", "src/storage/shared_by_both.rs", "WP-1-Storage-Layer", "In Progress", "src/storage/shared_by_both.rs")
                .Verify(new AnalysisOptions { RepositoryFiles = Repository });
        }

        [Fact]
        public void Two_packets_that_will_create_files_in_the_same_new_folder_overlap_on_the_folder()
        {
            // src/search/ does not exist: both packets create it. Files in folders that exist are theirs alone.
            EngineMarkup.Documents(
                    InProgress("WP-1-Storage-Layer", "  * {|#0:src/search/index.rs|} (new)\n  * src/storage/cache.rs (new)\n"),
                    InProgress("WP-1-Search-Index", "  * {|#1:src/search/query/mod.rs|} (new)\n  * src/storage/pool.rs (new)\n"))
                .Expect(0, "GOV801", "src/search/index.rs", "src/search/query/mod.rs", "WP-1-Search-Index", "In Progress", "src/search/")
                .Expect(1, "GOV801", "src/search/query/mod.rs", "src/search/index.rs", "WP-1-Storage-Layer", "In Progress", "src/search/")
                .Verify(new AnalysisOptions { RepositoryFiles = Repository });
        }

        [Fact]
        public void An_entry_many_packets_share_is_reported_once_naming_the_first_others_and_how_many_more()
        {
            // Six packets in progress own src/storage/mod.rs: each entry gets one diagnostic, not five.
            var ids = new[] { "WP-1-A", "WP-1-B", "WP-1-C", "WP-1-D", "WP-1-E", "WP-1-F" };
            var markup = EngineMarkup.Documents(ids.Select((id, i) => InProgress(id, "  * {|#" + i + ":src/storage/mod.rs|}\n")).ToArray());
            for (int i = 0; i < ids.Length; i++)
            {
                var others = ids.Where(o => o != ids[i]).ToList();
                markup.Expect(i, "GOV801", "src/storage/mod.rs", "src/storage/mod.rs",
                    $"{others[0]} (and 4 more packets in progress: {others[1]}, {others[2]}, {others[3]}, ...)", "In Progress", "src/storage/mod.rs");
            }

            markup.Verify(new AnalysisOptions { RepositoryFiles = Repository });
        }

        [Fact]
        public void Packets_that_write_the_same_glob_overlap_each_other_and_the_new_and_existing_files_it_matches()
        {
            // Issue 33: a glob many packets write is expanded once and found from the files it
            // matches; a new file is tested against each glob text once. The result is as before.
            EngineMarkup.Documents(
                    InProgress("WP-1-A", "  * {|#0:src/storage/*.rs|}\n"),
                    InProgress("WP-1-B", "  * {|#1:src/storage/*.rs|}\n"),
                    InProgress("WP-1-C", "  * {|#2:src/storage/fresh.rs|} (new)\n  * {|#3:src/storage/mod.rs|}\n  * src/api/other.rs (new)\n"))
                .Expect(0, "GOV801", "src/storage/*.rs", "src/storage/*.rs", "WP-1-B (and 1 more packet in progress: WP-1-C)", "In Progress", "src/storage/fresh.rs, src/storage/mod.rs")
                .Expect(0, "GOV501", "src/storage/*.rs", "a glob (scope.allowGlobs is false)")
                .Expect(1, "GOV801", "src/storage/*.rs", "src/storage/*.rs", "WP-1-A (and 1 more packet in progress: WP-1-C)", "In Progress", "src/storage/fresh.rs, src/storage/mod.rs")
                .Expect(1, "GOV501", "src/storage/*.rs", "a glob (scope.allowGlobs is false)")
                .Expect(2, "GOV801", "src/storage/fresh.rs", "src/storage/*.rs", "WP-1-A (and 1 more packet in progress: WP-1-B)", "In Progress", "src/storage/fresh.rs")
                .Expect(3, "GOV801", "src/storage/mod.rs", "src/storage/*.rs", "WP-1-A (and 1 more packet in progress: WP-1-B)", "In Progress", "src/storage/mod.rs")
                .Verify(new AnalysisOptions { RepositoryFiles = Repository });
        }

        [Fact]
        public void Prose_entries_own_nothing()
        {
            Assert.Empty(Analyze("In Progress", "  * Everything related to storage\n", "In Progress", "  * Everything related to storage\n").Of("GOV801"));
        }
    }
}
