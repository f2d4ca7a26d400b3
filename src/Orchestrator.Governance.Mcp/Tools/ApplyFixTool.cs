using System;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Orchestrator.Governance.Hosting;

namespace Orchestrator.Governance.Mcp.Tools
{
    /// <summary>
    /// <c>apply_fix</c>: applies one fix of one diagnostic that <c>check</c> reported (named by its
    /// rule, file, line and column, and the fix's title when it has several), through the engine's
    /// fix model as <c>governance fix</c> applies it (<see cref="FixApplier"/>,
    /// <see cref="FixWriter"/>: only documents that were read, valid UTF-8, inside the repository);
    /// returns the unified diff. The only tool that writes; with dryRun it writes nothing.
    /// </summary>
    internal sealed class ApplyFixTool : GovernanceTool
    {
        public override string Name => "apply_fix";

        public override string Title => "Apply a fix";

        public override string Description =>
            "Applies the fix of one diagnostic that check reported (give its rule, file, line and column, and the fix's title when it has several; " +
            "a 'suppress' fix inserts the comment that suppresses it) and returns the unified diff. Writes only governance documents inside the repository; dryRun writes nothing.";

        public override bool ReadOnly => false;

        public override string InputSchema => @"{""type"":""object"",""properties"":{
  ""rule"":{""type"":""string"",""description"":""The diagnostic's rule, e.g. GOV107""},
  ""file"":{""type"":""string"",""description"":""The diagnostic's file, repository-relative""},
  ""line"":{""type"":""integer"",""minimum"":1},""column"":{""type"":""integer"",""minimum"":1},
  ""fix"":{""type"":""string"",""description"":""The fix's title, as check lists it in fixes (default: the first)""},
  ""dryRun"":{""type"":""boolean"",""description"":""Return the diff without writing""}},
 ""required"":[""rule"",""file"",""line"",""column""],""additionalProperties"":false}";

        public override string OutputSchema => @"{""type"":""object"",""properties"":{
  ""fix"":{""type"":""string""},""written"":{""type"":""boolean""},
  ""files"":{""type"":""array"",""items"":{""type"":""string""}},
  ""diff"":{""type"":""string"",""description"":""Unified diff of the change""}},
 ""required"":[""fix"",""written"",""files"",""diff""]}";

        public override JsonObject Call(ToolArguments arguments, RepositorySession session)
        {
            string rule = arguments.String("rule", required: true, maxLength: 64)!.Trim().ToUpperInvariant();
            string file = RepositoryPath.Normalize(session.Root, arguments.String("file", required: true, maxLength: 1024)!, "file", session.RealRoot);
            int line = arguments.Int("line", 0, 1, int.MaxValue);
            int column = arguments.Int("column", 0, 1, int.MaxValue);
            if (line == 0 || column == 0) throw new ToolError("the arguments 'line' and 'column' are required: the diagnostic's position as check gives it");
            string? title = arguments.String("fix", maxLength: 512);
            bool dryRun = arguments.Bool("dryRun");

            // The SDK runs calls in parallel: one fix at a time, each on the files as the last one left them.
            lock (session.WriteGate) return Apply(session, rule, file, line, column, title, dryRun);
        }

        private static JsonObject Apply(RepositorySession session, string rule, string file, int line, int column, string? title, bool dryRun)
        {
            var snapshot = session.Current();
            var diagnostic = snapshot.Result.Diagnostics.FirstOrDefault(d => d.Id == rule && d.Path == file && d.Span.StartLine == line && d.Span.StartColumn == column)
                ?? throw new ToolError($"no {ToolArguments.Clip(rule)} diagnostic is reported at {ToolArguments.Clip(file)}({line},{column}) now; call check for the current diagnostics");
            if (diagnostic.Fixes.Count == 0) throw new ToolError($"{rule} at {file}({line},{column}) has no fix; explain_rule {rule} says how to fix it by hand");
            var fix = title == null ? diagnostic.Fixes.FirstOrDefault(f => !f.IsSuppression) ?? diagnostic.Fixes[0]
                : diagnostic.Fixes.FirstOrDefault(f => string.Equals(f.Title, title, StringComparison.Ordinal))
                  ?? throw new ToolError($"{rule} at {file}({line},{column}) has no fix titled '{ToolArguments.Clip(title)}'; its fixes are {string.Join(", ", diagnostic.Fixes.Select(f => "'" + f.Title + "'"))}");

            var tree = session.Tree ?? throw new ToolError("the repository could not be walked; nothing can be written");
            var byPath = snapshot.Documents.GroupBy(d => d.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var planned = new System.Collections.Generic.List<(string Path, string Full, bool Bom, string Changed)>();
            var diff = new StringBuilder();
            foreach (var group in fix.Edits.GroupBy(e => e.Path, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                byPath.TryGetValue(group.Key, out var input);
                if (FixWriter.Refusal(tree, session.Root, group.Key, input, out string full, out bool bom) is string refusal)
                    throw new ToolError($"the fix '{fix.Title}' would change {group.Key}, which is left as it is: {refusal}");
                var edits = group.ToList();
                planned.Add((group.Key, full, bom, FixApplier.Apply(input!.Text!, edits)));
                diff.Append(FixApplier.UnifiedDiff(group.Key, input.Text!, edits));
            }

            if (!dryRun)
            {
                foreach (var (path, full, bom, changed) in planned)
                {
                    if (!Unchanged(full, byPath[path].Text!)) throw new ToolError($"{path} changed on disk since it was analysed; call check again for the current diagnostics");
                    if (FixWriter.Write(full, changed, bom, byPath[path].Text!) is string failure) throw new ToolError(failure == SafeFile.ChangedSinceRead ? $"{path} changed on disk since it was analysed; call check again for the current diagnostics" : $"cannot write {path}: {failure}");
                }
            }

            return new JsonObject
            {
                ["fix"] = fix.Title,
                ["written"] = !dryRun,
                ["files"] = new JsonArray(planned.Select(p => (JsonNode?)JsonValue.Create(p.Path)).ToArray()),
                ["diff"] = diff.ToString(),
            };
        }

        /// <summary>Whether the file still holds <paramref name="text"/> (as UTF-8, a byte order mark aside): a fix's offsets are into that text.</summary>
        private static bool Unchanged(string full, string text)
        {
            try
            {
                string now = System.IO.File.ReadAllText(full, new UTF8Encoding(false));
                return string.Equals(now.Length > 0 && now[0] == '\uFEFF' ? now.Substring(1) : now, text, StringComparison.Ordinal);
            }
            catch (Exception e) when (e is System.IO.IOException || e is UnauthorizedAccessException)
            {
                return false;
            }
        }
    }
}
