using System;
using System.Globalization;
using System.Text.RegularExpressions;
using Orchestrator.Governance.Model;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.TaskPackets
{
    /// <summary>
    /// GOV108: DATE is an ISO 8601 calendar date or timestamp (seed 003 §5.1 "{ISO 8601 timestamp}"):
    /// 2025-12-26, 2025-12-26T14:30, 2025-12-26T14:30:00.123Z, 2025-12-26T14:30:00+01:00. A value
    /// that is a template placeholder is left to GOV110.
    /// </summary>
    public sealed class IsoDateRule : TaskPacketRule
    {
        private static readonly Regex Iso = new Regex(
            @"^(?<date>\d{4}-\d{2}-\d{2})([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$",
            RegexOptions.CultureInvariant, TaskPacketProfile.RegexTimeout);

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => RuleCatalog.DateNotIso8601;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var field = context.Packet.FindField("DATE", context.Profile.AliasesOf("DATE"));
            if (field == null || field.Value.Length == 0 || field.Value.IndexOf('{') >= 0) return;
            if (!IsIso8601(field.Value)) context.Report(field.ValueSpan, field.Value);
        }

        /// <summary>Whether <paramref name="value"/> is an ISO 8601 date or timestamp with a real calendar date.</summary>
        internal static bool IsIso8601(string value)
        {
            var m = Iso.Match(value.Trim());
            return m.Success && DateTime.TryParseExact(m.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        }
    }
}
