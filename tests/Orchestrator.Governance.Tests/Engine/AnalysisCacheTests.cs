using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Xunit;

namespace Orchestrator.Governance.Tests.Engine
{
    /// <summary>
    /// <see cref="AnalysisCache"/>: an analysis that reuses an earlier one's reads and packet rule
    /// results gives exactly the diagnostics of one that does not, after every kind of edit; and it
    /// does reuse them.
    /// </summary>
    public class AnalysisCacheTests
    {
        private const string Second = "docs/task_packets/WP-1-Second-Packet.md";
        private const string Board = "docs/TASK_BOARD.md";
        private const string Adr = "docs/adr/0001-use-sqlite.md";
        private const string Guide = "docs/guide.md";

        private static Dictionary<string, string> Repository() => new Dictionary<string, string>
        {
            [Testing.ValidPacket.PointerPath] = Testing.ValidPacket.PointerText,
            [Testing.ValidPacket.SpecPath] = Testing.ValidPacket.SpecText,
            [Packets.Path] = Packets.Valid,
            [Second] = Packets.Valid.Replace("WP-1-Storage-Layer", "WP-1-Second-Packet"),
            [Board] = "# Task Board\n\n## In Progress\n- **[WP-1-Storage-Layer]** - [IN_PROGRESS]\n- **[WP-1-Second-Packet]** - [READY]\n",
            [Adr] = "# ADR 0001: Use SQLite\n\n## Status\nAccepted\n\n## Context\nWe need storage.\n\n## Decision\nSQLite.\n\n## Consequences\nOne file.\n",
            [Guide] = "# Guide\n\nSee [the packet](task_packets/WP-1-Storage-Layer.md) and [nothing](missing.md).\n\n<!-- governance-disable-next-line GOV999 -->\nText.\n",
        };

        private static List<DocumentInput> Inputs(Dictionary<string, string> files) =>
            files.OrderBy(f => f.Key, System.StringComparer.Ordinal).Select(f => DocumentInput.FromText(f.Key, f.Value)).ToList();

        /// <summary>Everything a host shows of a diagnostic: rule, place, severity, message, fixes and their edits.</summary>
        private static List<string> Render(GovernanceResult result) => result.Diagnostics
            .Select(d => $"{d.Id} {d.Path}({d.Span.StartLine},{d.Span.StartColumn},{d.Span.EndLine},{d.Span.EndColumn}) {d.Severity} {d.Message} [{string.Join(", ", d.Arguments)}] fp={d.Fingerprint} "
                + string.Join(" | ", d.Fixes.Select(f => f.Title + ":" + string.Join(";", f.Edits.Select(e => $"{e.Path}@{e.Start}+{e.Length}={e.NewText}")))))
            .ToList();

        /// <summary>Analyzes with the cache and without it, asserts the two agree, and returns the cached result.</summary>
        private static GovernanceResult Both(Dictionary<string, string> files, AnalysisCache cache, IReadOnlyCollection<string>? repositoryFiles = null)
        {
            var fresh = GovernanceEngine.Analyze(Inputs(files), new AnalysisOptions { RepositoryFiles = repositoryFiles });
            var cached = GovernanceEngine.Analyze(Inputs(files), new AnalysisOptions { Cache = cache, RepositoryFiles = repositoryFiles });
            Assert.Equal(Render(fresh), Render(cached));
            return cached;
        }

        [Fact]
        public void An_unchanged_repository_is_read_from_the_cache_and_gives_the_same_diagnostics()
        {
            var files = Repository();
            var cache = new AnalysisCache();
            var first = Both(files, cache);
            Assert.Equal(0, cache.DocumentsReused);
            Assert.Equal(0, cache.RuleResultsReused);
            Assert.Contains(first.Diagnostics, d => d.Id == "GOV005" && d.Path == Guide);

            Both(files, cache);
            // Both packets, the board, the ADR, and the guide and SPEC_CURRENT.md (read for their
            // links, documents.links); the spec has a content cache of its own.
            Assert.Equal(6, cache.DocumentsReused);
            Assert.True(cache.RuleResultsReused > 20, "rule results reused: " + cache.RuleResultsReused);
        }

        [Fact]
        public void An_edited_packet_is_read_again_and_its_new_finding_is_reported_where_it_is()
        {
            var files = Repository();
            var cache = new AnalysisCache();
            Both(files, cache);
            files[Second] = files[Second].Replace("## Scope", "- NOTE: {placeholder}\n\n## Scope");
            int line = files[Second].Split('\n').ToList().FindIndex(l => l.StartsWith("- NOTE: {placeholder}", System.StringComparison.Ordinal)) + 1;
            var result = Both(files, cache);
            Assert.Equal(5, cache.DocumentsReused);
            Packets.Has(result, "GOV110", Second, line, 9, "{placeholder}");
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "GOV110" && d.Path == Packets.Path);
        }

