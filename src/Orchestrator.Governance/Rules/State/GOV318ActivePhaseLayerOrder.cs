using Newtonsoft.Json.Linq;
using Orchestrator.Governance.Model.State;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.State
{
    /// <summary>
    /// GOV318: active_phase.json completedLayers is not the start of state.layers in order (seed
    /// 000 §2: LAYER_0_REFLECTION, A, B, C, then D, S, E, then F, G, I, H). A skipped, repeated or
    /// reordered layer is reported at the first element that differs from the expected one.
    /// </summary>
    public sealed class GOV318ActivePhaseLayerOrder : StateFileRule
    {
        /// <summary>GOV318: active_phase.json layers completed out of order.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV318", "Layers must be completed in order",
            "Layer '{0}' is completed out of order: expected '{1}' next",
            "Governance.State", GovernanceSeverity.Error,
            "The 8-layer protocol runs LAYER_0_REFLECTION, A, B, C, D, S, E, F, G, I, H in sequence; completedLayers lists them in that order without gaps.",
            "seed 000 §2 Execution Protocol");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override StateKind Kind => StateKind.ActivePhase;

        /// <inheritdoc />
        public override void Analyze(StateRuleContext context)
        {
            var layers = context.Config.State.Layers;
            if (!(context.Document.Root is JObject state) || !(state["completedLayers"] is JArray completed)) return;
            for (int i = 0; i < completed.Count; i++)
            {
                string? layer = StateFacts.Scalar(completed[i]);
                if (layer == null) return;
                string expected = i < layers.Count ? layers[i] : "(none: every layer is complete)";
                if (string.Equals(layer, expected, System.StringComparison.Ordinal)) continue;
                context.Report(completed[i], layer, expected);
                return;
            }
        }
    }
}
