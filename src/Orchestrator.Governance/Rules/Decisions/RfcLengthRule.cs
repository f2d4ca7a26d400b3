using System.Globalization;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Decisions
{
    /// <summary>
    /// GOV605: an RFC (documents.rfcs, default <c>docs/rfcs/**/RFC_*.md</c>) with fewer than
    /// rfc.minLines lines of text (default 300). Blank lines do not count, so padding does not
    /// make a design; lines in code blocks and tables do. Reported at the RFC's first line.
    /// Source: seed 000 §2 LAYER_D ("Generate docs/rfcs/RFC_{XX}.md (300+ LOC)").
    /// </summary>
    public sealed class RfcLengthRule : RepositoryRule
    {
        /// <inheritdoc />
        public override RuleDescriptor Descriptor => RuleCatalog.RfcTooShort;

        /// <inheritdoc />
        public override void Analyze(RepositoryRuleContext context)
        {
            int min = context.Index.Config.Rfc.MinLines;
            foreach (var rfc in context.Index.Rfcs)
            {
                int count = LinesWithText(rfc.Text, min);
                if (count >= min) continue;
                context.Report(rfc.Path, rfc.Span(0, rfc.LineFrom(0).Length), count.ToString(CultureInfo.InvariantCulture), min.ToString(CultureInfo.InvariantCulture));
            }
        }

        /// <summary>Lines holding a character other than white space, counting no further than <paramref name="enough"/>.</summary>
        internal static int LinesWithText(string text, int enough)
        {
            int count = 0;
            bool hasText = false;
            foreach (char c in text)
            {
                if (c == '\n' || c == '\r')
                {
                    if (hasText && ++count >= enough) return count;
                    hasText = false;
                }
                else if (!char.IsWhiteSpace(c)) hasText = true;
            }

            return hasText ? count + 1 : count;
        }
    }
}
