using System.Globalization;
using System.Linq;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Decisions
{
    /// <summary>
    /// GOV603: "Superseded by ADR-N" where no ADR has number N, or where ADR N does not say it
    /// supersedes this one ("Supersedes ADR-M"): the chain of decisions must read both ways.
    /// Reported at the reference. Source: Nygard (2011) ("superseded by" keeps the old decision
    /// with a pointer to the new one).
    /// </summary>
    public sealed class GOV603AdrSupersedeBroken : RepositoryRule
    {
        /// <summary>GOV603: a supersede link that does not resolve both ways.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV603", "Superseded ADRs must name an existing ADR that links back",
            "ADR {0} is superseded by ADR {1}, but {2}",
            "Governance.Decisions", GovernanceSeverity.Error,
            "A superseded decision stays, with a pointer to the one that replaced it; the new one says which it supersedes. A pointer to nowhere, or one the new ADR does not acknowledge, breaks the chain of decisions.",
            "M. Nygard (2011)");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RepositoryRuleContext context)
        {
            var adrs = context.Index.Adrs;
            foreach (var adr in adrs)
            {
                string number = adr.Number.ToString(CultureInfo.InvariantCulture);
                foreach (var reference in adr.SupersededBy)
                {
                    string target = reference.Number.ToString(CultureInfo.InvariantCulture);
                    var successors = adrs.Where(a => a.Number == reference.Number).ToList();
                    if (successors.Count == 0)
                        context.Report(adr.Path, reference.Span, number, target, "no ADR has that number");
                    else if (!successors.Any(s => s.Supersedes.Any(r => r.Number == adr.Number)))
                        context.Report(adr.Path, reference.Span, number, target, $"{successors[0].Path} does not say 'Supersedes ADR-{number}'");
                }
            }
        }
    }
}
