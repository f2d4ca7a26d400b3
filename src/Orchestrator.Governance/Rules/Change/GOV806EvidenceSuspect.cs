using System.Linq;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Model;
using Orchestrator.Governance.Model.Board;

namespace Orchestrator.Governance.Rules.Change
{
    /// <summary>
    /// GOV806 (warning): suspect evidence, as Doorstop and OpenFastTrace call a link whose target
    /// changed. A closed packet (a status of taskPacket.closedStatuses or dependencies.validated)
    /// cites evidence (<see cref="EvidenceReference"/>) in a file the change under review modifies
    /// (<see cref="Engine.AnalysisOptions.ChangedFiles"/>: <c>--changed-since</c>, <c>--base</c>,
    /// <c>--changed-files</c>, <c>GovernanceChangedSince</c>): what was validated may no longer be
    /// what the evidence shows. When the change edits the packet too, only references it rewrote are
    /// taken as revalidated; one the packet had word for word at the base revision
    /// (<see cref="Model.Change.BaseRevision"/>) stays suspect, so an edit elsewhere in the packet does
    /// not silence it. Without a change the rule does not run.
    /// </summary>
    public sealed class GOV806EvidenceSuspect : TaskPacketRule
    {
        /// <summary>GOV806: a closed packet's evidence changed.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV806", "Evidence of a closed packet must be rechecked when its file changes",
            "Evidence '{0}' of this {1} packet is in {2}, which this change modifies; check that the evidence still shows what the packet claims, and revalidate or move it",
            "Governance.Change", GovernanceSeverity.Warning,
            "A closed packet's evidence points at lines of files as they were when it was validated. A change to such a file makes the evidence suspect: the lines may now show something else, or nothing.",
            "seed 003 Part 1 [CX-600B] (Anti-Vibe Guard), §6.4; Doorstop's and OpenFastTrace's suspect links");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var index = context.Index;
            var changed = index.ChangedFiles;
            var files = index.Files;
            if (changed == null || changed.Count == 0 || files == null) return;
            // A change to the packet itself revalidates the evidence it rewrites: a reference the packet
            // had at the base revision, word for word, is still suspect; without the base text the
            // edit is taken to revalidate it all.
            System.Collections.Generic.HashSet<string>? kept = null;
            if (changed.Contains(context.Packet.Path))
            {
                if (index.Base == null || !index.Base.TryGetPacket(context.Packet.Path, out var before) || before == null) return;
                kept = new System.Collections.Generic.HashSet<string>(EvidenceReference.Of(before).Select(r => r.Text), System.StringComparer.Ordinal);
            }

            string? status = context.Profile.FieldOf(context.Packet, "STATUS")?.Value.Trim();
            var closed = index.Config.TaskPacket.ClosedStatuses.Concat(index.Config.Dependencies.Validated).ToList();
            if (string.IsNullOrEmpty(status) || !TopologyFacts.IsOneOf(status!, closed)) return;
            foreach (var reference in EvidenceReference.Of(context.Packet))
            {
                string? resolved = DocumentInput.ResolveInside(reference.Path);
                if (resolved == null || resolved.Length == 0) continue;
                var named = files.Named(resolved);
                if (kept != null && !kept.Contains(reference.Text)) continue;
                if (named.Count == 1 && changed.Contains(named[0])) context.Report(reference.Span, reference.Text, status!, named[0]);
            }
        }
    }
}
