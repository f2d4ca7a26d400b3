using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Spec
{
    /// <summary>
    /// GOV211 (warning): spec headings are numbered within the section they stand in. Reported on
    /// the spec heading, once per misnumbered heading (its own children are compared with it).
    /// </summary>
    public sealed class GOV211SpecNumberingInconsistent : RepositoryRule
    {
        /// <summary>GOV211: a spec heading is numbered outside the section it stands in.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV211", "Spec headings must be numbered within their section",
            "Heading §{0} is numbered outside §{1}, the section it stands in (line {2})",
            "Governance.Spec", GovernanceSeverity.Warning,
            "A heading whose number does not extend its enclosing section's number (2.3.11.1 inside 2.3.12) makes anchors to either number ambiguous.",
            "seed 003 §5.2 (anchors must resolve unambiguously)")
        { LocationArguments = new[] { 2 } };

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RepositoryRuleContext context)
        {
            var specContext = context.Index.Spec;
            var spec = specContext.Spec;
            if (spec == null) return;
            foreach (var problem in spec.NumberingProblems)
            {
                // In a spec of modules the engine moves it to the module and line the heading stands on.
                context.Report(spec.Path, problem.Section.HeadingSpan,
                    problem.Section.Number + " " + problem.Section.Title,
                    problem.Parent.Number + " " + problem.Parent.Title,
                    specContext.LineLabel(problem.Parent.HeadingSpan));
            }
        }
    }
}
