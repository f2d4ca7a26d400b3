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
    public sealed class GOV401MetadataHeaderMissing : HeaderRule
    {
        /// <summary>GOV401: a file in headers.include does not start with the two-line metadata header.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV401", "Files must start with the two-line metadata header",
            "The file does not start with a metadata header: {0}",
            "Governance.Headers", GovernanceSeverity.Error,
            "Every file starts with exactly two lines of metadata in its comment syntax: what the file is for, and the phase and status that produced it. A model or person opening the file mid-session learns both without reading the history. Off until headers.include names the files to check.",
            "seed 000 §3 (Standard: Anthropic Metadata)");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(HeaderRuleContext context)
        {
            var problem = context.Problem;
            if (problem == null || !problem.IsMissing) return;
            context.Report(problem.Start, problem.Length, context.WriteHeaderFix(), problem.Message);
        }
    }
}
