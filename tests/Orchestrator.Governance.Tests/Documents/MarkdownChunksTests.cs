using System.Collections.Generic;
using System.Linq;
using System.Text;
using Markdig.Syntax;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Model.Spec;
using Xunit;

namespace Orchestrator.Governance.Tests.Documents
{
    public class MarkdownChunksTests
    {
        private static readonly SpecProfile Profile = new SpecProfile(ConfigLoader.Default.Spec);

        /// <summary>
        /// About 17 KB of prose with requirements, so that each filler ends a piece's minimum size
        /// and the next heading line is tried as a cut.
        /// </summary>
        private static string Filler(int n)
        {
            var sb = new StringBuilder();
            for (int i = 0; sb.Length < MarkdownChunks.MinimumPiece + 512; i++)
                sb.Append("Paragraph ").Append(n).Append('.').Append(i).Append(" of prose. The kernel MUST log step ").Append(i).Append(" [CX-").Append(100 + n).Append("]. It SHOULD be quick.\n\n");
            return sb.ToString();
        }

        /// <summary>A spec whose cut candidates include every construct a heading line does not close.</summary>
        private static string TrickySpec()
        {
            var sb = new StringBuilder();
            sb.Append("---\ntitle: Spec v02.5\n# a YAML comment, not a heading\n---\n\n# Spec v02.5\n\n## 1 Scope\n\n").Append(Filler(1));
            // A plain cut.
            sb.Append("## 2 Storage\n\n").Append(Filler(2));
            // A four-backtick template holding headings and a nested three-backtick fence.
            sb.Append("### 2.1 Templates\n\n````md\n# Template title\n\n```bash\n# a shell comment\n```\n\n").Append(Filler(3)).Append("## Template section\n\nThe template MUST stay inside.\n````\n\n");
            // A fence inside a list item, ended with the item by a line at column 0. The cut finder
            // takes the next fence line for its end, when it opens a real fence, and tries a
            // heading inside that fence: the parse's check must refuse it.
            sb.Append("### 2.2 Lists\n\n- item\n  ```\n  code\n").Append(Filler(4)).Append("# Closes the item\n\n```\n").Append(Filler(5)).Append("## Inside a real fence\n```\n\nAfter the fence the tool MUST continue.\n\n");
            // An HTML block (type 6) runs to a blank line, over a heading line.
            sb.Append("## 3 Html\n\n<div>\n").Append("text\n").Append(Filler(6).Replace("\n\n", "\n")).Append("## Inside the div\n</div>\n\n");
            // A multi-line HTML comment with a heading line in it.
            sb.Append("## 4 Comments\n\n<!--\n").Append(Filler(7)).Append("## Commented out\n-->\n\n");
            // A block quote, a list and a table right before a cut.
            sb.Append("## 5 Quotes\n\n").Append(Filler(8)).Append("> The quote MUST end.\n- a list item MUST end too\n\n| a | b |\n|---|---|\n| SHALL 1 | 2 |\n");
            // A suppression in a late piece, setext headings, and a fence never closed.
            sb.Append("## 6 Late\n\n<!-- governance-disable-next-line GOV201 -->\nA requirement MUST be here.\n\nSetext title\n============\n\n").Append(Filler(9)).Append("## 7 End\n\n```\n# never closed\n").Append(Filler(10));
            return sb.ToString();
        }

        private static string Dump(SpecDocument spec)
        {
            var sb = new StringBuilder();
            sb.Append("version ").Append(spec.Version).Append('\n');
            foreach (var s in spec.Sections)
                sb.Append("S ").Append(s.Index).Append(' ').Append(s.Number).Append(" |").Append(s.Title).Append("| L").Append(s.Level).Append(' ').Append(s.HeadingSpan)
                  .Append(" scope=").Append(s.Scope).Append(" [").Append(s.Start).Append(',').Append(s.End).Append(") main=").Append(s.IsMainBody)
                  .Append(" parent=").Append(s.Parent?.Index).Append(" ids=").Append(string.Join(",", s.Ids)).Append(" reqs=").Append(s.Requirements.Count).Append('\n');
            foreach (var r in spec.Requirements)
                sb.Append("R ").Append(r.Keyword).Append(' ').Append(r.Span).Append(" in ").Append(r.Section.Index).Append(" ids=").Append(string.Join(",", r.Ids)).Append(" |").Append(r.Text).Append("|\n");
            foreach (var p in spec.NumberingProblems) sb.Append("N ").Append(p.Section.Index).Append(" under ").Append(p.Parent.Index).Append('\n');
            foreach (var e in spec.ById.OrderBy(e => e.Key, System.StringComparer.Ordinal)) sb.Append("I ").Append(e.Key).Append(" -> ").Append(e.Value.Index).Append('\n');
            foreach (var e in spec.MentionsById.OrderBy(e => e.Key, System.StringComparer.Ordinal)) sb.Append("M ").Append(e.Key).Append(" -> ").Append(string.Join(",", e.Value.Select(s => s.Index))).Append('\n');
            foreach (var r in spec.Suppressions.References) sb.Append("X ").Append(r.Directive).Append(' ').Append(r.RuleId).Append(' ').Append(r.Span).Append('\n');
            return sb.ToString();
        }

        [Fact]
        public void Reading_the_spec_in_pieces_gives_exactly_what_one_parse_gives()
        {
            string text = TrickySpec();
            var whole = SpecReader.ReadWholeTree(ParsedMarkdown.Parse("spec_v02.5.md", text), Profile);
            var pieces = SpecReader.Read(new TextDocument("spec_v02.5.md", text), Profile);

            Assert.Equal(Dump(whole), Dump(pieces));
            // The text really is read in several pieces, and the dump is not trivially empty.
            Assert.True(MarkdownChunks.Parse(text).Count() >= 6);
            Assert.True(whole.Requirements.Count > 1000);
            Assert.Contains(whole.Suppressions.References, r => r.RuleId == "GOV201");
        }

        [Fact]
        public void Every_cut_is_a_top_level_heading_of_the_whole_parse()
        {
            string text = TrickySpec();
            var tree = ParsedMarkdown.Parse("spec.md", text).Ast;
            var headingStarts = new HashSet<int>(tree.OfType<HeadingBlock>().Select(h => h.Span.Start));
            var offsets = MarkdownChunks.Parse(text).Select(p => p.Offset).ToList();

            Assert.Equal(0, offsets[0]);
            foreach (int offset in offsets.Skip(1)) Assert.Contains(offset, headingStarts);

            // No cut inside the template fence, the HTML block, the comment or the unclosed fence.
            foreach (string inside in new[] { "# Template title", "## Template section", "## Inside the div", "## Commented out", "## Inside a real fence", "# never closed", "# a YAML comment" })
                Assert.DoesNotContain(text.IndexOf("\n" + inside, System.StringComparison.Ordinal) + 1, offsets);

            // The "#" line that ends the list item is a real heading, and a cut there is allowed.
            Assert.Contains(text.IndexOf("\n# Closes the item", System.StringComparison.Ordinal) + 1, headingStarts);
        }

        [Fact]
        public void Pieces_cover_the_text_in_order_and_short_texts_are_one_piece()
        {
            string text = TrickySpec();
            var offsets = MarkdownChunks.Parse(text).Select(p => p.Offset).ToList();
            Assert.Equal(offsets.OrderBy(o => o).Distinct(), offsets);

            var one = MarkdownChunks.Parse("# Title\n\nShort.\n").ToList();
            Assert.Equal(0, Assert.Single(one).Offset);
            Assert.Equal(0, Assert.Single(MarkdownChunks.Parse(string.Empty)).Offset);
        }
    }
}
