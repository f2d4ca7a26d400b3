using System;
using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Model.Change;
using Orchestrator.Governance.Model.Spec;

namespace Orchestrator.Governance.Rules.Change
{
    /// <summary>
    /// GOV803: the change under review weakens an absolute requirement (MUST, MUST NOT, SHALL,
    /// REQUIRED) of a spec section that a closed packet anchors (status Done or Validated:
    /// taskPacket.closedStatuses and dependencies.validated; the board's status where it lists the
    /// WP): the requirement is softened to SHOULD or MAY, its numbers change, or it is no longer in
    /// the section (<see cref="RequirementChange"/>). The base is the spec the base revision's
    /// pointer named, so a change that moves SPEC_CURRENT.md to a new spec version is compared with
    /// the version before. Reported at the requirement in the current spec (at the section heading
    /// when it is gone), naming the packets to revalidate; not when the change also adds an ADR, or
    /// a waiver in a packet it touches, that names the requirement (one of its IDs, or its section
    /// number). Runs only with a base revision.
    /// </summary>
    public sealed class GOV803RequirementWeakened : RepositoryRule
    {
        /// <summary>GOV803: a requirement under a closed packet weakened.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV803", "Requirements that closed packets answer to must not be weakened silently",
            "{0} requirement of {1} '{2}' {3} in this change, under {4}; revalidate, or record the change in an ADR or waiver that names it",
            "Governance.Change", GovernanceSeverity.Error,
            "A packet marked Done or Validated was checked against the requirements of the sections it anchors. Softening one of them, loosening its numbers or deleting it changes what that validation meant: the packets must be validated again, or the decision recorded where reviewers and agents find it.",
            "seed 003 §5.2, §5.4 (SPEC_ANCHOR, traceability), §6.4 and Part 9 (VALIDATED), Part 1 (decisions recorded: ADRs, waivers)");

        private const int PacketsShown = 3;

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RepositoryRuleContext context)
        {
            var index = context.Index;
            var current = index.Spec.Spec;
            var before = index.Base?.Spec.Spec;
            if (current == null || before == null || ReferenceEquals(current, before)) return;

            // The current sections closed packets anchor, and who anchors each.
            var closed = index.Config.TaskPacket.ClosedStatuses.Concat(index.Config.Dependencies.Validated).ToList();
            var anchoredBy = new Dictionary<SpecSection, SortedSet<string>>();
            foreach (var packet in index.Packets)
            {
                string id = Model.Board.TopologyFacts.IdOf(packet, context.Profile);
                if (!(index.Topology.StatusOf(id)?.Status is string status) || !Model.Board.TopologyFacts.IsOneOf(status, closed)) continue;
                foreach (var reference in index.Spec.AnchorsOf(packet, context.Profile).References)
                {
                    if (reference.Section?.Number == null) continue;
                    if (!anchoredBy.TryGetValue(reference.Section, out var ids)) anchoredBy[reference.Section] = ids = new SortedSet<string>(StringComparer.Ordinal);
                    ids.Add($"{id} ({status.Trim()})");
                }
            }

            // Each weakened requirement once, with every packet whose anchored sections hold it.
            var found = new Dictionary<int, (RequirementChange Change, SpecSection Section, SortedSet<string> Packets)>();
            foreach (var entry in anchoredBy.OrderBy(e => e.Key.Start))
            {
                if (!(before.CounterpartOf(entry.Key, current) is SpecSection was)) continue;
                foreach (var change in RequirementChange.Compare(before, was, current, entry.Key))
                {
                    if (!found.TryGetValue(change.Before.Span.Start, out var seen)) found[change.Before.Span.Start] = seen = (change, entry.Key, new SortedSet<string>(StringComparer.Ordinal));
                    seen.Packets.UnionWith(entry.Value);
                }
            }

            var records = Records(index);
            foreach (var (change, section, packets) in found.Values.OrderBy(f => f.Change.At.Start).ThenBy(f => f.Change.Before.Span.Start))
            {
                var requirementSection = change.Before.Section;
                if (NamedIn(records, change.Before, requirementSection)) continue;
                string what = change.Kind switch
                {
                    RequirementChangeKind.Softened => $"is softened from {change.Before.Keyword} to {change.Now}",
                    RequirementChangeKind.NumberChanged => $"changes its numbers from {change.NumbersBefore} to {change.Now}",
                    RequirementChangeKind.Inverted => $"is inverted from {change.Before.Keyword} to {change.Now}",
                    _ => "is deleted or reworded",
                };
                string under = string.Join(", ", packets.Take(PacketsShown)) + (packets.Count > PacketsShown ? $" and {packets.Count - PacketsShown} more" : string.Empty);
                context.Report(current.Path, change.At, change.Before.Keyword, "§" + (requirementSection.Number ?? section.Number), MessageText.Short(change.Before.Text), what, under);
            }
        }

        /// <summary>The texts that may record the change: ADRs the change creates, and the waivers of packets it touches.</summary>
        private static List<string> Records(Index.RepoIndex index)
        {
            var records = new List<string>();
            var change = index.Base!;
            records.AddRange(index.Adrs.Where(a => change.Creates(a.Document.Path)).Select(a => a.Document.Text));
            foreach (var packet in index.Packets.Where(p => change.Touches(p.Path)))
            {
                foreach (var waiver in packet.Waivers)
                    records.Add(waiver.Line + " " + string.Join(" ", waiver.Attributes.Select(a => a.Value)));
            }

            return records;
        }

        /// <summary>Whether a record names the requirement: one of its IDs, or its section's number ("§2.3.12.3", "2.3.12.3").</summary>
        private static bool NamedIn(List<string> records, SpecRequirement requirement, SpecSection section)
        {
            foreach (var record in records)
            {
                if (requirement.Ids.Any(id => record.IndexOf(id, StringComparison.OrdinalIgnoreCase) >= 0)) return true;
                if (section.Number != null && ContainsNumber(record, section.Number)) return true;
            }

            return false;
        }

        /// <summary>"2.3.12" as a whole number in <paramref name="text"/> (not inside "12.3.12.4" or "2.3.12.3").</summary>
        private static bool ContainsNumber(string text, string number)
        {
            for (int at = text.IndexOf(number, StringComparison.Ordinal); at >= 0; at = text.IndexOf(number, at + 1, StringComparison.Ordinal))
            {
                bool startOk = at == 0 || !(char.IsDigit(text[at - 1]) || text[at - 1] == '.');
                int end = at + number.Length;
                bool endOk = end == text.Length || !(char.IsDigit(text[end]) || (text[end] == '.' && end + 1 < text.Length && char.IsDigit(text[end + 1])));
                if (startOk && endOk) return true;
            }

            return false;
        }
    }
}
