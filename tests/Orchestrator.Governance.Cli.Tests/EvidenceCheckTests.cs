using System;
using System.IO;
using System.Linq;
using Xunit;

namespace Orchestrator.Governance.Cli.Tests
{
    /// <summary>
    /// Issue 32, evidence that resolves: GOV114 through the CLI on the example repository, whose
    /// src/storage/mod.rs the walk reads and counts, and a symbolic link out of the repository that
    /// it refuses and never reads.
    /// </summary>
    public sealed class EvidenceCheckTests : IDisposable
    {
        private const string Packet = "docs/task_packets/WP-1-Storage-Layer.md";
        private readonly string _repo = Path.Combine(Path.GetTempPath(), "orchestrator-evidence-" + Guid.NewGuid().ToString("N").Substring(0, 12));
        private readonly string _outside = Path.Combine(Path.GetTempPath(), "orchestrator-outside-" + Guid.NewGuid().ToString("N").Substring(0, 12) + ".rs");

        public EvidenceCheckTests() => ExampleRepository.CopyTo(_repo);

        public void Dispose()
        {
            Directory.Delete(_repo, recursive: true);
            if (File.Exists(_outside)) File.Delete(_outside);
        }

        private string[] Gov114(params string[] evidence)
        {
            string path = Path.Combine(_repo, Packet);
            File.WriteAllText(path, File.ReadAllText(path).Replace("## Notes\n", "## Notes\n" + string.Concat(evidence.Select(e => "- Evidence: " + e + "\n"))));
            var (_, output, _) = CommandLine.Run("check", _repo, "--today", "2026-12-07");
            return output.Split('\n').Where(l => l.Contains(" GOV114: ", StringComparison.Ordinal)).ToArray();
        }

        [Fact]
        public void Evidence_that_resolves_passes_and_a_missing_file_or_a_line_past_the_end_is_reported()
        {
            int lines = File.ReadAllLines(Path.Combine(_repo, "src", "storage", "mod.rs")).Length;
            var found = Gov114($"src/storage/mod.rs:{lines}", $"src/storage/mod.rs:{lines + 1}", "src/storage/gone.rs:3");
            int at = Array.FindIndex(File.ReadAllLines(Path.Combine(_repo, Packet)), l => l.StartsWith("- Evidence: ", StringComparison.Ordinal)) + 1;
            Assert.Equal(new[]
            {
                $"{Packet}({at + 1},13): error GOV114: Evidence 'src/storage/mod.rs:{lines + 1}' cites line {lines + 1}, past the end of src/storage/mod.rs ({lines} lines)",
                $"{Packet}({at + 2},13): error GOV114: Evidence 'src/storage/gone.rs:3' names no file of the repository",
            }, found);
        }

        [Fact]
        public void A_reference_through_a_symbolic_link_out_of_the_repository_is_refused_not_read()
        {
            File.WriteAllText(_outside, "one\ntwo\nthree\n");
            File.CreateSymbolicLink(Path.Combine(_repo, "src", "linked.rs"), _outside);
            var found = Assert.Single(Gov114("src/linked.rs:2"));
            Assert.Contains(" GOV114: Evidence 'src/linked.rs:2' names a file that is not read: ", found);
        }
    }
}
