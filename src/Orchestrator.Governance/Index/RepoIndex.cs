using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Model;

namespace Orchestrator.Governance.Index
{
    /// <summary>Facts across all documents of one analysis, built once.</summary>
    public sealed class RepoIndex
    {
        private RepoIndex(Builder b)
        {
            Config = b.Config;
            ChangedFiles = b.ChangedFiles;
            Base = b.Base;
            SpecVersions = b.SpecVersions;
            Today = b.Today;
            Files = b.Files;
            Scope = b.Config.Scope;
            BoardConfig = b.Config.Board;
            Packets = b.Packets;
            PacketsByTaskId = b.PacketsByTaskId;
            Spec = b.Spec;
            Topology = b.Topology;
            Rfcs = b.Rfcs;
            ActivePhase = b.ActivePhase;
            Links = b.Links;
            PacketForms = b.PacketForms;
            OssRegister = b.OssRegister;
            DependencyFiles = b.DependencyFiles;
            PackageReferences = b.PackageReferences;
            Locks = b.Locks;
            LockManifestPath = b.LockManifestPath;
            documentPaths = new HashSet<string>(b.DocumentPaths, System.StringComparer.Ordinal);
            Adrs = b.Adrs;
            Stubs = b.Stubs;
            stubIds = new HashSet<string>(b.Stubs.Select(s => s.Id), System.StringComparer.Ordinal);
            AdrConfig = b.AdrConfig;
            TestResults = b.TestResults;
            FileLines = b.FileLines;
            citedEvidence = new System.Lazy<CitedEvidence?>(GatherEvidence);
            var profile = b.Profile;
            ownership = new System.Lazy<Model.Scope.ScopeOwnership>(() => BuildOwnership(profile));
            var scope = new Dictionary<TaskPacket, IReadOnlyList<Model.Scope.ScopeEntry>>();
            // A packet of the previous index (the same object: its text unchanged) read against the same files has the same scope.
            var previous = b.Previous != null && ReferenceEquals(b.Previous.Files, b.Files) ? b.Previous.ScopeEntries : null;
            foreach (var packet in b.Packets)
            {
                scope[packet] = previous != null && previous.TryGetValue(packet, out var kept)
                    ? kept
                    : Model.Scope.ScopeFacts.InScope(packet, b.Profile, b.Files, b.Config.Scope.NewMarkers);
            }

            ScopeEntries = scope;
        }

        /// <summary>The host's line counts of repository files (<see cref="Engine.AnalysisOptions.FileLines"/>; GOV114), or null.</summary>
        public System.Func<string, (int? Lines, string? Refusal)>? FileLines { get; }

        /// <summary>
        /// GOV114: whether a line <paramref name="packet"/> cites in an empty file is past its end.
        /// As evidence.judgeEmptyFiles says when it says true or false; on auto, true unless the
        /// checkout keeps paths without their contents, judged from the evidence of the other
        /// packets (so no packet can switch the judgement off for itself by citing empty files):
        /// <see cref="EvidenceConfig.PlaceholderMinimum"/> or more distinct files they cite (each
        /// resolving to one file, other than Markdown and the documents analyzed) have line counts,
        /// and nine in ten of them are empty. The citations are gathered once per index.
        /// </summary>
        public bool JudgesEmptyFiles(TaskPacket packet)
        {
            if (Config.Evidence.JudgeEmptyFiles is bool set) return set;
            var cited = citedEvidence.Value;
            if (cited == null) return true;
            int counted = cited.Counted, empty = cited.Empty;
            if (cited.Exclusive.TryGetValue(packet, out var own))
            {
                counted -= own.Counted;
                empty -= own.Empty;
            }

            return !(counted >= EvidenceConfig.PlaceholderMinimum && empty * 10 >= counted * 9);
        }

        private readonly System.Lazy<CitedEvidence?> citedEvidence;

        /// <summary>The distinct cited files with line counts, how many are empty, and per packet those only it cites.</summary>
        private sealed class CitedEvidence
        {
            public int Counted;
            public int Empty;
            public readonly Dictionary<TaskPacket, (int Counted, int Empty)> Exclusive = new Dictionary<TaskPacket, (int, int)>();
        }

        private CitedEvidence? GatherEvidence()
        {
            if (Config.Evidence.JudgeEmptyFiles != null || Files == null || FileLines == null) return null;
            // Each cited file once: whether it is empty, and the first packet citing it (null once a second one does).
            var files = new Dictionary<string, (bool Empty, TaskPacket? Only)>(System.StringComparer.Ordinal);
            foreach (var packet in Packets)
            {
                foreach (var reference in EvidenceReference.Of(packet))
                {
                    string? resolved = Documents.DocumentInput.ResolveInside(reference.Path);
                    if (string.IsNullOrEmpty(resolved)) continue;
                    var named = Files.Named(resolved!);
                    if (named.Count != 1) continue;
                    string path = named[0];
                    if (path.EndsWith(".md", System.StringComparison.OrdinalIgnoreCase) || path.EndsWith(".markdown", System.StringComparison.OrdinalIgnoreCase) || HasDocument(path)) continue;
                    if (files.TryGetValue(path, out var known))
                    {
                        if (known.Only != null && !ReferenceEquals(known.Only, packet)) files[path] = (known.Empty, null);
                        continue;
                    }

                    if (FileLines(path).Lines is int n) files[path] = (n == 0, packet);
                }
            }

            var cited = new CitedEvidence();
            foreach (var file in files.Values)
            {
                cited.Counted++;
                if (file.Empty) cited.Empty++;
                if (file.Only == null) continue;
                cited.Exclusive.TryGetValue(file.Only, out var own);
                cited.Exclusive[file.Only] = (own.Counted + 1, own.Empty + (file.Empty ? 1 : 0));
            }

            return cited;
        }

