using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Source
{
    /// <summary>
    /// GOV703, a rule that needs a compilation: a DONE_MEANS item names a test
    /// (<see cref="Model.TestReference"/>) that the test project's compilation does not hold as a
    /// test method that runs. The engine finds the names (<see cref="Engine.GovernanceResult.TestReferences"/>);
    /// the Roslyn analyzer of a project that sets GovernanceTestProject=true resolves them
    /// (src/Orchestrator.Governance.Analyzers/Source/GOV703DoneMeansTestAnalyzer.cs).
    /// </summary>
    public static class GOV703DoneMeansTestMissing
    {
        /// <summary>GOV703: a DONE_MEANS item names a test that does not exist, is no test, or is skipped.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV703", "Tests named in DONE_MEANS must exist and run",
            "DONE_MEANS names the test '{0}', which {1}",
            "Governance.Source", GovernanceSeverity.Error,
            "A DONE_MEANS item met by a named test is met only while that test exists, is a test the runner runs ([Fact], [Theory], [Test], [TestCase], [TestMethod], [DataTestMethod]) and is not skipped. A renamed, deleted or skipped test leaves the item claimed and unproven: the phantom completion the Anti-Vibe Guard audits for.",
            "seed 003 Part 1 [CX-600B] (Anti-Vibe Guard), §8 (DONE_MEANS are measurable)");
    }
}
