using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Orchestrator.Governance.Reports;
using System.Text.Json;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Rules;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Cli.Reports
{
    /// <summary>MSBuild's text format: one diagnostic a line, <c>path(line,col): severity GOVnnn: message</c>, and the summary line.</summary>
    internal static class TextReport
    {
        /// <summary>
        /// MSBuild's <c>path(line,col): severity GOVnnn: message</c>, one diagnostic a line, then a
        /// summary. With <paramref name="includeBaselined"/> the baselined diagnostics are listed
        /// too, in order among the new ones, each ending in " [baselined]".
        /// </summary>
        public static string Write(GovernanceResult result, bool includeBaselined = false)
        {
            var sb = new StringBuilder();
            var listed = includeBaselined
                ? result.Diagnostics.Select(d => (D: d, Baselined: false)).Concat(result.Baselined.Select(d => (D: d, Baselined: true)))
                    .OrderBy(x => x.D.Path, System.StringComparer.Ordinal).ThenBy(x => x.D.Span.StartLine).ThenBy(x => x.D.Span.StartColumn).ThenBy(x => x.D.Id, System.StringComparer.Ordinal).ThenBy(x => x.D.Message, System.StringComparer.Ordinal)
                : result.Diagnostics.Select(d => (D: d, Baselined: false));
            foreach (var (d, baselined) in listed)
            {
                sb.Append(d.ToString());
                if (baselined) sb.Append(" [baselined]");
                sb.Append('\n');
            }

            if (ResultSummary.Records(result) is string records) sb.Append(records).Append('\n');
            if (ResultSummary.ParallelOwnership(result) is string parallel) sb.Append(parallel).Append('\n');
            sb.Append(ResultSummary.Write(result)).Append('\n');
            return sb.ToString();
        }
    }
}
