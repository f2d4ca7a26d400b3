using System;
using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Model;
using Orchestrator.Governance.Model.Board;
using Orchestrator.Governance.Model.Locks;
using Orchestrator.Governance.Rules.Decisions;
using Orchestrator.Governance.Rules.Source;
using Orchestrator.Governance.Rules.Spec;
using Orchestrator.Governance.Rules.TaskPackets;
using Orchestrator.Governance.Rules.Topology;

namespace Orchestrator.Governance.Engine.Queries
{
    /// <summary>
    /// Whether a task packet may move to a closing status (Done, Validated, or another of taskPacket.closedStatuses and
    /// dependencies.validated): every gate the protocol asks, each passed, failed or not checked, with the reason. The
    /// move is allowed from the current status (taskPacket.statusTransitions, seed 003 §6.3), DONE_MEANS items map to the
    /// anchored requirements and are measurable (GOV206, GOV209, GOV212; §5.4), every MUST of the anchored sections is
    /// covered (GOV207), the blockers are VALIDATED (GOV301-GOV303; §6.4), the packet is locked by a USER_SIGNATURE and
    /// not edited since (GOV111, GOV607; §2.3), the task board lists it and agrees with the target (GOV304, GOV305;
    /// §6.3), the tests DONE_MEANS names are tests that run (GOV703, judged by the host's <see cref="ReadinessHost.NamedTests"/>)
    /// and passed (GOV704, from test results the host reads), and the packet has no other error. A pure function of an
    /// analysis' result and what the host hands it: the MCP server's <c>ready_to_close</c> and the CLI's
    /// <c>governance ready</c> ask it.
    /// </summary>
    public static class ReadyToClose
    {
        /// <summary>The gates' names, in the order they are judged.</summary>
        public static readonly IReadOnlyList<string> GateNames = new[] { "transition", "doneMeansMapped", "mustsCovered", "blockersValidated", "locked", "board", "namedTests", "testsPassed", "noOtherErrors" };

        // The rules each gate reads; a packet's other errors fall to the last gate.
        private static readonly string[] MappingRules = { GOV206DoneMeansUnmapped.Rule.Id, GOV209DoneMeansNotMeasurable.Rule.Id, GOV212DoneMeansBlanketClaim.Rule.Id };
        private static readonly string[] LockRules = { GOV111MissingUserSignature.Rule.Id, GOV607LockedPacketEdited.Rule.Id };
        private static readonly string[] BoardRules = { GOV304BoardStatusMismatch.Rule.Id, GOV305PacketNotOnBoard.Rule.Id };
        private static readonly string[] BlockerRules = { GOV301DependencyUnknown.Rule.Id, GOV302DependencyCycle.Rule.Id, GOV303BlockerNotValidated.Rule.Id };

        /// <summary>The statuses a packet closes with: taskPacket.closedStatuses then dependencies.validated, each once.</summary>
        public static IReadOnlyList<string> ClosingStatuses(Configuration.GovernanceConfig config) =>
            config.TaskPacket.ClosedStatuses.Concat(config.Dependencies.Validated).Distinct(StringComparer.Ordinal).ToList();

        /// <summary>
        /// Judges the packet <paramref name="id"/> names (<see cref="PacketLookup.Resolve"/>) against the move to <paramref name="target"/>.
        /// A packet asked about is judged as an open one even when its STATUS already says it is closed: what the engine
        /// set aside on records (taskPacket.closedPackets) counts here.
        /// </summary>
        /// <exception cref="QueryException"><paramref name="target"/> is not a closing status, no packet has the ID, or the host's test results cannot be read.</exception>
        public static Readiness Judge(GovernanceResult result, string id, string target, ReadinessHost host)
        {
            CheckTarget(result.Config, target);
            var (packet, wp) = PacketLookup.Resolve(result, id);
            return Judge(result, packet, wp, target, host);
        }

