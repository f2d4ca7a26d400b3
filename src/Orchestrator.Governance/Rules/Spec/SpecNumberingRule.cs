using System.Globalization;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Spec
{
    /// <summary>
    /// GOV211 (warning): spec headings are numbered within the section they stand in. Reported on
    /// the spec heading, once per misnumbered heading (its own children are compared with it).
    /// </summary>
    public sealed class SpecNumberingRule : RepositoryRule
    {
        /// <inheritdoc />
        public override RuleDescriptor Descriptor => RuleCatalog.SpecNumberingInconsistent;

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
