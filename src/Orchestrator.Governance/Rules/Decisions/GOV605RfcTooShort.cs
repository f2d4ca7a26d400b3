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
    public sealed class GOV605RfcTooShort : RepositoryRule
    {
        /// <summary>GOV605: an RFC shorter than rfc.minLines lines of text.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV605", "RFCs must be full technical designs",
            "RFC has {0} lines of text; seed 000 LAYER_D asks for at least {1} (rfc.minLines)",
            "Governance.Decisions", GovernanceSeverity.Warning,
            "LAYER_D of the phase protocol is a technical design of 300 lines or more, written before simulation and code. A short RFC is a sketch: the design questions it should settle come back during implementation.",
            "seed 000 §2 LAYER_D (RFC Technical Design, 300+ LOC)");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

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