        /// <summary>Judges <paramref name="packet"/> itself (a host that holds the packet, not an ID another packet may share), going by <paramref name="wp"/>.</summary>
        /// <exception cref="QueryException"><paramref name="target"/> is not a closing status.</exception>
        public static Readiness Judge(GovernanceResult result, TaskPacket packet, string wp, string target, ReadinessHost host)
        {
            var config = result.Config;
            CheckTarget(config, target);
            var profile = result.Profile;
            var own = result.Diagnostics.Concat(result.SetAsideOnRecords).Where(d => d.Path == packet.Path).ToList();
            var gates = new List<ReadinessGate>();
            var counted = new HashSet<string>(StringComparer.Ordinal);

            List<GovernanceDiagnostic> Of(params string[] rules)
            {
                var found = own.Where(d => rules.Contains(d.Id) && d.Severity >= GovernanceSeverity.Warning).ToList();
                foreach (var rule in rules) counted.Add(rule);
                return found;
            }

            // The move itself.
            string? now = profile.FieldOf(packet, "STATUS")?.Value.Trim();
            gates.Add(Transition(config, now, target));

            // DONE_MEANS mapped and measurable; MUSTs covered.
            var mapping = Of(MappingRules);
            var coverage = result.Spec.CoverageOf(packet, profile);
            bool anchored = coverage != null && coverage.Anchored.Count > 0;
            const string noAnchor = "the packet anchors no Main Body section of the current spec (see its specAnchor in the packet tool, GOV203, GOV204)";
            // An item that cites nothing, is no generic gate and shares too few words with any requirement maps to
            // nothing (seed 003 §5.4: every DONE_MEANS maps to a SPEC_ANCHOR requirement), even where no rule reports
            // it (anchored sections that state no requirement leave GOV206 nothing to compare with).
            // A wholesale claim ("all requirements of §X are implemented", GOV212) maps to nothing either.
            var unmapped = !anchored ? new List<Model.Spec.ItemMapping>() : coverage!.Items.Where(i => (i.Kind == Model.Spec.MappingKind.None || i.Kind == Model.Spec.MappingKind.Blanket) && i.Requirements.Count == 0).ToList();
            gates.Add(new ReadinessGate("doneMeansMapped", mapping.Count == 0 && anchored && unmapped.Count == 0,
                !anchored ? noAnchor
                : mapping.Count > 0 ? $"{mapping.Count} DONE_MEANS problem(s)"
                : unmapped.Count == 0 ? Mapped(coverage!)
                : Mapped(coverage!) + $"; {unmapped.Count} map to nothing (line(s) {string.Join(", ", unmapped.Select(i => i.Item.Span.StartLine + (i.Kind == Model.Spec.MappingKind.Blanket ? " claims requirements wholesale" : string.Empty)))}): each must cite or restate a requirement of the anchored sections",
                mapping));
            var uncovered = !anchored ? new List<Model.Spec.SpecRequirement>() : coverage!.Uncovered(absolute: true);
            var mustDiagnostics = Of(GOV207UncoveredMust.Rule.Id);
            gates.Add(new ReadinessGate("mustsCovered", anchored && uncovered.Count == 0,
                !anchored ? noAnchor
                : uncovered.Count == 0 ? $"every MUST of the {coverage!.Anchored.Count} anchored section(s) is covered by a DONE_MEANS item"
                : $"{uncovered.Count} MUST(s) of the anchored sections no DONE_MEANS item covers: " + string.Join("; ", uncovered.Take(5).Select(r => "§" + r.Section.Number + " '" + QueryText.Clip(r.Text) + "'")) + (uncovered.Count > 5 ? $"; and {uncovered.Count - 5} more" : string.Empty),
                mustDiagnostics,
                !anchored ? null : coverage!.Requirements.Where(r => r.IsAbsolute).Select(r =>
                {
                    var covering = coverage.CoveringOf(r);
                    return new RequirementCoverage(r.Span.StartLine, QueryText.Clip(r.Text), covering?.Item.Item.Span.StartLine, covering?.Why);
                }).ToList()));

            // Blockers.
            var blockers = TopologyFacts.BlockersOf(result.Topology, packet);
            var open = blockers.Where(b => !TopologyFacts.IsValidated(result.Topology, b)).ToList();
            var blockerProblems = Of(BlockerRules);
            gates.Add(new ReadinessGate("blockersValidated", open.Count == 0,
                blockers.Count == 0 ? "the packet names no blocker"
                : open.Count == 0 ? $"every blocker is VALIDATED: {string.Join(", ", blockers)}"
                : "blockers not VALIDATED: " + string.Join(", ", open.Select(b => b + " (" + (result.Topology.StatusOf(b)?.Status ?? "unknown") + ")")), blockerProblems));

            // Lock.
            var signature = PacketLock.Signature(packet, profile);
            var lockProblems = Of(LockRules);
            bool signed = signature != null && PacketLock.IsSigned(signature.Value, profile);
            gates.Add(new ReadinessGate("locked", signed && lockProblems.Count == 0,
                lockProblems.Count > 0 ? string.Join("; ", lockProblems.Select(d => d.Message))
                : !signed ? "the packet is not locked: it has no USER_SIGNATURE"
                : $"locked by USER_SIGNATURE '{QueryText.Clip(signature!.Value.Trim())}'", lockProblems));

            // Board.
            gates.Add(Board(result, packet, target, Of(BoardRules)));

            // Tests named in DONE_MEANS (GOV703), judged by the host.
            var tests = result.TestReferences.Where(t => t.Path == packet.Path).Select(t => t.Name).Distinct(StringComparer.Ordinal).ToList();
            if (tests.Count > 0 && result.TestReferenceSeverity != GovernanceSeverity.None && host.NamedTests != null)
            {
                var verdicts = host.NamedTests(tests);
                var failed = verdicts.Where(v => v.Passed == false).ToList();
                var unsettled = verdicts.Where(v => v.Passed == null).ToList();
                bool? passed = failed.Count > 0 ? false : unsettled.Count > 0 ? (bool?)null : true;
                gates.Add(new ReadinessGate("namedTests", passed, string.Join("; ", (failed.Count > 0 ? failed : verdicts).Select(v => $"'{v.Name}' {v.Reason}"))));
            }

            gates.Add(TestsPassed(result, packet, host));
            counted.Add(GOV704NamedTestNotPassed.Rule.Id);

            var others = own.Where(d => d.Severity == GovernanceSeverity.Error && !counted.Contains(d.Id)).ToList();
            gates.Add(new ReadinessGate("noOtherErrors", others.Count == 0, others.Count == 0 ? "no other error in the packet" : $"{others.Count} other error(s) in the packet", others));

            return new Readiness(wp, packet.Path, now, target, gates);
        }

