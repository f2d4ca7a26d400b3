using Orchestrator.Governance.Diagnostics;
namespace Orchestrator.Governance.Rules.Spec
{
    /// <summary>
    /// GOV210: SPEC_CURRENT.md names a spec that is in the repository (seed 003 Part 2 Step 1).
    /// Reported in SPEC_CURRENT.md; when the repository has no SPEC_CURRENT.md but its packets
    /// carry anchors, at the first anchor, since nothing can resolve it.
    /// </summary>
    public sealed class GOV210SpecCurrentInvalid : RepositoryRule
    {
        /// <summary>GOV210: SPEC_CURRENT.md is missing or names no existing spec.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV210", "SPEC_CURRENT.md must name the current spec",
            "Current spec unavailable: {0}",
            "Governance.Spec", GovernanceSeverity.Error,
            "SPEC_CURRENT.md names the authoritative Master Spec; without it (or when the named file is missing) no SPEC_ANCHOR can be resolved.",
            "seed 003 Part 2 Step 1");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RepositoryRuleContext context)
        {
            var spec = context.Index.Spec;
            string pointerPath = spec.Profile.Config.CurrentPointer;
            // spec.files names the modules (the pointer, if any, is not read for them): its problem is
            // the configuration's, said at the first anchor that cannot be resolved.
            if (spec.Pointer == null || (spec.Profile.Config.Files.Count > 0 && spec.ModulesProblem != null))
            {
                // spec.files names the modules without a pointer: fine when they were found.
                if (spec.Spec != null) return;
                foreach (var packet in context.Index.Packets)
                {
                    var anchors = spec.AnchorsOf(packet, context.Profile);
                    if (anchors.Lines.Count == 0) continue;
                    context.Report(packet.Path, anchors.Lines[0].Span, spec.ModulesProblem != null
                        ? $"{spec.ModulesProblem}, so no SPEC_ANCHOR can be resolved"
                        : $"{pointerPath} is missing, so no SPEC_ANCHOR can be resolved (set spec.currentPointer in governance.yml if it lives elsewhere)");
                    break;
                }

                return;
            }

            if (spec.Pointer.Problem != null)
                context.Report(spec.Pointer.Path, spec.Pointer.Span, $"{spec.Pointer.Path} could not be read: {spec.Pointer.Problem}");
            else if (spec.Pointer.FileName == null && spec.Spec == null && spec.ModulesProblem == null)
                context.Report(spec.Pointer.Path, spec.Pointer.Span, $"{spec.Pointer.Path} names no spec file (*.md)");
            else if (spec.Pointer.EscapesRepository)
                context.Report(spec.Pointer.Path, spec.Pointer.Span, $"{spec.Pointer.Path} names '{spec.Pointer.FileName}', which is outside the repository; it is not read");
            else if (spec.ModulesProblem != null)
                context.Report(spec.Pointer.Path, spec.Pointer.Span, $"{spec.Pointer.Path} {spec.ModulesProblem}");
            else if (spec.NamedSpecPath == null)
                context.Report(spec.Pointer.Path, spec.Pointer.Span, $"{spec.Pointer.Path} names '{spec.Pointer.FileName}', which is not in the repository");
            else if (spec.Spec == null)
                context.Report(spec.Pointer.Path, spec.Pointer.Span, $"'{spec.NamedSpecPath}' could not be used: {spec.Problem ?? "it could not be read"}");
        }
    }
}
