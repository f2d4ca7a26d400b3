using Newtonsoft.Json.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Model.State;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.State
{
    /// <summary>
    /// GOV320: a path in active_phase.json "artifacts" ({layer: path}) is not a file of the
    /// repository (seed 000 §4 Resume Protocol: "Locate the file at artifacts[last_completed_layer]").
    /// The repository's file list is data the host hands over (AnalysisOptions.RepositoryFiles);
    /// without it the rule does not run. A path that is absolute or climbs out of the repository
    /// with ".." is reported as such and never looked up. Values that are not paths ("Analysis in
    /// Chat", seed 000 LAYER_0) have no "/" or file extension and are left alone.
    /// </summary>
    public sealed class GOV320ActivePhaseArtifactMissing : StateFileRule
    {
        /// <summary>GOV320: an active_phase.json artifact path is not in the repository.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV320", "Layer artifacts must exist",
            "Artifact of {0} is '{1}', which {2}",
            "Governance.State", GovernanceSeverity.Error,
            "The Resume Protocol reads the artifact of the last completed layer to regain context; a path that does not exist breaks the resume.",
            "seed 000 §1, §4 Resume Protocol");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override StateKind Kind => StateKind.ActivePhase;

        /// <inheritdoc />
        public override void Analyze(StateRuleContext context)
        {
            var files = context.RepositoryFiles;
            if (files == null || !(context.Document.Root is JObject state) || !(state["artifacts"] is JObject artifacts)) return;
            foreach (var property in artifacts.Properties())
            {
                if (!(property.Value is JValue { Type: JTokenType.String } value)) continue;
                string raw = ((string)value!).Trim();
                if (!LooksLikePath(raw)) continue;
                string? resolved = DocumentInput.ResolveInside(raw);
                if (resolved == null) context.Report(value, property.Name, raw, "is outside the repository (absolute, or climbing out with '..')");
                else if (!files.Contains(resolved)) context.Report(value, property.Name, raw, "is not a file of the repository");
            }
        }

        private static bool LooksLikePath(string value) =>
            value.Length > 0 && value.IndexOf(' ') < 0 && (value.IndexOf('/') >= 0 || value.IndexOf('\\') >= 0 || System.IO.Path.HasExtension(value));
    }
}
