using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Model.Change;

namespace Orchestrator.Governance.Rules.Change
{
    /// <summary>
    /// GOV802: the change under review moves a packet into a closing status (taskPacket.closedStatuses
    /// or dependencies.validated: Done, VALIDATED) and, in the same change, weakens what the packet
    /// promised: removes or rewords a DONE_MEANS item, adds to IN_SCOPE_PATHS, or drops a
    /// SPEC_ANCHOR entry (<see cref="PacketChange"/>). Runs only with a base revision; reported at
    /// the STATUS value, listing every weakening.
    /// </summary>
    public sealed class GOV802GoalpostsMoved : TaskPacketRule
    {
        /// <summary>GOV802: a packet closed in the change that weakened it.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV802", "A change that closes a packet must not weaken it",
            "STATUS moves from '{0}' to '{1}' in the same change that {2}",
            "Governance.Change", GovernanceSeverity.Error,
            "A packet is closed against the promises it was signed with. Removing the DONE_MEANS item the work could not meet, widening the files it may touch or narrowing the spec it answers to in the change that marks it done moves the goalposts after the shot. Change the promises in a change of their own, reviewed as such, or write a new variant packet.",
            "seed 003 Part 1 (a locked packet is never edited to fit the work), §5.3, §6.4 and Part 9 (Done is not VALIDATED)");

        private const int Shown = 3;

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var index = context.Index;
            if (index.Base == null || !index.Base.TryGetPacket(context.Packet.Path, out var before) || before == null) return;
            var scopeBefore = Model.Scope.ScopeFacts.InScope(before, context.Profile, index.Files, index.Scope.NewMarkers);
            var change = PacketChange.Compare(before, context.Packet, context.Profile, scopeBefore, index.InScopeOf(context.Packet));
            if (!change.StatusMoved || !change.Weakens) return;
            var closed = index.Config.TaskPacket.ClosedStatuses.Concat(index.Config.Dependencies.Validated).ToList();
            string was = change.StatusBefore!.Value, now = change.StatusNow!.Value;
            if (!Model.Board.TopologyFacts.IsOneOf(now, closed) || Model.Board.TopologyFacts.IsOneOf(was, closed)) return;

            var what = new List<string>();
            what.AddRange(change.DoneMeansRemoved.Select(t => $"removes DONE_MEANS '{MessageText.Short(t)}'"));
            what.AddRange(change.DoneMeansReworded.Select(r => $"rewords DONE_MEANS '{MessageText.Short(r.Before)}' as '{MessageText.Short(r.Now)}'"));
            what.AddRange(change.ScopeAdded.Select(p => $"adds IN_SCOPE_PATHS '{p}'"));
            what.AddRange(change.AnchorsDropped.Select(a => $"drops SPEC_ANCHOR '{MessageText.Short(a)}'"));
            string text = string.Join("; ", what.Take(Shown)) + (what.Count > Shown ? $"; and {what.Count - Shown} more" : string.Empty);
            context.Report(change.StatusNow.ValueSpan, was.Trim(), now.Trim(), text);
        }
    }
}
