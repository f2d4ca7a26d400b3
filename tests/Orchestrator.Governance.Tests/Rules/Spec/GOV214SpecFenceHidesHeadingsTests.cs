using Xunit;

namespace Orchestrator.Governance.Tests.Rules.Spec
{
    /// <summary>
    /// GOV214 in inline markup: the shared spec with a code block after §2.3.12.3 whose closing
    /// fence is missing, so "## 2.4 Jobs" and "### 2.4.1 Retry" after it are code. The packet's
    /// anchor to §2.4.1 then fails with GOV203, which names the fence as the reason.
    /// </summary>
    public class GOV214SpecFenceHidesHeadingsTests
    {
        private const string Should = "- The backend SHOULD provide a PostgresDatabase stub.\n";

        private static EngineMarkup With(string code, string anchor = "- **SPEC_ANCHOR**: §2.3.12.3 (Storage API Abstraction Pattern)")
        {
            string spec = Testing.ValidPacket.SpecText.Replace(Should, Should + code);
            return EngineMarkup.Documents(
                (Packets.Path, Packets.WithLine(58, anchor)),
                (Testing.ValidPacket.PointerPath, Testing.ValidPacket.PointerText),
                (Testing.ValidPacket.SpecPath, spec));
        }

        [Fact]
        public void An_unclosed_fence_is_reported_where_it_opens_with_the_headings_it_hides()
        {
            // Spec lines: 24 blank, 25 the fence, 26 code, 27 blank, 28 "## 2.4 Jobs", 29 a MUST, 30 "### 2.4.1 Retry";
            // the spec's §7, §7.6 and §7.6.3 (line 36) follow, all code now.
            With("\n{|#0:```|}\nlet x = 1;\n\n## 2.4 Jobs\nThe scheduler MUST retry a failed job.\n### 2.4.1 Retry\n")
                .Expect(0, "GOV214", "5", "'§2.4 Jobs'", "28", "'§7.6.3 Phase 1'", "36", "nothing closes it; close it where its code ends")
                .Verify();
        }

        [Fact]
        public void A_fence_meant_to_close_code_that_has_no_opening_fence_is_reported_with_its_block_s_end()
        {
            // The code (line 25) has no opening fence, so its closing fence (line 26) opens a block that the fence at line 30 closes.
            With("\nlet x = 1;\n{|#0:```|}\n\n## 2.4 Jobs\nThe scheduler MUST retry a failed job.\n```\n")
                .Expect(0, "GOV214", "1", "'§2.4 Jobs'", "28", "'§2.4 Jobs'", "28",
                    "the block it opens runs to line 30; close it where its code ends, or, if it was meant to close the code above it, give that code its opening fence")
                .Verify();
        }

        [Fact]
        public void An_anchor_into_a_hidden_section_names_the_fence()
        {
            With("\n{|GOV214:```|}\nlet x = 1;\n\n## 2.4 Jobs\nThe scheduler MUST retry a failed job.\n### 2.4.1 Retry\n",
                    "- **SPEC_ANCHOR**: §2.3.12.3 (Storage API Abstraction Pattern), §{|#1:2.4.1|}")
                .Expect(1, "GOV203", "§2.4.1", Testing.ValidPacket.SpecPath,
                    "no such section: its heading (line 30) stands inside the code block opened at line 25, which hides it (GOV214)")
                .Verify();
        }

        [Theory]
        [InlineData("\n```markdown\n## 2.4 Jobs\n```\n")]
        [InlineData("\n```\n## 2.3.12.3 Storage API Abstraction Pattern\n## 9.1 Elsewhere\n```\n")]
        [InlineData("\n```\n# a shell comment\n## not numbered\n```\n")]
        public void Examples_of_Markdown_headings_that_exist_or_fit_nowhere_and_comments_are_not_reported(string code)
        {
            With(code).Verify();
        }
    }
}
