using System;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace Orchestrator.Governance.Cli.Tests
{
    /// <summary>
    /// Issue 32's first finding on a copy of the Handshake corpus: one DONE_MEANS sentence claiming
    /// every requirement of WP-1-ACE-Auditability's anchored sections made GOV207 and GOV208 go away.
    /// It now leaves them as they were and is GOV212 at its own line.
    /// </summary>
    public sealed class BlanketClaimCorpusTests : IDisposable
    {
        private const string Packet = "docs/task_packets/WP-1-ACE-Auditability.md";
        private readonly string _repo = Path.Combine(Path.GetTempPath(), "orchestrator-blanket-" + Guid.NewGuid().ToString("N").Substring(0, 12));

        /// <summary>
        /// The corpus, with its records' findings reported (taskPacket.closedPackets: report):
        /// WP-1-ACE-Auditability is superseded on the board, and these tests judge how its DONE_MEANS
        /// map, as ready_to_close judges a packet whatever its state.
        /// </summary>
        public BlanketClaimCorpusTests()
        {
            CorpusFixture.CopyTo(_repo);
            File.WriteAllText(Path.Combine(_repo, "governance.yml"), "taskPacket:\n  closedPackets: report\n");
        }

        public void Dispose() => Directory.Delete(_repo, recursive: true);

        private static string[] Lines(string output, string prefix) => output.Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).ToArray();

        [Theory]
        [InlineData("All requirements of §2.6.6.7.3 and §2.6.6.7.9 are implemented.")]
        [InlineData("§2.6.6.7.3 and §2.6.6.7.9 are fully implemented.")]
        [InlineData("Complies with every MUST of §2.6.6.7.3 and §2.6.6.7.9.")]
        [InlineData("Auditability of §2.6.6.7.3 and §2.6.6.7.9 delivered, every obligation met.")]
        public void A_sentence_claiming_every_requirement_leaves_GOV207_and_is_GOV212_at_its_line(string claim)
        {
            var before = CommandLine.Run("check", _repo, "--today", "2026-12-01").Out;
            string path = Path.Combine(_repo, Packet);
            byte[] bytes = File.ReadAllBytes(path);
            byte[] after = Encoding.UTF8.GetBytes("- Evidence mapping lists file:line for every requirement.\n");
            int at = IndexOf(bytes, after) + after.Length;
            File.WriteAllBytes(path, bytes.Take(at).Concat(Encoding.UTF8.GetBytes("- " + claim + "\n")).Concat(bytes.Skip(at)).ToArray());

            var (exit, output, _) = CommandLine.Run("check", _repo, "--today", "2026-12-01");
            Assert.Equal(1, exit);
            Assert.Equal(Lines(before, Packet + "(38,4): error GOV207"), Lines(output, Packet + "(38,4): error GOV207"));
            Assert.Equal(Lines(before, Packet + "(38,4): warning GOV208"), Lines(output, Packet + "(38,4): warning GOV208"));
            Assert.Equal(new[] { Packet + $"(43,3): error GOV212: DONE_MEANS item '{claim}' claims requirements wholesale and covers none of them; write one item a requirement that names it or states it" }, Lines(output, Packet + "(43,3)"));
        }

        /// <summary>
        /// From an independent review: the claim followed by the requirements' keywords, which would
        /// state every MUST in substance, and the claim with a gate beside it, which would make it a
        /// gate. Both stay GOV212 at their line and GOV207 stays as it was.
        /// </summary>
        [Theory]
        [InlineData("All requirements of §2.6.6.7.3 and §2.6.6.7.9 are implemented, keywords: ContextSnapshot, hashes, SourceRefs, model call, compile context, policy, projection, model tier, scope inputs, budgets, pinned criticals, retrieve candidates, QueryPlan, ContextPacks, score, select, RetrievalTrace, compact, PromptEnvelope, ContextPlan.")]
        [InlineData("All requirements of §2.6.6.7.3 and §2.6.6.7.9 are implemented and all tests pass.")]
        [InlineData("Both §2.6.6.7.3 and §2.6.6.7.9 are implemented; tests pass.")]
        public void A_claim_with_keywords_or_a_gate_beside_it_stays_a_claim(string claim)
        {
            var before = CommandLine.Run("check", _repo, "--today", "2026-12-01").Out;
            Insert(claim);
            var (exit, output, _) = CommandLine.Run("check", _repo, "--today", "2026-12-01");
            Assert.Equal(1, exit);
            Assert.Equal(Lines(before, Packet + "(38,4): error GOV207"), Lines(output, Packet + "(38,4): error GOV207"));
            var at = Assert.Single(Lines(output, Packet + "(43,3)"));
            Assert.StartsWith(Packet + "(43,3): error GOV212: DONE_MEANS item '", at);
        }

        /// <summary>
        /// Claims in other words, that cite the sections and name a topic or a subject but state no
        /// requirement's constraint: each covers nothing (GOV206 at its own line), and GOV207 and
        /// GOV208 stay as they were.
        /// </summary>
        [Theory]
        [InlineData("§2.6.6.7.3 auditability implemented.")]
        [InlineData("ContextSnapshot and the Context Compiler of §2.6.6.7.3 and §2.6.6.7.9 are done.")]
        [InlineData("Auditability per §2.6.6.7.3 and §2.6.6.7.9 delivered in full.")]
        public void A_claim_in_other_words_covers_nothing_and_is_reported_at_its_line(string claim)
        {
            var before = CommandLine.Run("check", _repo, "--today", "2026-12-01").Out;
            Insert(claim);
            var (exit, output, _) = CommandLine.Run("check", _repo, "--today", "2026-12-01");
            Assert.Equal(1, exit);
            Assert.Equal(Lines(before, Packet + "(38,4): "), Lines(output, Packet + "(38,4): "));
            var at = Assert.Single(Lines(output, Packet + "(43,3)"));
            Assert.StartsWith(Packet + "(43,3): warning GOV206: DONE_MEANS item '", at);
            Assert.Contains("' maps to no MUST/SHOULD of §2.6.6.7.3, §2.6.6.7.9; closest: ", at);
        }

        /// <summary>The same, restating the requirement of line 9984: it is covered, and only it.</summary>
        [Fact]
        public void An_item_that_restates_a_requirement_covers_it()
        {
            Insert("ContextSnapshot is sufficient to answer what it saw and why, via hashes and SourceRefs (§2.6.6.7.3).");
            var (_, output, _) = CommandLine.Run("check", _repo, "--today", "2026-12-01");
            var must = Assert.Single(Lines(output, Packet + "(38,4): error GOV207"));
            // Left: line 9985 (a SHOULD and a MUST NOT, so a MUST) and line 10254.
            Assert.StartsWith(Packet + "(38,4): error GOV207: 2 MUST requirement(s) of §2.6.6.7.3, §2.6.6.7.9 are covered by no DONE_MEANS item: line 9985 'Full prompt text SHOULD be stored locally only", must);
            Assert.Contains("; line 10254 'Each model call MUST compile context in", must);
            Assert.Empty(Lines(output, Packet + "(43,3)"));
        }

        private void Insert(string claim)
        {
            string path = Path.Combine(_repo, Packet);
            byte[] bytes = File.ReadAllBytes(path);
            byte[] after = Encoding.UTF8.GetBytes("- Evidence mapping lists file:line for every requirement.\n");
            int at = IndexOf(bytes, after) + after.Length;
            File.WriteAllBytes(path, bytes.Take(at).Concat(Encoding.UTF8.GetBytes("- " + claim + "\n")).Concat(bytes.Skip(at)).ToArray());
        }

        private static int IndexOf(byte[] haystack, byte[] needle)
        {
            for (int i = 0; i + needle.Length <= haystack.Length; i++)
            {
                if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return i;
            }

            throw new InvalidOperationException("the DONE_MEANS line is not in the packet");
        }
    }
}
