using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.LanguageServer.Protocol
{
    /// <summary>
    /// The engine's diagnostics as LSP 3.17 <c>Diagnostic</c> objects: the range (0-based lines and
    /// UTF-16 characters, from the span's 1-based line and column), the severity from the
    /// configuration (error 1, warning 2, info 3, hidden 4 = hint), the rule ID as <c>code</c>, the
    /// rule's page as <c>codeDescription.href</c> when the page is found, source "governance".
    /// </summary>
    internal sealed class LspDiagnostics
    {
        private readonly string? _docsFolder;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _helpUris = new System.Collections.Concurrent.ConcurrentDictionary<string, string?>(StringComparer.Ordinal);

        /// <summary>
        /// <paramref name="docsFolder"/>: the folder holding the rule pages (GOV101.md, ...), linked as
        /// file URIs; null for no links.
        /// </summary>
        public LspDiagnostics(string? docsFolder) => _docsFolder = docsFolder;

        /// <summary>The folder of rule pages shipped beside the server (docs/rules), or null when absent.</summary>
        public static string? DefaultDocsFolder() => Hosting.RulePages.Folder();

        /// <summary>LSP's DiagnosticSeverity for <paramref name="severity"/>.</summary>
        public static int SeverityOf(GovernanceSeverity severity) => severity switch
        {
            GovernanceSeverity.Error => 1,
            GovernanceSeverity.Warning => 2,
            GovernanceSeverity.Info => 3,
            _ => 4,
        };

        /// <summary>
        /// The help link of rule <paramref name="id"/>: the address governance.yml's <c>helpBaseUrl</c> gives it
        /// (<paramref name="config"/>), else the file URI of the rule page shipped with the server (looked up once per
        /// rule), else null.
        /// </summary>
        public string? HelpUri(string id, Configuration.GovernanceConfig? config)
        {
            if (config?.HelpLinkOf(id) is string configured) return configured;
            if (_docsFolder == null) return null;
            return _helpUris.GetOrAdd(id, key =>
            {
                string page = Path.Combine(_docsFolder, key + ".md");
                return File.Exists(page) ? new Uri(page).AbsoluteUri : null;
            });
        }

        /// <summary>The JSON array of <paramref name="diagnostics"/> (UTF-8), in the engine's order.</summary>
        public byte[] ToJsonArray(IEnumerable<GovernanceDiagnostic> diagnostics, Configuration.GovernanceConfig? config)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartArray();
                foreach (var d in diagnostics) Write(w, d, config);
                w.WriteEndArray();
            }

            return buffer.WrittenSpan.ToArray();
        }

        /// <summary>Writes one diagnostic object.</summary>
        public void Write(Utf8JsonWriter w, GovernanceDiagnostic d, Configuration.GovernanceConfig? config)
        {
            w.WriteStartObject();
            w.WritePropertyName("range");
            WriteRange(w, Math.Max(d.Span.StartLine, 1) - 1, Math.Max(d.Span.StartColumn, 1) - 1, Math.Max(d.Span.EndLine, 1) - 1, Math.Max(d.Span.EndColumn, 1) - 1);
            w.WriteNumber("severity", SeverityOf(d.Severity));
            w.WriteString("code", d.Id);
            string? help = HelpUri(d.Id, config);
            if (help != null)
            {
                w.WriteStartObject("codeDescription");
                w.WriteString("href", help);
                w.WriteEndObject();
            }

            w.WriteString("source", "governance");
            w.WriteString("message", d.Message);
            w.WriteEndObject();
        }

        /// <summary>
        /// Whether the two lists show a client the same diagnostics: what <see cref="Write"/> writes
        /// of each (range, severity, code, message), in the same order.
        /// </summary>
        public static bool SameShown(IReadOnlyList<GovernanceDiagnostic> a, IReadOnlyList<GovernanceDiagnostic> b)
        {
            if (a.Count != b.Count) return false;
            for (int i = 0; i < a.Count; i++)
            {
                GovernanceDiagnostic x = a[i], y = b[i];
                if (x.Span.StartLine != y.Span.StartLine || x.Span.StartColumn != y.Span.StartColumn || x.Span.EndLine != y.Span.EndLine || x.Span.EndColumn != y.Span.EndColumn
                    || x.Severity != y.Severity || !string.Equals(x.Id, y.Id, StringComparison.Ordinal) || !string.Equals(x.Message, y.Message, StringComparison.Ordinal))
                    return false;
            }

            return true;
        }

        /// <summary>Writes an LSP Range.</summary>
        public static void WriteRange(Utf8JsonWriter w, int startLine, int startCharacter, int endLine, int endCharacter)
        {
            w.WriteStartObject();
            w.WriteStartObject("start");
            w.WriteNumber("line", startLine);
            w.WriteNumber("character", startCharacter);
            w.WriteEndObject();
            w.WriteStartObject("end");
            w.WriteNumber("line", endLine);
            w.WriteNumber("character", endCharacter);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        /// <summary>Whether two encodings are the same bytes.</summary>
        public static bool Same(byte[]? a, byte[] b) => a != null && a.AsSpan().SequenceEqual(b);

        /// <summary>UTF-8 text of an encoding (for logs and tests).</summary>
        public static string Text(byte[] json) => Encoding.UTF8.GetString(json);
    }
}
