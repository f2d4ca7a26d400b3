using System.Linq;
using Orchestrator.Governance.Model.Spec;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules.Spec
{
    /// <summary>
    /// GOV212 on the shared packet (DONE_MEANS on lines 26-27, anchored to §2.3.12.3: MUST Database
    /// trait, MUST SqliteDatabase wrapper, SHOULD PostgresDatabase stub): an item that claims the
    /// requirements wholesale covers none of them (issue 32: one sentence made GOV207 go away).
    /// </summary>
    public class GOV212DoneMeansBlanketClaimTests
    {
        private const string Item26 = "  * Database trait, SqliteDatabase wrapper and PostgresDatabase stub exist (§2.3.12.3)";

        private const string Musts =
            "line 21 'The backend MUST define a Database trait with async methods.'; line 22 'The backend MUST implement a SqliteDatabase wrapper behind the trait.'";

        private static EngineMarkup WithItems(string items, string doneMeans = "- **DONE_MEANS**:") =>
            EngineMarkup.Packet(Packets.WithLine(25, doneMeans).Replace(Item26 + "\n", items));

        [Theory]
        [InlineData("All requirements of §2.3.12.3 are implemented.")]
        [InlineData("§2.3.12.3 is fully implemented")]
        [InlineData("Complies with every MUST of §2.3.12.3")]
        [InlineData("Every requirement in the anchored sections is met")]
        [InlineData("All normative requirements satisfied (§2.3.12.3)")]
        [InlineData("Implementation of §2.3.12.3 complete")]
        [InlineData("Each of the MUSTs is implemented and verified")]
        public void A_wholesale_claim_is_GOV212_at_its_line_and_every_requirement_stays_uncovered(string claim)
        {
            // The claim is reported over its text; GOV207 and GOV208 at the DONE_MEANS field list what stays uncovered.
            WithItems("  * {|#0:" + claim + "|}\n", "- **{|#1:|}{|#2:|}DONE_MEANS**:")
                .Expect(0, "GOV212", claim)
                .Expect(1, "GOV207", "2", "§2.3.12.3", Musts)
                .Expect(2, "GOV208", "1", "§2.3.12.3", "line 23 'The backend SHOULD provide a PostgresDatabase stub.'")
                .Verify();
        }

        [Theory]
        [InlineData("All requirements of §2.3.12.3 are implemented, keywords: Database trait, async methods, SqliteDatabase wrapper behind the trait, PostgresDatabase stub",
            "All requirements of §2.3.12.3 are implemented, keywords: Database trait, asyn...")]
        [InlineData("Every requirement of §2.3.12.3 has a test: Database trait, SqliteDatabase wrapper, PostgresDatabase stub",
            "Every requirement of §2.3.12.3 has a test: Database trait, SqliteDatabase wra...")]
        [InlineData("Both §2.3.12.3 and §1.1 are implemented; tests pass.", "Both §2.3.12.3 and §1.1 are implemented; tests pass.")]
        [InlineData("All requirements of §2.3.12.3 are implemented (see evidence mapping)", "All requirements of §2.3.12.3 are implemented (see evidence mapping)")]
        public void A_claim_stays_a_claim_with_keywords_or_a_gate_beside_it(string claim, string shown)
        {
            // Keywords after a claim would state every requirement in substance; a gate after it would make it a gate.
            WithItems("  * {|#0:" + claim + "|}\n", "- **{|#1:|}{|#2:|}DONE_MEANS**:")
                .Expect(0, "GOV212", shown)
                .Expect(1, "GOV207", "2", "§2.3.12.3", Musts)
                .Expect(2, "GOV208", "1", "§2.3.12.3", "line 23 'The backend SHOULD provide a PostgresDatabase stub.'")
                .Verify();
        }

        [Theory]
        [InlineData("  * Evidence mapping lists file:line for every requirement\n")]
        [InlineData("  * All tests pass\n")]
        [InlineData("  * Every requirement of §2.3.12.3 is listed in the evidence mapping with file:line\n")]
        public void An_item_that_says_something_besides_the_claim_is_no_wholesale_claim(string items)
        {
            WithItems(Item26 + "\n" + items).Verify();
        }

        [Fact]
        public void An_item_that_names_its_requirements_is_no_wholesale_claim()
        {
            WithItems("  * All of §2.3.12.3 requirement 1 is implemented\n" + Item26 + "\n").Verify();
        }

        [Fact]
        public void The_example_s_item_naming_its_three_requirements_stays_credited()
        {
            var result = Packets.Analyze(Packets.Valid);
            Assert.Empty(result.Diagnostics);
            var coverage = result.Spec.CoverageOf(result.Packets.Single(), result.Profile)!;
            Assert.Equal(3, coverage.Covered.Count);
            Assert.DoesNotContain(coverage.Items, i => i.Kind == MappingKind.Blanket);
        }
    }
}
