using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Orchestrator.Governance.Model.Spec;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Spec
{
    /// <summary>
    /// GOV207 (MUST, SHALL, REQUIRED: error) and GOV208 (SHOULD, RECOMMENDED: warning): every
    /// requirement of the anchored Main Body sections is covered by a DONE_MEANS item (seed 003
    /// Part 1 PRIORITY_2, §5.4). One diagnostic per packet, on the DONE_MEANS key, listing the
    /// uncovered requirements with their spec lines. Packets without DONE_MEANS are left to GOV104.
    /// </summary>
    public abstract class UncoveredRequirementRule : TaskPacketRule
    {
        /// <summary>Whether the rule is about absolute requirements (MUST) or recommendations (SHOULD).</summary>
        protected abstract bool Absolute { get; }

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var coverage = context.Spec.CoverageOf(context.Packet, context.Profile);
            if (coverage?.Field == null) return;
            var uncovered = coverage.Uncovered(Absolute);
            if (uncovered.Count == 0) return;
            context.Report(coverage.Field.KeySpan,
                uncovered.Count.ToString(CultureInfo.InvariantCulture), coverage.AnchoredDisplay(), List(uncovered, context.Spec));
        }

        private static string List(List<SpecRequirement> requirements, SpecContext spec)
        {
            var shown = requirements.Take(5).Select(q => string.Format(CultureInfo.InvariantCulture, "line {0} '{1}'", spec.LineLabel(q.Span), MessageText.Short(q.Text))).ToList();
            if (requirements.Count > 5) shown.Add(string.Format(CultureInfo.InvariantCulture, "and {0} more", requirements.Count - 5));
            return string.Join("; ", shown);
        }
    }
}
