using System.Globalization;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Model;

namespace Orchestrator.Governance.Rules.Decisions
{
    /// <summary>
    /// GOV609: a waiver whose <c>Expires:</c> (or <c>Expiry:</c>, <c>Expiration:</c>) date is
    /// before today, in a packet still open (not one of dependencies.validated on the board or in
    /// its STATUS): the work goes on under a waiver that no longer holds. Today is the host's date,
    /// handed over as data (<c>--today</c> in the CLI, the <c>GovernanceToday</c> MSBuild
    /// property in a build); without it the rule does not run. An expiry in words ("On WP
    /// closure") is not a date and is not judged. Reported at the date. Source: seed 003 Part 1
    /// [CX-600B] ("Waiver Audit Trail: ... expire at phase boundary").
    /// </summary>
    public sealed class GOV609WaiverExpired : TaskPacketRule
    {
        /// <summary>GOV609: a waiver past its expiry date in a packet still open.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV609", "Waivers of open packets must not have expired",
            "Waiver '{0}' expired on {1} (today is {2}); renew it with a new approval date or finish the work without it",
            "Governance.Decisions", GovernanceSeverity.Error,
            "Waivers expire: an expired waiver no longer covers the scope it granted, yet the packet is still being worked on. The date of today comes from the host (governance check --today, the GovernanceToday MSBuild property), never from the engine's clock.",
            "seed 003 Part 1 [CX-600B] (Waiver Audit Trail: expire at phase boundary)");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var today = context.Index.Today;
            if (today == null || context.Packet.Waivers.Count == 0) return;
            var field = PacketFacts.TaskIdField(context.Packet, context.Profile);
            string? id = field == null ? null : PacketFacts.DeclaredId(field);
            if (id != null && Model.Board.TopologyFacts.IsValidated(context.Index.Topology, id)) return;

            foreach (var waiver in context.Packet.Waivers)
            {
                if (!waiver.HasExpired(today) || !(waiver.Expires is System.DateTime expires)) continue;
                context.Report(waiver.Expiry!.ValueSpan, waiver.Id ?? "(no ID)", expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), today.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
        }
    }
}
