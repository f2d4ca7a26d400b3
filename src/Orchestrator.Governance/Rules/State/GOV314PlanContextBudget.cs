using System.Globalization;
using Newtonsoft.Json.Linq;
using Orchestrator.Governance.Model.State;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.State
{
    /// <summary>
    /// GOV314 (warning): a plan.json task lists more files than state.contextBudgetFiles (seed 002
    /// Step 1.2, V3.1 Budget Warning: "IF task.files.length > 3, LOG WARN"). Reported at "files".
    /// </summary>
    public sealed class GOV314PlanContextBudget : StateFileRule
    {
        /// <summary>GOV314: a plan task touches more files than the context budget.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV314", "Plan tasks must stay within the context budget",
            "Task {0} touches {1} files; the context budget is {2} (state.contextBudgetFiles)",
            "Governance.State", GovernanceSeverity.Warning,
            "A task touching many files overflows the executor's context; split it.",
            "seed 002 Step 1.2 (V3.1 Budget Warning)");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override StateKind Kind => StateKind.Plan;

        /// <inheritdoc />
        public override void Analyze(StateRuleContext context)
        {
            int budget = context.Config.State.ContextBudgetFiles;
            foreach (var (index, task) in StateFacts.Objects(context.Document.Root, "tasks"))
            {
                if (task["files"] is JArray files && files.Count > budget)
                    context.Report(files, StateFacts.Label(task, index), files.Count.ToString(CultureInfo.InvariantCulture), budget.ToString(CultureInfo.InvariantCulture));
            }
        }
    }
}
