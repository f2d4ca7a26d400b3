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
    public sealed class GOV108DateNotIso8601 : TaskPacketRule
    {
        /// <summary>GOV108: DATE is not ISO 8601.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV108", "DATE must be an ISO 8601 date or timestamp",
            "DATE '{0}' is not an ISO 8601 date or timestamp (e.g. 2025-12-26 or 2025-12-26T14:30:00Z)",
            "Governance.TaskPacket", GovernanceSeverity.Error,
            "The packet's DATE is an ISO 8601 timestamp so that it sorts and compares.",
            "seed 003 §5.1")
        {
            AsksPacketEdit = true,
        };

        private static readonly Regex Iso = new Regex(
            @"^(?<date>\d{4}-\d{2}-\d{2})([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$",
            RegexOptions.CultureInvariant, TaskPacketProfile.RegexTimeout);

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var field = context.Profile.FieldOf(context.Packet, "DATE");
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
