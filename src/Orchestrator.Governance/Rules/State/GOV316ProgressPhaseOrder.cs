using System.Linq;
using Newtonsoft.Json.Linq;
using Orchestrator.Governance.Model.State;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.State
{
    /// <summary>
    /// GOV316: in PROGRESS.json, a phase whose status is in state.startedStatuses (in_progress,
    /// complete) comes after a phase that did not pass its gate: status not in
    /// state.completeStatuses, or validation.passed not true (seed 004 Phase Controller: phases run
    /// in order and stop at a failed validation). Reported at the later phase's status, naming
    /// the first earlier phase that blocks it.
    /// </summary>
    public sealed class GOV316ProgressPhaseOrder : StateFileRule
    {
        /// <summary>GOV316: a PROGRESS.json phase started before an earlier phase passed its gate.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV316", "Phases must run in order through their validation gates",
            "Phase '{0}' is {1} while earlier phase '{2}' is {3}; an earlier phase must be complete with validation.passed true",
            "Governance.State", GovernanceSeverity.Error,
            "Phases run sequentially with a validation gate between them; work may not start past a failed or unfinished gate.",
            "seed 004 Phase Controller, State Management");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override StateKind Kind => StateKind.Progress;

        /// <inheritdoc />
        public override void Analyze(StateRuleContext context)
        {
            var state = context.Config.State;
            var phases = StateFacts.Objects(context.Document.Root, "phases").ToList();
            (int Index, string Id, string Why)? blocking = null;
            foreach (var (index, phase) in phases)
            {
                string id = StateFacts.Scalar(phase["id"]) ?? "#" + index;
                string? status = StateFacts.Scalar(phase["status"]);
                if (blocking != null && StateFacts.IsOneOf(status, state.StartedStatuses))
                    context.Report(phase["status"]!, id, status!, blocking.Value.Id, blocking.Value.Why);

                if (blocking != null) continue;
                bool complete = StateFacts.IsOneOf(status, state.CompleteStatuses);
                var passed = phase["validation"] is JObject validation ? validation["passed"] : null;
                if (!complete) blocking = (index, id, status ?? "without a status");
                else if (passed?.Type != JTokenType.Boolean || !(bool)passed!)
                    blocking = (index, id, status + (passed?.Type == JTokenType.Boolean ? " with validation.passed false" : " without validation.passed"));
            }
        }
    }
}
