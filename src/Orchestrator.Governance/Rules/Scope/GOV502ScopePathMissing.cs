using System.Linq;
using Orchestrator.Governance.Model.Scope;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Scope
{
    /// <summary>
    /// GOV502 (warning): an IN_SCOPE_PATHS file is not in the repository's file list and its
    /// annotation carries none of scope.newMarkers ("(new)", "[new]"). Runs only when the host
    /// handed over the file list (AnalysisOptions.RepositoryFiles). Reported at the path.
    /// </summary>
    public sealed class GOV502ScopePathMissing : TaskPacketRule
    {
        /// <summary>GOV502: an IN_SCOPE_PATHS file does not exist and is not marked new.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV502", "IN_SCOPE_PATHS files must exist or be marked new",
            "IN_SCOPE_PATHS file '{0}' is not in the repository; mark a file the packet creates with '(new)'",
            "Governance.Scope", GovernanceSeverity.Warning,
            "A path that names no file is a typo, a file moved since the packet was written, or a new file that should say so. Needs the repository's file list from the host.",
            "seed 003 §5.3, §5.5 (BOOTSTRAP FILES_TO_OPEN)")
        {
            AsksPacketEdit = true,
        };

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <summary>The markers the fix may write, in order of preference.</summary>
        private static readonly string[] MarkerTexts = { "(new)", "[new]", "new" };

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var files = context.Files;
            if (files == null) return;
            var isNew = ScopeFacts.NewMarkerTest(context.Scope.NewMarkers);
            foreach (var entry in context.InScope)
            {
                if (entry.Kind != ScopeEntryKind.File || entry.IsMarkedNew || files.Files.Contains(entry.Path)) continue;
                // The marker goes after the entry as written (after a code span's closing backtick): the
                // first marker text that scope.newMarkers accepts alone and with the rest of the line
                // after it, so that the entry reads as marked new once the fix is applied. No fix when
                // none does, or when the entry cannot be placed by offset (an escaped JSON string).
                string? marker = entry.WrittenEnd < 0 ? null : MarkerTexts.FirstOrDefault(m => isNew(m) && isNew((m + " " + entry.Annotation).Trim()));
                if (marker == null) context.Report(entry.Span, entry.Written);
                else context.Report(entry.Span, new GovernanceFix($"Mark '{entry.Written}' as a file the packet creates {marker}", new[] { new TextEdit(context.Packet.Path, entry.WrittenEnd, 0, " " + marker) }, appliedByDefault: false), entry.Written);
            }
        }
    }
}
