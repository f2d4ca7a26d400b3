using System.Collections.Generic;

namespace Orchestrator.Governance.Diagnostics
{
    /// <summary>
    /// The fixed facts of one rule: a stable ID (GOVnnn), a title, a message format whose {0}, {1}...
    /// are filled by the rule, the default severity and the protocol section it comes from. Each rule
    /// declares its own, once, as the static <c>Rule</c> field of its class
    /// (<c>Rules/&lt;Category&gt;/GOVnnnName.cs</c>); the engine's own are in <see cref="EngineDiagnostics"/>;
    /// <c>Rules.RuleCatalog</c> lists them all.
    /// </summary>
    public sealed class RuleDescriptor
    {
        /// <summary>Creates a descriptor.</summary>
        public RuleDescriptor(string id, string title, string messageFormat, string category, GovernanceSeverity defaultSeverity, string description, string source)
        {
            Id = id;
            Title = title;
            MessageFormat = messageFormat;
            Category = category;
            DefaultSeverity = defaultSeverity;
            Description = description;
            Source = source;
        }

        /// <summary>Stable rule ID, e.g. "GOV105".</summary>
        public string Id { get; }

        /// <summary>Short title, e.g. "TASK_ID must match the file name".</summary>
        public string Title { get; }

        /// <summary>Composite format string for the message; arguments name the bad and the expected value.</summary>
        public string MessageFormat { get; }

        /// <summary>Category: "Governance.Engine", "Governance.TaskPacket", ...</summary>
        public string Category { get; }

        /// <summary>Severity when no configuration says otherwise.</summary>
        public GovernanceSeverity DefaultSeverity { get; }

        /// <summary>One or two sentences on what the rule checks and why.</summary>
        public string Description { get; }

        /// <summary>Where the rule comes from, e.g. "seed 003 §5.1".</summary>
        public string Source { get; }

        /// <summary>
        /// Indexes of message arguments that name a place (a line number) or give guidance rather than
        /// the offending value. The baseline's fingerprint leaves them out, so that inserting lines above a finding
        /// does not change it. Empty for most rules.
        /// </summary>
        public IReadOnlyList<int> LocationArguments { get; set; } = System.Array.Empty<int>();

        /// <summary>
        /// Whether the rule's findings ask for an edit of a task packet's text (its sections, fields,
        /// counts, order, placeholders, drift against the current spec). On a closed or superseded
        /// packet, a record the protocol forbids editing (seed 003 Part 1: USER_SIGNATURE locks it;
        /// GOV607), they are not reported unless taskPacket.closedPackets says report. False for the
        /// rules that guard a packet's integrity (lock, board, dependencies, evidence, named tests).
        /// </summary>
        public bool AsksPacketEdit { get; set; }

        /// <summary>Repository-relative path of the rule's documentation page.</summary>
        public string HelpLink => "docs/rules/" + Id + ".md";

        /// <summary>Formats the message with invariant culture.</summary>
        public string FormatMessage(params object[] arguments) =>
            string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, arguments);
    }
}
