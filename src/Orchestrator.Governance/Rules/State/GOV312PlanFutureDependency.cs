using System.Collections.Generic;
using System.Globalization;
using Newtonsoft.Json.Linq;
using Orchestrator.Governance.Model.State;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.State
{
    /// <summary>
    /// GOV312: in plan.json, task i depends on task j with j ≥ i (seed 002 Step 1.2, V3.1 Topology
    /// Check: "IF task[i] depends on task[j] AND j >= i, HALT 'Invalid Topology: Task {i} depends on
    /// future task {j}'"). Indices are 0-based positions in "tasks"; a dependency names a task by
    /// its id (the first task with that id). Reported at the dependency.
    /// </summary>
    public sealed class GOV312PlanFutureDependency : StateFileRule
    {
        /// <summary>GOV312: a plan task depends on a task at the same or a later index.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV312", "Plan tasks must depend only on earlier tasks",
            "Invalid topology: task {0} depends on future task {1} ('{2}'); a task may depend only on tasks listed before it",
            "Governance.State", GovernanceSeverity.Error,
            "Tasks run in list order; a dependency on the same or a later task can never be satisfied.",
            "seed 002 Step 1.2 (V3.1 Topology Check)");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override StateKind Kind => StateKind.Plan;

        /// <inheritdoc />
        public override void Analyze(StateRuleContext context)
        {
            var indexOf = new Dictionary<string, int>(System.StringComparer.Ordinal);
            var tasks = new List<(int Index, JObject Task)>(StateFacts.Objects(context.Document.Root, "tasks"));
            foreach (var (index, task) in tasks)
            {
                if (StateFacts.Scalar(task["id"]) is string id && !indexOf.ContainsKey(id)) indexOf[id] = index;
            }

            foreach (var (i, task) in tasks)
            {
                if (!(task["dependencies"] is JArray dependencies)) continue;
                foreach (var dependency in dependencies)
                {
                    if (StateFacts.Scalar(dependency) is string name && indexOf.TryGetValue(name, out int j) && j >= i)
                        context.Report(dependency, i.ToString(CultureInfo.InvariantCulture), j.ToString(CultureInfo.InvariantCulture), name);
                }
            }
        }
    }
}
