using System;
using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules.Decisions
{
    /// <summary>
    /// GOV608 and GOV609 on the shared valid packet with a WAIVERS GRANTED section inserted before
    /// "## Quality Gate" (line 19): the section heading is line 19, its entries from line 20.
    /// </summary>
    public class WaiverRuleTests
    {
        private const string Waivers =
            "## WAIVERS GRANTED\n" +                                                         // 19
            "- (Record explicit user waivers here. Include Waiver ID, Date, Scope, and Justification.)\n" + // 20
            "- WAIVER-STORAGE-001 [CX-573F]\n" +                                             // 21
            "  - Date: 2026-01-18\n" +                                                       // 22
            "  - Scope: touch `src/api/jobs.rs`\n" +                                         // 23
            "  - Expires: 2026-02-01\n" +                                                    // 24
            "- WAIVER-STORAGE-002\n" +                                                       // 25
            "  - Justification: verbal\n" +                                                  // 26
            "- [WAIVER-2026-01-01-ROLLOUT] allowed for this WP only. Expires: on WP closure.\n" + // 27
            "- Approved by the operator in chat\n" +                                         // 28
            "  - Date: 18 January\n" +                                                       // 29
            "  - Scope: justfile\n" +                                                        // 30
            "  - Expiry: On WP closure (validation complete).\n" +                           // 31
            "\n";

        private static GovernanceResult Analyze(string status, DateTime? today)
        {
            string text = Packets.Valid.Replace("- STATUS: Ready-for-Dev", "- STATUS: " + status).Replace("## Quality Gate\n", Waivers + "## Quality Gate\n");
            var inputs = Packets.SpecInputs().Append(DocumentInput.FromText(Packets.Path, text)).ToList();
            return GovernanceEngine.Analyze(inputs, new AnalysisOptions { Today = today });
        }

        private static string Show(GovernanceResult result, string id) => string.Join("\n", result.Of(id)
            .Select(d => $"({d.Span.StartLine},{d.Span.StartColumn}-{d.Span.EndLine},{d.Span.EndColumn}) [{string.Join(" | ", d.Arguments)}]"));

        [Fact]
        public void Each_waiver_without_an_ID_a_date_or_a_scope_is_GOV608_naming_what_is_missing()
        {
            var result = Analyze("In-Progress", null);
            Assert.Equal(
                "(25,3-25,21) [WAIVER-STORAGE-002 | approval date ('Date: YYYY-MM-DD'), 'Scope:' item]\n" +
                "(27,3-27,80) [WAIVER-2026-01-01-ROLLOUT | 'Scope:' item]\n" +
                "(28,3-28,35) [(no ID) | waiver ID, approval date ('Date: YYYY-MM-DD')]",
                Show(result, "GOV608"));
            Assert.Equal("Waiver 'WAIVER-STORAGE-002' has no approval date ('Date: YYYY-MM-DD'), 'Scope:' item; a waiver records its ID, approval date and scope",
                result.Of("GOV608")[0].Message);
        }

        [Fact]
        public void Pipe_separated_items_IDs_as_keys_and_dates_in_prose_are_read()
        {
            const string section =
                "## WAIVERS GRANTED\n" +
                "- WAIVER_ID: W-DOCS-001 | Date: 2026-01-07 | Scope: docs/TASK_BOARD.md | Justification: protocol update.\n" +
                "- WAIVER-20260104-CORE-01: keep the spec as is. Approved by ilja on 2026-01-04.\n" +
                "\n";
            string text = Packets.Valid.Replace("## Quality Gate\n", section + "## Quality Gate\n");
            var result = GovernanceEngine.Analyze(Packets.SpecInputs().Append(DocumentInput.FromText(Packets.Path, text)).ToList());
            var waivers = Assert.Single(result.Packets).Waivers;
            Assert.Equal(new[] { "W-DOCS-001", "WAIVER-20260104-CORE-01" }, waivers.Select(w => w.Id));
            Assert.Equal("docs/TASK_BOARD.md", waivers[0].Find("SCOPE")!.Value);
            Assert.Equal("(21,3-21,80) [WAIVER-20260104-CORE-01 | 'Scope:' item]", Show(result, "GOV608"));
        }

        [Fact]
        public void A_waiver_past_its_date_in_an_open_packet_is_GOV609_at_the_date()
        {
            var result = Analyze("In-Progress", new DateTime(2026, 2, 2));
            Assert.Equal("(24,14-24,24) [WAIVER-STORAGE-001 | 2026-02-01 | 2026-02-02]", Show(result, "GOV609"));
            Assert.Equal("Waiver 'WAIVER-STORAGE-001' expired on 2026-02-01 (today is 2026-02-02); renew it with a new approval date or finish the work without it",
                result.Of("GOV609")[0].Message);
        }

        [Fact]
        public void The_last_day_of_a_waiver_a_validated_packet_and_an_unknown_today_pass()
        {
            Assert.Empty(Analyze("In-Progress", new DateTime(2026, 2, 1)).Of("GOV609"));
            Assert.Empty(Analyze("Validated", new DateTime(2026, 3, 1)).Of("GOV609"));
            Assert.Empty(Analyze("In-Progress", null).Of("GOV609"));
        }
    }
}
