using System.Linq;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Model.Scope;

namespace Orchestrator.Governance.Rules.Change
{
    /// <summary>
    /// GOV801: two task packets in progress at once (their status in scope.gate.activeStatuses: the
    /// task board's, where it lists the WP, else the packet's STATUS) own
    /// overlapping IN_SCOPE_PATHS: the same file, a file inside a folder the other owns, nested
    /// folders, or a glob that matches a file or folder the other owns (two globs: when the
    /// repository's files are known, a file both match), or files they both mark new in the same
    /// folder the repository does not have yet. Reported once at each entry, naming the first other
    /// packet (by ID) with its entry, how many more there are, and the shared paths; the ownership
    /// is indexed once (<see cref="ScopeOwnership"/>), so a thousand packets in progress cost no
    /// million comparisons. Prose entries own nothing.
    /// </summary>
    public sealed class GOV801ParallelScopeOverlap : TaskPacketRule
    {
        /// <summary>GOV801: parallel packets own the same files.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV801", "Packets in progress at the same time must not own the same files",
            "IN_SCOPE_PATHS entry '{0}' overlaps '{1}' of {2}, which is also {3}: both may write {4}",
            "Governance.Change", GovernanceSeverity.Error,
            "Work runs in parallel only where ownership does not overlap: two agents given the same file at once overwrite each other's changes or merge them blindly. Finish or block one packet, or split the files between the two packets' IN_SCOPE_PATHS.",
            "seed 001 §2 (Slice Implementation: avoid parallel writes in same files; parallelize only non-overlapping ownership), seed 003 §5.3 (IN_SCOPE_PATHS Precision)");

        private const int SharedShown = 3;

        private const int OthersShown = 3;

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var active = context.Index.Scope.Gate.ActiveStatuses;
            var topology = context.Index.Topology;
            string ownId = Model.Board.TopologyFacts.IdOf(context.Packet, context.Profile);
            if (active.Count == 0 || !(topology.StatusOf(ownId)?.Status is string own) || !Model.Board.TopologyFacts.IsOneOf(own, active)) return;
            var ownership = context.Index.Ownership;

            // One diagnostic an entry, however many packets it overlaps: the first few by ID, and how many more.
            foreach (var entry in ScopeOwnership.Owned(context.Index.InScopeOf(context.Packet)))
            {
                var overlap = ownership.OverlapsOf(ownId, entry);
                if (overlap.IsEmpty) continue;
                var first = overlap.Others[0];
                string others = first.Owner;
                int more = overlap.Others.Count - 1;
                if (more > 0)
                {
                    var named = overlap.Others.Skip(1).Take(OthersShown).Select(o => o.Owner);
                    others += $" (and {more} more packet{(more == 1 ? string.Empty : "s")} in progress: {string.Join(", ", named)}{(more > OthersShown ? ", ..." : string.Empty)})";
                }

                var shared = overlap.Shared;
                string sharedText = string.Join(", ", shared.Take(SharedShown)) + (shared.Count > SharedShown ? $" and {shared.Count - SharedShown} more" : string.Empty);
                context.Report(entry.Span, entry.Written, first.Entry.Written, others, first.Status, sharedText);
            }
        }
    }
}
