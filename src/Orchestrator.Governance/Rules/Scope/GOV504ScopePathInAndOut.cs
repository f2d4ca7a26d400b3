using System.Globalization;
using System.Linq;
using Orchestrator.Governance.Model.Scope;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Scope
{
    /// <summary>
    /// GOV504: a path of IN_SCOPE_PATHS is also named in OUT_OF_SCOPE, as an entry or in backticks
    /// inside a sentence ("Any changes to `src/x.rs`"). Compared after normalization ("./",
    /// "." and ".." segments, trailing "/"). Reported at the IN_SCOPE_PATHS entry, naming the
    /// OUT_OF_SCOPE line.
    /// </summary>
    public sealed class GOV504ScopePathInAndOut : TaskPacketRule
    {
        /// <summary>GOV504: a path is both in and out of scope.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV504", "A path must not be both in and out of scope",
            "'{0}' is listed in IN_SCOPE_PATHS and in OUT_OF_SCOPE (line {1})",
            "Governance.Scope", GovernanceSeverity.Error,
            "A coder cannot both change and leave alone the same file; one of the two lists is wrong.",
            "seed 003 §5.1 (Scope), §5.3")
        { AsksPacketEdit = true, LocationArguments = new[] { 1 } };

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var outField = context.Profile.FieldOf(context.Packet, "OUT_OF_SCOPE");
            if (outField == null) return;
            var excluded = ScopeEntry.ReadMentions(outField, context.Packet, context.Files)
                .GroupBy(e => e.Path, System.StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), System.StringComparer.Ordinal);
            foreach (var entry in context.InScope)
            {
                if ((entry.Kind == ScopeEntryKind.File || entry.Kind == ScopeEntryKind.Folder) && entry.Path.Length > 0 && excluded.TryGetValue(entry.Path, out var other))
                    context.Report(entry.Span, entry.Written, other.Span.StartLine.ToString(CultureInfo.InvariantCulture));
            }
        }
    }
}
