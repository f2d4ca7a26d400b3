using System;
using System.Linq;
using System.Text.Json;
using Orchestrator.Governance.Baseline;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.LanguageServer.Protocol;

namespace Orchestrator.Governance.LanguageServer.Features
{
    /// <summary>
    /// textDocument/codeAction: for each diagnostic of the analysis in the asked range, every fix of
    /// the engine's fix model (the rule's own fixes, then "Suppress GOVnnn on this line"), and "Add
    /// GOVnnn to the baseline" (governance.baseline.json with one more entry, docs/baseline.md). Each
    /// action carries its WorkspaceEdit; the client applies it, the server writes nothing.
    /// </summary>
    internal sealed class CodeActions
    {
        private readonly LspDiagnostics _diagnostics;

        public CodeActions(LspDiagnostics diagnostics) => _diagnostics = diagnostics;

        /// <summary>
        /// Writes the result array for the actions on (<paramref name="path"/>, lines and characters of
        /// the range). <paramref name="uriOf"/> gives a path's URI; <paramref name="canCreateFiles"/>
        /// says whether the client takes a CreateFile operation (LSP workspace.workspaceEdit.resourceOperations).
        /// </summary>
        public void Write(Utf8JsonWriter w, AnalysisSnapshot snapshot, string path, (int Line, int Character) from, (int Line, int Character) to, Func<string, string> uriOf, bool canCreateFiles)
        {
            w.WriteStartArray();
            var lines = snapshot.LinesOf(path);
            if (lines != null)
            {
                int start = lines.OffsetOf(from.Line, from.Character);
                int end = lines.OffsetOf(to.Line, to.Character);
                foreach (var d in snapshot.DiagnosticsIn(path).Where(d => d.Span.Start <= end && d.Span.End >= start))
                {
                    foreach (var fix in d.Fixes) WriteFix(w, snapshot, d, fix, uriOf);
                    WriteAddToBaseline(w, snapshot, d, uriOf, canCreateFiles);
                }
            }

            w.WriteEndArray();
        }

        private void WriteFix(Utf8JsonWriter w, AnalysisSnapshot snapshot, GovernanceDiagnostic d, GovernanceFix fix, Func<string, string> uriOf)
        {
            // Every edit must land in a text the analysis saw, or the offsets mean nothing.
            if (fix.Edits.Count == 0 || fix.Edits.Any(e => snapshot.LinesOf(e.Path) == null)) return;
            w.WriteStartObject();
            w.WriteString("title", fix.Title);
            w.WriteString("kind", "quickfix");
            WriteDiagnostic(w, d, snapshot.Result.Config);
            if (fix.AppliedByDefault && !fix.IsSuppression) w.WriteBoolean("isPreferred", true);
            w.WriteStartObject("edit");
            w.WriteStartObject("changes");
            foreach (var group in fix.Edits.GroupBy(e => e.Path, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var lines = snapshot.LinesOf(group.Key)!;
                w.WriteStartArray(uriOf(group.Key));
                foreach (var edit in group) WriteTextEdit(w, lines, edit.Start, edit.End, edit.NewText);
                w.WriteEndArray();
            }

            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        private void WriteAddToBaseline(Utf8JsonWriter w, AnalysisSnapshot snapshot, GovernanceDiagnostic d, Func<string, string> uriOf, bool canCreateFiles)
        {
            if (d.Fingerprint == null || d.Id == EngineDiagnostics.BaselineEntryStale.Id || d.Id == EngineDiagnostics.BaselineInvalid.Id) return;
            string baselinePath = snapshot.Result.BaselinePath ?? Documents.DocumentInput.NormalizePath(snapshot.Options.BaselinePath);
            string? existingText = snapshot.TextOf(baselinePath);
            GovernanceBaseline? existing = null;
            if (existingText != null)
            {
                existing = GovernanceBaseline.Read(baselinePath, existingText, snapshot.Result.Config.Limits.MaxJsonDepth, out var problems);
                if (existing == null || problems.Count > 0) return; // an unusable baseline (GOV008) is fixed by hand first
            }
            else if (!canCreateFiles)
            {
                return;
            }

            string text = GovernanceBaseline.Write(GovernanceBaseline.Add(existing, d), existing?.Comment);
            string uri = uriOf(baselinePath);
            w.WriteStartObject();
            w.WriteString("title", $"Add {d.Id} to the baseline ({baselinePath})");
            w.WriteString("kind", "quickfix");
            WriteDiagnostic(w, d, snapshot.Result.Config);
            w.WriteStartObject("edit");
            if (existingText != null)
            {
                var lines = snapshot.LinesOf(baselinePath)!;
                w.WriteStartObject("changes");
                w.WriteStartArray(uri);
                WriteTextEdit(w, lines, 0, existingText.Length, text);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            else
            {
                w.WriteStartArray("documentChanges");
                w.WriteStartObject();
                w.WriteString("kind", "create");
                w.WriteString("uri", uri);
                w.WriteStartObject("options");
                w.WriteBoolean("ignoreIfExists", true);
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteStartObject();
                w.WriteStartObject("textDocument");
                w.WriteString("uri", uri);
                w.WriteNull("version");
                w.WriteEndObject();
                w.WriteStartArray("edits");
                WriteTextEdit(w, new LineIndex(string.Empty), 0, 0, text);
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndArray();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        private void WriteDiagnostic(Utf8JsonWriter w, GovernanceDiagnostic d, Configuration.GovernanceConfig config)
        {
            w.WriteStartArray("diagnostics");
            _diagnostics.Write(w, d, config);
            w.WriteEndArray();
        }

        private static void WriteTextEdit(Utf8JsonWriter w, LineIndex lines, int start, int end, string newText)
        {
            var a = lines.PositionOf(start);
            var b = lines.PositionOf(end);
            w.WriteStartObject();
            w.WritePropertyName("range");
            LspDiagnostics.WriteRange(w, a.Line, a.Character, b.Line, b.Character);
            w.WriteString("newText", newText);
            w.WriteEndObject();
        }
    }
}
