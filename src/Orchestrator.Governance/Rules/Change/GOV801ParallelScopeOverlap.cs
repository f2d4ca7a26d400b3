using System;
using System.Collections.Generic;
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
    /// repository's files are known, a file both match). Reported at the entry in each packet,
    /// naming the other packet, its entry and the shared paths. Prose entries own nothing.
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

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var active = context.Index.Scope.Gate.ActiveStatuses;
            var topology = context.Index.Topology;
            string ownId = Model.Board.TopologyFacts.IdOf(context.Packet, context.Profile);
            if (active.Count == 0 || !(StatusOf(topology, ownId) is string own) || !Model.Board.TopologyFacts.IsOneOf(own, active)) return;
            var mine = Owned(context.Index.InScopeOf(context.Packet));
            if (mine.Count == 0) return;
            var files = context.Index.Files?.Files;

            foreach (var other in context.Index.Packets)
            {
                if (ReferenceEquals(other, context.Packet)) continue;
                string otherId = Model.Board.TopologyFacts.IdOf(other, context.Profile);
                if (!(StatusOf(topology, otherId) is string status) || !Model.Board.TopologyFacts.IsOneOf(status, active)) continue;
                // Two files of one WP (a packet in two forms, a variant) are one owner.
                if (string.Equals(otherId, ownId, StringComparison.Ordinal)) continue;
                var theirs = Owned(context.Index.InScopeOf(other));
                foreach (var entry in mine)
                {
                    foreach (var their in theirs)
                    {
                        var shared = ScopeFacts.SharedPaths(entry, their, files);
                        if (shared.Count == 0) continue;
                        string sharedText = string.Join(", ", shared.Take(SharedShown)) + (shared.Count > SharedShown ? $" and {shared.Count - SharedShown} more" : string.Empty);
                        context.Report(entry.Span, entry.Written, their.Written, otherId, status.Trim(), sharedText);
                    }
                }
            }
        }

        /// <summary>
        /// A WP's status as the dependency rules read it: its task board entry's, where the board
        /// lists it (the board is where work is tracked, seed 003 Part 6), else its packet's STATUS.
        /// </summary>
        private static string? StatusOf(Model.Board.Topology topology, string id) => topology.StatusOf(id)?.Status;

        /// <summary>The entries that own files: files, folders and globs (one per path).</summary>
        private static List<ScopeEntry> Owned(IReadOnlyList<ScopeEntry> entries) => entries
            .Where(e => e.Path.Length > 0 && (e.Kind == ScopeEntryKind.File || e.Kind == ScopeEntryKind.Folder || e.Kind == ScopeEntryKind.Glob))
            .GroupBy(e => e.Path, StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();
    }
}
