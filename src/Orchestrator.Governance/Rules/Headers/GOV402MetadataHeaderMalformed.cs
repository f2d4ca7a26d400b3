using Orchestrator.Governance.Diagnostics;
namespace Orchestrator.Governance.Rules.Headers
{
    /// <summary>
    /// GOV402: the header is there but wrong: swapped lines, below the first lines, an empty
    /// description, no Orchestration line, a phase that is not a number, no status, or a status
    /// outside headers.statuses. The first problem only, at the offending text, with what was
    /// expected. Source: seed 000 §3.
    /// </summary>
    public sealed class GOV402MetadataHeaderMalformed : HeaderRule
    {
        /// <summary>GOV402: the metadata header is there but malformed.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV402", "Metadata headers must be well formed",
            "Malformed metadata header: {0}",
            "Governance.Headers", GovernanceSeverity.Error,
            "The header is line 1 'Description: <summary>' and line 2 'Orchestration: Phase <XX> | <Status>', with XX a number and a status (one of headers.statuses when configured). Swapped lines, a header below the first lines, an empty description, a phase that is not a number or a missing status are reported one at a time, first problem first.",
            "seed 000 §3 (Standard: Anthropic Metadata)");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(HeaderRuleContext context)
        {
            var problem = context.Problem;
            if (problem == null || problem.IsMissing) return;
            context.Report(problem.Start, problem.Length, context.WriteHeaderFix(), problem.Message);
        }
    }
}
