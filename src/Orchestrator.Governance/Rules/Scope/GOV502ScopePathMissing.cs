using System.Linq;
using System.Text.RegularExpressions;
using Orchestrator.Governance.Model;
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
            "seed 003 §5.3, §5.5 (BOOTSTRAP FILES_TO_OPEN)");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var files = context.Index.Files;
            if (files == null) return;
            var markers = context.Index.Scope.NewMarkers.Select(m => TaskPacketProfile.Pattern(m, RegexOptions.IgnoreCase)).ToList();
            foreach (var entry in ScopeFacts.InScope(context.Packet, context.Profile, context.Index.Files))
            {
                if (entry.Kind != ScopeEntryKind.File || files.Files.Contains(entry.Path)) continue;
                if (markers.Any(m => IsMatch(m, entry.Annotation))) continue;
                context.Report(entry.Span, new GovernanceFix($"Mark '{entry.Written}' as a file the packet creates (new)", new[] { new TextEdit(context.Packet.Path, entry.Span.End, 0, " (new)") }, appliedByDefault: false), entry.Written);
            }
        }

        private static bool IsMatch(Regex regex, string text)
        {
            try
            {
                return regex.IsMatch(text);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }
    }
}
