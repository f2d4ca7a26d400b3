using System;
using System.IO;
using System.Linq;
using Orchestrator.Governance.Cli;
using Orchestrator.Governance.Testing;
using Xunit;

namespace Orchestrator.Governance.Cli.Tests
{
    /// <summary>
    /// The change-aware rules through the CLI on a fixture git repository of two commits
    /// (<see cref="GitRepository.CommitStatusChange"/>): the base texts come from git, by
    /// <c>--changed-since</c> (its merge base) or <c>--base</c>.
    /// </summary>
    public sealed class ChangeAwareCheckTests : IDisposable
    {
        private readonly string _repo = Path.Combine(Path.GetTempPath(), "orchestrator-change-" + Guid.NewGuid().ToString("N").Substring(0, 12));

        public ChangeAwareCheckTests()
        {
            ExampleRepository.CopyTo(_repo);
            // Only the valid packet: the example's other packets have findings of their own.
            File.Delete(Path.Combine(_repo, "docs/task_packets/WP-1-Job-Cancel.md"));
            File.Delete(Path.Combine(_repo, "docs/task_packets/WP-1-Job-Retry.md"));
        }

        public void Dispose() => Directory.Delete(_repo, recursive: true);

        private static (int Exit, string[] Lines, string Err) Run(params string[] args)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int exit = Program.Run(args, stdout, stderr);
            return (exit, stdout.ToString().Split('\n').Where(l => l.Contains(" GOV")).ToArray(), stderr.ToString());
        }

        private const string Moved = "docs/task_packets/WP-1-Storage-Layer.md(9,11): error GOV802: STATUS moves from 'In-Progress' to 'Done' in the same change that removes DONE_MEANS 'All tests pass'";

        [Fact]
        public void Changed_since_compares_with_the_merge_base_and_finds_the_goalposts_moved()
        {
            GitRepository.CommitStatusChange(_repo, "Done", dropItem: true);
            var (exit, lines, err) = Run("check", _repo, "--changed-since", "main");
            Assert.Equal("", err);
            Assert.Equal(1, exit);
            Assert.Equal(new[] { Moved }, lines);
        }

        [Fact]
        public void Base_alone_names_the_base_revision_and_the_change_is_what_differs_from_HEAD()
        {
            GitRepository.CommitStatusChange(_repo, "Done", dropItem: true);
            Assert.Equal(new[] { Moved }, Run("check", _repo, "--base", "main").Lines);
            // The base given as a commit of the branch itself: nothing changed since, nothing compared.
            Assert.Empty(Run("check", _repo, "--base", "HEAD").Lines);
        }

        [Fact]
        public void A_status_moved_straight_to_Validated_is_an_illegal_transition()
        {
            GitRepository.CommitStatusChange(_repo, "Validated", dropItem: false);
            var (exit, lines, _) = Run("check", _repo, "--changed-since", "main");
            Assert.Equal(1, exit);
            Assert.Equal(new[] { "docs/task_packets/WP-1-Storage-Layer.md(9,11): error GOV804: STATUS moves from 'In-Progress' to 'Validated' in this change; from 'In-Progress' it may move to 'Done', 'Blocked' (taskPacket.statusTransitions)" }, lines);
        }

        [Fact]
        public void The_scope_gate_counts_a_packet_in_progress_at_the_base_so_the_change_that_closes_it_carries_its_work()
        {
            // The packet closed with its promises kept, and its file changed in the same change.
            File.WriteAllText(Path.Combine(_repo, "src/storage/mod.rs"), "// storage\n");
            GitRepository.CommitStatusChange(_repo, "Done", dropItem: false);
            File.AppendAllText(Path.Combine(_repo, "src/storage/mod.rs"), "pub trait Database {}\n");
            GitRepository.Git(_repo, "commit", "-q", "-am", "the work");
            Assert.Empty(Run("check", _repo, "--changed-since", "main").Lines);
            // Without a base revision (a list of changed files), no packet is In Progress now.
            File.WriteAllText(Path.Combine(_repo, "changed.txt"), "src/storage/mod.rs\n");
            Assert.Equal(
                new[] { "src/storage/mod.rs(1,1): error GOV505: 'src/storage/mod.rs' is changed, but no task packet is In Progress; add it to a packet's IN_SCOPE_PATHS or record a waiver whose Scope names it" },
                Run("check", _repo, "--changed-files", Path.Combine(_repo, "changed.txt")).Lines);
        }

        [Fact]
        public void A_new_spec_version_that_softens_a_MUST_under_a_validated_packet_is_compared_with_the_version_before()
        {
            GitRepository.CommitSpecSoftening(_repo);

            var (exit, lines, err) = Run("check", _repo, "--changed-since", "main");
            Assert.Equal("", err);
            Assert.Equal(1, exit);
            Assert.Equal(
                new[] { "Example_Master_Spec_v01.3.md(21,3): error GOV803: MUST requirement of §2.3.12.3 'The backend MUST define a Database trait with async methods.' is softened from MUST to SHOULD in this change, under WP-1-Storage-Layer (Validated); revalidate, or record the change in an ADR or waiver that names it" },
                lines.Where(l => l.Contains("GOV803")).ToArray());
        }

        [Fact]
        public void Without_a_base_revision_the_change_aware_rules_do_not_run()
        {
            GitRepository.CommitStatusChange(_repo, "Done", dropItem: true);
            var (exit, lines, _) = Run("check", _repo);
            Assert.Equal(0, exit);
            Assert.Empty(lines);
        }

        [Fact]
        public void A_base_git_cannot_answer_is_a_usage_error()
        {
            GitRepository.CommitStatusChange(_repo, "Done", dropItem: true);
            var unknown = Run("check", _repo, "--base", "no-such-branch");
            Assert.Equal(2, unknown.Exit);
            Assert.Equal("governance: --base 'no-such-branch' is not a commit git knows", unknown.Err.Trim());
            var option = Run("check", _repo, "--base", "--upload-pack=x");
            Assert.Equal(2, option.Exit);
            Assert.Equal("governance: --base '--upload-pack=x' is not a git revision", option.Err.Trim());
        }
    }
}
