using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Model;
using Orchestrator.Governance.Rules;

namespace Orchestrator.Governance.Engine
{
    /// <summary>The outcome of one analysis.</summary>
    public sealed class GovernanceResult
    {
        internal GovernanceResult(IReadOnlyList<GovernanceDiagnostic> diagnostics, GovernanceConfig config, IReadOnlyList<TaskPacket> packets, Model.Spec.SpecContext spec, TaskPacketProfile profile, Model.Board.Topology topology)
        {
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

        /// <summary>The effective configuration.</summary>
        public GovernanceConfig Config { get; }

        /// <summary>The task packets read, in path order.</summary>
        public IReadOnlyList<TaskPacket> Packets { get; }

        /// <summary>Whether any diagnostic is an error.</summary>
        public bool HasErrors => Diagnostics.Any(d => d.Severity == GovernanceSeverity.Error);
    }
}