        [Fact]
        public void A_rule_that_reads_other_documents_runs_again_when_only_another_document_changed()
        {
            var files = Repository();
            var cache = new AnalysisCache();
            Assert.Empty(Both(files, cache).Of("GOV106"));
            // The second packet now claims the first one's ID; the first packet's text is unchanged,
            // yet its duplicate-ID finding (an index rule) appears.
            files[Second] = Packets.Valid;
            var result = Both(files, cache);
            Assert.Equal(2, result.Of("GOV106").Count);
            Assert.Contains(result.Of("GOV106"), d => d.Path == Packets.Path);
        }

        [Fact]
        public void A_spec_edit_makes_the_unchanged_packets_be_checked_against_the_new_spec()
        {
            var files = Repository();
            var cache = new AnalysisCache();
            var before = Both(files, cache);
            Assert.Empty(before.Of("GOV203"));
            // Every section heading renumbered: the packets' anchors no longer resolve.
            files[Testing.ValidPacket.SpecPath] = System.Text.RegularExpressions.Regex.Replace(files[Testing.ValidPacket.SpecPath], @"^(#+ )(\d)", "${1}9$2", System.Text.RegularExpressions.RegexOptions.Multiline);
            var after = Both(files, cache);
            Assert.Contains(after.Of("GOV203"), d => d.Path == Packets.Path);
            Assert.Contains(after.Of("GOV203"), d => d.Path == Second);

            // The pointer names another file: the spec's facts are those of no spec now.
            files[Testing.ValidPacket.PointerPath] = files[Testing.ValidPacket.PointerPath].Replace(Testing.ValidPacket.SpecPath, "Example_Master_Spec_v09.9.md");
            var repointed = Both(files, cache);
            Assert.NotEmpty(repointed.Of("GOV210"));
            Assert.Empty(repointed.Of("GOV203"));
        }

        [Fact]
        public void The_scope_of_an_unchanged_packet_is_checked_against_a_new_list_of_repository_files()
        {
            var files = Repository();
            var cache = new AnalysisCache();
            var listed = files.Keys.ToList();
            var missing = Both(files, cache, listed);
            Packets.Has(missing, "GOV502", Packets.Path, 15, 5, "src/storage/mod.rs");
            Both(files, cache, listed);
            Assert.True(cache.RuleResultsReused > 0);
            // The host lists the repository again (a file was created): a new list.
            var found = Both(files, cache, listed.Append("src/storage/mod.rs").ToList());
            Assert.DoesNotContain(found.Diagnostics, d => d.Id == "GOV502" && d.Path == Packets.Path);
        }

        [Fact]
        public void An_unchanged_packets_dependency_is_resolved_against_the_packets_of_each_analysis()
        {
            var files = Repository();
            files[Packets.Path] = files[Packets.Path].Replace("- **Dependencies**: none", "- **Dependencies**: WP-1-Second-Packet");
            var cache = new AnalysisCache();
            Assert.Empty(Both(files, cache).Of("GOV301"));
            // The packet it names is renamed (file, ID and board entry); the depending packet's text is unchanged.
            string second = files[Second];
            files.Remove(Second);
            files["docs/task_packets/WP-1-Renamed-Packet.md"] = second.Replace("WP-1-Second-Packet", "WP-1-Renamed-Packet");
            files[Board] = files[Board].Replace("WP-1-Second-Packet", "WP-1-Renamed-Packet");
            var renamed = Both(files, cache);
            Assert.Contains(renamed.Of("GOV301"), d => d.Path == Packets.Path && d.Arguments.Contains("WP-1-Second-Packet"));
            files = Repository();
            files[Packets.Path] = files[Packets.Path].Replace("- **Dependencies**: none", "- **Dependencies**: WP-1-Second-Packet");
            Assert.Empty(Both(files, cache).Of("GOV301"));
        }

