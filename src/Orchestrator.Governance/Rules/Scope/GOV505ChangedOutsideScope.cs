using System.Linq;
using Orchestrator.Governance.Model;
using Orchestrator.Governance.Model.Scope;
using Orchestrator.Governance.Text;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Scope
{
    /// <summary>
    /// GOV505, the CI scope gate (seed 003 §5.3 [CX-603]: the coder modifies exactly the
    /// IN_SCOPE_PATHS files; [CX-600B]: waivers are logged with their dates). Runs only when the
    /// host hands over the files a change touches (AnalysisOptions.ChangedFiles). A changed file
    /// passes when it is
    /// (<see cref="ScopeGate"/>, which the agents' scope_check tool reads too)
    /// <list type="bullet">
    /// <item>an IN_SCOPE_PATHS file of a packet whose STATUS is one of scope.gate.activeStatuses
    /// (a glob entry counts only where scope.allowGlobs; folders and prose never do, GOV501);</item>
    /// <item>named (as its path, or as its bare file name) in the Scope of a waiver of such a
    /// packet that has not expired (an "Expires:" date before the host's today);</item>
    /// <item>one of those packets itself, or a match of scope.gate.exempt.</item>
    /// </list>
    /// Every other changed file is reported once, at line 1 of the file, naming the packets it is
    /// outside of (or that no packet is In Progress).
    /// </summary>
    public sealed class GOV505ChangedOutsideScope : RepositoryRule
    {
        /// <summary>GOV505: the CI scope gate: a changed file outside the scope of the work in progress.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV505", "Changed files must be in the scope of a packet In Progress",
            "'{0}' is changed, but {1}; add it to a packet's IN_SCOPE_PATHS or record a waiver whose Scope names it",
            "Governance.Scope", GovernanceSeverity.Error,
            "The coder may modify exactly the files IN_SCOPE_PATHS lists; a change elsewhere is scope creep unless a waiver grants it. Runs in CI, on the files a change touches (governance check --changed-files or --changed-since).",
            "seed 003 §5.3 [CX-603], [CX-600B] (Waiver Audit Trail)");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RepositoryRuleContext context)
        {
            var changed = context.Index.ChangedFiles;
            if (changed == null || changed.Count == 0) return;
            var gate = context.Index.Scope.Gate;
            // A packet in progress now, or, when the base revision is known, at the base: the change
            // that closes a packet carries that packet's work.
            var baseRevision = context.Index.Base;
            var active = context.Index.Packets
                .Where(p => IsActive(p) || (baseRevision != null && baseRevision.TryGetPacket(p.Path, out var before) && before != null && IsActive(before)))
                .ToList();
            bool IsActive(TaskPacket p) => context.Profile.FieldOf(p, "STATUS") is PacketField status && Model.Board.TopologyFacts.IsOneOf(status.Value, gate.ActiveStatuses);

            var scopeGate = new ScopeGate(active, context.Index.InScopeOf, context.Index.Scope, context.Index.Today);
            string where = active.Count == 0
                ? "no task packet is " + string.Join(" or ", gate.ActiveStatuses.Take(1))
                : "it is outside the IN_SCOPE_PATHS of " + string.Join(", ", active.Select(p => Model.Board.TopologyFacts.IdOf(p, context.Profile) + " (" + context.Profile.FieldOf(p, "STATUS")!.Value + ")"));
            foreach (var (file, _) in scopeGate.Outside(changed))
                context.Report(file, new SourceSpan(0, 0, 1, 1, 1, 1), file, where);
        }
    }
}
