using System;
using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Model;
using Orchestrator.Governance.Model.Board;
using Orchestrator.Governance.Model.Locks;
using Orchestrator.Governance.Model.Scope;
using Orchestrator.Governance.Model.Spec;

namespace Orchestrator.Governance.Engine.Queries
{
    /// <summary>
    /// What the engine knows of one task packet, read from an analysis' result: its status (and the board's), whether a
    /// USER_SIGNATURE locks it, its scope, its SPEC_ANCHOR references resolved, each DONE_MEANS item with the
    /// requirements it maps to and why, the MUSTs of its anchored sections no item covers, its blockers with their
    /// statuses, and its diagnostics. The MCP server's <c>packet</c> tool asks it.
    /// </summary>
    public sealed class PacketView
    {
        private PacketView(GovernanceResult result, TaskPacket packet, string id)
        {
            var profile = result.Profile;
            var spec = result.Spec;
            Result = result;
            Packet = packet;
            Id = id;
            Status = profile.FieldOf(packet, "STATUS");
            BoardStatus = TopologyFacts.BoardEntryOf(result.Topology, result.Config.Board, packet)?.Status;
            var signature = PacketLock.Signature(packet, profile);
            Locked = signature != null && PacketLock.IsSigned(signature.Value, profile);
            InScope = ScopeFacts.InScope(packet, profile, null, result.Config.Scope.NewMarkers).Where(e => e.Path.Length > 0).ToList();
            OutOfScope = (profile.FieldOf(packet, "OUT_OF_SCOPE")?.Entries ?? (IReadOnlyList<PacketFieldItem>)Array.Empty<PacketFieldItem>()).Select(i => i.Text.Trim()).ToList();
            Anchors = spec.AnchorsOf(packet, profile).References;
            Coverage = spec.CoverageOf(packet, profile);
            // Without a coverage (no spec, no anchored section) each item is listed, mapping to nothing.
            UnmappedItems = Coverage == null && profile.FieldOf(packet, "DONE_MEANS") is PacketField doneMeans ? doneMeans.Entries : Array.Empty<PacketFieldItem>();
            UncoveredMusts = Coverage == null ? new List<SpecRequirement>() : Coverage.Uncovered(absolute: true);
            Dependencies = TopologyFacts.BlockersOf(result.Topology, packet).Select(b => (b, result.Topology.StatusOf(b))).ToList();
            Diagnostics = result.Diagnostics.Where(d => d.Path == packet.Path).ToList();
        }

        /// <summary>The view of the packet <paramref name="id"/> names (<see cref="PacketLookup.Resolve"/>).</summary>
        /// <exception cref="QueryException">No packet has that ID.</exception>
        public static PacketView Of(GovernanceResult result, string id)
        {
            var (packet, wp) = PacketLookup.Resolve(result, id);
            return new PacketView(result, packet, wp);
        }

        /// <summary>The result the view reads (its spec locates requirements and sections in their files).</summary>
        public GovernanceResult Result { get; }

        /// <summary>The packet.</summary>
        public TaskPacket Packet { get; }

        /// <summary>The WP ID it goes by.</summary>
        public string Id { get; }

        /// <summary>Its STATUS field, or null.</summary>
        public PacketField? Status { get; }

        /// <summary>The task board's status for it, or null when the board does not list it.</summary>
        public string? BoardStatus { get; }

        /// <summary>A USER_SIGNATURE locks it.</summary>
        public bool Locked { get; }

        /// <summary>Its IN_SCOPE_PATHS entries that name a path.</summary>
        public IReadOnlyList<ScopeEntry> InScope { get; }

        /// <summary>Its OUT_OF_SCOPE items, trimmed.</summary>
        public IReadOnlyList<string> OutOfScope { get; }

        /// <summary>Its SPEC_ANCHOR references, resolved (a reference naming no section carries the nearest).</summary>
        public IReadOnlyList<ResolvedReference> Anchors { get; }

        /// <summary>Its DONE_MEANS items mapped to the anchored requirements; null without a spec or an anchored section.</summary>
        public DoneMeansCoverage? Coverage { get; }

        /// <summary>Its DONE_MEANS items when there is no <see cref="Coverage"/> (each maps to nothing); empty otherwise.</summary>
        public IReadOnlyList<PacketFieldItem> UnmappedItems { get; }

        /// <summary>The MUSTs of its anchored sections no item covers.</summary>
        public IReadOnlyList<SpecRequirement> UncoveredMusts { get; }

        /// <summary>Its blockers with their status (and where the status comes from), or null when unknown.</summary>
        public IReadOnlyList<(string Id, (string Status, string Source)? Status)> Dependencies { get; }

        /// <summary>Its diagnostics, in the engine's order.</summary>
        public IReadOnlyList<GovernanceDiagnostic> Diagnostics { get; }
    }
}