        private static void CheckTarget(Configuration.GovernanceConfig config, string target)
        {
            var closing = ClosingStatuses(config);
            if (!TopologyFacts.IsOneOf(target, closing))
                throw new QueryException($"'{QueryText.Clip(target)}' is not a closing status; expected one of {string.Join(", ", closing)} (taskPacket.closedStatuses, dependencies.validated)");
        }

        /// <summary>
        /// The closing status a packet at <paramref name="status"/> would move to next: the first move
        /// taskPacket.statusTransitions allows from it that is one of <see cref="ClosingStatuses"/> (or, for a status
        /// the transitions do not list, the first closing status it is not at); null when none.
        /// </summary>
        public static string? NextClosingStatus(Configuration.GovernanceConfig config, string status)
        {
            var closing = ClosingStatuses(config);
            var edges = TopologyFacts.TransitionsFrom(config.TaskPacket, status);
            // Spelled as the transitions spell it (dependencies.validated may spell it as the board does).
            return edges == null
                ? closing.FirstOrDefault(s => !TopologyFacts.IsOneOf(status, new[] { s }))
                : edges.FirstOrDefault(e => TopologyFacts.IsOneOf(e, closing) && !TopologyFacts.IsOneOf(status, new[] { e }));
        }

        /// <summary>The transition gate: STATUS may move to <paramref name="target"/> (taskPacket.statusTransitions).</summary>
        private static ReadinessGate Transition(Configuration.GovernanceConfig config, string? now, string target)
        {
            if (now == null) return new ReadinessGate("transition", false, "the packet has no STATUS");
            if (TopologyFacts.IsOneOf(now, new[] { target })) return new ReadinessGate("transition", true, $"STATUS is already '{now}'");
            var edges = TopologyFacts.TransitionsFrom(config.TaskPacket, now);
            if (edges == null || TopologyFacts.IsOneOf(target, edges))
                return new ReadinessGate("transition", true, $"'{now}' may move to '{target}'" + (edges == null ? " (taskPacket.statusTransitions does not list it)" : string.Empty));
            return new ReadinessGate("transition", false, $"'{now}' may move to {(edges.Count == 0 ? "nothing (write a new variant packet)" : string.Join(", ", edges.Select(e => "'" + e + "'")))}, not to '{target}' (taskPacket.statusTransitions)");
        }