        /// <summary>
        /// The paths the packets in progress own (GOV801), indexed once: each packet whose status
        /// (the board's where it lists the WP, else its STATUS) is one of scope.gate.activeStatuses,
        /// with its IN_SCOPE_PATHS entries.
        /// </summary>
        public Model.Scope.ScopeOwnership Ownership => ownership.Value;

        private readonly System.Lazy<Model.Scope.ScopeOwnership> ownership;

        private Model.Scope.ScopeOwnership BuildOwnership(TaskPacketProfile profile)
        {
            var active = Scope.Gate.ActiveStatuses;
            var owners = new List<(TaskPacket, string, string, IReadOnlyList<Model.Scope.ScopeEntry>)>();
            if (active.Count > 0)
            {
                foreach (var packet in Packets)
                {
                    string id = Model.Board.TopologyFacts.IdOf(packet, profile);
                    if (!(Topology.StatusOf(id)?.Status is string status) || !Model.Board.TopologyFacts.IsOneOf(status, active)) continue;
                    owners.Add((packet, id, status.Trim(), InScopeOf(packet)));
                }
            }

            return new Model.Scope.ScopeOwnership(owners, Files);
        }

        /// <summary>The test results the host handed over (GOV704), read once; null when it handed over none.</summary>
        public Model.TestRuns.TestResults? TestResults { get; }

        /// <summary>The IN_SCOPE_PATHS entries of <paramref name="packet"/>, read once (empty for a packet not in <see cref="Packets"/>).</summary>
        public IReadOnlyList<Model.Scope.ScopeEntry> InScopeOf(TaskPacket packet) =>
            ScopeEntries.TryGetValue(packet, out var entries) ? entries : new Model.Scope.ScopeEntry[0];

        private IReadOnlyDictionary<TaskPacket, IReadOnlyList<Model.Scope.ScopeEntry>> ScopeEntries { get; }

        /// <summary>The effective configuration (defaults and governance.yml).</summary>
        public GovernanceConfig Config { get; }

        /// <summary>The RFC technical designs (documents.rfcs), in path order.</summary>
        public IReadOnlyList<Documents.TextDocument> Rfcs { get; }

        /// <summary>The first active phase file (documents.activePhase) whose JSON parsed, or null.</summary>
        public Model.State.StateDocument? ActivePhase { get; }

        /// <summary>The links and anchors of the documents documents.links names, by path (ordinal).</summary>
        public IReadOnlyDictionary<string, Documents.MarkdownLinks> Links { get; }

        /// <summary>Packets kept in two forms (data and a Markdown projection), for GOV113.</summary>
        public IReadOnlyList<PacketForms> PacketForms { get; }

        /// <summary>The OSS register (documents.ossRegister), or null when the repository has none.</summary>
        public Model.Oss.OssRegister? OssRegister { get; }

        /// <summary>The dependency files documents.ossManifests names and what each declares, in path order.</summary>
        public IReadOnlyList<(Documents.TextDocument Document, List<Model.Oss.Dependency> Dependencies)> DependencyFiles { get; }

        /// <summary>The building project's package references as the host handed them over, or null.</summary>
        public IReadOnlyList<Model.Oss.PackageReference>? PackageReferences { get; }

        /// <summary>The lock manifest (documents.lockManifest) when the repository has one whose JSON parsed, else null.</summary>
        public Model.Locks.LockManifest? Locks { get; }

        /// <summary>The lock manifest's path, or null.</summary>
        public string? LockManifestPath { get; }

        private readonly HashSet<string> documentPaths;

        /// <summary>Whether the host handed over a document at <paramref name="path"/> (diagnostics can stand only in these in a build).</summary>
        public bool HasDocument(string path) => documentPaths.Contains(path);

        /// <summary>The board configuration.</summary>
        public BoardConfig BoardConfig { get; }

        /// <summary>The architecture decision records (documents.adrs with a number in their name), in path order.</summary>
        public IReadOnlyList<Model.Decisions.AdrDocument> Adrs { get; }

        /// <summary>The task packet stubs (documents.taskPacketStubs), in path order.</summary>
        public IReadOnlyList<Model.Stubs.TaskPacketStub> Stubs { get; }

        /// <summary>Whether a stub declares the WP ID <paramref name="id"/>.</summary>
        public bool HasStub(string id) => stubIds.Contains(id);

        private readonly HashSet<string> stubIds;

        /// <summary>adr.* of the configuration.</summary>
        public AdrConfig AdrConfig { get; }

