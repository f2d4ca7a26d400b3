using System.Linq;
using Orchestrator.Governance.Model.Spec;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Spec
{
    /// <summary>
    /// GOV205 (warning): the anchor still says what it said when the packet was written (seed 003
    /// Part 1 PRIORITY_3, spec-version lock). Two cases: a requirement ID cited with a section
    /// number now lives under another number ("CX-DBP-022 is §2.3.13.4 in v02.123, not 2.3.12.4");
    /// the packet names a spec version (in SPEC_ANCHOR, SPEC_BASELINE or SPEC_TARGET) older than the current one.
    /// </summary>
    public sealed class GOV205SpecAnchorDrift : TaskPacketRule
    {
        /// <summary>GOV205: the anchor's ID moved, or the packet's spec version is older than the current one.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV205", "SPEC_ANCHOR must match the current spec version",
            "SPEC_ANCHOR drift: {0}",
            "Governance.Spec", GovernanceSeverity.Warning,
            "When a requirement ID now lives under another section number, or the packet names an older spec version than SPEC_CURRENT.md, the anchor may no longer say what the team thinks: revalidate it.",
            "seed 003 Part 1 PRIORITY_3 (spec-version lock), §5.2")
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

            // 1. An ID that resolves, cited beside a number that is not its section.
            //    The number cited with it is consistent when its section,
            //    or the nearest heading above a number finer than the headings, contains a mention
            //    of the ID or lies inside a section that mentions it.
            foreach (var id in anchors.References.Where(r => r.Reference.Kind == AnchorKind.Id && r.Section?.Number != null))
            {
                var numbers = anchors.References.Where(n => n.Line == id.Line && n.Reference.Kind == AnchorKind.Section).ToList();
                if (numbers.Count == 0) continue;
                // "2.3.12.4 (CX-DBP-022)": an ID is cited after its number, so the nearest number
                // before it on the line is the one it goes with; else the nearest after it.
                var cited = numbers.Where(n => n.Reference.Span.Start < id.Reference.Span.Start).OrderByDescending(n => n.Reference.Span.Start).FirstOrDefault()
                    ?? numbers.OrderBy(n => n.Reference.Span.Start).First();
                var target = cited.Target;
                var mentions = spec.MentionsById.TryGetValue(id.Reference.Value, out var m) ? m : new[] { id.Section! };
                if (target != null && mentions.Any(x => target.Encloses(x) || x.Encloses(target))) continue;
                context.Report(cited.Reference.Span,
                    $"{id.Reference.Value} is §{id.Section!.Number} in {FileName(spec.Path)}, not §{cited.Reference.Value}; revalidate the anchor");
            }

            // 2. An older spec version named by the anchor or the baseline: one warning per packet.
            if (spec.Version == null) return;
            var named = anchors.Lines.SelectMany(l => l.Versions).ToList();
            foreach (var key in new[] { "SPEC_BASELINE", "SPEC_TARGET" })
            {
                var field = context.Profile.FieldOf(context.Packet, key);
                if (field == null) continue;
                var parsed = SpecAnchorParser.Parse(field.Value, field.ValueSpan, context.Packet.Document.Lines, context.Spec.Profile.IdPattern, _ => false);
                named.AddRange(parsed.Versions);
            }

            var oldest = named.Where(v => SpecVersions.Compare(v.Version, spec.Version) < 0).OrderBy(v => v.Span.Start).FirstOrDefault();
            if (oldest.Version != null)
                context.Report(oldest.Span, $"the packet is anchored to spec v{oldest.Version}; the current spec is v{spec.Version} ({FileName(spec.Path)}); revalidate its anchors");
        }

        private static string FileName(string path) => path.EndsWith("/", System.StringComparison.Ordinal) ? path : path.Substring(path.LastIndexOf('/') + 1);
    }
}
