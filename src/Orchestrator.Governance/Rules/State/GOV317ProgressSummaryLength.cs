using System.Globalization;
using Newtonsoft.Json.Linq;
using Orchestrator.Governance.Model.State;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.State
{
    /// <summary>
    /// GOV317 (warning): a PROGRESS.json phase summary longer than state.summaryMaxChars (seed 004:
    /// "summary: phaseResult.summary.slice(0, 300) // Summary only!"). Characters are counted as
    /// text elements (an emoji is one). Reported at the summary.
    /// </summary>
    public sealed class GOV317ProgressSummaryLength : StateFileRule
    {
        /// <summary>GOV317: a PROGRESS.json phase summary is too long.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV317", "Phase summaries must be short",
            "Phase '{0}' summary has {1} characters; at most {2} (state.summaryMaxChars)",
            "Governance.State", GovernanceSeverity.Warning,
            "Summaries are what returns to the orchestrator's context; details belong in files.",
            "seed 004 (Summary-only returns: max 300 chars)");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override StateKind Kind => StateKind.Progress;

        /// <inheritdoc />
        public override void Analyze(StateRuleContext context)
        {
            int max = context.Config.State.SummaryMaxChars;
            foreach (var (index, phase) in StateFacts.Objects(context.Document.Root, "phases"))
            {
                if (!(phase["summary"] is JValue { Type: JTokenType.String } summary)) continue;
                int length = new StringInfo((string)summary!).LengthInTextElements;
                if (length > max)
                    context.Report(summary, StateFacts.Scalar(phase["id"]) ?? "#" + index, length.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture));
            }
        }
    }
}
