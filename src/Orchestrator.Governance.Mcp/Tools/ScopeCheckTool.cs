using System.Linq;
using System.Text.Json.Nodes;
using Orchestrator.Governance.Engine.Queries;

namespace Orchestrator.Governance.Mcp.Tools
{
    /// <summary>
    /// <c>scope_check</c>: which of the files an agent means to touch a task packet allows, as the
    /// CI scope gate (GOV505, <see cref="Model.Scope.ScopeGate"/>; seed 003 §5.3 [CX-603], [CX-600B]) would
    /// judge them with this packet alone: in its IN_SCOPE_PATHS, covered by one of its unexpired
    /// waivers, named in its OUT_OF_SCOPE, or outside.
    /// </summary>
    internal sealed class ScopeCheckTool : GovernanceTool
    {
        public override string Name => "scope_check";

        public override string Title => "Check files against a packet's scope";

        public override string Description =>
            "Before editing files for a task packet: which of them its IN_SCOPE_PATHS allows, which one of its unexpired waivers covers, which its OUT_OF_SCOPE names, " +
            "and which are outside it, as the CI scope gate (GOV505) judges a change. Only packets whose STATUS is in progress bound a change in CI (activeForGate).";

        public override string InputSchema => @"{""type"":""object"",""properties"":{
  ""id"":{""type"":""string"",""description"":""The WP ID""},
  ""files"":{""type"":""array"",""items"":{""type"":""string""},""minItems"":1,""maxItems"":1000,""description"":""Repository-relative paths of the files to touch""}},
 ""required"":[""id"",""files""],""additionalProperties"":false}";

        public override string OutputSchema => @"{""type"":""object"",""properties"":{
  ""id"":{""type"":""string""},""file"":{""type"":""string""},""status"":{""type"":[""string"",""null""]},
  ""activeForGate"":{""type"":""boolean"",""description"":""Its STATUS is one of scope.gate.activeStatuses""},
  ""files"":{""type"":""array"",""items"":{""type"":""object"",""properties"":{
    ""file"":{""type"":""string""},
    ""verdict"":{""enum"":[""inScope"",""waived"",""outOfScope"",""outside""]},
    ""waiver"":{""type"":[""object"",""null""],""properties"":{""id"":{""type"":[""string"",""null""]},""line"":{""type"":""integer""},""text"":{""type"":""string""}}},
    ""outOfScopeLine"":{""type"":[""integer"",""null""]}},
   ""required"":[""file"",""verdict""]}},
  ""outside"":{""type"":""integer"",""description"":""Files outside the scope or named in OUT_OF_SCOPE""}},
 ""required"":[""id"",""file"",""activeForGate"",""files"",""outside""]}";

        public override JsonObject Call(ToolArguments arguments, RepositorySession session)
        {
            string id = arguments.String("id", required: true, maxLength: 256)!.Trim();
            var paths = arguments.Strings("files", maxItems: 1000, maxLength: 1024);
            if (paths.Count == 0) throw new ToolError("the argument 'files' is required: the repository-relative paths of the files to touch");
            var files = paths.Select(p => RepositoryPath.Normalize(session.Root, p, "files", session.RealRoot)).ToList();
            if (files.FirstOrDefault(f => f.Length == 0) != null) throw new ToolError("'files' names the repository root; name files");

            var snapshot = session.Current();
            ScopeAnswer answer;
            try
            {
                answer = ScopeCheck.Judge(snapshot.Result, snapshot.Files, id, files, session.Today);
            }
            catch (QueryException e)
            {
                throw new ToolError(e.Message);
            }

            var verdicts = new JsonArray();
            foreach (var verdict in answer.Files)
            {
                var entry = new JsonObject { ["file"] = verdict.File, ["verdict"] = verdict.Verdict };
                if (verdict.OutOfScopeLine is int line) entry["outOfScopeLine"] = line;
                if (verdict.Waiver is Model.PacketWaiver waiver) entry["waiver"] = new JsonObject { ["id"] = waiver.Id, ["line"] = waiver.EntrySpan.StartLine, ["text"] = waiver.Line.Trim() };
                verdicts.Add((JsonNode)entry);
            }

            return new JsonObject
            {
                ["id"] = answer.Id,
                ["file"] = answer.File,
                ["status"] = answer.Status,
                ["activeForGate"] = answer.ActiveForGate,
                ["files"] = verdicts,
                ["outside"] = answer.Outside,
            };
        }
    }
}
