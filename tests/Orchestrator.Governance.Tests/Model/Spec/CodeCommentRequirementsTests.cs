using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Model.Spec;
using Xunit;

namespace Orchestrator.Governance.Tests.Model.Spec
{
    /// <summary>
    /// Issue 32: keyword comments inside fenced code blocks ("// REQUIRED: non-nil", "/// MUST NOT
    /// split words") are requirements of their section; a keyword that only labels the code ("// ✅
    /// REQUIRED"), a keyword in a string, and indented code are not.
    /// </summary>
    public class CodeCommentRequirementsTests
    {
        private const string Spec =
            "# 1. Tokens\n" +                                   // 1
            "\n" +                                              // 2
            "## 1.1 Tokenizer\n" +                              // 3
            "The tokenizer MUST be deterministic.\n" +          // 4
            "\n" +                                              // 5
            "```rust\n" +                                       // 6
            "pub struct Token {\n" +                            // 7
            "    pub text: String, // REQUIRED: non-nil\n" +    // 8
            "    /// MUST NOT split words on whitespace for BPE models.\n" + // 9
            "    let s = \"// MUST be ignored in a string\";\n" + // 10
            "}\n" +                                             // 11
            "// ✅ REQUIRED\n" +                                // 12
            "```\n" +                                           // 13
            "\n" +                                              // 14
            "```sql\n" +                                        // 15
            "-- SHOULD keep an index on token_id\n" +          // 16
            "# MUST: not a comment in SQL, but read as one\n" + // 17
            "```\n" +                                           // 18
            "\n" +                                              // 19
            "    // MUST not be read: indented code\n";        // 20

        [Fact]
        public void Keyword_comments_in_fenced_code_are_requirements_of_their_section()
        {
            var profile = new SpecProfile(Configuration.ConfigLoader.Default.Spec);
            var spec = SpecReader.Read(new TextDocument("spec.md", Spec), profile);
            Assert.Equal(
                new[]
                {
                    "4 MUST The tokenizer MUST be deterministic.",
                    "8 REQUIRED REQUIRED: non-nil",
                    "9 MUST NOT MUST NOT split words on whitespace for BPE models.",
                    "16 SHOULD SHOULD keep an index on token_id",
                    "17 MUST MUST: not a comment in SQL, but read as one",
                },
                spec.Requirements.Select(q => $"{q.Span.StartLine} {q.Keyword} {q.Text}"));
            Assert.All(spec.Requirements, q => Assert.Equal("1.1", q.Section.Number));
            var at = spec.Requirements[1].Span;
            Assert.Equal((8, 26), (at.StartLine, at.StartColumn));
        }
    }
}
