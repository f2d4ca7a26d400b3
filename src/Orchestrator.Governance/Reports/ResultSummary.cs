using System.Linq;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Engine;

namespace Orchestrator.Governance.Reports
{
    /// <summary>The one-line summary of an analysis that every host prints last (the CLI's text and github formats, the MSBuild task).</summary>
    public static class ResultSummary
    {
        /// <summary>
        /// "N task packet(s) checked: E error(s), W warning(s)." or, with a baseline applied,
        /// "N task packet(s) checked: E new error(s), W new warning(s); E2 error(s), W2 warning(s) in the baseline."
        /// </summary>
        public static string Write(GovernanceResult result)
        {
            int errors = result.Diagnostics.Count(d => d.Severity == GovernanceSeverity.Error);
            int warnings = result.Diagnostics.Count(d => d.Severity == GovernanceSeverity.Warning);
            if (result.BaselinePath == null) return $"{result.Packets.Count} task packet(s) checked: {errors} error(s), {warnings} warning(s).";
            int baselinedErrors = result.Baselined.Count(d => d.Severity == GovernanceSeverity.Error);
            int baselinedWarnings = result.Baselined.Count(d => d.Severity == GovernanceSeverity.Warning);
            return $"{result.Packets.Count} task packet(s) checked: {errors} new error(s), {warnings} new warning(s); {baselinedErrors} error(s), {baselinedWarnings} warning(s) in the baseline.";
        }

        /// <summary>
        /// "Records: N closed and M superseded packet(s); F finding(s) that would ask to edit them set
        /// aside (taskPacket.closedPackets: suppress).", printed above the summary when any finding was
        /// set aside; null otherwise.
        /// </summary>
        public static string? Records(GovernanceResult result)
        {
            if (result.SetAsideOnRecords.Count == 0) return null;
            int closed = result.RecordPackets.Count(r => r.Value == "closed");
            int superseded = result.RecordPackets.Count - closed;
            return $"Records: {closed} closed and {superseded} superseded packet(s); {result.SetAsideOnRecords.Count} finding(s) that would ask to edit them set aside (taskPacket.closedPackets: suppress).";
        }

        /// <summary>
        /// "Parallel ownership (GOV801): E IN_SCOPE_PATHS entr(y|ies) of P packet(s) in progress overlap
        /// other packets in progress; finish or block packets, or split their files.", printed above
        /// the summary when GOV801 reports anything (a bad merge that leaves many packets In Progress
        /// gives one line per entry and this one line); null otherwise.
        /// </summary>
        public static string? ParallelOwnership(GovernanceResult result)
        {
            var found = result.Diagnostics.Where(d => d.Id == Rules.Change.GOV801ParallelScopeOverlap.Rule.Id).ToList();
            if (found.Count == 0) return null;
            int packets = found.Select(d => d.Path).Distinct(System.StringComparer.Ordinal).Count();
            return $"Parallel ownership (GOV801): {found.Count} IN_SCOPE_PATHS entr{(found.Count == 1 ? "y" : "ies")} of {packets} packet(s) in progress overlap other packets in progress; finish or block packets, or split their files.";
        }
    }
}