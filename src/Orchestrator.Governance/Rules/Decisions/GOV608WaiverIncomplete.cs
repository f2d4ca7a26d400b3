using System.Collections.Generic;
using System.Text.RegularExpressions;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Decisions
{
    /// <summary>
    /// GOV608: a waiver entry of the packet's waiver sections (taskPacket.waiverSections, default
    /// WAIVERS GRANTED) without a waiver ID, an approval date or a scope. The date is a
    /// <c>Date:</c> (or <c>Approved:</c>, <c>Approval date:</c>) item holding a YYYY-MM-DD date, or
    /// a YYYY-MM-DD date on the entry's first line (<c>WAIVER-2026-01-01-ROLLOUT</c>, "Approved by
    /// ilja on 2026-01-04"); the scope a non-empty
    /// <c>Scope:</c> item. One diagnostic per entry, at its first line, naming what is missing.
    /// Source: seed 003 Part 1 [CX-600B] ("Waiver Audit Trail: all waivers logged with approval
    /// date"), the Handshake template ("Include Waiver ID, Date, Scope, and Justification").
    /// </summary>
    public sealed class GOV608WaiverIncomplete : TaskPacketRule
    {
        /// <summary>GOV608: a waiver without an ID, an approval date or a scope.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV608", "Waivers must record an ID, an approval date and a scope",
            "Waiver '{0}' has no {1}; a waiver records its ID, approval date and scope",
            "Governance.Decisions", GovernanceSeverity.Error,
            "A waiver is an audit record: which rule was waived (its ID), when the user approved it and for what (its scope). Without them nobody can tell later whether a change was covered.",
            "seed 003 Part 1 [CX-600B] (Waiver Audit Trail); Handshake task packet template (Waiver ID, Date, Scope, Justification)")
        {
            AsksPacketEdit = true,
        };

        private static readonly Regex IsoDate = new Regex(@"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)", RegexOptions.CultureInvariant);

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            foreach (var waiver in context.Packet.Waivers)
            {
                var missing = new List<string>();
                if (waiver.Id == null) missing.Add("waiver ID");
                var date = waiver.Find("DATE") ?? waiver.Find("APPROVED") ?? waiver.Find("APPROVAL_DATE") ?? waiver.Find("APPROVED_ON");
                bool dated = (date != null && IsoDate.IsMatch(date.Value)) || IsoDate.IsMatch(waiver.Line);
                if (!dated) missing.Add("approval date ('Date: YYYY-MM-DD')");
                var scope = waiver.Find("SCOPE");
                if (scope == null || scope.Value.Trim().Length == 0) missing.Add("'Scope:' item");
                if (missing.Count == 0) continue;
                context.Report(waiver.EntrySpan, waiver.Id ?? "(no ID)", string.Join(", ", missing));
            }
        }
    }
}
