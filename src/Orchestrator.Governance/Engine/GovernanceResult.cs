using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Model;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Engine
{
    /// <summary>The outcome of one analysis.</summary>
    public sealed class GovernanceResult
    {
        internal GovernanceResult(IReadOnlyList<GovernanceDiagnostic> diagnostics, GovernanceConfig config, IReadOnlyList<TaskPacket> packets, Model.Spec.SpecContext spec, TaskPacketProfile profile, Model.Board.Topology topology,
            IReadOnlyList<GovernanceDiagnostic>? baselined = null, string? baselinePath = null)
        {
            Baselined = baselined ?? new GovernanceDiagnostic[0];
            BaselinePath = baselinePath;
            Topology = topology;
            Diagnostics = diagnostics;
            Config = config;
            Packets = packets;
            Spec = spec;
            Profile = profile;
        }

        /// <summary>The current spec and the packets' resolved anchors and DONE_MEANS coverage.</summary>
        public Model.Spec.SpecContext Spec { get; }

        /// <summary>The task board and the WP dependency graph.</summary>
        public Model.Board.Topology Topology { get; }

        /// <summary>The compiled task packet profile.</summary>
        public TaskPacketProfile Profile { get; }

        /// <summary>Diagnostics sorted by path (ordinal), line, column, rule ID and message.</summary>
        public IReadOnlyList<GovernanceDiagnostic> Diagnostics { get; }

        /// <summary>
        /// Diagnostics the baseline covers, sorted as <see cref="Diagnostics"/>: not reported, not
        /// counted by <see cref="HasErrors"/>, but there for summaries and SARIF's baselineState.
        /// </summary>
        public IReadOnlyList<GovernanceDiagnostic> Baselined { get; }

        /// <summary>The path of the baseline that was applied, or null when none was (absent, ignored or invalid).</summary>
        public string? BaselinePath { get; }

        /// <summary>The effective configuration.</summary>
        public GovernanceConfig Config { get; }

        /// <summary>The task packets read, in path order.</summary>
        public IReadOnlyList<TaskPacket> Packets { get; }

        /// <summary>
        /// The tests the packets' DONE_MEANS items name (taskPacket.testReference), for the host that
        /// can resolve them (the Roslyn analyzer of a test project, GOV703): in path and text order,
        /// without those an inline comment suppresses GOV703 for; empty when governance.yml sets
        /// GOV703's severity to none.
        /// </summary>
        public IReadOnlyList<TestReference> TestReferences { get; internal set; } = new TestReference[0];

        /// <summary>GOV703's severity as governance.yml sets it (its default otherwise).</summary>
        public GovernanceSeverity TestReferenceSeverity => Config.SeverityOf(Rules.Source.GOV703DoneMeansTestMissing.Rule);

        /// <summary>The packets that are records (closed or superseded), by path, with that state ("closed", "superseded"); empty when taskPacket.closedPackets says report.</summary>
        public IReadOnlyDictionary<string, string> RecordPackets { get; internal set; } = new Dictionary<string, string>();

        /// <summary>
        /// The findings that ask for an edit of a record's text, set aside (taskPacket.closedPackets:
        /// suppress), with their severities: not reported, but there for a host that judges a record
        /// as an open packet (ready_to_close, asked of a packet whose STATUS already says Done).
        /// </summary>
        public IReadOnlyList<GovernanceDiagnostic> SetAsideOnRecords { get; internal set; } = new GovernanceDiagnostic[0];

        /// <summary>The task packet stubs (documents.taskPacketStubs), in path order.</summary>
        public IReadOnlyList<Model.Stubs.TaskPacketStub> Stubs { get; internal set; } = new Model.Stubs.TaskPacketStub[0];

        /// <summary>Whether any diagnostic is an error.</summary>
        public bool HasErrors => Diagnostics.Any(d => d.Severity == GovernanceSeverity.Error);
    }
}
