using System.Linq;
using Orchestrator.Governance.Engine;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules.TaskPackets
{
    /// <summary>
    /// GOV114 on the shared packet with evidence written into its Notes (line 64), in the engine's
    /// inline markup: the repository holds src/storage/mod.rs (40 lines), src/api/mod.rs and
    /// src/storage/api/mod.rs (two mod.rs under an "api" folder), an empty src/ui/app.tsx, five
    /// empty files under src/empty/, and a file the host refuses. Whether the checkout keeps paths
    /// without contents is judged from the other packets' evidence (a second packet, WP-1-Storage-Other).
    /// </summary>
    public class GOV114EvidenceUnresolvedTests
    {
        private static readonly string[] Empty = Enumerable.Range(1, 5).Select(i => $"src/empty/f{i}.rs").ToArray();

        private static readonly string[] Files = new[] { "src/storage/mod.rs", "src/api/mod.rs", "src/storage/api/mod.rs", "src/ui/app.tsx", Testing.ValidPacket.SpecPath }.Concat(Empty).ToArray();

        private static (int?, string?) Lines(string path) => path switch
        {
            "src/storage/mod.rs" => (40, null),
            "src/api/mod.rs" => (10, null),
            "src/storage/api/mod.rs" => (10, null),
            "src/ui/app.tsx" => (0, null),
            "src/secret.rs" => (null, "is a symbolic link leading outside the repository; not read"),
            _ when path.StartsWith("src/empty/", System.StringComparison.Ordinal) => (0, null),
            _ => (null, null),
        };

        private static AnalysisOptions Repository(bool lines = true) =>
            new AnalysisOptions { RepositoryFiles = Files, FileLines = lines ? Lines : null };

        private static EngineMarkup Notes(string markup, string? config = null) =>
            config == null
                ? EngineMarkup.Packet(Packets.WithLine(64, markup))
                : EngineMarkup.Documents((Packets.Path, Packets.WithLine(64, markup)), ("governance.yml", config));

        [Theory]
        [InlineData("- Evidence: src/storage/mod.rs:12")]
        [InlineData("- Evidence: `src/storage/mod.rs:12-40`")]
        [InlineData("- Evidence: ./src/storage/mod.rs#L40")]
        [InlineData("- Evidence: storage/mod.rs:3 (written without its leading folder)")]
        [InlineData("- Evidence: [the trait](https://example.org/src/nowhere.rs#L9), 127.0.0.1:8080, at 10:30")]
        [InlineData("- Spec: Example_Master_Spec_v01.1.md:20 (another version of the spec: GOV205's)")]
        public void Evidence_that_resolves_or_is_no_evidence_reference_passes(string line)
        {
            Notes(line).Verify(Repository());
        }

        [Fact]
        public void A_missing_file_is_reported_at_the_reference()
        {
            Notes("- Evidence: {|#0:src/storage/gone.rs:12|} shows the trait")
                .Expect(0, "GOV114", "src/storage/gone.rs:12", "names no file of the repository")
                .Verify(Repository());
        }

        [Theory]
        [InlineData("- Evidence: {|#0:src/storage/mod.rs:41:5|} (with a column)", "src/storage/mod.rs:41:5")]
        [InlineData("- Evidence: `{|#0:src/storage/mod.rs`:41|}`", "src/storage/mod.rs`:41")]
        [InlineData("- Evidence: {|#0:src/storage/mod.rs:L41|}", "src/storage/mod.rs:L41")]
        public void Every_written_form_of_a_line_reference_is_judged(string markup, string written)
        {
            Notes(markup)
                .Expect(0, "GOV114", written, "cites line 41, past the end of src/storage/mod.rs (40 lines)")
                .Verify(Repository());
        }

        [Fact]
        public void A_line_past_the_end_is_reported_with_the_file_s_length()
        {
            Notes("- Evidence: `{|#0:src/storage/mod.rs:30-41|}`")
                .Expect(0, "GOV114", "src/storage/mod.rs:30-41", "cites line 41, past the end of src/storage/mod.rs (40 lines)")
                .Verify(Repository());
            Notes("- Evidence: {|#0:src/storage/mod.rs#L0|}")
                .Expect(0, "GOV114", "src/storage/mod.rs#L0", "cites line 0 (lines count from 1)")
                .Verify(Repository());
        }

        [Fact]
        public void A_path_that_names_several_files_or_leaves_the_repository_or_is_refused_is_reported()
        {
            Notes("- Evidence: {|#0:api/mod.rs:3|}")
                .Expect(0, "GOV114", "api/mod.rs:3", "names 2 files of the repository (src/api/mod.rs, src/storage/api/mod.rs); write its path from the root")
                .Verify(Repository());
            Notes("- Evidence: {|#0:../other/mod.rs:3|}")
                .Expect(0, "GOV114", "../other/mod.rs:3", "is outside the repository (absolute, or climbing out with '..'); not read")
                .Verify(Repository());
            Notes("- Evidence: {|#0:src/secret.rs:3|}")
                .Expect(0, "GOV114", "src/secret.rs:3", "names a file that is not read: is a symbolic link leading outside the repository; not read")
                .Verify(Repository());
        }

        [Fact]
        public void A_line_of_an_empty_file_is_past_its_end_where_files_have_their_contents()
        {
            // One empty file among files with contents: the checkout keeps contents, and the line is not there.
            Notes("- Evidence: {|#0:src/ui/app.tsx:25|}, src/storage/mod.rs:3")
                .Expect(0, "GOV114", "src/ui/app.tsx:25", "cites line 25, past the end of src/ui/app.tsx (0 lines)")
                .Verify(Repository());
            Notes("- Evidence: {|#0:src/ui/app.tsx:25|}")
                .Expect(0, "GOV114", "src/ui/app.tsx:25", "cites line 25, past the end of src/ui/app.tsx (0 lines)")
                .Verify(Repository());
        }

        /// <summary>Another packet of the repository (WP-1-Storage-Other, or another name) with <paramref name="evidence"/> in its Notes.</summary>
        private static (string, string) Other(string evidence, string name = "WP-1-Storage-Other") =>
            ("docs/task_packets/" + name + ".md", Packets.WithLine(64, evidence).Replace("WP-1-Storage-Layer", name));

        [Fact]
        public void A_checkout_that_keeps_paths_without_contents_is_judged_by_file_only()
        {
            // Two other packets cite the same five files, all empty (and a Markdown file, which counts for nothing): paths without contents.
            string theirs = "- Evidence: " + string.Join(", ", Empty.Select(f => f + ":12")) + ", Example_Master_Spec_v01.2.md:3";
            EngineMarkup.Documents((Packets.Path, Packets.WithLine(64, "- Evidence: src/empty/f1.rs:30, src/ui/app.tsx:25")), Other(theirs), Other(theirs, "WP-1-Storage-Third")).Verify(Repository());
            EngineMarkup.Documents((Packets.Path, Packets.WithLine(64, "- Evidence: {|#0:src/empty/f6.rs:1|}")), Other(theirs), Other(theirs, "WP-1-Storage-Third"))
                .Expect(0, "GOV114", "src/empty/f6.rs:1", "names no file of the repository")
                .Verify(Repository());

            // Four in five empty is no placeholder checkout: the empty files' lines are judged, in every packet.
            string mixed = "- Evidence: " + string.Join(", ", Empty.Take(4).Select(f => "{|GOV114:" + f + ":12|}")) + ", src/storage/mod.rs:3";
            EngineMarkup.Documents((Packets.Path, Packets.WithLine(64, "- Evidence: {|GOV114:src/ui/app.tsx:25|}")), Other(mixed)).Verify(Repository());
        }

        [Fact]
        public void A_packet_cannot_switch_the_judgement_off_for_itself_by_citing_empty_files()
        {
            // Only this packet cites them: the other packets cite nothing, so nothing shows the checkout keeps no contents.
            var alone = EngineMarkup.Packet(Packets.WithLine(64, "- Evidence: " + string.Join(", ", Empty.Select((f, i) => "{|#" + i + ":" + f + ":12|}"))));
            for (int i = 0; i < 5; i++) alone.Expect(i, "GOV114", $"src/empty/f{i + 1}.rs:12", $"cites line 12, past the end of src/empty/f{i + 1}.rs (0 lines)");
            alone.Verify(Repository());
        }

        [Fact]
        public void The_configuration_decides_when_it_says_true_or_false()
        {
            string cited = "- Evidence: " + string.Join(", ", Empty.Select(f => f + ":12"));
            var judged = EngineMarkup.Documents(
                    (Packets.Path, Packets.WithLine(64, "- Evidence: {|#0:src/empty/f1.rs:12|}, {|#1:src/empty/f2.rs:12|}, {|#2:src/empty/f3.rs:12|}, {|#3:src/empty/f4.rs:12|}, {|#4:src/empty/f5.rs:12|}")),
                    ("governance.yml", "evidence:\n  judgeEmptyFiles: true\n"));
            for (int i = 0; i < 5; i++) judged.Expect(i, "GOV114", $"src/empty/f{i + 1}.rs:12", $"cites line 12, past the end of src/empty/f{i + 1}.rs (0 lines)");
            judged.Verify(Repository());

            Notes(cited, "evidence:\n  judgeEmptyFiles: false\n").Verify(Repository());
            Notes("- Evidence: src/ui/app.tsx:25", "evidence:\n  judgeEmptyFiles: false\n").Verify(Repository());
            Notes("- Evidence: {|#0:src/ui/app.tsx:25|}", "evidence:\n  judgeEmptyFiles: auto\n")
                .Expect(0, "GOV114", "src/ui/app.tsx:25", "cites line 25, past the end of src/ui/app.tsx (0 lines)")
                .Verify(Repository());
        }

        [Fact]
        public void Without_line_counts_only_the_file_is_checked_and_without_a_file_list_nothing()
        {
            Notes("- Evidence: src/storage/mod.rs:900").Verify(Repository(lines: false));
            Notes("- Evidence: {|#0:src/storage/gone.rs:9|}")
                .Expect(0, "GOV114", "src/storage/gone.rs:9", "names no file of the repository")
                .Verify(Repository(lines: false));
            Notes("- Evidence: src/storage/gone.rs:9").Verify();
        }
    }
}
