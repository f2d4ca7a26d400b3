using System.Globalization;
using System.Linq;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Spec
{
    /// <summary>
    /// GOV213: a SPEC_ANCHOR number names several sections of the spec's own numbering (the
    /// Handshake spec has two §3.3 and two §4.6) and nothing written with it, a title after the
    /// number, picks one (<see cref="Model.Spec.ResolvedReference.Alternatives"/>). Neither section is
    /// chosen, so the packet's coverage holds neither: reported at the reference, naming each
    /// section with its line.
    /// </summary>
    public sealed class GOV213SpecAnchorAmbiguous : TaskPacketRule
    {
        /// <summary>GOV213: an ambiguous SPEC_ANCHOR.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV213", "SPEC_ANCHOR must name one section",
            "SPEC_ANCHOR {0} is ambiguous: the spec has {1} sections numbered {2}: {3}; write the title after the number or anchor a requirement ID",
            "Governance.Spec", GovernanceSeverity.Error,
            "Where the spec numbers two sections alike, a bare number does not say which one the packet implements. Choosing one silently would judge the packet against requirements it may never have meant, or none at all.",
            "seed 003 §5.2 (SPEC_ANCHOR exists in latest Master Spec version), Part 1 PRIORITY_2")
        {
            AsksPacketEdit = true,
        };

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var spec = context.Spec;
            if (spec.Spec == null) return;
            foreach (var r in spec.AnchorsOf(context.Packet, context.Profile).References.Where(r => r.IsAmbiguous))
            {
                string sections = string.Join(", ", r.Alternatives.Select(s => string.Format(CultureInfo.InvariantCulture, "'{0}' (line {1})", MessageText.Short(s.Display), spec.LineLabel(s.HeadingSpan))));
                context.Report(r.Reference.Span, r.Reference.Display, r.Alternatives.Count.ToString(CultureInfo.InvariantCulture), r.Alternatives[0].Number!, sections);
            }
        }
    }
}
