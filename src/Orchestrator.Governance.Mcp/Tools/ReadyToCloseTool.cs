using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Model.Board;
using Orchestrator.Governance.Model.Locks;

namespace Orchestrator.Governance.Mcp.Tools
{
    /// <summary>
    /// <c>ready_to_close</c>: every gate the protocol asks of a task packet before it moves to a
    /// closing status (Done, Validated, or another of taskPacket.closedStatuses and
    /// dependencies.validated), each passed or failed with the reason: the move is allowed from the
    /// current status (taskPacket.statusTransitions, seed 003 §6.3), DONE_MEANS items map to the
    /// anchored requirements and are measurable (GOV206, GOV209; §5.4), every MUST of the anchored
    /// sections is covered (GOV207), the blockers are VALIDATED (GOV303; §6.4), the packet is
    /// locked by a USER_SIGNATURE and not edited since (GOV111, GOV607; §2.3), the task board lists
    /// it and its status there agrees with the target (GOV304, GOV305; §6.3), and the packet has no
    /// other error, and (when GOV703 is on) the tests DONE_MEANS names exist as tests that run, looked
    /// up in the repository's C# files by their syntax (<see cref="NamedTests"/>; GOV703 judges them
    /// by the compilation in the build). This is the check an agent runs before it claims the work is
    /// complete.
    /// </summary>
    internal sealed class ReadyToCloseTool : GovernanceTool
    {
        // The rules each gate reads; a packet's other errors fall to the last gate.
        private static readonly string[] MappingRules = { "GOV206", "GOV209", "GOV212" };
        private static readonly string[] LockRules = { "GOV111", "GOV607" };
        private static readonly string[] BoardRules = { "GOV304", "GOV305" };

        public override string Name => "ready_to_close";

        public override string Title => "Check a packet's gates before closing it";

        public override string Description =>
            "Before setting a task packet's STATUS to Done or Validated: every gate the protocol asks, each passed or failed with the reason " +
            "(the status move is allowed, DONE_MEANS mapped and measurable, every MUST of the anchored sections covered, blockers VALIDATED, packet locked and unedited, " +
            "task board in agreement, no other error). Claim the work complete only when ready is true.";

