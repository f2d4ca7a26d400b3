using System.Globalization;
using Newtonsoft.Json.Linq;
using Orchestrator.Governance.Model.State;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.State
{
    /// <summary>
    /// GOV315: session.json GapCount above state.maxGapCount (seed 002 Step 2.3: "IF gap_count >=
    /// 2: HALT 'Max Retries Exceeded'", so the count never legitimately passes the limit). Reported
    /// at the value.
    /// </summary>
    public sealed class GOV315SessionGapCount : StateFileRule
    {
        /// <summary>GOV315: session GapCount above the retry limit.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV315", "Session GapCount must not exceed the retry limit",
            "GapCount is {0}; the verifier retry limit is {1} (state.maxGapCount)",
            "Governance.State", GovernanceSeverity.Error,
            "The workflow halts with 'Max Retries Exceeded' at the limit; a count above it means the loop went on after it should have stopped.",
            "seed 002 Step 2.3");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override StateKind Kind => StateKind.Session;

        /// <inheritdoc />
        public override void Analyze(StateRuleContext context)
        {
            int max = context.Config.State.MaxGapCount;
            if (context.Document.Root is JObject session && session["GapCount"] is JValue { Type: JTokenType.Integer } count
                && System.Convert.ToDecimal(count.Value, CultureInfo.InvariantCulture) > max)
            {
                context.Report(count, System.Convert.ToString(count.Value, CultureInfo.InvariantCulture)!, max.ToString(CultureInfo.InvariantCulture));
            }
        }
    }
}
