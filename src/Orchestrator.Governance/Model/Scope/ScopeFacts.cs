using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Orchestrator.Governance.Model;
using Orchestrator.Governance.Model.Scope;

namespace Orchestrator.Governance.Model.Scope
{
    /// <summary>A packet's IN_SCOPE_PATHS entries, read once per packet and shared by GOV501-GOV504.</summary>
    internal static class ScopeFacts
    {
        private static readonly ConditionalWeakTable<TaskPacket, List<ScopeEntry>> InScopeCache = new ConditionalWeakTable<TaskPacket, List<ScopeEntry>>();


        /// <summary>The IN_SCOPE_PATHS entries of <paramref name="packet"/> (empty without the field), read once.</summary>
        public static List<ScopeEntry> InScope(TaskPacket packet, TaskPacketProfile profile, RepositoryFiles? files) =>
            InScopeCache.GetValue(packet, p =>
            {
                var field = profile.FieldOf(p, "IN_SCOPE_PATHS");
                return field == null ? new List<ScopeEntry>() : ScopeEntry.Read(field, p, files);
            });
    }
}
