using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Model;

namespace Orchestrator.Governance.Rules.Source
{
    /// <summary>
    /// GOV704: a test a DONE_MEANS item names (<see cref="TestReference"/>) did not pass in the test
    /// results the host handed over (<see cref="Engine.AnalysisOptions.TestResults"/>: TRX or JUnit
    /// XML): it failed, it was skipped, or no result file has it. Reported at the test's name, with
    /// the result file that decided and its time. Without test results the rule does not run:
    /// GOV703 (in a test project) still asks that the test exist.
    /// </summary>
    public sealed class GOV704NamedTestNotPassed : TaskPacketRule
    {
        /// <summary>GOV704: a named test did not pass.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV704", "Tests named in DONE_MEANS must have passed",
            "DONE_MEANS names the test '{0}', which {1}",
            "Governance.Source", GovernanceSeverity.Error,
            "An item met by a named test is met when the test ran and passed, not when the packet says so. Given the test results (TRX from dotnet test, JUnit XML from cargo-nextest, pytest, Jest), a named test that failed, was skipped or is not in them leaves the item unproven: the phantom completion the Anti-Vibe Guard audits for.",
            "seed 003 Part 1 [CX-600B] (Anti-Vibe Guard), §8 (DONE_MEANS are measurable)");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var results = context.Index.TestResults;
            if (results == null) return;
            foreach (var reference in TestReference.Of(context.Packet, context.Profile))
            {
                string? problem = results.VerdictOn(reference.Name).Problem(results);
                if (problem != null) context.Report(reference.Span, reference.Name, problem);
            }
        }
    }
}
