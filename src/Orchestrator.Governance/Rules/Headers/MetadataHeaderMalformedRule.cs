using Orchestrator.Governance.Diagnostics;
namespace Orchestrator.Governance.Rules.Headers
{
    /// <summary>
    /// GOV402: the header is there but wrong: swapped lines, below the first lines, an empty
    /// description, no Orchestration line, a phase that is not a number, no status, or a status
    /// outside headers.statuses. The first problem only, at the offending text, with what was
    /// expected. Source: seed 000 §3.
    /// </summary>
    public sealed class MetadataHeaderMalformedRule : HeaderRule
    {
        /// <inheritdoc />
        public override RuleDescriptor Descriptor => RuleCatalog.MetadataHeaderMalformed;

        /// <inheritdoc />
        public override void Analyze(HeaderRuleContext context)
        {
            var problem = context.Problem;
            if (problem == null || problem.IsMissing) return;
            context.Report(problem.Start, problem.Length, context.WriteHeaderFix(), problem.Message);
        }
    }
}
