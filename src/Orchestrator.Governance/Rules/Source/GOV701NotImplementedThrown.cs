using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Source
{
    /// <summary>
    /// GOV701, a rule over C# source: the engine reads no C#, so the Roslyn analyzer runs it
    /// (src/Orchestrator.Governance.Analyzers/Source/GOV701NotImplementedExceptionAnalyzer.cs) and the rule's facts are declared
    /// here, with the other rules', so every host's catalog lists it.
    /// </summary>
    public static class GOV701NotImplementedThrown
    {
        /// <summary>GOV701: NotImplementedException thrown in shipping code.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV701", "Shipping code must not throw NotImplementedException",
            "'{0}' throws NotImplementedException; implement it, or take it out of the packet's DONE_MEANS",
            "Governance.Source", GovernanceSeverity.Error,
            "A stub that throws NotImplementedException compiles, passes a build and fails at run time: the placeholder the Anti-Vibe Guard audits every submission for. Test projects and samples are exempt (source.exclude).",
            "seed 003 Part 1 [CX-600B] (Anti-Vibe Guard)");
    }
}
