using System.Linq;
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
    public sealed class AdrPartsMissingRule : RepositoryRule
    {
        /// <inheritdoc />
        public override RuleDescriptor Descriptor => RuleCatalog.AdrPartsMissing;

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
