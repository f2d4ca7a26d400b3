using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Rules;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Cli.Reports
{
    /// <summary>The diagnostics as JSON, for scripts.</summary>
    internal static class JsonReport
    {
        /// <summary>
        /// A flat JSON list: {packets, baseline?, baselined?, records?: {path: "closed"|"superseded"},
        /// setAsideOnRecords?, diagnostics: [{id, severity, path, line, column, endLine, endColumn,
        /// message, arguments, fingerprint}], baselinedDiagnostics?: [...], setAsideDiagnostics?: [...]}.
        /// records lists the packets that are records (taskPacket.closedPackets: suppress) and
        /// setAsideOnRecords how many findings asking for an edit of their text were not reported.
        /// </summary>
        public static string Write(GovernanceResult result, bool includeBaselined = false)
        {
            return IndentedJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("packets", result.Packets.Count);
                if (result.BaselinePath != null)
                {
                    w.WriteString("baseline", result.BaselinePath);
                    w.WriteNumber("baselined", result.Baselined.Count);
                }

                if (result.RecordPackets.Count > 0)
                {
                    w.WriteStartObject("records");
                    foreach (var record in result.RecordPackets.OrderBy(r => r.Key, System.StringComparer.Ordinal)) w.WriteString(record.Key, record.Value);
                    w.WriteEndObject();
                    w.WriteNumber("setAsideOnRecords", result.SetAsideOnRecords.Count);
                }

                WriteDiagnostics(w, "diagnostics", result.Diagnostics);
                if (includeBaselined) WriteDiagnostics(w, "baselinedDiagnostics", result.Baselined);
                if (includeBaselined && result.SetAsideOnRecords.Count > 0) WriteDiagnostics(w, "setAsideDiagnostics", result.SetAsideOnRecords);
                w.WriteEndObject();
            });
        }

        private static void WriteDiagnostics(Utf8JsonWriter w, string name, IReadOnlyList<GovernanceDiagnostic> diagnostics)
        {
                w.WriteStartArray(name);
                foreach (var d in diagnostics)
                {
                    w.WriteStartObject();
                    w.WriteString("id", d.Id);
                    w.WriteString("severity", d.Severity.ToName());
                    w.WriteString("path", d.Path);
                    w.WriteNumber("line", d.Span.StartLine);
                    w.WriteNumber("column", d.Span.StartColumn);
                    w.WriteNumber("endLine", d.Span.EndLine);
                    w.WriteNumber("endColumn", d.Span.EndColumn);
                    w.WriteString("message", d.Message);
                    w.WriteStartArray("arguments");
                    foreach (var a in d.Arguments) w.WriteStringValue(a);
                    w.WriteEndArray();
                    if (d.Fingerprint != null) w.WriteString("fingerprint", d.Fingerprint);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
        }
    }
}
