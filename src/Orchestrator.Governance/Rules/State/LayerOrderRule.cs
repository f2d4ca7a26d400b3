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
    public sealed class LayerOrderRule : StateFileRule
    {
        /// <inheritdoc />
        public override RuleDescriptor Descriptor => RuleCatalog.ActivePhaseLayerOrder;

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