        /// <summary>The repository's files and folders, or null when the host did not hand the list over.</summary>
        public Model.Scope.RepositoryFiles? Files { get; }

        /// <summary>The scope path configuration.</summary>
        public ScopeConfig Scope { get; }

        /// <summary>The files the change under review touches (CI scope gate), or null when there is none.</summary>
        public IReadOnlyCollection<string>? ChangedFiles { get; }

        /// <summary>Today's date as the host gave it, or null.</summary>
        public System.DateTime? Today { get; }

        /// <summary>
        /// The documents the change under review touches, as they were at its base revision
        /// (<see cref="Engine.AnalysisOptions.BaseDocuments"/>), or null when the host gave none.
        /// </summary>
        public Model.Change.BaseRevision? Base { get; }

        /// <summary>The earlier versions of the current spec that the repository keeps beside it (GOV805).</summary>
        public Model.Spec.SpecVersions SpecVersions { get; }

        /// <summary>The task board and the WP dependency graph.</summary>
        public Model.Board.Topology Topology { get; }

        /// <summary>The SPEC_CURRENT pointer, the current spec and resolved anchors.</summary>
        public Model.Spec.SpecContext Spec { get; }

        /// <summary>Every task packet, in path order.</summary>
        public IReadOnlyList<TaskPacket> Packets { get; }

        /// <summary>TASK_ID value (as written, trimmed) to the packets declaring it, in path order.</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<TaskPacket>> PacketsByTaskId { get; }

        /// <summary>
        /// Collects the facts while the engine reads the documents; <see cref="Build"/> makes the
        /// index every rule reads, after which nothing in it changes (built in one place, before any
        /// rule runs).
        /// </summary>
        public sealed class Builder
        {
            internal Builder(GovernanceConfig config, TaskPacketProfile profile, IReadOnlyList<TaskPacket> packets, IReadOnlyDictionary<string, IReadOnlyList<TaskPacket>> packetsByTaskId, Model.Spec.SpecContext spec, Model.Board.Topology topology, Model.Scope.RepositoryFiles? files, IReadOnlyCollection<string>? changedFiles, System.DateTime? today)
            {
                Config = config;
                Profile = profile;
                Packets = packets;
                PacketsByTaskId = packetsByTaskId;
                Spec = spec;
                Topology = topology;
                Files = files;
                ChangedFiles = changedFiles;
                Today = today;
            }

            internal GovernanceConfig Config { get; }

            internal TaskPacketProfile Profile { get; }

            internal IReadOnlyList<TaskPacket> Packets { get; }

            internal IReadOnlyDictionary<string, IReadOnlyList<TaskPacket>> PacketsByTaskId { get; }

            internal Model.Spec.SpecContext Spec { get; }

            internal Model.Board.Topology Topology { get; }

            internal Model.Scope.RepositoryFiles? Files { get; }

            internal IReadOnlyCollection<string>? ChangedFiles { get; }

            internal System.DateTime? Today { get; }

            internal Model.Change.BaseRevision? Base { get; set; }

            internal Model.Spec.SpecVersions SpecVersions { get; set; } = Model.Spec.SpecVersions.None;

            internal IReadOnlyList<Documents.TextDocument> Rfcs { get; set; } = new Documents.TextDocument[0];

            internal Model.State.StateDocument? ActivePhase { get; set; }

            internal IReadOnlyDictionary<string, Documents.MarkdownLinks> Links { get; set; } = new Dictionary<string, Documents.MarkdownLinks>();

            internal IReadOnlyList<PacketForms> PacketForms { get; set; } = new PacketForms[0];

            internal Model.Oss.OssRegister? OssRegister { get; set; }

            internal IReadOnlyList<(Documents.TextDocument Document, List<Model.Oss.Dependency> Dependencies)> DependencyFiles { get; set; } = new (Documents.TextDocument, List<Model.Oss.Dependency>)[0];

            internal IReadOnlyList<Model.Oss.PackageReference>? PackageReferences { get; set; }

            internal Model.Locks.LockManifest? Locks { get; set; }

            internal string? LockManifestPath { get; set; }

            internal IEnumerable<string> DocumentPaths { get; set; } = new string[0];

            internal IReadOnlyList<Model.Decisions.AdrDocument> Adrs { get; set; } = new Model.Decisions.AdrDocument[0];

            internal IReadOnlyList<Model.Stubs.TaskPacketStub> Stubs { get; set; } = new Model.Stubs.TaskPacketStub[0];

            internal AdrConfig AdrConfig { get; set; } = new AdrConfig();

            internal Model.TestRuns.TestResults? TestResults { get; set; }

            internal System.Func<string, (int? Lines, string? Refusal)>? FileLines { get; set; }

            /// <summary>
            /// The index of the previous analysis under the same configuration (a language server's),
            /// or null: facts of a packet that is the same object, read against the same repository
            /// files, are taken from it instead of being computed again.
            /// </summary>
            internal RepoIndex? Previous { get; set; }

            /// <summary>The index, as collected.</summary>
            public RepoIndex Build() => new RepoIndex(this);
        }
    }
}
