using System.Linq;
using System.Text.RegularExpressions;
using Orchestrator.Governance.Model;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Spec
{
    /// <summary>
    /// GOV209 (warning): a DONE_MEANS item holding a vague phrase ("works", "improve", "as needed",
    /// "etc.") is measurable only with a command (code span), a number, a path or an ID beside it
    /// (seed 003 §8; Part 4, Common Mistakes 2: "DONE_MEANS: Feature works"). Needs no spec.
    /// </summary>
    public sealed class GOV209DoneMeansNotMeasurable : TaskPacketRule
    {
        /// <summary>GOV209: a DONE_MEANS item is not measurable.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV209", "DONE_MEANS items must be measurable",
            "DONE_MEANS item '{0}' is not measurable: '{1}' with no command, number, path or ID",
            "Governance.Spec", GovernanceSeverity.Warning,
            "A DONE_MEANS item is a yes/no test ('POST /jobs/:id/cancel returns 200'), not an impression ('Feature works').",
            "seed 003 §8 (DONE_MEANS are measurable), Part 4 Common Mistakes 2")
        {
            AsksPacketEdit = true,
        };

        private static readonly Regex Parenthesized = new Regex(@"\([^()]*\)", RegexOptions.CultureInvariant | RegexOptions.Compiled);

        private static readonly Regex Evidence = new Regex(@"`|\d|[\w-]+/[\w./-]+|\.\w{1,5}\b|§|\b[A-Z]{2,}-[A-Z0-9]", RegexOptions.CultureInvariant, TaskPacketProfile.RegexTimeout);

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var field = context.Profile.FieldOf(context.Packet, "DONE_MEANS");
            if (field == null) return;
            foreach (var item in field.Entries)
            {
                // Examples in parentheses ("(job start, completion, etc.)") do not make an item vague.
                // A configured phrase that times out is this rule's failure at this packet (GOV003).
                string outside = Parenthesized.Replace(item.Text, " ");
                var vague = context.Spec.Profile.VaguePhrases.Select(v => v.Match(outside)).FirstOrDefault(m => m.Success);
                if (vague == null || Evidence.IsMatch(item.Text)) continue;
                context.Report(item.Span, MessageText.Short(item.Text), vague.Value);
            }
        }
    }
}
