using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Model.Spec;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Spec
{
    /// <summary>
    /// GOV203: every anchored section number and requirement ID exists in the current spec (seed
    /// 003 §5.2). A number on a line whose requirement ID resolves is left to GOV205 (the ID wins);
    /// a number whose nearest existing ancestor is not Main Body is left to GOV204; a line
    /// reference into an older spec version is left to GOV205.
    /// </summary>
    public sealed class GOV203SpecAnchorUnresolved : TaskPacketRule
    {
        /// <summary>GOV203: an anchor does not resolve in the current spec.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV203", "SPEC_ANCHOR must resolve in the current spec",
            "SPEC_ANCHOR {0} does not resolve in {1}: {2}",
            "Governance.Spec", GovernanceSeverity.Error,
            "The anchored section number or requirement ID must exist in the spec that SPEC_CURRENT.md names. A requirement ID that resolves is preferred to a section number, since IDs are stable across versions.",
            "seed 003 §5.2 (SPEC_ANCHOR exists in latest Master Spec version)")
        {
            AsksPacketEdit = true,
        };

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var spec = context.Spec.Spec;
            if (spec == null) return;
            var anchors = context.Spec.AnchorsOf(context.Packet, context.Profile);
            // The lines where an ID resolves, found once (asked of every reference, it was quadratic in a long SPEC_ANCHOR).
            var linesWithId = new HashSet<AnchorLine>(anchors.References.Where(o => o.Reference.Kind == AnchorKind.Id && o.Section != null).Select(o => o.Line));
            foreach (var r in anchors.References)
            {
                // A number the spec gives several sections is GOV213's.
                if (r.Section != null || r.IsAmbiguous) continue;
                switch (r.Reference.Kind)
                {
                    case AnchorKind.Id:
                        context.Report(r.Reference.Span, r.Reference.Display, spec.Path, "no section or requirement defines this ID");
                        break;
                    case AnchorKind.Line:
                        if (r.Reference.SpecVersion == spec.Version)
                            context.Report(r.Reference.Span, r.Reference.Display, spec.Path, $"the spec has {spec.Document.Lines.LineCount} lines");
                        break;
                    default:
                        bool idOnLine = linesWithId.Contains(r.Line);
                        if (idOnLine || (r.Nearest != null && !r.Nearest.IsMainBody)) break;
                        // A heading a code fence swallowed (GOV214): say so, not only that there is no such section.
                        if (spec.HiddenSection(r.Reference.Value) is (var fence, var hidden))
                        {
                            context.Report(r.Reference.Span, r.Reference.Display, spec.Path,
                                $"no such section: its heading (line {context.Spec.LineLabel(hidden.Span)}) stands inside the code block opened at line {context.Spec.LineLabel(fence.OpenSpan)}, which hides it (GOV214)");
                            break;
                        }

                        context.Report(r.Reference.Span, r.Reference.Display, spec.Path,
                            r.Nearest == null ? "no such section" : "no such section; the nearest is " + r.Nearest.Display);
                        break;
                }
            }
        }
    }
}
