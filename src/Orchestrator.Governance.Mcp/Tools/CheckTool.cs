using System;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace Orchestrator.Governance.Mcp.Tools
{
    /// <summary>
    /// <c>check</c>: the diagnostics of the whole repository or of given files and folders, as
    /// <c>governance check</c> reports them (the baseline applied unless includeBaselined), in the
    /// engine's order, a page at a time (limit, cursor).
    /// </summary>
    internal sealed class CheckTool : GovernanceTool
    {
        public override string Name => "check";

        public override string Title => "Check governance documents";

        public override string Description =>
            "The governance diagnostics (rule, file, line, column, severity, message, whether a fix exists) of the whole repository or of the given files and folders, " +
            "as `governance check` reports them: the repository's governance.yml, inline suppressions and governance.baseline.json applied. " +
            "Call it after editing a task packet, the spec, the task board or a state file. Results are paginated: pass nextCursor back as cursor.";

        public override string InputSchema => @"{""type"":""object"",""properties"":{
  ""paths"":{""type"":""array"",""items"":{""type"":""string""},""maxItems"":1000,""description"":""Repository-relative files or folders (default: the whole repository)""},
  ""includeBaselined"":{""type"":""boolean"",""description"":""Also list the diagnostics governance.baseline.json covers (marked baselined)""},
  ""limit"":{""type"":""integer"",""minimum"":1,""maximum"":500,""description"":""Diagnostics per page (default 100)""},
  ""cursor"":{""type"":""string"",""description"":""nextCursor of the previous page""}},
 ""additionalProperties"":false}";

        public override string OutputSchema => @"{""type"":""object"",""properties"":{
  ""total"":{""type"":""integer"",""description"":""Diagnostics in the paths, all pages""},
  ""errors"":{""type"":""integer""},""warnings"":{""type"":""integer""},""infos"":{""type"":""integer""},
  ""diagnostics"":{""type"":""array"",""items"":" + Json.DiagnosticSchema + @"},
  ""nextCursor"":{""type"":[""string"",""null""],""description"":""Pass as cursor for the next page; null on the last""},
  ""notGoverned"":{""type"":""array"",""items"":{""type"":""string""},""description"":""Given paths under which no governance document is read""}},
 ""required"":[""total"",""errors"",""warnings"",""diagnostics"",""nextCursor""]}";

        public override JsonObject Call(ToolArguments arguments, RepositorySession session)
        {
            var scopes = arguments.Strings("paths").Select(p => RepositoryPath.Normalize(session.Root, p, "paths", session.RealRoot)).Distinct(StringComparer.Ordinal).ToList();
            bool includeBaselined = arguments.Bool("includeBaselined");
            int limit = arguments.Int("limit", 100, 1, 500);
            string? cursor = arguments.String("cursor", maxLength: 32);
            int offset = 0;
            if (cursor != null && (!int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0))
                throw new ToolError($"the cursor '{ToolArguments.Clip(cursor)}' is not one this tool returned; pass nextCursor as it came, or no cursor for the first page");

            var snapshot = session.Current();
            var result = snapshot.Result;
            bool InScope(string file) => scopes.Count == 0 || scopes.Any(s => RepositoryPath.Covers(s, file));
            var found = result.Diagnostics.Where(d => InScope(d.Path)).Select(d => (Diagnostic: d, Baselined: false)).ToList();
            if (includeBaselined) found.AddRange(result.Baselined.Where(d => InScope(d.Path)).Select(d => (Diagnostic: d, Baselined: true)));
            if (offset > found.Count) throw new ToolError($"the cursor '{cursor}' is past the last diagnostic ({found.Count}); the repository changed since: start again without a cursor");

            var page = found.Skip(offset).Take(limit).ToList();
            var documents = snapshot.Documents.Select(d => d.Path).Concat(result.Diagnostics.Select(d => d.Path)).ToList();
            var notGoverned = scopes.Where(s => !documents.Any(d => RepositoryPath.Covers(s, d))).ToList();
            return new JsonObject
            {
                ["total"] = found.Count,
                ["errors"] = found.Count(f => f.Diagnostic.Severity == Diagnostics.GovernanceSeverity.Error),
                ["warnings"] = found.Count(f => f.Diagnostic.Severity == Diagnostics.GovernanceSeverity.Warning),
                ["infos"] = found.Count(f => f.Diagnostic.Severity == Diagnostics.GovernanceSeverity.Info),
                ["diagnostics"] = new JsonArray(page.Select(f => (JsonNode?)Json.Diagnostic(f.Diagnostic, f.Baselined)).ToArray()),
                ["nextCursor"] = offset + page.Count < found.Count ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : null,
                ["notGoverned"] = new JsonArray(notGoverned.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
            };
        }
    }
}
