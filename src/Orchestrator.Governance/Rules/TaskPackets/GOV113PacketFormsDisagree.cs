using Orchestrator.Governance.Diagnostics;
namespace Orchestrator.Governance.Rules.TaskPackets
{
    /// <summary>
    /// GOV113: a packet kept in two forms says the same in both: as data and as a Markdown
    /// projection (same folder, same ID), or, while a project moves to a folder per packet, as a
    /// flat file and as a folder (<c>WP-1-Foo.md</c> and <c>WP-1-Foo/packet.md</c>). Compared:
    /// STATUS, the USER_SIGNATURE lock, the SPEC_ANCHOR sections and the IN_SCOPE_PATHS. Reported at
    /// the Markdown's field of a data pair (the text people read), else at the form that is not
    /// authoritative. Source: seed 003 §5.1 (one packet, one truth), §5.6.
    /// </summary>
    public sealed class GOV113PacketFormsDisagree : RepositoryRule
    {
        /// <summary>GOV113: a packet's data and Markdown forms disagree.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV113", "A packet's data and Markdown forms must agree",
            "{0} is '{1}' here but '{2}' in {3}, the packet's other form; regenerate the form that is not authoritative (taskPacket.authoritative: {4})",
            "Governance.TaskPacket", GovernanceSeverity.Error,
            "A packet kept as data (JSON or YAML) with a Markdown projection generated from it is one packet: the rules read the authoritative form only. When the projection's status, lock, anchors or scope differ from the data, people read one thing and the tools check another.",
            "seed 003 §5.1 (the packet is the single source of the task), §5.6");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RepositoryRuleContext context)
        {
            foreach (var forms in context.Index.PacketForms)
            {
                foreach (var (field, markdownField, markdownValue, dataValue) in forms.Disagreements(context.Profile))
                {
                    var at = markdownField == null ? forms.Markdown.AnchorSpan : markdownField.Value.Length > 0 || markdownField.Items.Count == 0 ? markdownField.ValueSpan : markdownField.KeySpan;
                    context.Report(forms.Markdown.Path, at, field, markdownValue, dataValue, forms.Data.Path, forms.AuthoritativeKind);
                }
            }
        }
    }
}
