using System;
using System.IO;
using System.Linq;
using Xunit;

namespace Orchestrator.Governance.Cli.Tests
{
    /// <summary>
    /// Issue 33, parallel ownership at scale: forty copies of the example's valid packet, all In
    /// Progress and all owning src/storage/mod.rs, give one GOV801 line a packet (not 40 x 39) and one
    /// summary line above the totals.
    /// </summary>
    public sealed class ParallelOwnershipCheckTests : IDisposable
    {
        private readonly string _repo = Path.Combine(Path.GetTempPath(), "orchestrator-parallel-" + Guid.NewGuid().ToString("N").Substring(0, 12));

        public ParallelOwnershipCheckTests() => ExampleRepository.CopyTo(_repo);

        public void Dispose() => Directory.Delete(_repo, recursive: true);

        [Fact]
        public void Many_packets_in_progress_on_one_file_give_one_line_each_and_a_summary()
        {
            string folder = Path.Combine(_repo, "docs", "task_packets");
            foreach (var file in new[] { "WP-1-Job-Cancel.md", "WP-1-Job-Retry.md" }) File.Delete(Path.Combine(folder, file));
            string valid = File.ReadAllText(Path.Combine(folder, "WP-1-Storage-Layer.md")).Replace("- STATUS: Ready-for-Dev", "- STATUS: In Progress");
            File.Delete(Path.Combine(folder, "WP-1-Storage-Layer.md"));
            for (int i = 1; i <= 40; i++)
            {
                string id = $"WP-1-Storage-Part{i:00}";
                File.WriteAllText(Path.Combine(folder, id + ".md"), valid.Replace("WP-1-Storage-Layer", id));
            }

            var (exit, output, _) = CommandLine.Run("check", _repo, "--today", "2026-12-07");
            Assert.Equal(1, exit);
            var lines = output.Split('\n');
            var gov801 = lines.Where(l => l.Contains(" error GOV801: ", StringComparison.Ordinal)).ToList();
            Assert.Equal(40, gov801.Count);
            Assert.Contains("docs/task_packets/WP-1-Storage-Part01.md(15,5): error GOV801: IN_SCOPE_PATHS entry 'src/storage/mod.rs' overlaps 'src/storage/mod.rs' of WP-1-Storage-Part02 " +
                "(and 38 more packets in progress: WP-1-Storage-Part03, WP-1-Storage-Part04, WP-1-Storage-Part05, ...), which is also In Progress: both may write src/storage/mod.rs", gov801);
            Assert.Equal("Parallel ownership (GOV801): 40 IN_SCOPE_PATHS entries of 40 packet(s) in progress overlap other packets in progress; finish or block packets, or split their files.", lines[lines.Length - 3]);
            Assert.StartsWith("40 task packet(s) checked: ", lines[lines.Length - 2]);
        }
    }
}
