using System;
using System.Linq;
using Orchestrator.Governance.Model;
using Orchestrator.Governance.Model.Board;

namespace Orchestrator.Governance.Engine.Queries
{
    /// <summary>Finds the task packet a WP ID names, as every query that takes one does.</summary>
    public static class PacketLookup
    {
        /// <summary>
        /// The task packet <paramref name="id"/> names: the WP whose ID it is, else the packet whose file stem it is
        /// (exactly, then ignoring case), with the WP ID it goes by.
        /// </summary>
        /// <exception cref="QueryException">No packet has that ID: a stub's WP says what the stub says of it; otherwise up to five near file names.</exception>
        public static (TaskPacket Packet, string Id) Resolve(GovernanceResult result, string id)
        {
            var packet = result.Topology.PacketOf(id)
                ?? result.Packets.FirstOrDefault(p => string.Equals(p.FileStem, id, StringComparison.Ordinal))
                ?? result.Packets.FirstOrDefault(p => string.Equals(p.FileStem, id, StringComparison.OrdinalIgnoreCase));
            if (packet != null)
                return (packet, result.Topology.IdsOf(packet).Contains(id, StringComparer.Ordinal) ? id : TopologyFacts.NameOf(result.Topology, packet, result.Profile));
            // A WP whose only document is a stub: say so, with what the stub says of it.
            if (result.Stubs.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal)) is Model.Stubs.TaskPacketStub stub)
                throw new QueryException($"{QueryText.Clip(id)} has no task packet: it is a stub, {stub.Path} (status '{QueryText.Clip(stub.Status?.Value.Trim() ?? "none")}'"
                    + (stub.ReplacementId != null ? $", replaced by {stub.ReplacementId}" : string.Empty) + "); a stub is activated into a packet before work starts");
            var near = result.Packets.Select(p => p.FileStem).Where(s => s.IndexOf(id, StringComparison.OrdinalIgnoreCase) >= 0 || id.IndexOf(s, StringComparison.OrdinalIgnoreCase) >= 0)
                .OrderBy(s => s, StringComparer.Ordinal).Take(5).ToList();
            throw new QueryException($"no task packet has the WP ID '{QueryText.Clip(id)}'" + (near.Count > 0 ? "; did you mean " + string.Join(", ", near) + "?" : $" ({result.Packets.Count} packets read; the check tool lists their files)"));
        }
    }
}
