using System;
using System.IO;
using System.Linq;
using Orchestrator.Governance.Testing;
using Xunit;

namespace Orchestrator.Governance.Cli.Tests
{
    /// <summary>
    /// The change-aware rules (GOV802, GOV803, GOV804) on a git history built from the Handshake
    /// corpus: the corpus as it is on main, then one change that moves WP-1-Capability-SSoT-v2 from
    /// In Progress to Done while deleting one of its DONE_MEANS items, and softens a MUST of §2.2.0,
    /// which the validated WP-1-Editor-Hardening-v2 anchors. They find exactly those two.
    /// </summary>
    public sealed class ChangeAwareCorpusTests : IDisposable
    {
        private readonly string _repo = Path.Combine(Path.GetTempPath(), "orchestrator-corpus-change-" + Guid.NewGuid().ToString("N").Substring(0, 12));

        public void Dispose()
        {
            if (Directory.Exists(_repo)) Directory.Delete(_repo, recursive: true);
        }

        private void Edit(string relative, string from, string to)
        {
            string path = Path.Combine(_repo, relative);
            string text = File.ReadAllText(path);
            Assert.Contains(from, text);
            File.WriteAllText(path, text.Replace(from, to));
        }

        [Fact]
        public void A_status_flip_with_a_DONE_MEANS_deletion_and_a_MUST_softened_under_a_validated_packet_are_all_the_change_aware_rules_find()
        {
            CorpusFixture.CopyTo(_repo);
            GitRepository.Git(_repo, "init", "-q");
            GitRepository.Git(_repo, "add", "-A");
            GitRepository.Git(_repo, "commit", "-q", "-m", "the corpus");
            GitRepository.Git(_repo, "checkout", "-q", "-b", "work");
            const string packet = "docs/task_packets/WP-1-Capability-SSoT-v2.md";
            Edit(packet, "- **Status:** In Progress", "- **Status:** Done");
            Edit(packet, "- Deterministic manifest entries exist for every changed non-doc file (correct Start/End/LineDelta/PreSHA1/PostSHA1).\n", string.Empty);
            Edit("Handshake_Master_Spec_v02.123.md", "Mechanical integrations (Docling, ASR, converters, image tools) **MUST** read/write", "Mechanical integrations (Docling, ASR, converters, image tools) **SHOULD** read/write");
            GitRepository.Git(_repo, "commit", "-q", "-am", "close the packet, soften the spec");

            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int exit = Cli.Program.Run(new[] { "check", _repo, "--changed-since", "main", "--today", "2026-12-01" }, stdout, stderr);
            Assert.Equal("", stderr.ToString());
            Assert.Equal(1, exit);
            var found = stdout.ToString().Split('\n').Where(l => l.Contains(" GOV80") && !l.Contains(" GOV801:")).ToArray();
            Assert.Equal(new[]
            {
                "Handshake_Master_Spec_v02.123.md(1149,6): error GOV803: MUST requirement of §2.2.0 'Mechanical integrations (Docling, ASR, converters, image tools) **MUST** read...' is softened from MUST to SHOULD in this change, under WP-1-Editor-Hardening-v2 (VALIDATED); revalidate, or record the change in an ADR or waiver that names it",
                "docs/task_packets/WP-1-Capability-SSoT-v2.md(13,15): error GOV802: STATUS moves from 'In Progress' to 'Done' in the same change that removes DONE_MEANS 'Deterministic manifest entries exist for every changed non-doc file (correct ...'",
            }, found);
        }
    }
}
