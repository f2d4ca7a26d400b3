using Orchestrator.Governance.Model.Decisions;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Decisions
{
    /// <summary>
    /// GOV601: an ADR without one of its template's parts: Nygard's Status, Context, Decision,
    /// Consequences; or, for an ADR in the MADR style (a front matter status, or a Context and
    /// Problem Statement, Considered Options or Decision Outcome heading), Status, Context and
    /// Problem Statement, Considered Options, Decision Outcome. A part is a heading starting with
    /// its name or a field line (<c>- **Context:** ...</c>). One diagnostic per ADR, at its title,
    /// listing what is missing. Source: Nygard (2011); MADR 3.0; seed 000 §2 LAYER_B.
    /// </summary>
    public sealed class GOV601AdrPartsMissing : RepositoryRule
    {
        /// <summary>GOV601: an ADR without a part of its template.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV601", "ADRs must have every part of their template",
            "ADR {0} lacks {1} ({2} template: {3})",
            "Governance.Decisions", GovernanceSeverity.Error,
            "A decision record is read years later by someone who was not there: it needs the context that forced the decision, the decision, its consequences and whether it still holds (its status). MADR's template names them Context and Problem Statement, Considered Options and Decision Outcome.",
            "M. Nygard, Documenting Architecture Decisions (2011); MADR 3.0; seed 000 §2 LAYER_B");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RepositoryRuleContext context)
        {
            foreach (var adr in context.Index.Adrs)
            {
                if (adr.MissingParts.Count == 0) continue;
                var parts = adr.Style == AdrStyle.Madr ? AdrDocument.MadrParts : AdrDocument.NygardParts;
                context.Report(adr.Path, adr.TitleSpan, adr.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    string.Join(", ", adr.MissingParts), adr.Style == AdrStyle.Madr ? "MADR" : "Nygard", string.Join(", ", parts));
            }
        }
    }
}
