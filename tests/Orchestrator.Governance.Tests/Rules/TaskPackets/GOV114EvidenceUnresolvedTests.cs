using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules.TaskPackets
{
    /// <summary>
    /// GOV114 on the shared packet with evidence written into its Notes (line 64): the repository
    /// holds src/storage/mod.rs (40 lines), src/api/mod.rs and src/storage/api/mod.rs (two mod.rs
    /// under an "api" folder), an empty src/ui/app.tsx, and a file the host refuses.
    /// </summary>
    public class GOV114EvidenceUnresolvedTests
    {
        private static readonly string[] Files = { "src/storage/mod.rs", "src/api/mod.rs", "src/storage/api/mod.rs", "src/ui/app.tsx", Testing.ValidPacket.SpecPath };

        private static (int?, string?) Lines(string path) => path switch
        {
            "src/storage/mod.rs" => (40, null),
            "src/api/mod.rs" => (10, null),
            "src/storage/api/mod.rs" => (10, null),
            "src/ui/app.tsx" => (0, null),
            "src/secret.rs" => (null, "is a symbolic link leading outside the repository; not read"),
            _ => (null, null),
        };

        private static GovernanceResult Analyze(string evidence, string? config = null, bool lines = true)
        {
            string packet = Packets.WithLine(64, evidence);
            var documents = new List<(string, string)> { (Packets.Path, packet) };
            if (config != null) documents.Add(("governance.yml", config));
            var inputs = Packets.WithSpec(documents).Select(d => DocumentInput.FromText(d.Item1, d.Item2));
            return GovernanceEngine.Analyze(inputs, new AnalysisOptions { RepositoryFiles = Files, FileLines = lines ? Lines : null });
        }

        [Theory]
        [InlineData("- Evidence: src/storage/mod.rs:12")]
        [InlineData("- Evidence: `src/storage/mod.rs:12-40`")]
        [InlineData("- Evidence: ./src/storage/mod.rs#L40")]
        [InlineData("- Evidence: storage/mod.rs:3 (written without its leading folder)")]
        [InlineData("- Evidence: [the trait](https://example.org/src/nowhere.rs#L9), 127.0.0.1:8080, at 10:30")]
        [InlineData("- Evidence: src/ui/app.tsx:25 (an empty file: a checkout of paths without contents)")]
        [InlineData("- Spec: Example_Master_Spec_v01.1.md:20 (another version of the spec: GOV205's)")]
        public void Evidence_that_resolves_or_is_no_evidence_reference_passes(string line)
        {
            Assert.Empty(Analyze(line).Of("GOV114"));
        }

        [Fact]
        public void A_missing_file_is_reported_at_the_reference()
        {
            Packets.Single(Analyze("- Evidence: src/storage/gone.rs:12 shows the trait"), "GOV114", Packets.Path, 64, 13,
                "src/storage/gone.rs:12", "names no file of the repository");
        }

        [Theory]
        [InlineData("- Evidence: src/storage/mod.rs:41:5 (with a column)", 13, "src/storage/mod.rs:41:5")]
        [InlineData("- Evidence: `src/storage/mod.rs`:41", 14, "src/storage/mod.rs`:41")]
        [InlineData("- Evidence: src/storage/mod.rs:L41", 13, "src/storage/mod.rs:L41")]
        public void Every_written_form_of_a_line_reference_is_judged(string line, int column, string written)
        {
            Packets.Single(Analyze(line), "GOV114", Packets.Path, 64, column, written, "cites line 41, past the end of src/storage/mod.rs (40 lines)");
        }

        [Fact]
        public void A_line_past_the_end_is_reported_with_the_file_s_length()
        {
            Packets.Single(Analyze("- Evidence: `src/storage/mod.rs:30-41`"), "GOV114", Packets.Path, 64, 14,
                "src/storage/mod.rs:30-41", "cites line 41, past the end of src/storage/mod.rs (40 lines)");
            Packets.Single(Analyze("- Evidence: src/storage/mod.rs#L0"), "GOV114", Packets.Path, 64, 13,
                "src/storage/mod.rs#L0", "cites line 0 (lines count from 1)");
        }

        [Fact]
        public void A_path_that_names_several_files_or_leaves_the_repository_or_is_refused_is_reported()
        {
            Packets.Single(Analyze("- Evidence: api/mod.rs:3"), "GOV114", Packets.Path, 64, 13,
                "api/mod.rs:3", "names 2 files of the repository (src/api/mod.rs, src/storage/api/mod.rs); write its path from the root");
            Packets.Single(Analyze("- Evidence: ../other/mod.rs:3"), "GOV114", Packets.Path, 64, 13,
                "../other/mod.rs:3", "is outside the repository (absolute, or climbing out with '..'); not read");
            Packets.Single(Analyze("- Evidence: src/secret.rs:3"), "GOV114", Packets.Path, 64, 13,
                "src/secret.rs:3", "names a file that is not read: is a symbolic link leading outside the repository; not read");
        }

        [Fact]
        public void Empty_files_are_judged_by_line_when_the_configuration_says_every_file_has_its_contents()
        {
            Packets.Single(Analyze("- Evidence: src/ui/app.tsx:25", "evidence:\n  judgeEmptyFiles: true\n"), "GOV114", Packets.Path, 64, 13,
                "src/ui/app.tsx:25", "cites line 25, past the end of src/ui/app.tsx (0 lines)");
        }

        [Fact]
        public void Without_line_counts_only_the_file_is_checked_and_without_a_file_list_nothing()
        {
            Assert.Empty(Analyze("- Evidence: src/storage/mod.rs:900", lines: false).Of("GOV114"));
            Assert.Single(Analyze("- Evidence: src/storage/gone.rs:9", lines: false).Of("GOV114"));
            Assert.Empty(Packets.Analyze(Packets.WithLine(64, "- Evidence: src/storage/gone.rs:9")).Of("GOV114"));
        }
    }
}