        /// <summary>The board gate: the task board lists the packet, with a status that agrees with <paramref name="target"/> (board.agreement).</summary>
        private static ReadinessGate Board(GovernanceResult result, TaskPacket packet, string target, List<GovernanceDiagnostic> problems)
        {
            var board = result.Topology.Board;
            if (board == null) return new ReadinessGate("board", null, "the repository has no task board (board.path)");
            if (!(TopologyFacts.BoardEntryOf(result.Topology, result.Config.Board, packet) is BoardEntry entry))
                return new ReadinessGate("board", false, $"{board.Path} does not list {string.Join(" or ", result.Topology.IdsOf(packet))}", problems);
            var agrees = TopologyFacts.AgreementOf(result.Config.Board, entry.Status);
            bool ok = agrees == null ? TopologyFacts.IsOneOf(entry.Status, new[] { target }) : TopologyFacts.IsOneOf(target, agrees);
            return new ReadinessGate("board", ok, ok ? $"{board.Path} lists {entry.Id} as '{entry.Status}' (line {entry.StatusSpan.StartLine}), which agrees with '{target}'"
                : $"{board.Path} lists {entry.Id} as '{entry.Status}' (line {entry.StatusSpan.StartLine}); move it to the board's status for '{target}' in the same change", problems);
        }

        /// <summary>
        /// The testsPassed gate (GOV704): every test the packet's DONE_MEANS names passed in the host's test results,
        /// judged by the engine as the CLI's --test-results and the MSBuild task judge them (the same GOV704 findings,
        /// severities, inline suppressions and baseline; a result file that cannot be read, GOV002, fails the gate).
        /// Not checked (null) without a named test or with GOV704 off; failed when tests are named and the host has no
        /// results (<see cref="ReadinessHost.TestResults"/> null or giving null), or is not checked when the host takes none (<see cref="ReadinessHost.JudgesTestResults"/>). The results are asked for only when the gate needs them.
        /// </summary>
        private static ReadinessGate TestsPassed(GovernanceResult result, TaskPacket packet, ReadinessHost host)
        {
            var testResults = host.TestResults;
            var named = TestReference.Of(packet, result.Profile).Select(t => t.Name).Distinct(StringComparer.Ordinal).ToList();
            if (named.Count == 0) return new ReadinessGate("testsPassed", null, "DONE_MEANS names no test (taskPacket.testReference)");
            if (result.Config.SeverityOf(GOV704NamedTestNotPassed.Rule) == GovernanceSeverity.None)
                return new ReadinessGate("testsPassed", null, "GOV704 is off in governance.yml (severity: none), so named tests are not judged");
            // A named test is an item met only by a run that passed: without results nothing shows it did.
            if (!host.JudgesTestResults)
                return new ReadinessGate("testsPassed", null, $"DONE_MEANS names {named.Count} test(s); test results are not judged here ({host.TestResultsOption} judges them)");
            var analysis = testResults?.Invoke();
            if (analysis == null)
                return new ReadinessGate("testsPassed", false, $"DONE_MEANS names {named.Count} test(s) and no test results were given: pass {host.TestResultsOption} (TRX or JUnit XML files) from the run that shows they passed");

            var resultPaths = new HashSet<string>(analysis.ResultFiles, StringComparer.Ordinal);
            var findings = analysis.Result.Diagnostics
                .Where(d => (d.Id == GOV704NamedTestNotPassed.Rule.Id && d.Path == packet.Path) || (d.Id == EngineDiagnostics.DocumentUnreadable.Id && resultPaths.Contains(d.Path)))
                .ToList();
            return new ReadinessGate("testsPassed", findings.Count == 0,
                findings.Count == 0 ? $"{named.Count} named test(s) passed in {analysis.FilesDisplay}" : string.Join("; ", findings.Select(d => d.Message)),
                findings);
        }

        /// <summary>How the items mapped, counted: an item that cites a section with no MUST or SHOULD maps to nothing there, and is said so (items that cite nothing are the caller's).</summary>
        private static string Mapped(Model.Spec.DoneMeansCoverage coverage)
        {
            int requirements = coverage.Items.Count(i => i.Requirements.Count > 0);
            int gates = coverage.Items.Count(i => i.Kind == Model.Spec.MappingKind.Gate);
            int empty = coverage.Items.Count(i => i.Kind == Model.Spec.MappingKind.Explicit && i.Requirements.Count == 0);
            string text = $"{coverage.Items.Count} DONE_MEANS item(s), measurable: {requirements} mapped to requirements, {gates} gate(s)";
            return empty == 0 ? text : text + $", {empty} citing a section or requirement of the anchored sections that states no MUST or SHOULD";
        }
    }
}
