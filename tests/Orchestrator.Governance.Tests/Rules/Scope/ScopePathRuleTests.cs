using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules.Scope
{
    /// <summary>
    /// GOV501-GOV504 on the shared valid packet, whose IN_SCOPE_PATHS (line 14) lists
    /// "  * src/storage/mod.rs" on line 15 (the path from column 5) and OUT_OF_SCOPE (line 16)
    /// "  * Migrations rewrite" on line 17.
    /// </summary>
    public class ScopePathRuleTests
    {
        private static readonly string[] Files = { "src/storage/mod.rs", "src/storage/sqlite.rs", "src/api/jobs.rs", "justfile" };

        private static GovernanceResult Analyze(string inScope, string outOfScope = "  * Migrations rewrite\n", string[]? files = null)
        {
            string text = Packets.Valid.Replace("  * src/storage/mod.rs\n", inScope).Replace("  * Migrations rewrite\n", outOfScope);
            var inputs = new[]
            {
                DocumentInput.FromText(Packets.Path, text),
                DocumentInput.FromText(Orchestrator.Governance.Testing.ValidPacket.SpecPath, Orchestrator.Governance.Testing.ValidPacket.SpecText),
                DocumentInput.FromText(Orchestrator.Governance.Testing.ValidPacket.PointerPath, Orchestrator.Governance.Testing.ValidPacket.PointerText),
            };
            return GovernanceEngine.Analyze(inputs, new AnalysisOptions { RepositoryFiles = files ?? Files });
        }

        private static string Scope(GovernanceResult result) => string.Join("\n", result.Diagnostics.Where(d => d.Id.StartsWith("GOV5"))
            .Select(d => $"({d.Span.StartLine},{d.Span.StartColumn}) {d.Id} [{string.Join(" | ", d.Arguments)}]"));

        [Fact]
        public void Exact_existing_files_and_new_files_marked_new_pass()
        {
            var result = Analyze("  * src/storage/mod.rs\n  * `src/api/jobs.rs`\n  * src/storage/postgres.rs (new)\n  * justfile\n");
            Assert.Empty(result.Diagnostics);
        }

        [Fact]
        public void Folders_prose_and_globs_are_GOV501_at_the_entry()
        {
            var result = Analyze("  * src/storage/\n  * src/api\n  * Everything related to storage\n  * src/storage/*.rs\n");
            Assert.Equal(
                "(15,5) GOV501 [src/storage/ | a folder]\n" +
                "(16,5) GOV501 [src/api | a folder]\n" +
                "(17,5) GOV501 [Everything related to storage | prose, not a path]\n" +
                "(18,5) GOV501 [src/storage/*.rs | a glob (scope.allowGlobs is false)]",
                Scope(result));
        }

        [Fact]
        public void A_group_label_is_read_through_to_the_paths_below_it()
        {
            var result = Analyze("  * Backend (Rust):\n    * src/storage/mod.rs\n    * src/storage/gone.rs\n");
            Assert.Equal("(17,7) GOV502 [src/storage/gone.rs]", Scope(result));
        }

        [Fact]
        public void A_missing_file_offers_the_new_marker_which_fix_applies_only_when_asked_and_then_passes()
        {
            string inScope = "  * src/storage/typo.rs\n";
            var result = Analyze(inScope);
            var d = Assert.Single(result.Of("GOV502"));
            var fix = d.Fixes.First(f => !f.IsSuppression);
            Assert.Equal(("Mark 'src/storage/typo.rs' as a file the packet creates (new)", false), (fix.Title, fix.AppliedByDefault));
            var edit = Assert.Single(fix.Edits);
            Assert.Equal(" (new)", edit.NewText);
            Assert.Equal(0, edit.Length);
            string packet = Packets.Valid.Replace("  * src/storage/mod.rs\n", inScope);
            string marked = packet.Insert(edit.Start, edit.NewText);
            Assert.Contains("  * src/storage/typo.rs (new)\n", marked);
            var again = GovernanceEngine.Analyze(new[]
            {
                DocumentInput.FromText(Packets.Path, marked),
                DocumentInput.FromText(Orchestrator.Governance.Testing.ValidPacket.SpecPath, Orchestrator.Governance.Testing.ValidPacket.SpecText),
                DocumentInput.FromText(Orchestrator.Governance.Testing.ValidPacket.PointerPath, Orchestrator.Governance.Testing.ValidPacket.PointerText),
            }, new AnalysisOptions { RepositoryFiles = Files });
            Assert.Empty(again.Of("GOV502"));
        }

        [Theory]
        [InlineData("  * `src/storage/typo.rs`\n", "  * `src/storage/typo.rs` (new)\n")]
        [InlineData("  * `Justfile`\n", "  * `Justfile` (new)\n")]
        [InlineData("  * Justfile\n", "  * Justfile (new)\n")]
        [InlineData("  * src/storage/typo.rs, src/storage/other.rs\n", "  * src/storage/typo.rs (new), src/storage/other.rs\n")]
        public void The_new_marker_goes_after_the_entry_as_written_and_a_second_run_finds_nothing_to_fix(string inScope, string expected)
        {
            string marked = ApplyNewMarkerFixes(inScope, out int applied);
            Assert.Equal(1, applied);
            Assert.Contains(expected, marked);
            var again = AnalyzeText(marked);
            Assert.Equal(string.Empty, Scope(again));
            Assert.Equal(marked, ApplyNewMarkerFixes(marked, out int second, whole: true));
            Assert.Equal(0, second);
        }

        [Theory]
        [InlineData("  * Everything related to storage (new module)\n", "(15,5) GOV501 [Everything related to storage (new module) | prose, not a path]")]
        [InlineData("  * Storage layer [new]\n", "(15,5) GOV501 [Storage layer [new] | prose, not a path]")]
        public void A_new_marker_later_in_prose_does_not_make_the_words_a_path(string inScope, string expected)
        {
            Assert.Equal(expected, Scope(Analyze(inScope)));
        }

        [Theory]
        [InlineData("- **IN_SCOPE_PATHS**: `src/storage/typo.rs`\n", "- **IN_SCOPE_PATHS**: `src/storage/typo.rs` (new)\n")]
        [InlineData("- **IN_SCOPE_PATHS**: **src/storage/typo.rs**\n", "- **IN_SCOPE_PATHS**: **src/storage/typo.rs** (new)\n")]
        public void In_a_plain_value_the_marker_goes_after_the_closing_backtick_or_emphasis(string field, string expected)
        {
            string text = Packets.Valid.Replace("- **IN_SCOPE_PATHS**:\n  * src/storage/mod.rs\n", field);
            Assert.NotEqual(Packets.Valid, text);
            string marked = ApplyNewMarkerFixes(text, out int applied, whole: true);
            Assert.Equal(1, applied);
            Assert.Contains(expected, marked);
            Assert.Equal(string.Empty, Scope(AnalyzeText(marked)));
        }

        [Theory]
        [InlineData("\\(new\\)$", "  * src/storage/typo.rs created here\n")]
        [InlineData("^\\(new\\)$", "  * src/storage/typo.rs, src/api/jobs.rs\n")]
        [InlineData("\\bcreated\\b", "  * src/storage/typo.rs\n")]
        public void No_fix_is_offered_when_no_marker_text_would_satisfy_the_configured_newMarkers(string marker, string inScope)
        {
            var config = DocumentInput.FromText("governance.yml", "scope:\n  newMarkers: ['" + marker + "']\n");
            var d = Assert.Single(AnalyzeText(Packets.Valid.Replace("  * src/storage/mod.rs\n", inScope), config).Of("GOV502"));
            Assert.DoesNotContain(d.Fixes, f => !f.IsSuppression);
        }

        [Fact]
        public void The_fix_writes_a_marker_that_the_configured_newMarkers_accept()
        {
            var config = DocumentInput.FromText("governance.yml", "scope:\n  newMarkers: ['\\[new\\]']\n");
            string text = Packets.Valid.Replace("  * src/storage/mod.rs\n", "  * src/storage/typo.rs\n");
            var d = Assert.Single(AnalyzeText(text, config).Of("GOV502"));
            var edit = Assert.Single(d.Fixes.First(f => !f.IsSuppression).Edits);
            Assert.Equal(" [new]", edit.NewText);
            Assert.Empty(AnalyzeText(text.Insert(edit.Start, edit.NewText), config).Of("GOV502"));
        }

        /// <summary>Applies every GOV502 fix to the valid packet with <paramref name="inScope"/> as its IN_SCOPE_PATHS (or to the whole packet text).</summary>
        private static string ApplyNewMarkerFixes(string inScope, out int applied, bool whole = false)
        {
            string text = whole ? inScope : Packets.Valid.Replace("  * src/storage/mod.rs\n", inScope);
            var edits = AnalyzeText(text).Of("GOV502").SelectMany(d => d.Fixes.First(f => !f.IsSuppression).Edits).OrderByDescending(e => e.Start).ToList();
            applied = edits.Count;
            foreach (var e in edits) text = text.Remove(e.Start, e.Length).Insert(e.Start, e.NewText);
            return text;
        }

        private static GovernanceResult AnalyzeText(string packet, DocumentInput? config = null)
        {
            var inputs = new List<DocumentInput>
            {
                DocumentInput.FromText(Packets.Path, packet),
                DocumentInput.FromText(Orchestrator.Governance.Testing.ValidPacket.SpecPath, Orchestrator.Governance.Testing.ValidPacket.SpecText),
                DocumentInput.FromText(Orchestrator.Governance.Testing.ValidPacket.PointerPath, Orchestrator.Governance.Testing.ValidPacket.PointerText),
            };
            if (config != null) inputs.Add(config);
            return GovernanceEngine.Analyze(inputs, new AnalysisOptions { RepositoryFiles = Files });
        }

        [Fact]
        public void A_missing_file_is_GOV502_only_when_the_host_handed_over_the_file_list()
        {
            Assert.Equal("(15,5) GOV502 [src/storage/typo.rs]", Scope(Analyze("  * src/storage/typo.rs\n")));
            string text = Packets.Valid.Replace("  * src/storage/mod.rs\n", "  * src/storage/typo.rs\n");
            Assert.Empty(Packets.Analyze(text).Diagnostics);
        }

        [Fact]
        public void Paths_outside_the_repository_are_GOV503_and_never_looked_up()
        {
            var result = Analyze("  * ../secrets/key.pem\n  * /etc/passwd\n  * src/../../x.rs\n");
            Assert.Equal(
                "(15,5) GOV503 [../secrets/key.pem]\n" +
                "(16,5) GOV503 [/etc/passwd]\n" +
                "(17,5) GOV503 [src/../../x.rs]",
                Scope(result));
        }

        [Fact]
        public void A_path_also_named_out_of_scope_is_GOV504_naming_the_line()
        {
            var result = Analyze("  * src/storage/mod.rs\n  * ./src/api/jobs.rs\n", "  * Migrations rewrite\n  * Any changes to `src/api/jobs.rs` (owned by WP-1-Jobs)\n");
            Assert.Equal("(16,5) GOV504 [./src/api/jobs.rs | 19]", Scope(result));
        }
    }
}
