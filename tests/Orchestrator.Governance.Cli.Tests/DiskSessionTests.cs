using System;
using System.IO;
using System.Linq;
using Orchestrator.Governance.Hosting;
using Xunit;

namespace Orchestrator.Governance.Cli.Tests
{
    /// <summary>
    /// The incremental session the language server and the MCP server share (src/Orchestrator.Governance.Hosting/DiskSession.cs),
    /// on a copy of the example repository whose files and folders were all last written on 2020-01-01, so that any
    /// write the test makes is seen whatever the file system's time resolution.
    /// </summary>
    public sealed class DiskSessionTests : IDisposable
    {
        private const string Cancel = "docs/task_packets/WP-1-Job-Cancel.md";
        private static readonly DateTime Old = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        private readonly string _root = Path.Combine(Path.GetTempPath(), "gov-disk-" + Guid.NewGuid().ToString("N"));
        private readonly DiskSession _session;

        public DiskSessionTests()
        {
            ExampleRepository.CopyTo(_root);
            foreach (var file in Directory.GetFiles(_root, "*", SearchOption.AllDirectories)) File.SetLastWriteTimeUtc(file, Old);
            foreach (var folder in Directory.GetDirectories(_root, "*", SearchOption.AllDirectories).Append(_root)) Directory.SetLastWriteTimeUtc(folder, Old);
            _session = new DiskSession(_root);
        }

        public void Dispose() => Directory.Delete(_root, recursive: true);

        [Fact]
        public void Before_the_first_read_everything_is_to_be_read_and_after_it_nothing_has_changed()
        {
            Assert.False(_session.IsLoaded);
            Assert.Equal(DiskChange.Structure, _session.FindChanges());

            _session.Reload();

            Assert.True(_session.IsLoaded);
            Assert.Equal("governance.yml", _session.ConfigPath);
            Assert.True(_session.IsGoverned(Cancel));
            Assert.False(_session.IsGoverned("src/storage/mod.rs"));
            Assert.Contains("src/storage/mod.rs", _session.RepositoryFiles!);
            Assert.Equal(DiskChange.None, _session.FindChanges());
            Assert.Equal(0, _session.RereadStale());
        }

        [Fact]
        public void A_packet_edited_in_place_is_read_again_alone()
        {
            _session.Reload();
            var before = _session.Documents.ToList();
            File.AppendAllText(Path.Combine(_root, Cancel), "\nappended line\n");

            Assert.Equal(DiskChange.Documents, _session.FindChanges());
            Assert.Equal(1, _session.RereadStale());

            for (int i = 0; i < before.Count; i++)
            {
                if (before[i].Path == Cancel) Assert.EndsWith("\nappended line\n", _session.Documents[i].Text);
                else Assert.Same(before[i], _session.Documents[i]);
            }

            Assert.Equal(DiskChange.None, _session.FindChanges());
        }

        [Fact]
        public void A_packet_created_beside_the_others_or_a_changed_configuration_needs_the_whole_repository_read_again()
        {
            _session.Reload();
            File.WriteAllText(Path.Combine(_root, "docs/task_packets/WP-1-Job-Pause.md"), "# WP-1-Job-Pause\n");
            Assert.Equal(DiskChange.Structure, _session.FindChanges());
            _session.Reload();
            Assert.True(_session.IsGoverned("docs/task_packets/WP-1-Job-Pause.md"));
            Assert.Equal(DiskChange.None, _session.FindChanges());

            // governance.yml edited in place (its folder's write time stays as it was).
            string config = Path.Combine(_root, "governance.yml");
            File.WriteAllText(config, "severity:\n  GOV109: error\n");
            File.SetLastWriteTimeUtc(config, Old);
            Directory.SetLastWriteTimeUtc(_root, Old);
            _session.Reload();
            Assert.Equal(DiskChange.None, _session.FindChanges());
            File.AppendAllText(config, "# a comment\n");
            Directory.SetLastWriteTimeUtc(_root, Old);
            Assert.Equal(DiskChange.Structure, _session.FindChanges());
        }

        [Fact]
        public void Only_governance_documents_are_marked_stale_and_a_reread_obeys_the_size_limit()
        {
            _session.Reload();
            _session.MarkStale("src/storage/mod.rs");
            Assert.Equal(0, _session.RereadStale());

            _session.MaxDocumentBytes = 10;
            _session.MarkStale(Cancel);
            Assert.Equal(1, _session.RereadStale());
            var reread = _session.Documents.Single(d => d.Path == Cancel);
            Assert.Null(reread.Text);
            Assert.NotNull(reread.UnreadableReason);
        }

        [Fact]
        public void The_options_carry_what_the_load_found_the_date_and_the_session_s_one_cache()
        {
            _session.Reload();
            var first = _session.Options(new DateTime(2026, 12, 3));
            var second = _session.Options(new DateTime(2026, 12, 4));

            Assert.Equal("governance.yml", first.ConfigPath);
            Assert.Same(_session.RepositoryFiles, first.RepositoryFiles);
            Assert.Equal(new DateTime(2026, 12, 3), first.Today);
            Assert.Same(_session.Cache, first.Cache);
            Assert.Same(first.Cache, second.Cache);
        }
    }
}
