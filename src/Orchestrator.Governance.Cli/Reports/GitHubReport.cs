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
    /// <summary>GitHub Actions workflow commands (<c>::error file=...::message</c>), which annotate the changed lines of a pull request.</summary>
    internal static class GitHubReport
    {
        /// <summary>
        /// GitHub Actions workflow commands, one a diagnostic:
        /// <c>::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=GOVnnn::message</c>
        /// (warning for warnings, notice for suggestions), escaped as the runner's toolkit escapes
        /// them; then the summary as a plain line.
        /// </summary>
        public static string Write(GovernanceResult result)
        {
            var sb = new StringBuilder();
            foreach (var d in result.Diagnostics)
            {
                string command = d.Severity switch
                {
                    GovernanceSeverity.Error => "error",
                    GovernanceSeverity.Warning => "warning",
                    _ => "notice",
                };
                sb.Append("::").Append(command)
                    .Append(" file=").Append(EscapeProperty(d.Path))
                    .Append(",line=").Append(d.Span.StartLine)
                    .Append(",col=").Append(d.Span.StartColumn)
                    .Append(",endLine=").Append(d.Span.EndLine)
                    .Append(",endColumn=").Append(d.Span.EndColumn)
                    .Append(",title=").Append(EscapeProperty(d.Id))
                    .Append("::").Append(EscapeData(d.Message)).Append('\n');
            }

            if (Orchestrator.Governance.Reports.ResultSummary.Records(result) is string records) sb.Append(records).Append('\n');
            if (Orchestrator.Governance.Reports.ResultSummary.ParallelOwnership(result) is string parallel) sb.Append(parallel).Append('\n');
            sb.Append(Orchestrator.Governance.Reports.ResultSummary.Write(result)).Append('\n');
            return sb.ToString();
        }

        // @actions/core's escapeData and escapeProperty.

        private static string EscapeData(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

        private static string EscapeProperty(string s) => EscapeData(s).Replace(":", "%3A").Replace(",", "%2C");
    }
}
