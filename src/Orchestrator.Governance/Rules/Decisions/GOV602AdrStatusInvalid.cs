using System;
using System.Linq;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Decisions
{
    /// <summary>
    /// GOV602: an ADR whose status's first word is not one of adr.statuses (default proposed,
    /// accepted, rejected, deprecated, superseded; "Superseded by ADR-0005" is superseded).
    /// Reported at the status. An ADR without a status is GOV601's. Source: Nygard (2011), MADR 3.0.
    /// </summary>
    public sealed class GOV602AdrStatusInvalid : RepositoryRule
    {
        /// <summary>GOV602: an ADR status outside adr.statuses.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV602", "ADR status must be a known status",
            "ADR {0} has status '{1}'; expected one of {2} (adr.statuses)",
            "Governance.Decisions", GovernanceSeverity.Error,
            "Tools and readers decide from the status whether a decision still holds: proposed, accepted, rejected, deprecated or superseded.",
            "M. Nygard (2011); MADR 3.0");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RepositoryRuleContext context)
        {
            var allowed = context.Index.AdrConfig.Statuses;
            if (allowed.Count == 0) return;
            foreach (var adr in context.Index.Adrs)
            {
                if (adr.Status == null) continue;
                string? word = adr.StatusWord;
                if (word != null && allowed.Any(s => string.Equals(s, word, StringComparison.OrdinalIgnoreCase))) continue;
                context.Report(adr.Path, adr.StatusSpan, adr.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), adr.Status, string.Join(", ", allowed));
            }
        }
    }
}