        [Fact]
        public void A_configuration_change_empties_the_cache()
        {
            var files = Repository();
            var cache = new AnalysisCache();
            Both(files, cache);
            files["governance.yml"] = "inlineConfig: false\n";
            var result = Both(files, cache);
            Assert.Equal(0, cache.DocumentsReused);
            Assert.Equal(0, cache.RuleResultsReused);
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "GOV005");
            files.Remove("governance.yml");
            Assert.Contains(Both(files, cache).Diagnostics, d => d.Id == "GOV005");
        }

        [Fact]
        public void Created_deleted_and_renamed_documents_agree_with_a_fresh_analysis()
        {
            var files = Repository();
            var cache = new AnalysisCache();
            Both(files, cache);
            files.Remove(Second);
            var removed = Both(files, cache);
            Assert.Contains(removed.Diagnostics, d => d.Id == "GOV306");
            files["docs/task_packets/WP-1-Third-Packet.md"] = Packets.Valid.Replace("WP-1-Storage-Layer", "WP-1-Third-Packet").Replace("- STATUS: Ready-for-Dev", "- STATUS: Almost done");
            Both(files, cache);
            files[Board] = files[Board] + "- **[WP-1-Third-Packet]** - [DONE]\n";
            Both(files, cache);
            files[Guide] = "# Guide\n\nNo links now.\n";
            Both(files, cache);
            files[Adr] = files[Adr].Replace("## Decision\nSQLite.\n\n", string.Empty);
            Both(files, cache);
            files[Packets.Path] = "not a packet at all";
            Both(files, cache);
            files[Packets.Path] = Packets.Valid;
            Both(files, cache);
        }

        [Fact]
        public void Double_encoded_and_invalid_UTF8_packets_keep_their_GOV009_and_GOV004_when_read_from_the_cache()
        {
            var files = Repository();
            files[Second] = files[Second].Replace("- STATUS: Ready-for-Dev", "- STATUS: \u00e2\u20ac\u201d Almost done");
            var cache = new AnalysisCache();
            var inputs = Inputs(files);
            int at = inputs.FindIndex(d => d.Path == Packets.Path);
            inputs[at] = DocumentInput.FromBytes(Packets.Path, System.Text.Encoding.UTF8.GetBytes(Packets.Valid).Concat(new byte[] { 0xC3, 0x28, (byte)'\n' }).ToArray());
            var fresh = Render(GovernanceEngine.Analyze(inputs, new AnalysisOptions()));
            Assert.Equal(fresh, Render(GovernanceEngine.Analyze(inputs, new AnalysisOptions { Cache = cache })));
            var second = GovernanceEngine.Analyze(inputs, new AnalysisOptions { Cache = cache });
            Assert.Equal(fresh, Render(second));
            Assert.Equal(6, cache.DocumentsReused);
            Packets.Single(second, "GOV009", Second, 9, 11, "\u00e2\u20ac\u201d", "\u2014");
            Assert.Single(second.Of("GOV004"), d => d.Path == Packets.Path);
        }

        [Fact]
        public void A_spec_module_refused_and_then_restored_agrees_with_a_fresh_analysis()
        {
            var dir = new System.IO.DirectoryInfo(System.AppContext.BaseDirectory);
            while (dir != null && !System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Orchestrator.sln"))) dir = dir.Parent;
            string root = System.IO.Path.Combine(dir!.FullName, "tests", "Fixtures", "spec-modules");
            var files = System.IO.Directory.GetFiles(root, "*", System.IO.SearchOption.AllDirectories)
                .ToDictionary(f => System.IO.Path.GetRelativePath(root, f).Replace('\\', '/'), System.IO.File.ReadAllText);
            const string module = ".GOV/spec/02_architecture.md";
            string good = files[module];
            var cache = new AnalysisCache();
            var before = Render(Both(files, cache));
            files[module] = good + "\0";
            Assert.NotEmpty(Both(files, cache).Of("GOV210"));
            files[module] = good;
            Assert.Equal(before, Render(Both(files, cache)));
        }

        [Fact]
        public void A_document_over_the_size_limit_in_bytes_is_refused_though_its_text_is_cached()
        {
            var files = Repository();
            var cache = new AnalysisCache();
            Both(files, cache);
            var inputs = Inputs(files);
            int at = inputs.FindIndex(d => d.Path == Second);
            inputs[at] = DocumentInput.FromText(Second, files[Second], sizeInBytes: 100_000_000);
            var fresh = GovernanceEngine.Analyze(inputs, new AnalysisOptions());
            var cached = GovernanceEngine.Analyze(inputs, new AnalysisOptions { Cache = cache });
            Assert.Equal(Render(fresh), Render(cached));
            Assert.Contains(cached.Diagnostics, d => d.Id == "GOV002" && d.Path == Second);
        }

        [Fact]
        public void A_document_refused_in_one_analysis_and_admitted_in_the_next_agrees_with_a_fresh_analysis()
        {
            var files = Repository();
            var cache = new AnalysisCache();
            Both(files, cache);
            files[Second] = files[Second] + "\0binary";
            Assert.Contains(Both(files, cache).Diagnostics, d => d.Id == "GOV002" && d.Path == Second);
            files[Second] = Repository()[Second];
            Assert.DoesNotContain(Both(files, cache).Diagnostics, d => d.Id == "GOV002");
        }
    }
}
