using System.Linq;
using Orchestrator.Governance.Model.Spec;
using Xunit;

namespace Orchestrator.Governance.Tests.Model.Spec
{
    public class SpecReaderTests
    {
        private static SpecDocument Read(Marked spec) => SpecReader.Read(spec.Document, new SpecProfile(Marked.Config.Spec));

        [Fact]
        public void The_shared_spec_has_its_numbered_sections_titles_levels_and_IDs()
        {
            var spec = Read(new Marked(Testing.ValidPacket.SpecPath, Testing.ValidPacket.SpecText));
            var numbered = spec.Sections.Where(s => s.Number != null).Select(s => (s.Number, s.Title, s.Level)).ToList();
            Assert.Equal(
                new (string?, string, int)[]
                {
                    ("1", "Vision", 1), ("1.1", "Goals", 2), ("2", "System Architecture", 1), ("2.3", "Storage", 2),
                    ("2.3.12", "Storage Backend Portability [CX-DBP-001]", 3), ("2.3.12.3", "Storage API Abstraction Pattern [CX-DBP-021]", 4),
                    ("7", "User Experience & Development", 1), ("7.6", "Development Roadmap", 2), ("7.6.3", "Phase 1", 3),
                },
                numbered);
            var api = spec.ByNumber["2.3.12.3"];
            Assert.Equal(20, api.HeadingSpan.StartLine);
            Assert.Same(spec.ByNumber["2.3.12"], api.Parent);
            Assert.Contains("CX-DBP-021", api.Ids);
            Assert.Same(api, spec.ById["CX-DBP-021"]);
            Assert.Empty(spec.NumberingProblems);
        }

        [Fact]
        public void MUST_and_SHOULD_sentences_are_requirements_with_their_lines_and_sections()
        {
            var spec = Read(new Marked(Testing.ValidPacket.SpecPath, Testing.ValidPacket.SpecText));
            Assert.Equal(
                new[] { ("MUST", 11, "1.1"), ("SHOULD", 11, "1.1"), ("MUST", 21, "2.3.12.3"), ("MUST", 22, "2.3.12.3"), ("SHOULD", 23, "2.3.12.3") },
                spec.Requirements.Select(r => (r.Keyword, r.Span.StartLine, r.Section.Number!)));
            Assert.Equal(new[] { true, false, true, true, false }, spec.Requirements.Select(r => r.IsAbsolute));
            Assert.Equal(3, spec.RequirementsWithin(spec.ByNumber["2.3.12"]).Count);
            // The ID stands on the heading, not in a requirement's text.
            Assert.Empty(spec.RequirementsCarrying("CX-DBP-021"));
        }

        [Fact]
        public void A_requirement_span_and_a_numbering_gap_are_where_they_stand()
        {
            var m = new Marked("spec.md",
                "# 4. Jobs\n" +
                "\n" +
                "## 4.1 Queue\n" +
                "{|#0:The queue MUST persist jobs across restarts [CX-JOB-001].|} Lowercase must is prose.\n" +
                "\n" +
                "### {|#1:5.2.1 Stray|}\n" +
                "Text.\n");
            var spec = Read(m);
            var requirement = Assert.Single(spec.Requirements);
            Assert.Equal("MUST", requirement.Keyword);
            Assert.Equal(m.At(0), Marked.Of(requirement.Span));
            Assert.Equal(new[] { "CX-JOB-001" }, requirement.Ids);
            Assert.Same(requirement, Assert.Single(spec.RequirementsCarrying("CX-JOB-001")));
            var problem = Assert.Single(spec.NumberingProblems);
            Assert.Equal(("5.2.1", "4.1"), (problem.Section.Number, problem.Parent.Number));
            Assert.Equal(m.At(1), Marked.Of(problem.Section.HeadingSpan));
            Assert.Same(spec.ByNumber["4.1"], spec.SectionAtLine(4));
        }

