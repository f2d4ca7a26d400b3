using Orchestrator.Governance.Model.Scope;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Scope
{
    /// <summary>
    /// GOV501: an IN_SCOPE_PATHS entry is a folder (ends with "/", or is a folder of the repository
    /// when the host handed over the file list), prose, or a glob while scope.allowGlobs is false
    /// (seed 003 §5.3: "WRONG: src/backend / src/ / Everything related to storage"). Reported at
    /// the entry's first word.
    /// </summary>
    public sealed class GOV501ScopePathNotExact : TaskPacketRule
    {
        /// <summary>GOV501: an IN_SCOPE_PATHS entry is a folder, prose or a glob.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV501", "IN_SCOPE_PATHS entries must be exact file paths",
            "IN_SCOPE_PATHS entry '{0}' is {1}; list the exact files the packet may change",
            "Governance.Scope", GovernanceSeverity.Error,
            "The coder needs to know exactly which files they can modify; a folder, a description or a glob lets the scope creep.",
            "seed 003 §5.3 [CX-603]")
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
                string? what = entry.Kind switch
                {
                    ScopeEntryKind.Folder => "a folder",
                    ScopeEntryKind.Prose => "prose, not a path",
                    ScopeEntryKind.Glob when !context.Scope.AllowGlobs => "a glob (scope.allowGlobs is false)",
                    _ => null,
                };
                if (what == null) continue;
                string shown = entry.Kind == ScopeEntryKind.Prose ? (entry.Written + " " + entry.Annotation).Trim() : entry.Written;
                context.Report(entry.Span, shown, what);
            }
        }
    }
}
