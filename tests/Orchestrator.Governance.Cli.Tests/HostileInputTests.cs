using System;
using System.IO;
using System.Linq;
using Xunit;

namespace Orchestrator.Governance.Cli.Tests
{
    /// <summary>
    /// The inputs of issue 31's red team through `governance check` and `baseline`, where they were
    /// found: each now ends in the example's findings and a diagnostic that names the problem (exit
    /// 1), never an internal error (exit 2) or minutes of work.
    /// </summary>
    public sealed class HostileInputTests : IDisposable
    {
        private const string Storage = "docs/task_packets/WP-1-Storage-Layer.md";
        private readonly string _repo = Path.Combine(Path.GetTempPath(), "orchestrator-hostile-" + Guid.NewGuid().ToString("N").Substring(0, 12));

        public HostileInputTests() => ExampleRepository.CopyTo(_repo);

        public void Dispose() => Directory.Delete(_repo, recursive: true);

        private string At(string relative) => Path.Combine(_repo, relative);

        private static (int Exit, string Out, string Err) Run(params string[] args) => CommandLine.Run(args);

        [Fact]
        public void A_long_line_of_unclosed_anchor_tags_leaves_every_finding_in_place()
        {
            var (_, before, _) = Run("check", _repo);
            File.WriteAllText(At("docs/notes.md"), "# Notes\n\n" + string.Concat(Enumerable.Repeat("<a ", 5000)) + "\n");
            var (exit, output, error) = Run("check", _repo);
            Assert.Equal((1, string.Empty), (exit, error));
            Assert.Equal(before, output);
        }

        [Fact]
        public void Link_brackets_Markdig_would_parse_for_minutes_are_GOV002_an_error_at_the_packet()
        {
            File.AppendAllText(At(Storage), "\n" + string.Concat(Enumerable.Repeat("[](", 100_000)) + "\n");
            var (exit, output, error) = Run("check", _repo);
            Assert.Equal((1, string.Empty), (exit, error));
            int line = File.ReadAllText(At(Storage)).Split('\n').Length - 1;
            Assert.Contains(Storage + $"(1,1): error GOV002: Document skipped: the Markdown parser would read link destinations over 15,000,050,000 characters (\"](\" whose \"(\" no \")\" closes in its paragraph, e.g. on line {line}); more than 100,000,000 takes it more than linear time: close the links", output.Split('\n'));
        }

        [Fact]
        public void A_glob_with_a_parent_segment_is_GOV001_not_an_internal_error()
        {
            File.WriteAllText(At("governance.yml"), "documents:\n  adrs:\n    include: ['docs/../x/*.md']\n");
            var (exit, output, error) = Run("check", _repo);
            Assert.Equal((1, string.Empty), (exit, error));
            Assert.Contains("governance.yml(3,1): error GOV001: Invalid governance configuration: 'documents.adrs.include' glob 'docs/../x/*.md' cannot be used: it has a '..' segment; globs are relative to the repository root and cannot leave it; the default profile applies", output.Split('\n'));
        }

        [Theory]
        [InlineData("2147483647", "8,16: 'entries[0].count' is out of range (number too big)")]
        [InlineData("100000000000000000000000000000", "8,16: The integer 100000000000000000000000000000 is out of range (at most 64 bits).")]
        public void A_baseline_count_out_of_range_is_GOV008_in_check_and_a_message_in_prune(string count, string where)
        {
            Assert.Equal(0, Run("baseline", _repo).Exit);
            string path = At("governance.baseline.json");
            string text = File.ReadAllText(path);
            int at = text.IndexOf("\"count\": ", StringComparison.Ordinal) + "\"count\": ".Length;
            int end = text.IndexOfAny(new[] { ',', '\n' }, at);
            File.WriteAllText(path, text.Substring(0, at) + count + text.Substring(end));

            var (exit, output, _) = Run("check", _repo);
            Assert.Equal(1, exit);
            Assert.Contains(output.Split('\n'), l => l.StartsWith("governance.baseline.json(8,16): error GOV008: Baseline governance.baseline.json is not used: ", StringComparison.Ordinal));

            var (pruneExit, _, pruneError) = Run("baseline", _repo, "--prune");
            Assert.Equal((2, $"governance: governance.baseline.json is not a valid baseline ({where}); run 'governance baseline' without --prune to write a new one\n"), (pruneExit, pruneError));
        }

        [Fact]
        public void The_host_s_document_limit_is_not_raised_by_governance_yml()
        {
            File.WriteAllText(At("governance.yml"), "limits:\n  maxDocumentBytes: 268435456\n");
            File.AppendAllText(At(Storage), "\n<!-- " + new string('x', 5000) + " -->\n");
            var (exit, output, _) = Run("check", _repo, "--max-document-bytes", "4096");
            Assert.Equal(1, exit);
            Assert.Contains(output.Split('\n'), l => l.StartsWith(Storage + "(1,1): error GOV002: Document skipped: ", StringComparison.Ordinal) && l.EndsWith("bytes is more than limits.maxDocumentBytes (4096)", StringComparison.Ordinal));
            Assert.Equal((2, "governance: --max-document-bytes must be from 1024 to 33554432\n"), (Run("check", _repo, "--max-document-bytes", "100").Exit, Run("check", _repo, "--max-document-bytes", "100").Err));
        }
    }
}
