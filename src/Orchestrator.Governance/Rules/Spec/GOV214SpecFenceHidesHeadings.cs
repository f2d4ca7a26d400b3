using System.Globalization;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Spec
{
    /// <summary>
    /// GOV214 (warning): a fenced code block of the spec swallows headings of the spec's own
    /// numbering (<see cref="Model.Spec.SpecDocument.SwallowingFences"/>): left unclosed, or closed
    /// by a fence that does not close it (CommonMark 0.31 §4.5), it turns the headings after it into
    /// code, and anchors into them cannot resolve. Reported where the fence opens, naming the first
    /// and last heading it hides.
    /// </summary>
    public sealed class GOV214SpecFenceHidesHeadings : RepositoryRule
    {
        /// <summary>GOV214: a code fence hides spec headings.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV214", "Spec code fences must not hide headings",
            "Code fence hides {0} heading(s) of the spec, from {1} (line {2}) to {3} (line {4}): {5}",
            "Governance.Spec", GovernanceSeverity.Warning,
            "A code fence that is not closed where its code ends turns the headings after it into code: the sections they number vanish, and every anchor into them fails to resolve far from the cause.",
            "CommonMark 0.31 §4.5 (fenced code blocks); seed 003 §5.2 (anchors must resolve)")
        {
            // The lines move when the spec is edited above the fence; the headings it hides are what it is.
            LocationArguments = new[] { 2, 4, 5 },
        };

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RepositoryRuleContext context)
        {
            var specContext = context.Index.Spec;
            var spec = specContext.Spec;
            if (spec == null) return;
            foreach (var fence in spec.SwallowingFences)
            {
                var first = fence.Headings[0];
                var last = fence.Headings[fence.Headings.Count - 1];
                string closed = fence.CloseLine is int close
                    ? "the block it opens runs to line " + specContext.LineLabel(spec.Document.Span(spec.Document.Lines.GetLineStart(close), 0))
                        + "; close it where its code ends, or, if it was meant to close the code above it, give that code its opening fence"
                    : "nothing closes it; close it where its code ends";
                context.Report(spec.Path, fence.OpenSpan,
                    fence.Headings.Count.ToString(CultureInfo.InvariantCulture),
                    Describe(first), specContext.LineLabel(first.Span), Describe(last), specContext.LineLabel(last.Span), closed);
            }
        }

        private static string Describe(Model.Spec.HiddenHeading heading) =>
            $"'§{heading.Number} {MessageText.Short(heading.Title)}'";
    }
}
