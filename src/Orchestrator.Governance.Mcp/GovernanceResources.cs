using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Orchestrator.Governance.Mcp.Tools;
using Orchestrator.Governance.Rules;

namespace Orchestrator.Governance.Mcp
{
    /// <summary>
    /// The server's resources: each rule's page (<c>governance://rules/GOV107</c>), each section of
    /// the current spec (<c>governance://spec/2.3.12</c>, its Markdown), the task board
    /// (<c>governance://board</c>) and the repository's diagnostics (<c>governance://diagnostics</c>,
    /// JSON as <c>check</c> gives them, baselined ones left out; subscribable: the server sends
    /// notifications/resources/updated when they change). A URI the server does not serve is a
    /// JSON-RPC error (-32002, resource not found).
    /// </summary>
    internal static class GovernanceResources
    {
        public const string Diagnostics = "governance://diagnostics";
        public const string Board = "governance://board";
        private const string RulePrefix = "governance://rules/";
        private const string SpecPrefix = "governance://spec/";

        /// <summary>The most diagnostics the diagnostics resource lists (the rest: <c>check</c>, paginated).</summary>
        public const int MaxDiagnostics = 5000;

        public static ListResourcesResult List(RepositorySession session)
        {
            var resources = new List<Resource>
            {
                new Resource { Uri = Diagnostics, Name = "diagnostics", Title = "The repository's governance diagnostics", MimeType = "application/json", Description = "As check gives them (baselined ones left out); subscribe to be told when they change." },
            };
            if (session.Current().Result.Topology.Board is { } board)
                resources.Add(new Resource { Uri = Board, Name = "task-board", Title = "The task board", MimeType = "text/markdown", Description = board.Path });
            resources.AddRange(RuleCatalog.All.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r =>
                new Resource { Uri = RulePrefix + r.Id, Name = r.Id, Title = r.Id + ": " + r.Title, MimeType = "text/markdown" }));
            return new ListResourcesResult { Resources = resources };
        }

        public static ListResourceTemplatesResult Templates() => new ListResourceTemplatesResult
        {
            ResourceTemplates = new List<ResourceTemplate>
            {
                new ResourceTemplate { UriTemplate = SpecPrefix + "{section}", Name = "spec-section", Title = "A section of the current spec", MimeType = "text/markdown", Description = "By its number, e.g. governance://spec/2.3.12" },
                new ResourceTemplate { UriTemplate = RulePrefix + "{rule}", Name = "rule", Title = "A governance rule's page", MimeType = "text/markdown", Description = "By its ID, e.g. governance://rules/GOV107" },
            },
        };

        public static ReadResourceResult Read(RepositorySession session, string? uri)
        {
            uri ??= string.Empty;
            if (uri.Length > 1024) throw NotFound(uri);
            if (uri == Diagnostics) return Text(uri, "application/json", DiagnosticsJson(session.Current()).ToJsonString());
            if (uri == Board)
            {
                var snapshot = session.Current();
                var board = snapshot.Result.Topology.Board;
                var text = board == null ? null : snapshot.Documents.FirstOrDefault(d => d.Path == board.Path)?.Text;
                return text == null ? throw NotFound(uri) : Text(uri, "text/markdown", text);
            }

            if (uri.StartsWith(RulePrefix, StringComparison.Ordinal))
            {
                var rule = RuleCatalog.Find(uri.Substring(RulePrefix.Length).ToUpperInvariant()) ?? throw NotFound(uri);
                string page = ExplainRuleTool.Page(rule.Id) ?? $"# {rule.Id}: {rule.Title}\n\n{rule.Description}\n\nSource: {rule.Source}.\n";
                return Text(uri, "text/markdown", page);
            }

            if (uri.StartsWith(SpecPrefix, StringComparison.Ordinal))
            {
                string number = Uri.UnescapeDataString(uri.Substring(SpecPrefix.Length)).TrimStart('§');
                var spec = session.Current().Result.Spec.Spec;
                if (spec == null || !spec.ByNumber.TryGetValue(number, out var section)) throw NotFound(uri);
                return Text(uri, "text/markdown", spec.TextOf(section));
            }

            throw NotFound(uri);
        }

        /// <summary>The diagnostics resource's JSON: the count by severity and the first <see cref="MaxDiagnostics"/>.</summary>
        public static JsonObject DiagnosticsJson(SessionSnapshot snapshot)
        {
            var all = snapshot.Result.Diagnostics;
            return new JsonObject
            {
                ["total"] = all.Count,
                ["errors"] = all.Count(d => d.Severity == Orchestrator.Governance.Diagnostics.GovernanceSeverity.Error),
                ["warnings"] = all.Count(d => d.Severity == Orchestrator.Governance.Diagnostics.GovernanceSeverity.Warning),
                ["diagnostics"] = new JsonArray(all.Take(MaxDiagnostics).Select(d => (JsonNode?)Json.Diagnostic(d, false)).ToArray()),
                ["truncated"] = all.Count > MaxDiagnostics,
            };
        }

        private static ReadResourceResult Text(string uri, string mimeType, string text) => new ReadResourceResult
        {
            Contents = new List<ResourceContents> { new TextResourceContents { Uri = uri, MimeType = mimeType, Text = text } },
        };

        private static McpProtocolException NotFound(string uri) =>
            new McpProtocolException($"No resource '{ToolArguments.Clip(uri)}'; the server serves {Diagnostics}, {Board}, {RulePrefix}{{rule}} and {SpecPrefix}{{section}}", McpErrorCode.ResourceNotFound);
    }
}
