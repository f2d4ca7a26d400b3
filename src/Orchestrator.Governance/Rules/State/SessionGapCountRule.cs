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
    public sealed class SessionGapCountRule : StateFileRule
    {
        /// <inheritdoc />
        public override RuleDescriptor Descriptor => RuleCatalog.SessionGapCount;

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
