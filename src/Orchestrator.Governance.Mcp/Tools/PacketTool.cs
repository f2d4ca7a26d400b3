using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Orchestrator.Governance.Engine.Queries;

namespace Orchestrator.Governance.Mcp.Tools
{
    /// <summary>
    /// <c>packet</c>: a task packet by its WP ID, as the rules read it: STATUS and the task board's
    /// status, the lock (USER_SIGNATURE, seed 003 §2.3), IN_SCOPE_PATHS and OUT_OF_SCOPE, each
    /// SPEC_ANCHOR reference and the section it resolves to, each DONE_MEANS item and the
    /// requirements it maps to, the MUSTs of the anchored sections no item covers (seed 003 §5.4),
    /// its blockers with their statuses, and its own diagnostics.
    /// </summary>
    internal sealed class PacketTool : GovernanceTool
    {
        public override string Name => "packet";

        public override string Title => "Read a task packet";

        public override string Description =>
            "A task packet by WP ID, parsed as the governance rules read it: status (packet and task board), lock, scope paths, SPEC_ANCHOR with the sections it resolves to, " +
            "DONE_MEANS items with the spec requirements each maps to, the MUSTs of the anchored sections that no DONE_MEANS item covers, dependencies with their statuses, and the packet's diagnostics.";

        public override string InputSchema => @"{""type"":""object"",""properties"":{
  ""id"":{""type"":""string"",""description"":""The WP ID, e.g. WP-1-Storage-Layer""}},
 ""required"":[""id""],""additionalProperties"":false}";

        public override string OutputSchema => @"{""type"":""object"",""properties"":{
  ""id"":{""type"":""string""},""file"":{""type"":""string""},
  ""status"":{""type"":[""string"",""null""]},""statusLine"":{""type"":[""integer"",""null""]},""boardStatus"":{""type"":[""string"",""null""]},
  ""locked"":{""type"":""boolean"",""description"":""USER_SIGNATURE holds a signature""},
  ""inScope"":{""type"":""array"",""items"":{""type"":""object"",""properties"":{""path"":{""type"":""string""},""kind"":{""type"":""string""},""line"":{""type"":""integer""}}}},
  ""outOfScope"":{""type"":""array"",""items"":{""type"":""string""}},
  ""specAnchor"":{""type"":""array"",""items"":{""type"":""object"",""properties"":{
    ""reference"":{""type"":""string""},""line"":{""type"":""integer""},""resolved"":{""type"":""boolean""},""section"":{""anyOf"":[" + Json.SectionSchema + @",{""type"":""null""}]},""nearest"":{""type"":""boolean""}}}},
  ""doneMeans"":{""type"":""array"",""items"":{""type"":""object"",""properties"":{
    ""text"":{""type"":""string""},""line"":{""type"":""integer""},""mapping"":{""enum"":[""explicit"",""substance"",""gate"",""none"",""blanket""]},
    ""requirements"":{""type"":""array"",""items"":" + Json.RequirementSchema + @"},
    ""why"":{""type"":""array"",""items"":{""type"":""string""},""description"":""For each of requirements: explicit (the item names it) or substance: the terms both share, heaviest first""}}}},
  ""uncoveredMusts"":{""type"":""array"",""items"":" + Json.RequirementSchema + @"},
  ""dependencies"":{""type"":""array"",""items"":{""type"":""object"",""properties"":{""id"":{""type"":""string""},""status"":{""type"":[""string"",""null""]},""statusFrom"":{""type"":[""string"",""null""]}}}},
  ""diagnostics"":{""type"":""array"",""items"":" + Json.DiagnosticSchema + @"}},
 ""required"":[""id"",""file"",""status"",""locked"",""specAnchor"",""doneMeans"",""uncoveredMusts"",""dependencies"",""diagnostics""]}";

        public override JsonObject Call(ToolArguments arguments, RepositorySession session)
        {
            string id = arguments.String("id", required: true, maxLength: 256)!.Trim();
            var result = session.Current().Result;
            PacketView view;
            try
            {
                view = PacketView.Of(result, id);
            }
            catch (QueryException e)
            {
                throw new ToolError(e.Message);
            }

            var spec = result.Spec;
            var anchors = new JsonArray();
            foreach (var reference in view.Anchors)
            {
                var target = reference.Target;
                anchors.Add((JsonNode)new JsonObject
                {
                    ["reference"] = reference.Reference.Display,
                    ["line"] = reference.Reference.Span.StartLine,
                    ["resolved"] = reference.Section != null,
                    ["section"] = target == null ? null : Json.Section(target, spec),
                    ["nearest"] = reference.Section == null && target != null,
                });
            }

            var items = new JsonArray();
            foreach (var item in view.Coverage?.Items ?? (IReadOnlyList<Model.Spec.ItemMapping>)Array.Empty<Model.Spec.ItemMapping>())
            {
                items.Add((JsonNode)new JsonObject
                {
                    ["text"] = item.Item.Text.Trim(),
                    ["line"] = item.Item.Span.StartLine,
                    ["mapping"] = item.Kind.ToString().ToLowerInvariant(),
                    ["requirements"] = new JsonArray(item.Requirements.Select(r => (JsonNode?)Json.Requirement(r, spec)).ToArray()),
                    ["why"] = new JsonArray(item.Requirements.Select(r => (JsonNode?)JsonValue.Create(item.Why(r))).ToArray()),
                });
            }

            foreach (var item in view.UnmappedItems)
                items.Add((JsonNode)new JsonObject { ["text"] = item.Text.Trim(), ["line"] = item.Span.StartLine, ["mapping"] = "none", ["requirements"] = new JsonArray(), ["why"] = new JsonArray() });

            return new JsonObject
            {
                ["id"] = view.Id,
                ["file"] = view.Packet.Path,
                ["status"] = view.Status?.Value.Trim(),
                ["statusLine"] = view.Status?.ValueSpan.StartLine,
                ["boardStatus"] = view.BoardStatus,
                ["locked"] = view.Locked,
                ["inScope"] = new JsonArray(view.InScope.Select(e => (JsonNode?)new JsonObject { ["path"] = e.Path, ["kind"] = e.Kind.ToString().ToLowerInvariant(), ["line"] = e.Span.StartLine }).ToArray()),
                ["outOfScope"] = new JsonArray(view.OutOfScope.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
                ["specAnchor"] = anchors,
                ["doneMeans"] = items,
                ["uncoveredMusts"] = new JsonArray(view.UncoveredMusts.Select(r => (JsonNode?)Json.Requirement(r, spec)).ToArray()),
                ["dependencies"] = new JsonArray(view.Dependencies.Select(d => (JsonNode?)new JsonObject { ["id"] = d.Id, ["status"] = d.Status?.Status, ["statusFrom"] = d.Status?.Source }).ToArray()),
                ["diagnostics"] = new JsonArray(view.Diagnostics.Select(d => (JsonNode?)Json.Diagnostic(d, false)).ToArray()),
            };
        }
    }
}
