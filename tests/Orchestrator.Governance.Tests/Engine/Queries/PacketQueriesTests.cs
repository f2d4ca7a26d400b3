using System;
using System.Linq;
using Orchestrator.Governance.Engine.Queries;
using Xunit;

namespace Orchestrator.Governance.Tests.Engine.Queries
{
    /// <summary>
    /// The engine's packet queries on the shared valid packet (tests/Shared/ValidPacket.cs) and the shared spec: what
    /// the MCP server's packet, scope_check and spec_section tools map to JSON (their answers are checked there too).
    /// </summary>
    public class PacketQueriesTests
    {
        private static readonly Governance.Engine.GovernanceResult Result = Packets.Analyze(Packets.Valid);

        [Fact]
        public void PacketView_gives_status_lock_scope_anchors_coverage_and_blockers()
        {
            var view = PacketView.Of(Result, "WP-1-Storage-Layer");
            Assert.Equal(("WP-1-Storage-Layer", Packets.Path, "Ready-for-Dev", 9, true), (view.Id, view.Packet.Path, view.Status!.Value.Trim(), view.Status.ValueSpan.StartLine, view.Locked));
            Assert.Equal(new[] { ("src/storage/mod.rs", 15) }, view.InScope.Select(e => (e.Path, e.Span.StartLine)));
            Assert.Equal(new[] { "Migrations rewrite" }, view.OutOfScope);
            var anchor = Assert.Single(view.Anchors);
            Assert.Equal((58, "2.3.12.3"), (anchor.Reference.Span.StartLine, anchor.Section!.Number));
            Assert.Equal(new[] { 26, 27 }, view.Coverage!.Items.Select(i => i.Item.Span.StartLine));
            Assert.Empty(view.UnmappedItems);
            Assert.Empty(view.UncoveredMusts);
            Assert.Empty(view.Dependencies);
            Assert.Null(view.BoardStatus);
            Assert.Throws<QueryException>(() => PacketView.Of(Result, "WP-9-Nothing"));
        }

        [Fact]
        public void ScopeCheck_judges_each_file_once_in_the_order_asked()
        {
            // A file outside the scope asked twice (an agent's "a.rs" and "./a.rs" normalize alike) is judged once.
            var answer = ScopeCheck.Judge(Result, null, "WP-1-Storage-Layer", new[] { "src/storage/mod.rs", "src/ui/app.rs", "src/storage/mod.rs", "src/ui/app.rs" }, new DateTime(2026, 1, 15));
            Assert.Equal(("WP-1-Storage-Layer", Packets.Path, "Ready-for-Dev", false), (answer.Id, answer.File, answer.Status, answer.ActiveForGate));
            Assert.Equal(new[] { ("src/storage/mod.rs", "inScope"), ("src/ui/app.rs", "outside") }, answer.Files.Select(f => (f.File, f.Verdict)));
            Assert.Equal(1, answer.Outside);
        }

        [Theory]
        [InlineData("", "src/a.rs", true)]
        [InlineData("src", "src/a.rs", true)]
        [InlineData("src/a.rs", "src/a.rs", true)]
        [InlineData("src/a", "src/a.rs", false)]
        [InlineData("src/a.rs", "src", false)]
        public void A_scope_covers_itself_and_what_lies_under_it(string scope, string file, bool covers)
        {
            Assert.Equal(covers, ScopeCheck.Covers(scope, file));
        }

        [Fact]
        public void SpecSectionLookup_tries_a_number_an_anchor_line_and_title_words_and_says_what_it_tried()
        {
            var byNumber = SpecSectionLookup.Find(Result.Spec, "§2.3.12.3", 5);
            Assert.Equal(("number", "2.3.12.3"), (byNumber.MatchedBy, Assert.Single(byNumber.Sections).Number));
            var byAnchor = SpecSectionLookup.Find(Result.Spec, "§2.3.12.3 (Storage API Abstraction Pattern)", 5);
            Assert.Equal(("anchor", "2.3.12.3"), (byAnchor.MatchedBy, Assert.Single(byAnchor.Sections).Number));
            var byTitle = SpecSectionLookup.Find(Result.Spec, "abstraction pattern", 5);
            Assert.Equal(("title", "2.3.12.3"), (byTitle.MatchedBy, Assert.Single(byTitle.Sections).Number));
            var none = Assert.Throws<QueryException>(() => SpecSectionLookup.Find(Result.Spec, "no such words", 5));
            Assert.StartsWith("no section of ", none.Message);
            Assert.EndsWith(" is numbered 'no such words', defines or mentions the ID 'no such words', or has those words in its title", none.Message);
        }
    }
}
