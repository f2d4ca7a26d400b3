using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Engine.Queries
{
    /// <summary>The answer of <c>ReadyToClose.Judge</c>: the packet, its status, the target and each gate.</summary>
    public sealed class Readiness
    {
        /// <summary>Creates the answer.</summary>
        public Readiness(string id, string file, string? status, string target, IReadOnlyList<ReadinessGate> gates)
        {
            Id = id;
            File = file;
            Status = status;
            Target = target;
            Gates = gates;
        }

        /// <summary>The WP ID the packet goes by.</summary>
        public string Id { get; }

        /// <summary>The packet's repository-relative path.</summary>
        public string File { get; }

        /// <summary>The packet's STATUS, trimmed; null when it has none.</summary>
        public string? Status { get; }

        /// <summary>The closing status asked about.</summary>
        public string Target { get; }

        /// <summary>The gates, in <see cref="ReadyToClose.GateNames"/> order (namedTests only when the host judges named tests).</summary>
        public IReadOnlyList<ReadinessGate> Gates { get; }

        /// <summary>No gate failed (a gate not checked, <see cref="ReadinessGate.Passed"/> null, does not count against it).</summary>
        public bool Ready => Gates.All(g => g.Passed != false);
    }

    /// <summary>One gate of <see cref="Readiness"/>: passed, failed or not checked (null), why, and the diagnostics it read.</summary>
    public sealed class ReadinessGate
    {
        /// <summary>Creates a gate.</summary>
        public ReadinessGate(string name, bool? passed, string reason, IReadOnlyList<GovernanceDiagnostic>? diagnostics = null, IReadOnlyList<RequirementCoverage>? requirements = null)
        {
            Name = name;
            Passed = passed;
            Reason = reason;
            Diagnostics = diagnostics ?? new GovernanceDiagnostic[0];
            Requirements = requirements;
        }

        /// <summary>One of <see cref="ReadyToClose.GateNames"/>.</summary>
        public string Name { get; }

        /// <summary>True passed, false failed, null not checked.</summary>
        public bool? Passed { get; }

        /// <summary>Why, in a sentence.</summary>
        public string Reason { get; }

        /// <summary>The packet's diagnostics this gate reads (none when it reads none).</summary>
        public IReadOnlyList<GovernanceDiagnostic> Diagnostics { get; }

        /// <summary>mustsCovered: each MUST of the anchored sections with the DONE_MEANS item that covers it; null for the other gates and without an anchor.</summary>
        public IReadOnlyList<RequirementCoverage>? Requirements { get; }
    }

    /// <summary>A MUST of the anchored sections: its spec line, its text (clipped to 80 characters), the covering DONE_MEANS item's line and why, or nulls.</summary>
    public sealed class RequirementCoverage
    {
        /// <summary>Creates the entry.</summary>
        public RequirementCoverage(int specLine, string text, int? coveredByLine, string? why)
        {
            SpecLine = specLine;
            Text = text;
            CoveredByLine = coveredByLine;
            Why = why;
        }

        /// <summary>The requirement's line in the spec (1-based).</summary>
        public int SpecLine { get; }

        /// <summary>The requirement's text, at most 80 characters.</summary>
        public string Text { get; }

        /// <summary>The line of the DONE_MEANS item that covers it, or null.</summary>
        public int? CoveredByLine { get; }

        /// <summary>explicit (the item names it), substance: the shared terms, or a lead-in's list; null when uncovered.</summary>
        public string? Why { get; }
    }
}
