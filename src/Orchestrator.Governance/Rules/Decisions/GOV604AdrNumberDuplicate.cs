using System.Globalization;
using System.Linq;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Decisions
{
    /// <summary>
    /// GOV604: two ADR files with the same number (two branches that each added 0007-*.md). The
    /// first file in path order keeps the number; every other one is reported at its title, naming
    /// the first. Source: Nygard (2011) ("numbered sequentially and monotonically; numbers will not
    /// be reused").
    /// </summary>
    public sealed class GOV604AdrNumberDuplicate : RepositoryRule
    {
        /// <summary>GOV604: two ADRs with the same number.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV604", "ADR numbers must be unique",
            "ADR number {0} is already used by {1}; renumber this ADR",
            "Governance.Decisions", GovernanceSeverity.Error,
            "ADRs are numbered sequentially and numbers are not reused: links and discussions cite them by number. Two branches that each add the next number collide on merge.",
            "M. Nygard (2011)");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RepositoryRuleContext context)
        {
            foreach (var group in context.Index.Adrs.GroupBy(a => a.Number).Where(g => g.Count() > 1).OrderBy(g => g.Key))
            {
                var first = group.First();
                foreach (var other in group.Skip(1))
                    context.Report(other.Path, other.TitleSpan, group.Key.ToString(CultureInfo.InvariantCulture), first.Path);
            }
        }
    }
}
