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
    public sealed class ScopePathInAndOutRule : TaskPacketRule
    {
        /// <inheritdoc />
        public override RuleDescriptor Descriptor => RuleCatalog.ScopePathInAndOut;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var outField = context.Packet.FindField("OUT_OF_SCOPE", context.Profile.AliasesOf("OUT_OF_SCOPE"));
            if (outField == null) return;
            var excluded = ScopeEntry.ReadMentions(outField, context.Packet, context.Index.Files)
                .GroupBy(e => e.Path, System.StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), System.StringComparer.Ordinal);
            foreach (var entry in ScopeFacts.InScope(context))
            {
                if ((entry.Kind == ScopeEntryKind.File || entry.Kind == ScopeEntryKind.Folder) && entry.Path.Length > 0 && excluded.TryGetValue(entry.Path, out var other))
                    context.Report(entry.Span, entry.Written, other.Span.StartLine.ToString(CultureInfo.InvariantCulture));
            }
        }
    }
}
