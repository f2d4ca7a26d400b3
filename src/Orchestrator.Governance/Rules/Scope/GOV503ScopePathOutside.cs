using Orchestrator.Governance.Model.Scope;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Scope
{
    /// <summary>
    /// GOV503: an IN_SCOPE_PATHS entry is absolute (/etc/x, C:\x, ~/x) or climbs out of the
    /// repository with "..". It is reported and never resolved or looked up. Reported at the path.
    /// </summary>
    public sealed class GOV503ScopePathOutside : TaskPacketRule
    {
        /// <summary>GOV503: a scope path is outside the repository.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV503", "Scope paths must stay inside the repository",
            "IN_SCOPE_PATHS entry '{0}' is outside the repository (absolute, or climbing out with '..'); it is not resolved",
            "Governance.Scope", GovernanceSeverity.Error,
            "A packet governs files of its repository; a path outside it is an error or an attempt to reach beyond the scope. It is never looked up.",
            "seed 003 §5.3")
        {
            AsksPacketEdit = true,
        };

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            foreach (var entry in context.InScope)
            {
                if (entry.Kind == ScopeEntryKind.Outside) context.Report(entry.Span, entry.Written);
            }
        }
    }
}
