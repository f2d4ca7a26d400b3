using System.Linq;
using Newtonsoft.Json.Linq;
using Orchestrator.Governance.Model.State;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.State
{
    /// <summary>
    /// GOV319: active_phase.json has requiresSignoff true and isSignedOff false, and completedLayers
    /// holds a layer that comes after the latest human gate reached (state.humanGatesAfter:
    /// LAYER_C and LAYER_E; seed 000 §2 "HUMAN GATE: Model must PAUSE"). Reported at each such
    /// layer.
    /// </summary>
    public sealed class GOV319ActivePhaseHumanGate : StateFileRule
    {
        /// <summary>GOV319: a layer completed past an unsigned human gate.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV319", "Layers past a human gate need its sign-off",
            "Layer '{0}' is completed while the human gate after '{1}' is not signed off (requiresSignoff true, isSignedOff false)",
            "Governance.State", GovernanceSeverity.Error,
            "The model must pause at each human gate until the user signs; work past an unsigned gate skipped the human.",
            "seed 000 §2 (HUMAN GATE)");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override StateKind Kind => StateKind.ActivePhase;

        /// <inheritdoc />
        public override void Analyze(StateRuleContext context)
        {
            var config = context.Config.State;
            if (!(context.Document.Root is JObject state) || !(state["completedLayers"] is JArray completed)) return;
            if (state["requiresSignoff"]?.Type != JTokenType.Boolean || !(bool)state["requiresSignoff"]!) return;
            if (state["isSignedOff"]?.Type != JTokenType.Boolean || (bool)state["isSignedOff"]!) return;

            var names = completed.Select(StateFacts.Scalar).ToList();
            var layers = config.Layers.ToList();
            string? gate = config.HumanGatesAfter.Where(g => names.Contains(g)).OrderBy(g => layers.IndexOf(g)).LastOrDefault();
            if (gate == null) return;
            int gateIndex = layers.IndexOf(gate);
            for (int i = 0; i < completed.Count; i++)
            {
                int at = names[i] == null ? -1 : layers.IndexOf(names[i]!);
                if (at > gateIndex) context.Report(completed[i], names[i]!, gate);
            }
        }
    }
}
