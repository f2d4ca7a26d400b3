using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Model.Spec;

namespace Orchestrator.Governance.LanguageServer.Features
{
    /// <summary>
    /// The SPEC_ANCHOR references under a position of a task packet: the one whose text holds the
    /// offset (a section number, a requirement ID, a line reference), or every reference of the
    /// anchor when the offset is elsewhere on the SPEC_ANCHOR field (its key or between references).
    /// </summary>
    internal static class SpecAnchorAt
    {
        /// <summary>The references at <paramref name="offset"/> of <paramref name="path"/>; empty when it is not on a SPEC_ANCHOR.</summary>
        public static IReadOnlyList<ResolvedReference> Find(AnalysisSnapshot snapshot, string path, int offset)
        {
            var packet = snapshot.PacketAt(path);
            if (packet == null) return new ResolvedReference[0];
            var anchors = snapshot.Result.Spec.AnchorsOf(packet, snapshot.Result.Profile);
            var exact = anchors.References.Where(r => r.Reference.Span.Start <= offset && offset <= r.Reference.Span.End).ToList();
            if (exact.Count > 0) return exact;
            var field = anchors.Field;
            bool onField = field != null
                && ((field.KeySpan.Start <= offset && offset <= field.ValueSpan.End) || anchors.Lines.Any(l => l.Span.Start <= offset && offset <= l.Span.End));
            return onField ? anchors.References : new ResolvedReference[0];
        }
    }
}