        [Fact]
        public void A_keyword_legend_defines_the_keywords_and_is_no_requirement()
        {
            var m = new Marked("spec.md",
                "# 11. Engines\n" +
                "\n" +
                "## 11.2 Normative language\n" +
                "- **MUST / MUST NOT**: mandatory requirement.\n" +
                "- **SHOULD / SHOULD NOT**: strongly recommended; deviations require justification.\n" +
                "- MUST, SHOULD or MAY \u2014 as in RFC 2119.\n" +
                "\n" +
                "## 11.3 Sandbox\n" +
                "- {|#0:The sandbox MUST deny network access unless granted.|}\n" +
                "- {|#1:REQUIRED: engines are registered before use.|}\n" +
                "- {|#2:SHOULD the engine fail, the run MUST stop.|}\n" +
                "- MUST:\n" +
                "  - {|#3:log every call|}\n");
            var spec = Read(m);

            // The legend gives none; the section's own sentences stay, one keyword and a colon with
            // text too, and a keyword opening a sentence; a keyword alone labels the items under it.
            // "SHOULD the engine fail, the run MUST stop": a sentence with an absolute keyword is a MUST requirement.
            Assert.Equal(
                new[] { ("MUST", "11.3", m.At(0)), ("REQUIRED", "11.3", m.At(1)), ("MUST", "11.3", m.At(2)), ("MUST", "11.3", m.At(3)) },
                spec.Requirements.Select(r => (r.Keyword, r.Section.Number!, Marked.Of(r.Span))));
        }

        [Fact]
        public void A_keyword_label_over_a_list_makes_its_items_the_requirements()
        {
            var m = new Marked("spec.md",
                "# 10. Surfaces\n" +
                "\n" +
                "## 10.5 Problems\n" +
                "\n" +
                "MUST:\n" +
                "- {|#0:Render a table of diagnostics.|}\n" +
                "- {|#1:Export a bundle containing:|}\n" +
                "  - job metadata,\n" +
                "- {|#2:Open the drawer; it SHOULD scroll.|}\n" +
                "\n" +
                "**SHOULD Requirements**\n" +
                "\n" +
                "- {|#3:Show counts.|}\n" +
                "\n" +
                "| Level | Keyword |\n" +
                "|---|---|\n" +
                "| one | MUST |\n" +
                "\n" +
                "Plain text after the lists.\n" +
                "- not a requirement\n");
            var spec = Read(m);

            // Items nested in an item are part of it; an item with its own keyword keeps it; a table
            // cell holding only a keyword, and a list after other text, give none.
            Assert.Equal(
                new[] { ("MUST", m.At(0)), ("MUST", m.At(1)), ("SHOULD", m.At(2)), ("SHOULD", m.At(3)) },
                spec.Requirements.Select(r => (r.Keyword, Marked.Of(r.Span))));
            Assert.Equal("Render a table of diagnostics.", spec.Requirements[0].Text);
        }

        [Fact]
        public void Keywords_joined_by_a_slash_name_the_keywords_and_state_nothing()
        {
            var m = new Marked("spec.md",
                "# 10. Surfaces\n" +
                "\n" +
                "## 10.5 Operator consoles\n" +
                "- Normative surface requirements (MUST/SHOULD/MUST NOT) and acceptance criteria.\n" +
                "- Every MUST / SHOULD in Sections 1-6 must be implemented.\n" +
                "- {|#0:The console MUST show link confidence (direct/inferred).|}\n" +
                "- {|#1:Map each MUST/SHOULD to evidence; the validator SHOULD record it.|}\n");
            var spec = Read(m);
            Assert.Equal(new[] { ("MUST", m.At(0)), ("SHOULD", m.At(1)) }, spec.Requirements.Select(r => (r.Keyword, Marked.Of(r.Span))));
        }

        [Theory]
        [InlineData("# Example Master Specification v01.2\n", "01.2")]
        [InlineData("# Handshake Master Spec v02.96\n\ntext", "02.96")]
        public void The_version_is_read_from_the_text(string text, string version)
        {
            Assert.Equal(version, SpecReader.VersionOf(text));
        }
    }
}
