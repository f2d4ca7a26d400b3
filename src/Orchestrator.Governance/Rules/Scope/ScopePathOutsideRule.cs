using Orchestrator.Governance.Model.Scope;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Scope
{
    /// <summary>
    /// GOV503: an IN_SCOPE_PATHS entry is absolute (/etc/x, C:\x, ~/x) or climbs out of the
    /// repository with "..". It is reported and never resolved or looked up. Reported at the path.
    /// </summary>
    public sealed class ScopePathOutsideRule : TaskPacketRule
    {
        /// <inheritdoc />
        public override RuleDescriptor Descriptor => RuleCatalog.ScopePathOutside;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            foreach (var entry in ScopeFacts.InScope(context))
            {
                if (entry.Kind == ScopeEntryKind.Outside) context.Report(entry.Span, entry.Written);
            }
        }
    }
}