        public override string InputSchema => @"{""type"":""object"",""properties"":{
  ""id"":{""type"":""string"",""description"":""The WP ID""},
  ""target"":{""type"":""string"",""description"":""The status to move to, e.g. Done or Validated""},
  ""testResults"":{""type"":""array"",""items"":{""type"":""string""},""description"":""Test result files, TRX or JUnit XML (globs relative to the repository, e.g. TestResults/*.trx): every test DONE_MEANS names must have passed in them (the testsPassed gate, GOV704)""}},
 ""required"":[""id"",""target""],""additionalProperties"":false}";

        public override string OutputSchema => @"{""type"":""object"",""properties"":{
  ""id"":{""type"":""string""},""file"":{""type"":""string""},""status"":{""type"":[""string"",""null""]},""target"":{""type"":""string""},
  ""ready"":{""type"":""boolean"",""description"":""Every gate passed (a gate not checked here does not count against it)""},
  ""gates"":{""type"":""array"",""items"":{""type"":""object"",""properties"":{
    ""gate"":{""enum"":[""transition"",""doneMeansMapped"",""mustsCovered"",""blockersValidated"",""locked"",""board"",""noOtherErrors"",""namedTests"",""testsPassed""]},
    ""passed"":{""type"":[""boolean"",""null""],""description"":""null: not checked here""},
    ""reason"":{""type"":""string""},
    ""requirements"":{""type"":""array"",""description"":""mustsCovered: each MUST of the anchored sections, the DONE_MEANS item that covers it and why"",""items"":{""type"":""object"",""properties"":{
      ""specLine"":{""type"":""integer""},""text"":{""type"":""string""},""coveredByLine"":{""type"":[""integer"",""null""]},""why"":{""type"":[""string"",""null""],""description"":""explicit (the item names it), substance: the shared terms, or a lead-in's list""}},""required"":[""specLine"",""text"",""coveredByLine"",""why""]}},
    ""diagnostics"":{""type"":""array"",""items"":" + Json.DiagnosticSchema + @"}},
   ""required"":[""gate"",""passed"",""reason""]}}},
 ""required"":[""id"",""file"",""target"",""ready"",""gates""]}";

        public override JsonObject Call(ToolArguments arguments, RepositorySession session)
        {
            string id = arguments.String("id", required: true, maxLength: 256)!.Trim();
            string target = arguments.String("target", required: true, maxLength: 64)!.Trim();
            var result = session.Current().Result;
            var config = result.Config;
            var closing = config.TaskPacket.ClosedStatuses.Concat(config.Dependencies.Validated).Distinct(StringComparer.Ordinal).ToList();
            if (!TopologyFacts.IsOneOf(target, closing))
                throw new ToolError($"'{ToolArguments.Clip(target)}' is not a closing status; expected one of {string.Join(", ", closing)} (taskPacket.closedStatuses, dependencies.validated)");
            var (packet, wp) = PacketTool.Resolve(result, id);
            var profile = result.Profile;
            // A packet asked about is judged as an open one, even when its STATUS already says it is closed:
            // what the engine set aside on records (taskPacket.closedPackets) counts here.
            var own = result.Diagnostics.Concat(result.SetAsideOnRecords).Where(d => d.Path == packet.Path).ToList();
            var gates = new JsonArray();
            var counted = new HashSet<string>(StringComparer.Ordinal);

            void Gate(string gate, bool? passed, string reason, IEnumerable<GovernanceDiagnostic>? diagnostics = null, JsonArray? requirements = null)
            {
                var entry = new JsonObject { ["gate"] = gate, ["passed"] = passed, ["reason"] = reason };
                if (requirements != null) entry["requirements"] = requirements;
                var list = diagnostics?.ToList();
                if (list != null && list.Count > 0) entry["diagnostics"] = new JsonArray(list.Select(d => (JsonNode?)Json.Diagnostic(d, false)).ToArray());
                gates.Add((JsonNode)entry);
            }

            List<GovernanceDiagnostic> Of(params string[] rules)
            {
                var found = own.Where(d => rules.Contains(d.Id) && d.Severity >= GovernanceSeverity.Warning).ToList();
                foreach (var rule in rules) counted.Add(rule);
                return found;
            }

            // The move itself.
            var status = profile.FieldOf(packet, "STATUS");
            string? now = status?.Value.Trim();
            if (now == null)
            {
                Gate("transition", false, "the packet has no STATUS");
            }
            else if (TopologyFacts.IsOneOf(now, new[] { target }))
            {
                Gate("transition", true, $"STATUS is already '{now}'");
            }
            else
            {
                var edges = TopologyFacts.TransitionsFrom(config.TaskPacket, now);
                if (edges == null || TopologyFacts.IsOneOf(target, edges)) Gate("transition", true, $"'{now}' may move to '{target}'" + (edges == null ? " (taskPacket.statusTransitions does not list it)" : string.Empty));
                else Gate("transition", false, $"'{now}' may move to {(edges.Count == 0 ? "nothing (write a new variant packet)" : string.Join(", ", edges.Select(e => "'" + e + "'")))}, not to '{target}' (taskPacket.statusTransitions)");
            }

            // DONE_MEANS mapped and measurable; MUSTs covered.
            var mapping = Of(MappingRules);
            var coverage = result.Spec.CoverageOf(packet, profile);
            bool anchored = coverage != null && coverage.Anchored.Count > 0;
            string noAnchor = "the packet anchors no Main Body section of the current spec (see its specAnchor in the packet tool, GOV203, GOV204)";
            // An item that cites nothing, is no generic gate and shares too few words with any requirement maps to
            // nothing (seed 003 §5.4: every DONE_MEANS maps to a SPEC_ANCHOR requirement), even where no rule reports
            // it (anchored sections that state no requirement leave GOV206 nothing to compare with).
            // A wholesale claim ("all requirements of §X are implemented", GOV212) maps to nothing either.
            var unmapped = !anchored ? new List<Model.Spec.ItemMapping>() : coverage!.Items.Where(i => (i.Kind == Model.Spec.MappingKind.None || i.Kind == Model.Spec.MappingKind.Blanket) && i.Requirements.Count == 0).ToList();
            Gate("doneMeansMapped", mapping.Count == 0 && anchored && unmapped.Count == 0,
                !anchored ? noAnchor
                : mapping.Count > 0 ? $"{mapping.Count} DONE_MEANS problem(s)"
                : unmapped.Count == 0 ? Mapped(coverage!)
                : Mapped(coverage!) + $"; {unmapped.Count} map to nothing (line(s) {string.Join(", ", unmapped.Select(i => i.Item.Span.StartLine + (i.Kind == Model.Spec.MappingKind.Blanket ? " claims requirements wholesale" : string.Empty)))}): each must cite or restate a requirement of the anchored sections",
                mapping);
            var uncovered = !anchored ? new List<Model.Spec.SpecRequirement>() : coverage!.Uncovered(absolute: true);
            var mustDiagnostics = Of("GOV207");
            Gate("mustsCovered", anchored && uncovered.Count == 0,
                !anchored ? noAnchor
                : uncovered.Count == 0 ? $"every MUST of the {coverage!.Anchored.Count} anchored section(s) is covered by a DONE_MEANS item"
                : $"{uncovered.Count} MUST(s) of the anchored sections no DONE_MEANS item covers: " + string.Join("; ", uncovered.Take(5).Select(r => "§" + r.Section.Number + " '" + ToolArguments.Clip(r.Text) + "'")) + (uncovered.Count > 5 ? $"; and {uncovered.Count - 5} more" : string.Empty),
                mustDiagnostics,
                !anchored ? null : new JsonArray(coverage!.Requirements.Where(r => r.IsAbsolute).Select(r =>
                {
                    var covering = coverage.CoveringOf(r);
                    return (JsonNode?)new JsonObject
                    {
                        ["specLine"] = r.Span.StartLine,
                        ["text"] = ToolArguments.Clip(r.Text),
                        ["coveredByLine"] = covering?.Item.Item.Span.StartLine,
                        ["why"] = covering?.Why,
                    };
                }).ToArray()));

            // Blockers.
            var blockers = TopologyFacts.BlockersOf(result.Topology, packet);
            var open = blockers.Where(b => !TopologyFacts.IsValidated(result.Topology, b)).ToList();
            var blockerProblems = Of("GOV301", "GOV302", "GOV303");
            Gate("blockersValidated", open.Count == 0,
                blockers.Count == 0 ? "the packet names no blocker"
                : open.Count == 0 ? $"every blocker is VALIDATED: {string.Join(", ", blockers)}"
                : "blockers not VALIDATED: " + string.Join(", ", open.Select(b => b + " (" + (result.Topology.StatusOf(b)?.Status ?? "unknown") + ")")), blockerProblems);

            // Lock.
            var signature = PacketLock.Signature(packet, profile);
            var lockProblems = Of(LockRules);
            bool signed = signature != null && PacketLock.IsSigned(signature.Value, profile);
            Gate("locked", signed && lockProblems.Count == 0,
                lockProblems.Count > 0 ? string.Join("; ", lockProblems.Select(d => d.Message))
                : !signed ? "the packet is not locked: it has no USER_SIGNATURE"
                : $"locked by USER_SIGNATURE '{ToolArguments.Clip(signature!.Value.Trim())}'", lockProblems);

            // Board.
            var board = result.Topology.Board;
            var boardProblems = Of(BoardRules);
            if (board == null)
            {
                Gate("board", null, "the repository has no task board (board.path)");
            }
            else if (!(TopologyFacts.BoardEntryOf(result.Topology, config.Board, packet) is BoardEntry entry))
            {
                Gate("board", false, $"{board.Path} does not list {string.Join(" or ", result.Topology.IdsOf(packet))}", boardProblems);
            }
            else
            {
                var agrees = TopologyFacts.AgreementOf(config.Board, entry.Status);
                bool ok = agrees == null ? TopologyFacts.IsOneOf(entry.Status, new[] { target }) : TopologyFacts.IsOneOf(target, agrees);
                Gate("board", ok, ok ? $"{board.Path} lists {entry.Id} as '{entry.Status}' (line {entry.StatusSpan.StartLine}), which agrees with '{target}'"
                    : $"{board.Path} lists {entry.Id} as '{entry.Status}' (line {entry.StatusSpan.StartLine}); move it to the board's status for '{target}' in the same change", boardProblems);
            }

            // Tests named in DONE_MEANS (GOV703), looked up in the repository's C# files by their syntax.
            var tests = result.TestReferences.Where(t => t.Path == packet.Path).Select(t => t.Name).Distinct(StringComparer.Ordinal).ToList();
            if (tests.Count > 0 && result.TestReferenceSeverity != GovernanceSeverity.None)
            {
                var verdicts = NamedTests.Judge(tests, CSharpSources(session, config.Limits.MaxDocumentBytes));
                var failed = verdicts.Where(v => v.Passed == false).ToList();
                var unsettled = verdicts.Where(v => v.Passed == null).ToList();
                bool? passed = failed.Count > 0 ? false : unsettled.Count > 0 ? (bool?)null : true;
                Gate("namedTests", passed, string.Join("; ", (failed.Count > 0 ? failed : verdicts).Select(v => $"'{v.Name}' {v.Reason}")));
            }

            TestsPassed(arguments.Strings("testResults", maxItems: 64, maxLength: 1024), result, packet, profile, session, config.Limits.MaxDocumentBytes, (g, p, r, d) => Gate(g, p, r, d));
            counted.Add(Rules.Source.GOV704NamedTestNotPassed.Rule.Id);

            var others = own.Where(d => d.Severity == GovernanceSeverity.Error && !counted.Contains(d.Id)).ToList();
            Gate("noOtherErrors", others.Count == 0, others.Count == 0 ? "no other error in the packet" : $"{others.Count} other error(s) in the packet", others);

            bool ready = gates.All(g => g!["passed"]?.GetValue<bool>() != false);
            return new JsonObject
            {
                ["id"] = wp,
                ["file"] = packet.Path,
                ["status"] = now,
                ["target"] = target,
                ["ready"] = ready,
                ["gates"] = gates,
            };
        }

        /// <summary>
        /// The testsPassed gate (GOV704): every test the packet's DONE_MEANS names passed in the test
        /// results <paramref name="globs"/> match. The engine judges them, as the CLI's --test-results
        /// and the MSBuild task do (<see cref="RepositorySession.AnalyzeWithTestResults"/>): the
        /// same GOV704 findings, severities, inline suppressions and baseline, and a result file that
        /// cannot be read (GOV002) fails the gate. Not checked (null) without a named test or with
        /// GOV704 off in governance.yml; failed when tests are named and no results are given.
        /// </summary>
        private static void TestsPassed(IReadOnlyList<string> globs, Engine.GovernanceResult result, Model.TaskPacket packet, Model.TaskPacketProfile profile, RepositorySession session, long maxBytes, Action<string, bool?, string, IEnumerable<GovernanceDiagnostic>?> gate)
        {
            var named = Model.TestReference.Of(packet, profile).Select(t => t.Name).Distinct(StringComparer.Ordinal).ToList();
            if (named.Count == 0)
            {
                gate("testsPassed", null, "DONE_MEANS names no test (taskPacket.testReference)", null);
                return;
            }

            if (result.Config.SeverityOf(Rules.Source.GOV704NamedTestNotPassed.Rule) == GovernanceSeverity.None)
            {
                gate("testsPassed", null, "GOV704 is off in governance.yml (severity: none), so named tests are not judged", null);
                return;
            }

            // A named test is an item met only by a run that passed: without results nothing shows it did.
            if (globs.Count == 0)
            {
                gate("testsPassed", false, $"DONE_MEANS names {named.Count} test(s) and no test results were given: pass testResults (TRX or JUnit XML files) from the run that shows they passed", null);
                return;
            }

            var tree = session.Tree;
            var inputs = tree == null ? null : Hosting.TestResultFiles.Read(tree, globs, maxBytes, out string? problem);
            if (inputs == null) throw new ToolError(tree == null ? "the repository could not be read" : "testResults: " + Hosting.TestResultFiles.Problem(globs));
            var judged = session.AnalyzeWithTestResults(inputs);
            var resultPaths = new HashSet<string>(inputs.Select(i => i.Path), StringComparer.Ordinal);
            var findings = judged.Diagnostics
                .Where(d => (d.Id == Rules.Source.GOV704NamedTestNotPassed.Rule.Id && d.Path == packet.Path) || (d.Id == EngineDiagnostics.DocumentUnreadable.Id && resultPaths.Contains(d.Path)))
                .ToList();
            string files = Model.TestRuns.TestResults.Read(inputs, session.Today).FilesDisplay();
            gate("testsPassed", findings.Count == 0,
                findings.Count == 0 ? $"{named.Count} named test(s) passed in {files}" : string.Join("; ", findings.Select(d => d.Message)),
                findings);
        }

        /// <summary>The repository's C# files as the last walk found them (bin/ folders left out), read within the size limit.</summary>
        private static List<(string Path, string Text)> CSharpSources(RepositorySession session, long maxBytes)
        {
            var tree = session.Tree;
            var sources = new List<(string, string)>();
            if (tree == null) return sources;
            foreach (string file in tree.Files)
            {
                if (!file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || file.StartsWith("bin/", StringComparison.Ordinal) || file.Contains("/bin/")) continue;
                if (tree.ReadDocument(file, maxBytes).Text is string text) sources.Add((file, text));
            }

            return sources;
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
