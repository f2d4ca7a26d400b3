using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using Orchestrator.Governance.Model.State;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.State
{
    /// <summary>
    /// GOV313: a plan.json dependency names no task id of the plan (seed 002 Step 2.2: the
    /// executor halts with "Dependency violation" when a dependency's state is not complete; one
    /// that does not exist never is). Reported at the dependency.
    /// </summary>
    public sealed class GOV313PlanUnknownDependency : StateFileRule
    {
        /// <summary>GOV313: a plan task depends on an unknown task ID.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV313", "Plan dependencies must name tasks of the plan",
            "Task {0} depends on '{1}', which is not the id of any task in the plan",
            "Governance.State", GovernanceSeverity.Error,
            "The executor halts with 'Dependency violation' on a dependency it cannot find.",
            "seed 002 Step 2.2");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override StateKind Kind => StateKind.Plan;

        /// <inheritdoc />
        public override void Analyze(StateRuleContext context)
        {
            var tasks = StateFacts.Objects(context.Document.Root, "tasks").ToList();
            var ids = new HashSet<string>(tasks.Select(t => StateFacts.Scalar(t.Item["id"])).Where(id => id != null)!, System.StringComparer.Ordinal);
            foreach (var (index, task) in tasks)
            {
                if (!(task["dependencies"] is JArray dependencies)) continue;
                foreach (var dependency in dependencies)
                {
                    if (StateFacts.Scalar(dependency) is string name && !ids.Contains(name))
                        context.Report(dependency, StateFacts.Label(task, index), name);
                }
            }
        }
    }
}
