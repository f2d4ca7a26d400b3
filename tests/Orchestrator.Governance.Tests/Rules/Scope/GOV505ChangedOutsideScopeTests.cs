using System;
using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules.Scope
{
    /// <summary>
    /// GOV505, the CI scope gate, on the shared valid packet (IN_SCOPE_PATHS: src/storage/mod.rs)
    /// set In Progress, with a WAIVERS GRANTED section inserted before "## Quality Gate" (line 19).
    /// </summary>
    public class GOV505ChangedOutsideScopeTests
    {
        private const string Waivers =
            "## WAIVERS GRANTED\n" +
            "- (Record explicit user waivers here. Include Waiver ID, Date, Scope, and Justification.)\n" +
            "- WAIVER-STORAGE-001 [CX-573F]\n" +
            "  - Date: 2026-01-18\n" +
            "  - Scope: touch `src/api/jobs.rs` and Cargo.lock if dependencies change.\n" +
            "  - Justification: the API re-exports the trait.\n" +
            "- Waiver ID: WAIVER-STORAGE-002\n" +
            "  - Date: 2026-01-19\n" +
            "  - Expires: 2026-02-01\n" +
            "  - Scope: justfile\n" +
            "\n";

        private static GovernanceResult Analyze(string status, string[] changed, bool waivers = true, DateTime? today = null, string? config = null)
        {
            string text = Packets.Valid.Replace("- STATUS: Ready-for-Dev", "- STATUS: " + status);
            if (waivers) text = text.Replace("## Quality Gate\n", Waivers + "## Quality Gate\n");
            var inputs = Packets.SpecInputs().Append(DocumentInput.FromText(Packets.Path, text)).ToList();
            if (config != null) inputs.Add(DocumentInput.FromText("governance.yml", config));
            return GovernanceEngine.Analyze(inputs, new AnalysisOptions { ChangedFiles = changed, Today = today });
        }

        private static string Gate(GovernanceResult result) => string.Join("\n", result.Of("GOV505")
            .Select(d => $"{d.Path}({d.Span.StartLine},{d.Span.StartColumn}) [{string.Join(" | ", d.Arguments)}]"));

        [Fact]
        public void A_change_inside_the_scope_of_the_packet_in_progress_passes()
        {
            var result = Analyze("In-Progress", new[] { "src/storage/mod.rs", Packets.Path, "docs/TASK_BOARD.md" });
            Assert.Empty(result.Diagnostics);
        }

        [Fact]
        public void A_change_outside_the_scope_is_GOV505_at_the_changed_file()
        {
            var result = Analyze("In Progress", new[] { "src/storage/mod.rs", "src/storage/sqlite.rs", "./README.md" });
            Assert.Equal(
                "README.md(1,1) [README.md | it is outside the IN_SCOPE_PATHS of WP-1-Storage-Layer (In Progress)]\n" +
                "src/storage/sqlite.rs(1,1) [src/storage/sqlite.rs | it is outside the IN_SCOPE_PATHS of WP-1-Storage-Layer (In Progress)]",
                Gate(result));
            Assert.Equal("'README.md' is changed, but it is outside the IN_SCOPE_PATHS of WP-1-Storage-Layer (In Progress); add it to a packet's IN_SCOPE_PATHS or record a waiver whose Scope names it",
                result.Of("GOV505")[0].Message);
        }

        [Fact]
        public void Without_a_packet_in_progress_every_change_is_outside_scope()
        {
            var result = Analyze("Ready-for-Dev", new[] { "src/storage/mod.rs" });
            Assert.Equal("src/storage/mod.rs(1,1) [src/storage/mod.rs | no task packet is In Progress]", Gate(result));
        }

        [Fact]
        public void A_waiver_covers_the_paths_and_file_names_its_Scope_names_until_it_expires()
        {
            string[] changed = { "src/api/jobs.rs", "src/backend/Cargo.lock", "justfile", "src/api/routes.rs" };
            Assert.Equal("src/api/routes.rs(1,1) [src/api/routes.rs | it is outside the IN_SCOPE_PATHS of WP-1-Storage-Layer (In-Progress)]",
                Gate(Analyze("In-Progress", changed, today: new DateTime(2026, 2, 1))));

            // The day after WAIVER-STORAGE-002's Expires date, justfile is no longer covered.
            Assert.Equal(
                "justfile(1,1) [justfile | it is outside the IN_SCOPE_PATHS of WP-1-Storage-Layer (In-Progress)]\n" +
                "src/api/routes.rs(1,1) [src/api/routes.rs | it is outside the IN_SCOPE_PATHS of WP-1-Storage-Layer (In-Progress)]",
                Gate(Analyze("In-Progress", changed, today: new DateTime(2026, 2, 2))));

            // Without waivers, all but none of them are reported.
            Assert.Equal(4, Analyze("In-Progress", changed, waivers: false).Of("GOV505").Count);
        }

        [Fact]
        public void Exempt_globs_are_configurable_and_paths_climbing_out_are_ignored()
        {
            var result = Analyze("In-Progress", new[] { "docs/notes/a.md", "../elsewhere.rs", "docs/TASK_BOARD.md" },
                config: "scope:\n  gate:\n    exempt: ['docs/notes/**']\n");
            Assert.Equal("docs/TASK_BOARD.md(1,1) [docs/TASK_BOARD.md | it is outside the IN_SCOPE_PATHS of WP-1-Storage-Layer (In-Progress)]", Gate(result));
        }

        [Fact]
        public void Waivers_are_read_with_their_IDs_and_attributes_and_none_markers_are_not_waivers()
        {
            var result = Analyze("In-Progress", Array.Empty<string>());
            var waivers = Assert.Single(result.Packets).Waivers;
            Assert.Equal(new[] { "WAIVER-STORAGE-001", "WAIVER-STORAGE-002" }, waivers.Select(w => w.Id));
            Assert.Equal(new[] { "DATE", "SCOPE", "JUSTIFICATION" }, waivers[0].Attributes.Select(a => a.Key));
            var expires = waivers[1].Find("EXPIRES")!;
            Assert.Equal("2026-02-01", expires.Value);
            Assert.Equal((27, 14), (expires.ValueSpan.StartLine, expires.ValueSpan.StartColumn));
            Assert.Equal((21, 3), (waivers[0].EntrySpan.StartLine, waivers[0].EntrySpan.StartColumn));

            string none = Packets.Valid.Replace("## Quality Gate\n", "## WAIVERS GRANTED\n- NONE\n\n## Quality Gate\n");
            Assert.Empty(Assert.Single(Packets.Analyze(none).Packets).Waivers);
        }

        [Fact]
        public void Malformed_waivers_cover_nothing_and_an_empty_change_list_is_no_finding()
        {
            const string malformed =
                "## WAIVERS GRANTED\n" +
                "- WAIVER-BAD-001\n" +                        // no attributes at all
                "- **\n" +                                     // an empty bold marker
                "- WAIVER-BAD-002\n" +
                "  - Expires: next week\n" +                  // not a date: never expires
                "  - Scope: `src/api/jobs.rs`\n" +
                "  - not a key value line\n" +
                "\n";
            string text = Packets.Valid.Replace("- STATUS: Ready-for-Dev", "- STATUS: In-Progress").Replace("## Quality Gate\n", malformed + "## Quality Gate\n");
            var inputs = Packets.SpecInputs().Append(DocumentInput.FromText(Packets.Path, text)).ToList();
            var result = GovernanceEngine.Analyze(inputs, new AnalysisOptions { ChangedFiles = new[] { "src/api/jobs.rs", "src/api/routes.rs" }, Today = new DateTime(2030, 1, 1) });
            Assert.Equal(new[] { "WAIVER-BAD-001", "WAIVER-BAD-002" }, Assert.Single(result.Packets).Waivers.Select(w => w.Id));
            Assert.Equal("src/api/routes.rs(1,1) [src/api/routes.rs | it is outside the IN_SCOPE_PATHS of WP-1-Storage-Layer (In-Progress)]", Gate(result));

            Assert.Empty(GovernanceEngine.Analyze(inputs, new AnalysisOptions { ChangedFiles = Array.Empty<string>() }).Of("GOV505"));
        }
    }
}
