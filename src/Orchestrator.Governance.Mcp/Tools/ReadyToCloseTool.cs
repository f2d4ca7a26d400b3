using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Orchestrator.Governance.Engine.Queries;

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
            IReadOnlyList<string> Globs() => arguments.Strings("testResults", maxItems: 64, maxLength: 1024);
            var result = session.Current().Result;
            var host = new ReadinessHost
            {
                NamedTests = NamedTestsIn(session.Tree, result.Config.Limits.MaxDocumentBytes),
                TestResults = () => Globs() is var globs && globs.Count > 0 ? WithTestResults(session, globs, result.Config.Limits.MaxDocumentBytes) : null,
            };
            Readiness readiness;
            try
            {
                readiness = ReadyToClose.Judge(result, id, target, host);
            }
            catch (QueryException e)
            {
                throw new ToolError(e.Message);
            }

            // The testResults argument is checked whether or not the gate read it.
            _ = Globs();
            return ToJson(readiness);
        }

        /// <summary>The answer as this tool's output schema gives it (and `governance ready --format json` writes it).</summary>
        internal static JsonObject ToJson(Readiness readiness)
        {
            var gates = new JsonArray();
            foreach (var gate in readiness.Gates)
            {
                var entry = new JsonObject { ["gate"] = gate.Name, ["passed"] = gate.Passed, ["reason"] = gate.Reason };
                if (gate.Requirements != null)
                {
                    entry["requirements"] = new JsonArray(gate.Requirements.Select(r => (JsonNode?)new JsonObject
                    {
                        ["specLine"] = r.SpecLine,
                        ["text"] = r.Text,
                        ["coveredByLine"] = r.CoveredByLine,
                        ["why"] = r.Why,
                    }).ToArray());
                }

                if (gate.Diagnostics.Count > 0) entry["diagnostics"] = new JsonArray(gate.Diagnostics.Select(d => (JsonNode?)Json.Diagnostic(d, false)).ToArray());
                gates.Add((JsonNode)entry);
            }

            return new JsonObject
            {
                ["id"] = readiness.Id,
                ["file"] = readiness.File,
                ["status"] = readiness.Status,
                ["target"] = readiness.Target,
                ["ready"] = readiness.Ready,
                ["gates"] = gates,
            };
        }

        /// <summary>
        /// The namedTests gate's judge: the tests DONE_MEANS names looked up in the repository's C# files by their syntax
        /// (<see cref="NamedTests"/>; GOV703 judges them by the compilation in the build).
        /// </summary>
        internal static Func<IReadOnlyList<string>, IReadOnlyList<NamedTestVerdict>> NamedTestsIn(Hosting.RepositoryTree? tree, long maxBytes) =>
            names => NamedTests.Judge(names, CSharpSources(tree, maxBytes)).Select(v => new NamedTestVerdict(v.Name, v.Passed, v.Reason)).ToList();

        /// <summary>
        /// The analysis with the test results <paramref name="globs"/> match, for the testsPassed gate: the session's
        /// documents analyzed again with them (<see cref="RepositorySession.AnalyzeWithTestResults"/>), as the CLI's
        /// --test-results and the MSBuild task read them.
        /// </summary>
        private static TestResultsAnalysis WithTestResults(RepositorySession session, IReadOnlyList<string> globs, long maxBytes)
        {
            var tree = session.Tree;
            var inputs = tree == null ? null : Hosting.TestResultFiles.Read(tree, globs, maxBytes, out string? problem);
            if (inputs == null) throw new ToolError(tree == null ? "the repository could not be read" : "testResults: " + Hosting.TestResultFiles.Problem(globs));
            var judged = session.AnalyzeWithTestResults(inputs);
            return new TestResultsAnalysis(judged, inputs.Select(i => i.Path).ToList(), Model.TestRuns.TestResults.Read(inputs, session.Today).FilesDisplay());
        }

        /// <summary>The repository's C# files as the last walk found them (bin/ folders left out), read within the size limit.</summary>
        private static List<(string Path, string Text)> CSharpSources(Hosting.RepositoryTree? tree, long maxBytes)
        {
            var sources = new List<(string, string)>();
            if (tree == null) return sources;
            foreach (string file in tree.Files)
            {
                if (!file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || file.StartsWith("bin/", StringComparison.Ordinal) || file.Contains("/bin/")) continue;
                if (tree.ReadDocument(file, maxBytes).Text is string text) sources.Add((file, text));
            }

            return sources;
        }
    }
}
