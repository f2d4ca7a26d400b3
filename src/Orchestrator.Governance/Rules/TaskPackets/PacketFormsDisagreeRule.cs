using Orchestrator.Governance.Diagnostics;
namespace Orchestrator.Governance.Rules.TaskPackets
{
    /// <summary>
    /// GOV113: a packet kept as data and as a Markdown projection (same folder, same ID) says the
    /// same in both: STATUS, the USER_SIGNATURE lock, the SPEC_ANCHOR sections and the
    /// IN_SCOPE_PATHS. Reported at the Markdown's field (or its title when the field is missing),
    /// because that is the text people read. Source: seed 003 §5.1 (one packet, one truth), §5.6.
    /// </summary>
    public sealed class PacketFormsDisagreeRule : RepositoryRule
    {
        /// <inheritdoc />
        public override RuleDescriptor Descriptor => RuleCatalog.PacketFormsDisagree;

        /// <inheritdoc />
        public override void Analyze(RepositoryRuleContext context)
        {
            foreach (var forms in context.Index.PacketForms)
            {
                foreach (var (field, markdownField, markdownValue, dataValue) in forms.Disagreements(context.Profile))
                {
                    var at = markdownField == null ? forms.Markdown.AnchorSpan : markdownField.Value.Length > 0 || markdownField.Items.Count == 0 ? markdownField.ValueSpan : markdownField.KeySpan;
                    context.Report(forms.Markdown.Path, at, field, markdownValue, dataValue, forms.Data.Path, forms.Authoritative.IsData ? "data" : "markdown");
                }
            }
        }
    }
}
