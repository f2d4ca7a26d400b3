using System;
using System.Collections.Generic;
using System.Text.Json;
using Orchestrator.Governance.LanguageServer.Protocol;

namespace Orchestrator.Governance.LanguageServer.Workspace
{
    /// <summary>
    /// A document the client has open (textDocument/didOpen): its URI as the client spelled it, its
    /// version and its current text, which wins over the file on disk until didClose.
    /// </summary>
    internal sealed class OpenDocument
    {
        public OpenDocument(string uri, string path, int version, string text)
        {
            Uri = uri;
            Path = path;
            Version = version;
            Text = text;
        }

        /// <summary>The URI the client opened it with (diagnostics are published to it).</summary>
        public string Uri { get; }

        /// <summary>Repository-relative path, forward slashes.</summary>
        public string Path { get; }

        /// <summary>The client's version of the text (didOpen, then each didChange).</summary>
        public int Version { get; private set; }

        /// <summary>The current text.</summary>
        public string Text { get; private set; }

        /// <summary>
        /// Applies didChange's contentChanges in order (LSP 3.17, TextDocumentContentChangeEvent): a
        /// change with a range replaces that range, one without replaces the whole text.
        /// </summary>
        public void Apply(int version, IEnumerable<JsonElement> changes)
        {
            string text = Text;
            foreach (var change in changes)
            {
                // A change without its text is malformed: skipped rather than read as "delete".
                if (change.ValueKind != JsonValueKind.Object || !change.TryGetProperty("text", out var t) || t.ValueKind != JsonValueKind.String) continue;
                string newText = t.GetString()!;
                if (!change.TryGetProperty("range", out var range) || range.ValueKind != JsonValueKind.Object)
                {
                    text = newText;
                    continue;
                }

                var lines = new LineIndex(text);
                int start = Offset(lines, range, "start");
                int end = Offset(lines, range, "end");
                if (end < start) (start, end) = (end, start);
                text = string.Concat(text.AsSpan(0, start), newText, text.AsSpan(end));
            }

            Text = text;
            Version = version;
        }

        private static int Offset(LineIndex lines, JsonElement range, string name)
        {
            if (!range.TryGetProperty(name, out var p) || p.ValueKind != JsonValueKind.Object) return 0;
            int line = p.TryGetProperty("line", out var l) && l.TryGetInt32(out int li) ? li : 0;
            int character = p.TryGetProperty("character", out var c) && c.TryGetInt32(out int ci) ? ci : 0;
            return lines.OffsetOf(line, character);
        }
    }
}
