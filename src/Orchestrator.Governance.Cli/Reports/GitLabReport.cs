using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Engine;

namespace Orchestrator.Governance.Cli.Reports
{
    /// <summary>
    /// GitLab's Code Quality report (<c>artifacts:reports:codequality</c>): a JSON array of issues,
    /// the subset of the Code Climate issue format GitLab reads (description, check_name,
    /// fingerprint, severity, location.path, location.lines.begin), which the merge request widget
    /// compares between the source and target branches by fingerprint.
    /// </summary>
    internal static class GitLabReport
    {
        /// <summary>
        /// One issue per reported diagnostic (not the baselined ones), in the engine's order:
        /// <c>description</c> "GOVnnn: message", <c>check_name</c> the rule ID, <c>severity</c>
        /// major (error), minor (warning) or info (suggestion), <c>location</c> the path with the
        /// first and last line. The <c>fingerprint</c> is 32 hex digits of the SHA-256 of the
        /// rule, the path, the baseline's fingerprint of the offending text (no line number, so an
        /// edit above a finding keeps it the same finding) and how many findings before it share
        /// those three (two alike in one file stay two).
        /// </summary>
        public static string Write(GovernanceResult result)
        {
            return IndentedJson.Write(w =>
            {
                var seen = new Dictionary<string, int>(StringComparer.Ordinal);
                w.WriteStartArray();
                foreach (var d in result.Diagnostics)
                {
                    string key = d.Id + "\0" + d.Path + "\0" + (d.Fingerprint ?? d.Span.StartLine + ":" + d.Span.StartColumn);
                    seen[key] = seen.TryGetValue(key, out int before) ? before + 1 : 0;
                    w.WriteStartObject();
                    w.WriteString("type", "issue");
                    w.WriteString("description", d.Id + ": " + d.Message);
                    w.WriteString("check_name", d.Id);
                    w.WriteString("fingerprint", Fingerprint(key + "\0" + seen[key]));
                    w.WriteString("severity", d.Severity switch
                    {
                        GovernanceSeverity.Error => "major",
                        GovernanceSeverity.Warning => "minor",
                        _ => "info",
                    });
                    w.WriteStartObject("location");
                    w.WriteString("path", d.Path);
                    w.WriteStartObject("lines");
                    w.WriteNumber("begin", d.Span.StartLine);
                    w.WriteNumber("end", d.Span.EndLine);
                    w.WriteEndObject();
                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            });
        }

        private static string Fingerprint(string text)
        {
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
            var sb = new StringBuilder(32);
            for (int i = 0; i < 16; i++) sb.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            return sb.ToString();
        }
    }
}
