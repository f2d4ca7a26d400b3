using Orchestrator.Governance.Diagnostics;
namespace Orchestrator.Governance.Rules.Headers
{
    /// <summary>
    /// GOV401: a file that headers.include names has neither a <c>Description:</c> nor an
    /// <c>Orchestration:</c> comment line near its top. Reported at the line the header belongs
    /// on (line 1, or the line after an allowed shebang, XML declaration or front matter; the
    /// opening brace of a JSON file whose style is <c>$comment</c>), with the two lines expected
    /// in the file's comment syntax. Source: seed 000 §3.
    /// </summary>
    public sealed class MetadataHeaderMissingRule : HeaderRule
    {
        /// <inheritdoc />
        public override RuleDescriptor Descriptor => RuleCatalog.MetadataHeaderMissing;

        /// <inheritdoc />
        public override void Analyze(HeaderRuleContext context)
        {
            var problem = context.Problem;
            if (problem == null || !problem.IsMissing) return;
            context.Report(problem.Start, problem.Length, context.WriteHeaderFix(), problem.Message);
        }
    }
}
