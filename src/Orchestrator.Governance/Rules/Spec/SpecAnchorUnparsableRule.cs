using Orchestrator.Governance.Diagnostics;
namespace Orchestrator.Governance.Rules.Spec
{
    /// <summary>GOV202: every SPEC_ANCHOR line names a section, an ID or a spec line (seed 003 §5.2).</summary>
    public sealed class SpecAnchorUnparsableRule : TaskPacketRule
    {
        /// <inheritdoc />
        public override RuleDescriptor Descriptor => RuleCatalog.SpecAnchorUnparsable;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            foreach (var line in context.Index.Spec.AnchorsOf(context.Packet, context.Profile).Lines)
            {
                if (line.References.Count == 0) context.Report(line.Span, line.Text);
            }
        }
    }
}
