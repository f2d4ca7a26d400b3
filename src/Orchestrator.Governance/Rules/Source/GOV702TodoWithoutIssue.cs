using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Source
{
    /// <summary>
    /// GOV702, a rule over C# source: the engine reads no C#, so the Roslyn analyzer runs it
    /// (src/Orchestrator.Governance.Analyzers/Source/GOV702TodoWithoutIssueAnalyzer.cs) and the rule's facts are declared
    /// here, with the other rules', so every host's catalog lists it.
    /// </summary>
    public static class GOV702TodoWithoutIssue
    {
        /// <summary>GOV702: TODO/FIXME/HACK comment without an issue reference.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV702", "TODO comments must reference an issue",
            "{0} comment has no issue reference; write {0}(ISSUE-123) or {0} #123 (source.issueReference: {1})",
            "Governance.Source", GovernanceSeverity.Warning,
            "A TODO without an issue is work nobody tracks: it outlives the packet that left it. With a reference, the remaining work is on the board.",
            "seed 003 Part 1 [CX-600B] (Anti-Vibe Guard), §5.4 (DONE_MEANS)");
    }
}
