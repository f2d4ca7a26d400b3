using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Orchestrator.Governance.Cli.Reports
{
    /// <summary>What the JSON reports (json, SARIF, GitLab) have in common: indented UTF-8 JSON, returned as text with a final line break.</summary>
    internal static class IndentedJson
    {
        /// <summary>The JSON <paramref name="write"/> writes, indented, as a string ending in "\n".</summary>
        public static string Write(Action<Utf8JsonWriter> write)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true })) write(w);
            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }
    }
}
