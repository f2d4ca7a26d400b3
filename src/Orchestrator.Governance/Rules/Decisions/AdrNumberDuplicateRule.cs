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
    public sealed class AdrNumberDuplicateRule : RepositoryRule
    {
        /// <inheritdoc />
        public override RuleDescriptor Descriptor => RuleCatalog.AdrNumberDuplicate;

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
