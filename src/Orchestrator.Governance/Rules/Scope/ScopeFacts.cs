using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Orchestrator.Governance.Model;
using Orchestrator.Governance.Model.Scope;

namespace Orchestrator.Governance.Rules.Scope
{
    /// <summary>A packet's IN_SCOPE_PATHS entries, read once per packet and shared by GOV501-GOV504.</summary>
    internal static class ScopeFacts
    {
        private static readonly ConditionalWeakTable<TaskPacket, List<ScopeEntry>> InScopeCache = new ConditionalWeakTable<TaskPacket, List<ScopeEntry>>();

        /// <summary>The IN_SCOPE_PATHS entries of the packet under analysis (empty without the field).</summary>
        public static List<ScopeEntry> InScope(RuleContext context) =>
            InScopeCache.GetValue(context.Packet, packet =>
            {
                var field = packet.FindField("IN_SCOPE_PATHS", context.Profile.AliasesOf("IN_SCOPE_PATHS"));
                return field == null ? new List<ScopeEntry>() : ScopeEntry.Read(field, packet, context.Index.Files);
            });
    }
}
