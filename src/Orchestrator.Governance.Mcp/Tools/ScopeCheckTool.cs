using System;
using System.Linq;
using System.Text.Json.Nodes;
using Orchestrator.Governance.Model.Board;
using Orchestrator.Governance.Model.Scope;

namespace Orchestrator.Governance.Mcp.Tools
{
    /// <summary>
    /// <c>scope_check</c>: which of the files an agent means to touch a task packet allows, as the
    /// CI scope gate (GOV505, <see cref="ScopeGate"/>; seed 003 §5.3 [CX-603], [CX-600B]) would
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
            var result = snapshot.Result;
            var (packet, wp) = PacketTool.Resolve(result, id);
            var profile = result.Profile;
            var scope = result.Config.Scope;
            var gate = new ScopeGate(new[] { packet }, p => ScopeFacts.InScope(p, profile, snapshot.Files, scope.NewMarkers), scope, session.Today);
            var outside = gate.Outside(files, withWaived: true).ToDictionary(o => o.File, o => o.Waiver, StringComparer.Ordinal);
            var outField = profile.FieldOf(packet, "OUT_OF_SCOPE");
            var excluded = outField == null ? new System.Collections.Generic.List<ScopeEntry>() : ScopeEntry.ReadMentions(outField, packet, snapshot.Files);

            var verdicts = new JsonArray();
            int bad = 0;
            foreach (var file in files.Distinct(StringComparer.Ordinal))
            {
                var named = excluded.FirstOrDefault(e => e.Path.Length > 0 && RepositoryPath.Covers(e.Path, file));
                var entry = new JsonObject { ["file"] = file };
                if (named != null)
                {
                    entry["verdict"] = "outOfScope";
                    entry["outOfScopeLine"] = named.Span.StartLine;
                    bad++;
                }
                else if (!outside.TryGetValue(file, out var waiver))
                {
                    entry["verdict"] = "inScope";
                }
                else if (waiver != null)
                {
                    entry["verdict"] = "waived";
                    entry["waiver"] = new JsonObject { ["id"] = waiver.Id, ["line"] = waiver.EntrySpan.StartLine, ["text"] = waiver.Line.Trim() };
                }
                else
                {
                    entry["verdict"] = "outside";
                    bad++;
                }

                verdicts.Add((JsonNode)entry);
            }

            var status = profile.FieldOf(packet, "STATUS");
            return new JsonObject
            {
                ["id"] = wp,
                ["file"] = packet.Path,
                ["status"] = status?.Value.Trim(),
                ["activeForGate"] = status != null && TopologyFacts.IsOneOf(status.Value, scope.Gate.ActiveStatuses),
                ["files"] = verdicts,
                ["outside"] = bad,
            };
        }
    }
}
