using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules
{
    /// <summary>
    /// Every rule, in one list per kind of document it reads, and every descriptor: the engine's own
    /// (<see cref="EngineDiagnostics"/>) and each rule's, which the rule declares beside its code
    /// (<c>Rules/&lt;Category&gt;/GOVnnnName.cs</c>, as StyleCop.Analyzers names its rules). The README's
    /// rule table, AnalyzerReleases.Shipped.md and the .globalconfig presets are checked against this
    /// catalog by tests (CatalogDerivedFilesTests). IDs are stable once shipped. Ranges: GOV0xx engine
    /// and configuration, GOV1xx task packet structure (seed 003 §4-5, §8), GOV2xx spec anchors and
    /// traceability (seed 003 Part 1, §5.2, §5.4), GOV3xx task board, dependencies and state files,
    /// GOV4xx metadata headers (seed 000 §3), GOV5xx scope paths (seed 003 §5.3), GOV6xx decisions
    /// and waivers (seed 003 Part 1), GOV7xx source.
    /// </summary>
    public static class RuleCatalog
    {
        /// <summary>The task packet rules, in ID order; each runs once per packet.</summary>
        public static IReadOnlyList<TaskPacketRule> TaskPacketRules { get; } = new TaskPacketRule[]
        {
            new TaskPackets.GOV101PacketFileName(),
            new TaskPackets.GOV102RequiredSectionMissing(),
            new TaskPackets.GOV103SectionOrder(),
            new TaskPackets.GOV104RequiredFieldMissing(),
            new TaskPackets.GOV105TaskIdMismatch(),
            new TaskPackets.GOV106DuplicateTaskId(),
            new TaskPackets.GOV107FieldValueNotAllowed(),
            new TaskPackets.GOV108DateNotIso8601(),
            new TaskPackets.GOV109ListCountOutOfRange(),
            new TaskPackets.GOV110UnfilledPlaceholder(),
            new TaskPackets.GOV111MissingUserSignature(),
            new TaskPackets.GOV112TestPlanWithoutCommand(),
            new Spec.GOV201SpecAnchorMissing(),
            new Spec.GOV202SpecAnchorUnparsable(),
            new Spec.GOV203SpecAnchorUnresolved(),
            new Spec.GOV204SpecAnchorNotMainBody(),
            new Spec.GOV205SpecAnchorDrift(),
            new Spec.GOV206DoneMeansUnmapped(),
            new Spec.GOV207UncoveredMust(),
            new Spec.GOV208UncoveredShould(),
            new Spec.GOV209DoneMeansNotMeasurable(),
            new Scope.GOV501ScopePathNotExact(),
            new Scope.GOV502ScopePathMissing(),
            new Scope.GOV503ScopePathOutside(),
            new Scope.GOV504ScopePathInAndOut(),
            new Decisions.GOV607LockedPacketEdited(),
            new Decisions.GOV608WaiverIncomplete(),
            new Decisions.GOV609WaiverExpired(),
        };

        /// <summary>The repository rules (spec, board, dependencies, decisions), in ID order; each runs once per analysis.</summary>
        public static IReadOnlyList<RepositoryRule> RepositoryRules { get; } = new RepositoryRule[]
        {
            new TaskPackets.GOV113PacketFormsDisagree(),
            new Spec.GOV210SpecCurrentInvalid(),
            new Spec.GOV211SpecNumberingInconsistent(),
            new Topology.GOV301DependencyUnknown(),
            new Topology.GOV302DependencyCycle(),
            new Topology.GOV303BlockerNotValidated(),
            new Topology.GOV304BoardStatusMismatch(),
            new Topology.GOV305PacketNotOnBoard(),
            new Topology.GOV306BoardEntryWithoutPacket(),
            new Topology.GOV307PhaseClosedWithOpenWp(),
            new Scope.GOV505ChangedOutsideScope(),
            new Decisions.GOV601AdrPartsMissing(),
            new Decisions.GOV602AdrStatusInvalid(),
            new Decisions.GOV603AdrSupersedeBroken(),
            new Decisions.GOV604AdrNumberDuplicate(),
            new Decisions.GOV605RfcTooShort(),
            new Decisions.GOV606PhaseArtifactMissing(),
            new Decisions.GOV610BrokenLink(),
            new Decisions.GOV611DependencyNotRegistered(),
        };

        /// <summary>The orchestration state file rules (seeds 000, 002, 004), in ID order; each runs on the state files of its kind.</summary>
        public static IReadOnlyList<StateFileRule> StateFileRules { get; } = new StateFileRule[]
        {
            new State.GOV312PlanFutureDependency(),
            new State.GOV313PlanUnknownDependency(),
            new State.GOV314PlanContextBudget(),
            new State.GOV315SessionGapCount(),
            new State.GOV316ProgressPhaseOrder(),
            new State.GOV317ProgressSummaryLength(),
            new State.GOV318ActivePhaseLayerOrder(),
            new State.GOV319ActivePhaseHumanGate(),
            new State.GOV320ActivePhaseArtifactMissing(),
        };

        /// <summary>The metadata header rules (seed 000 §3); each runs on every file headers.include names.</summary>
        public static IReadOnlyList<HeaderRule> HeaderRules { get; } = new HeaderRule[]
        {
            new Headers.GOV401MetadataHeaderMissing(),
            new Headers.GOV402MetadataHeaderMalformed(),
        };

        /// <summary>The rules over C# source, which the Roslyn analyzer runs (the engine reads no C#).</summary>
        public static IReadOnlyList<RuleDescriptor> SourceRules { get; } = new[]
        {
            Source.GOV701NotImplementedThrown.Rule,
            Source.GOV702TodoWithoutIssue.Rule,
        };

        /// <summary>All descriptors, ordered by ID.</summary>
        public static IReadOnlyList<RuleDescriptor> All { get; } = EngineDiagnostics.All
            .Concat(TaskPacketRules.Select(r => r.Descriptor))
            .Concat(RepositoryRules.Select(r => r.Descriptor))
            .Concat(StateFileRules.Select(r => r.Descriptor))
            .Concat(HeaderRules.Select(r => r.Descriptor))
            .Concat(SourceRules)
            .OrderBy(d => d.Id, System.StringComparer.Ordinal)
            .ToArray();

        private static readonly Dictionary<string, RuleDescriptor> ById = All.ToDictionary(d => d.Id, System.StringComparer.OrdinalIgnoreCase);

        /// <summary>The descriptor with this ID (case-insensitive), or null.</summary>
        public static RuleDescriptor? Find(string id) => ById.TryGetValue(id, out var d) ? d : null;

        /// <summary>Whether a rule has this ID (case-insensitive): what <see cref="Configuration.ConfigLoader.Load"/> checks severity keys with.</summary>
        public static bool Exists(string id) => ById.ContainsKey(id);
    }
}
