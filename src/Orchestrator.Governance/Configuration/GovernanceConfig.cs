using System.Collections.Generic;
using Newtonsoft.Json;

namespace Orchestrator.Governance.Configuration
{
    /// <summary>
    /// The effective configuration: the default profile (rules/*.yml, embedded) merged with a
    /// repository's governance.yml. Shape: schemas/governance.schema.json.
    /// </summary>
    public sealed class GovernanceConfig
    {
        /// <summary>Size limits.</summary>
        [JsonProperty("limits")] public LimitsConfig Limits { get; private set; } = new LimitsConfig();

        /// <summary>Evidence references in task packets (GOV114).</summary>
        [JsonProperty("evidence")] public EvidenceConfig Evidence { get; private set; } = new EvidenceConfig();

        /// <summary>false ignores governance-disable comments (the CLI's --no-inline-config).</summary>
        [JsonProperty("inlineConfig")] public bool InlineConfig { get; private set; } = true;

        /// <summary>Which files are which kind of governance document, by glob.</summary>
        [JsonProperty("documents")] public DocumentsConfig Documents { get; private set; } = new DocumentsConfig();

        /// <summary>Rule ID to severity name (none, silent, suggestion, warning, error).</summary>
        [JsonProperty("severity")] public IReadOnlyDictionary<string, string> Severity { get; private set; } = new Dictionary<string, string>();

        /// <summary>The severity of <paramref name="rule"/>: the one <c>severity:</c> sets for its ID, else its default.</summary>
        public Diagnostics.GovernanceSeverity SeverityOf(Diagnostics.RuleDescriptor rule) =>
            Severity.TryGetValue(rule.Id, out var name) && Diagnostics.GovernanceSeverityNames.TryParse(name, out var configured) ? configured : rule.DefaultSeverity;

        /// <summary>The task packet profile (seed 003 §5).</summary>
        [JsonProperty("taskPacket")] public TaskPacketConfig TaskPacket { get; private set; } = new TaskPacketConfig();

        /// <summary>Spec anchors and traceability (seed 003 §5.2, §5.4).</summary>
        [JsonProperty("spec")] public SpecConfig Spec { get; private set; } = new SpecConfig();

        /// <summary>The task board (seed 003 Part 6).</summary>
        [JsonProperty("board")] public BoardConfig Board { get; private set; } = new BoardConfig();

        /// <summary>Dependencies between packets (seed 003 Part 7).</summary>
        [JsonProperty("dependencies")] public DependenciesConfig Dependencies { get; private set; } = new DependenciesConfig();

        /// <summary>Orchestration state files.</summary>
        [JsonProperty("state")] public StateConfig State { get; private set; } = new StateConfig();

        /// <summary>IN_SCOPE_PATHS precision (seed 003 §5.3).</summary>
        [JsonProperty("scope")] public ScopeConfig Scope { get; private set; } = new ScopeConfig();

        /// <summary>The source rules (GOV7xx) on C# files.</summary>
        [JsonProperty("source")] public SourceConfig Source { get; private set; } = new SourceConfig();

        /// <summary>Architecture decision records (GOV601-GOV604).</summary>
        [JsonProperty("adr")] public AdrConfig Adr { get; private set; } = new AdrConfig();

        /// <summary>The OSS register's tables (GOV611).</summary>
        [JsonProperty("oss")] public OssConfig Oss { get; private set; } = new OssConfig();

        /// <summary>Packet locks (GOV607).</summary>
        [JsonProperty("locks")] public LocksConfig Locks { get; private set; } = new LocksConfig();

        /// <summary>RFC checks (GOV605).</summary>
        [JsonProperty("rfc")] public RfcConfig Rfc { get; private set; } = new RfcConfig();

        /// <summary>Metadata headers (GOV401/GOV402, seed 000 §3): off until include names files.</summary>
        [JsonProperty("headers")] public HeadersConfig Headers { get; private set; } = new HeadersConfig();

        /// <summary>
        /// Where the repository publishes the rule pages: an absolute http or https address, empty for none (the
        /// hosts then link to the pages shipped with them). Read by <see cref="HelpLinkOf"/>; checked by the loader (GOV001).
        /// </summary>
        [JsonProperty("helpBaseUrl")] public string HelpBaseUrl { get; private set; } = string.Empty;

        /// <summary>
        /// The help link of rule <paramref name="ruleId"/> at <see cref="HelpBaseUrl"/>: the address with <c>{id}</c>
        /// replaced by the rule ID when it holds <c>{id}</c>, else the address, a '/' when it does not end with one, and
        /// <c>GOVnnn.md</c> (the rule pages' file names, docs/rules/). Null when no address is set, or when the one set
        /// is not an absolute http or https address (the loader reports that as GOV001 and the defaults apply).
        /// </summary>
        public string? HelpLinkOf(string ruleId)
        {
            string address = HelpBaseUrl.Trim();
            if (!IsHelpBaseUrl(address)) return null;
            return address.IndexOf("{id}", System.StringComparison.Ordinal) >= 0
                ? address.Replace("{id}", ruleId)
                : address + (address.EndsWith("/", System.StringComparison.Ordinal) ? string.Empty : "/") + ruleId + ".md";
        }

        /// <summary>
        /// Whether <paramref name="address"/> is an absolute http or https URI with a host (what <c>helpBaseUrl</c> takes),
        /// written with the characters of RFC 3986 other than parentheses and quotes: no white space, control
        /// character, '(' ')' '&lt;' '&gt;' '"' or '\'', so that the link cannot end a Markdown link or a quoted value of
        /// the hosts that write it (hover, SARIF, MSBuild's log).
        /// </summary>
        internal static bool IsHelpBaseUrl(string address)
        {
            if (address.Length == 0 || address.Length > 2048) return false;
            foreach (char c in address)
            {
                bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~:/?#[]@!$&*+,;=%{}".IndexOf(c) >= 0;
                if (!allowed) return false;
            }

            return System.Uri.TryCreate(address.Replace("{id}", "GOV000"), System.UriKind.Absolute, out var uri)
                && (uri.Scheme == System.Uri.UriSchemeHttp || uri.Scheme == System.Uri.UriSchemeHttps) && uri.Host.Length > 0;
        }
    }

    /// <summary>Where the task board is and how to read its statuses.</summary>
    public sealed class BoardConfig
    {
        /// <summary>Repository-relative path of the board.</summary>
        [JsonProperty("path")] public string Path { get; private set; } = "docs/TASK_BOARD.md";

        /// <summary>Normalized section-heading prefix to the status of its entries.</summary>
        [JsonProperty("sections")] public IReadOnlyDictionary<string, string> Sections { get; private set; } = new Dictionary<string, string>();

        /// <summary>Board status to the packet STATUS values that agree with it.</summary>
        [JsonProperty("agreement")] public IReadOnlyDictionary<string, IReadOnlyList<string>> Agreement { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();

        /// <summary>Board statuses whose entries need no packet.</summary>
        [JsonProperty("withoutPacket")] public IReadOnlyList<string> WithoutPacket { get; private set; } = new List<string>();

        /// <summary>How the board marks phase gates and their closure (seed 003 §6.4).</summary>
        [JsonProperty("phaseGates")] public PhaseGateConfig PhaseGates { get; private set; } = new PhaseGateConfig();
    }

    /// <summary>Phase gate markers on the task board (seed 003 §6.4, §7.2 "DO NOT close phase if blockers unresolved").</summary>
    public sealed class PhaseGateConfig
    {
        /// <summary>Regular expression (case-insensitive) of a phase gate heading, with a named group <c>phase</c>.</summary>
        [JsonProperty("heading")] public string Heading { get; private set; } = string.Empty;

        /// <summary>Regular expression (case-insensitive) of the gate's status line inside its section, with a named group <c>status</c>.</summary>
        [JsonProperty("statusLine")] public string StatusLine { get; private set; } = string.Empty;

        /// <summary>Gate statuses that mean the phase is closed.</summary>
        [JsonProperty("closedStatuses")] public IReadOnlyList<string> ClosedStatuses { get; private set; } = new List<string>();

        /// <summary>Regular expression (case-insensitive) of a line anywhere on the board that closes a phase, with a named group <c>phase</c>.</summary>
        [JsonProperty("closedLine")] public string ClosedLine { get; private set; } = string.Empty;
    }

    /// <summary>Which fields name dependencies and what counts as done.</summary>
    public sealed class DependenciesConfig
    {
        /// <summary>Fields naming the WPs a packet depends on.</summary>
        [JsonProperty("dependsOn")] public IReadOnlyList<string> DependsOn { get; private set; } = new List<string>();

        /// <summary>Fields naming the WPs a packet blocks.</summary>
        [JsonProperty("blocks")] public IReadOnlyList<string> Blocks { get; private set; } = new List<string>();

        /// <summary>Statuses in which a blocker counts as done.</summary>
        [JsonProperty("validated")] public IReadOnlyList<string> Validated { get; private set; } = new List<string>();

        /// <summary>Packet STATUS values meaning work has started.</summary>
        [JsonProperty("started")] public IReadOnlyList<string> Started { get; private set; } = new List<string>();
    }

    /// <summary>Where the current Master Spec is and how to read it.</summary>
    public sealed class SpecConfig
    {
        /// <summary>Repository-relative path of the file naming the current spec (SPEC_CURRENT.md).</summary>
        [JsonProperty("currentPointer")] public string CurrentPointer { get; private set; } = "docs/SPEC_CURRENT.md";

        /// <summary>
        /// Globs (in order) of the module files that together form the current spec; empty (the
        /// default) when the pointer names the spec. Files matching one glob are taken in ordinal
        /// path order, so <c>01_intro.md</c> comes before <c>02_storage.md</c>.
        /// </summary>
        [JsonProperty("files")] public IReadOnlyList<string> Files { get; private set; } = new List<string>();

        /// <summary>Regular expression of a requirement ID (CX-DBP-022).</summary>
        [JsonProperty("idPattern")] public string IdPattern { get; private set; } = @"\b[A-Z][A-Z0-9]+(-[A-Z0-9]+)+\b";

        /// <summary>Words that make a section (and all below it) not Main Body.</summary>
        [JsonProperty("nonMainBodyTitles")] public IReadOnlyList<string> NonMainBodyTitles { get; private set; } = new List<string>();

        /// <summary>Top-level ranges ("1-6") that are Main Body; empty means all.</summary>
        [JsonProperty("mainBody")] public IReadOnlyList<string> MainBody { get; private set; } = new List<string>();

        /// <summary>Section-number prefixes ("7.6") that are not Main Body.</summary>
        [JsonProperty("nonMainBody")] public IReadOnlyList<string> NonMainBody { get; private set; } = new List<string>();

        /// <summary>DONE_MEANS to requirement mapping (seed 003 §5.4).</summary>
        [JsonProperty("doneMeans")] public DoneMeansConfig DoneMeans { get; private set; } = new DoneMeansConfig();
    }

    /// <summary>How DONE_MEANS items map to requirements.</summary>
    public sealed class DoneMeansConfig
    {
        /// <summary>Map items to the requirements they state in substance (false: only what they name by ID, spec line or "requirement N").</summary>
        [JsonProperty("lexicalMapping")] public bool LexicalMapping { get; private set; } = true;

        /// <summary>
        /// Share (0-1) of a requirement's weighted terms (identifiers, values, words; rare terms weigh
        /// more) an item must state to cover it in substance, with two terms or more in common.
        /// 0.4 by default: the best agreement with the hand-labelled sample (docs/traceability.md).
        /// </summary>
        [JsonProperty("minOverlap")] public double MinOverlap { get; private set; } = 0.4;

        /// <summary>Regular expressions of gate items that need not map ("All tests pass").</summary>
        [JsonProperty("genericGates")] public IReadOnlyList<string> GenericGates { get; private set; } = new List<string>();

        /// <summary>Phrases that make an item unmeasurable without a command, number, path or ID.</summary>
        [JsonProperty("vaguePhrases")] public IReadOnlyList<string> VaguePhrases { get; private set; } = new List<string>();
    }

    /// <summary>How evidence references (path:line) are judged (GOV114).</summary>
    public sealed class EvidenceConfig
    {
        /// <summary>
        /// Whether a line cited in an empty file is past its end, as governance.yml writes it:
        /// <c>true</c>, <c>false</c> or <c>auto</c> (the default). Auto judges empty files unless the
        /// checkout keeps paths without their contents (the Handshake corpus keeps every source file
        /// as an empty file): at least <see cref="PlaceholderMinimum"/> distinct files the other
        /// packets cite as evidence, other than Markdown, and nine in ten of them empty
        /// (<see cref="Index.RepoIndex.JudgesEmptyFiles"/>). The file must exist either way.
        /// </summary>
        [JsonProperty("judgeEmptyFiles")] public string JudgeEmptyFilesSetting { get; private set; } = "auto";

        /// <summary>The setting read: true or false as written, null for auto.</summary>
        public bool? JudgeEmptyFiles =>
            string.Equals(JudgeEmptyFilesSetting, "true", System.StringComparison.OrdinalIgnoreCase) ? true
            : string.Equals(JudgeEmptyFilesSetting, "false", System.StringComparison.OrdinalIgnoreCase) ? false
            : (bool?)null;

        /// <summary>Auto's least number of distinct cited files (other than Markdown) before a checkout of empty files is taken for one that keeps paths without contents.</summary>
        public const int PlaceholderMinimum = 5;
    }

    /// <summary>Size limits.</summary>
    public sealed class LimitsConfig
    {
        /// <summary>
        /// Documents larger than this (bytes on disk; characters in the analyzer) are skipped with
        /// GOV002: the repository's limits.maxDocumentBytes, never above <see cref="HostCeiling"/> or
        /// the ceiling the host was given (<see cref="CapAt"/>).
        /// </summary>
        [JsonProperty("maxDocumentBytes")] public long MaxDocumentBytes { get; private set; } = 8 * 1024 * 1024;

        /// <summary>
        /// The most any host reads of one document (32 MiB) whatever governance.yml says: a
        /// repository may raise its limit up to here, and a host may be told a lower ceiling (the
        /// CLI's --max-document-bytes, MSBuild's GovernanceMaxDocumentBytes) that the repository
        /// cannot raise. Above it, parsing one document costs gigabytes (issue 31, L8).
        /// </summary>
        public const long HostCeiling = 32L * 1024 * 1024;

        /// <summary>Lowers <see cref="MaxDocumentBytes"/> to <paramref name="ceiling"/> when it is higher.</summary>
        public void CapAt(long ceiling)
        {
            if (MaxDocumentBytes > ceiling) MaxDocumentBytes = ceiling;
        }

        /// <summary>JSON state files nested deeper than this are reported (GOV310) and not read.</summary>
        [JsonProperty("maxJsonDepth")] public int MaxJsonDepth { get; private set; } = 64;
    }

    /// <summary>Document kinds and their globs (repository-relative, forward slashes).</summary>
    public sealed class DocumentsConfig
    {
        /// <summary>Task packets.</summary>
        [JsonProperty("taskPackets")] public DocumentKindConfig TaskPackets { get; private set; } = new DocumentKindConfig();

        /// <summary>plan.json files (seed 002).</summary>
        [JsonProperty("plan")] public DocumentKindConfig Plan { get; private set; } = new DocumentKindConfig();

        /// <summary>session.json files (seed 002).</summary>
        [JsonProperty("session")] public DocumentKindConfig Session { get; private set; } = new DocumentKindConfig();

        /// <summary>PROGRESS.json files (seed 004).</summary>
        [JsonProperty("progress")] public DocumentKindConfig Progress { get; private set; } = new DocumentKindConfig();

        /// <summary>.agent/state/active_phase.json (seed 000).</summary>
        [JsonProperty("activePhase")] public DocumentKindConfig ActivePhase { get; private set; } = new DocumentKindConfig();

        /// <summary>Idempotency contracts (seed 000 LAYER_E).</summary>
        [JsonProperty("idempotencyContracts")] public DocumentKindConfig IdempotencyContracts { get; private set; } = new DocumentKindConfig();

        /// <summary>Architecture decision records (GOV601-GOV604).</summary>
        [JsonProperty("adrs")] public DocumentKindConfig Adrs { get; private set; } = new DocumentKindConfig();

        /// <summary>RFC technical designs (seed 000 LAYER_D: docs/rfcs/RFC_{XX}.md).</summary>
        [JsonProperty("rfcs")] public DocumentKindConfig Rfcs { get; private set; } = new DocumentKindConfig();

        /// <summary>Task packet stubs (seed 003: backlog placeholders activated into packets before coding; GOV116, GOV306).</summary>
        [JsonProperty("taskPacketStubs")] public DocumentKindConfig TaskPacketStubs { get; private set; } = new DocumentKindConfig();

        /// <summary>Markdown documents whose relative links and anchors are checked (GOV610).</summary>
        [JsonProperty("links")] public DocumentKindConfig Links { get; private set; } = new DocumentKindConfig();

        /// <summary>The OSS register (GOV611); the first match is the register.</summary>
        [JsonProperty("ossRegister")] public DocumentKindConfig OssRegister { get; private set; } = new DocumentKindConfig();

        /// <summary>Dependency files (Cargo.toml, package.json, *.csproj) whose entries must be in the register (GOV611).</summary>
        [JsonProperty("ossManifests")] public DocumentKindConfig OssManifests { get; private set; } = new DocumentKindConfig();

        /// <summary>The lock manifest `governance lock` writes (GOV607).</summary>
        [JsonProperty("lockManifest")] public DocumentKindConfig LockManifest { get; private set; } = new DocumentKindConfig();
    }

    /// <summary>How IN_SCOPE_PATHS entries are read (seed 003 §5.3).</summary>
    public sealed class ScopeConfig
    {
        /// <summary>Whether an entry may be a glob (src/**/*.rs); by default entries are exact file paths.</summary>
        [JsonProperty("allowGlobs")] public bool AllowGlobs { get; private set; }

        /// <summary>Regular expressions (case-insensitive) that mark an entry as a file to be created, so it need not exist yet.</summary>
        [JsonProperty("newMarkers")] public IReadOnlyList<string> NewMarkers { get; private set; } = new List<string>();

        /// <summary>The CI scope gate (GOV505): which packets are being worked on, and which changed files need no scope.</summary>
        [JsonProperty("gate")] public ScopeGateConfig Gate { get; private set; } = new ScopeGateConfig();
    }

    /// <summary>The source rules (GOV7xx): which C# files they check, and what a TODO must carry.</summary>
    public sealed class SourceConfig
    {
        /// <summary>Globs (repository-relative) of the C# files the source rules check.</summary>
        [JsonProperty("include")] public IReadOnlyList<string> Include { get; private set; } = new List<string>();

        /// <summary>Globs of files they skip (tests, samples).</summary>
        [JsonProperty("exclude")] public IReadOnlyList<string> Exclude { get; private set; } = new List<string>();

        /// <summary>Comment keywords that need an issue reference (GOV702), matched as whole upper-case words.</summary>
        [JsonProperty("todoKeywords")] public IReadOnlyList<string> TodoKeywords { get; private set; } = new List<string>();

        /// <summary>Regular expression that must match the comment text right after the keyword (GOV702).</summary>
        [JsonProperty("issueReference")] public string IssueReference { get; private set; } = string.Empty;
    }

    /// <summary>Architecture decision records.</summary>
    public sealed class AdrConfig
    {
        /// <summary>Allowed statuses, compared case-insensitively with the status's first word.</summary>
        [JsonProperty("statuses")] public IReadOnlyList<string> Statuses { get; private set; } = new List<string>();
    }

    /// <summary>oss.*: how the OSS register names its components (GOV611).</summary>
    public sealed class OssConfig
    {
        /// <summary>Table column headers (case-insensitive) that name a component; the first such column of a table, else its first column.</summary>
        [JsonProperty("nameColumns")] public IReadOnlyList<string> NameColumns { get; private set; } = new List<string>();
    }

    /// <summary>locks.*: what of a locked packet may still change (seed 003 §5.6; GOV607).</summary>
    public sealed class LocksConfig
    {
        /// <summary>Fields left out of a locked packet's hash (aliases count), e.g. STATUS.</summary>
        [JsonProperty("mutableFields")] public IReadOnlyList<string> MutableFields { get; private set; } = new List<string>();

        /// <summary>Sections left out of the hash, matched as a prefix of the normalized heading, e.g. VALIDATION.</summary>
        [JsonProperty("mutableSections")] public IReadOnlyList<string> MutableSections { get; private set; } = new List<string>();
    }

    /// <summary>rfc.*: RFC technical designs (seed 000 LAYER_D).</summary>
    public sealed class RfcConfig
    {
        /// <summary>Lines with text (not blank) an RFC must have; seed 000 LAYER_D asks for 300+.</summary>
        [JsonProperty("minLines")] public int MinLines { get; private set; } = 300;
    }

    /// <summary>Metadata headers (seed 000 §3): which files carry them, in which comment syntax, and what the code fix writes.</summary>
    public sealed class HeadersConfig
    {
        /// <summary>Globs (repository-relative) of the files that must carry the header; empty turns GOV401/GOV402 off.</summary>
        [JsonProperty("include")] public IReadOnlyList<string> Include { get; private set; } = new List<string>();

        /// <summary>Globs of files exempt from the header.</summary>
        [JsonProperty("exclude")] public IReadOnlyList<string> Exclude { get; private set; } = new List<string>();

        /// <summary>Comment style per extension (with its dot), overriding the built-in table: "//", "#", "--", "&lt;!--" or "markdown".</summary>
        [JsonProperty("styles")] public IReadOnlyDictionary<string, string> Styles { get; private set; } = new Dictionary<string, string>();

        /// <summary>Allowed statuses on the Orchestration line; empty allows any non-empty status.</summary>
        [JsonProperty("statuses")] public IReadOnlyList<string> Statuses { get; private set; } = new List<string>();

        /// <summary>The phase the code fix writes when a header has no numeric phase (e.g. "14").</summary>
        [JsonProperty("phase")] public string Phase { get; private set; } = string.Empty;

        /// <summary>The status the code fix writes when a header has none (e.g. "Backfill").</summary>
        [JsonProperty("status")] public string Status { get; private set; } = string.Empty;
    }

    /// <summary>The CI scope gate (seed 003 §5.3: the coder may modify exactly the IN_SCOPE_PATHS files).</summary>
    public sealed class ScopeGateConfig
    {
        /// <summary>Packet STATUS values of the work in progress, whose IN_SCOPE_PATHS bound a change (compared like allowed values).</summary>
        [JsonProperty("activeStatuses")] public IReadOnlyList<string> ActiveStatuses { get; private set; } = new List<string>();

        /// <summary>Globs of files any change may touch (the task board); the active packets themselves always may be.</summary>
        [JsonProperty("exempt")] public IReadOnlyList<string> Exempt { get; private set; } = new List<string>();
    }

    /// <summary>Limits and vocabularies of the orchestration state files (seeds 000, 002, 004).</summary>
    public sealed class StateConfig
    {
        /// <summary>A plan task touching more files than this is over the context budget (seed 002: 3).</summary>
        [JsonProperty("contextBudgetFiles")] public int ContextBudgetFiles { get; private set; } = 3;

        /// <summary>The verifier retry limit: session GapCount may not exceed it (seed 002: 2).</summary>
        [JsonProperty("maxGapCount")] public int MaxGapCount { get; private set; } = 2;

        /// <summary>Longest PROGRESS.json phase summary, in characters (seed 004: 300).</summary>
        [JsonProperty("summaryMaxChars")] public int SummaryMaxChars { get; private set; } = 300;

        /// <summary>PROGRESS.json phase statuses meaning complete.</summary>
        [JsonProperty("completeStatuses")] public IReadOnlyList<string> CompleteStatuses { get; private set; } = new List<string>();

        /// <summary>PROGRESS.json phase statuses meaning the phase has started or finished.</summary>
        [JsonProperty("startedStatuses")] public IReadOnlyList<string> StartedStatuses { get; private set; } = new List<string>();

        /// <summary>active_phase.json layers in the order they are completed (seed 000).</summary>
        [JsonProperty("layers")] public IReadOnlyList<string> Layers { get; private set; } = new List<string>();

        /// <summary>Layers followed by a human gate (seed 000: after LAYER_C and LAYER_E).</summary>
        [JsonProperty("humanGatesAfter")] public IReadOnlyList<string> HumanGatesAfter { get; private set; } = new List<string>();

        /// <summary>Layer name to the path of the artifact it leaves, {XX} standing for the phase (seed 000 §2; GOV606).</summary>
        [JsonProperty("layerArtifacts")] public IReadOnlyDictionary<string, string> LayerArtifacts { get; private set; } = new Dictionary<string, string>();

        /// <summary>Paths a closed phase keeps, {XX} standing for the phase (seed 001 "Minimal Artifact Set Per Phase"; GOV606).</summary>
        [JsonProperty("closingArtifacts")] public IReadOnlyList<string> ClosingArtifacts { get; private set; } = new List<string>();
    }

    /// <summary>Include and exclude globs of one document kind (Microsoft.Extensions.FileSystemGlobbing syntax).</summary>
    public sealed class DocumentKindConfig
    {
        /// <summary>No globs (the configuration's reader fills them).</summary>
        public DocumentKindConfig()
        {
        }

        /// <summary>The given globs.</summary>
        public DocumentKindConfig(IEnumerable<string> include, IEnumerable<string> exclude)
        {
            Include = new List<string>(include);
            Exclude = new List<string>(exclude);
        }

        /// <summary>Globs a document must match.</summary>
        [JsonProperty("include")] public IReadOnlyList<string> Include { get; private set; } = new List<string>();

        /// <summary>Globs that take a document back out.</summary>
        [JsonProperty("exclude")] public IReadOnlyList<string> Exclude { get; private set; } = new List<string>();
    }

    /// <summary>The task packet profile.</summary>
    public sealed class TaskPacketConfig
    {
        /// <summary>Regular expression the file name (without .md) must match.</summary>
        [JsonProperty("fileNamePattern")] public string FileNamePattern { get; private set; } = ".*";

        /// <summary>Normalized heading prefixes of sections not searched for fields (reports, logs).</summary>
        [JsonProperty("ignoredSections")] public IReadOnlyList<string> IgnoredSections { get; private set; } = new List<string>();

        /// <summary>Headings of the sections where waivers are recorded ("WAIVERS GRANTED"); each top-level list entry is a waiver.</summary>
        [JsonProperty("waiverSections")] public IReadOnlyList<string> WaiverSections { get; private set; } = new List<string>();

        /// <summary>Entries of a waiver section that say there is none ("NONE", "N/A"), compared case-insensitively.</summary>
        [JsonProperty("noneMarkers")] public IReadOnlyList<string> NoneMarkers { get; private set; } = new List<string>();

        /// <summary>Sections in the protocol's order.</summary>
        [JsonProperty("sections")] public IReadOnlyList<SectionConfig> Sections { get; private set; } = new List<SectionConfig>();

        /// <summary>Field key to other spellings of it.</summary>
        [JsonProperty("fieldAliases")] public IReadOnlyDictionary<string, IReadOnlyList<string>> FieldAliases { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();

        /// <summary>Field key to its allowed values.</summary>
        [JsonProperty("allowedValues")] public IReadOnlyDictionary<string, IReadOnlyList<string>> AllowedValues { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();

        /// <summary>
        /// STATUS value to the values one change may move it to (GOV804, seed 003 §6.3-6.4), compared
        /// as <see cref="AllowedValues"/> are; a status not listed may move anywhere.
        /// </summary>
        [JsonProperty("statusTransitions")] public IReadOnlyDictionary<string, IReadOnlyList<string>> StatusTransitions { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();

        /// <summary>
        /// Regular expression finding a test named in a DONE_MEANS item (GOV703): its group "name" is
        /// the test's full name, Namespace.Class.Method. Empty: no item names a test.
        /// </summary>
        [JsonProperty("testReference")] public string TestReference { get; private set; } = string.Empty;

        /// <summary>Statuses that close a packet (GOV802), besides dependencies.validated.</summary>
        [JsonProperty("closedStatuses")] public IReadOnlyList<string> ClosedStatuses { get; private set; } = new List<string>();

        /// <summary>Statuses of work replaced by other work (superseded, folded): such a packet is a record, like a closed one.</summary>
        [JsonProperty("supersededStatuses")] public IReadOnlyList<string> SupersededStatuses { get; private set; } = new List<string>();

        /// <summary>
        /// What happens to the findings of rules that ask for an edit of a packet's text (sections,
        /// fields, counts, order, placeholders, drift against the current spec:
        /// <see cref="Diagnostics.RuleDescriptor.AsksPacketEdit"/>) on a closed or superseded packet:
        /// <c>suppress</c> (the default: the protocol forbids editing a locked packet, GOV607, so the
        /// tool must not ask for it) or <c>report</c>. Rules that guard a closed packet's integrity
        /// (its lock, the board, dependencies, evidence, named tests, weakened requirements) always apply.
        /// </summary>
        [JsonProperty("closedPackets")] public string ClosedPackets { get; private set; } = "suppress";

        /// <summary>List field key to its allowed item count.</summary>
        [JsonProperty("counts")] public IReadOnlyDictionary<string, CountRange> Counts { get; private set; } = new Dictionary<string, CountRange>();

        /// <summary>Regular expressions of unfilled template text.</summary>
        [JsonProperty("placeholders")] public IReadOnlyList<string> Placeholders { get; private set; } = new List<string>();

        /// <summary>USER_SIGNATURE values that are not a signature (compared case-insensitively).</summary>
        [JsonProperty("signaturePlaceholders")] public IReadOnlyList<string> SignaturePlaceholders { get; private set; } = new List<string>();

        /// <summary>
        /// Regular expression a USER_SIGNATURE value must match to lock the packet (seed 003 §8:
        /// "USER_SIGNATURE locked with date/timestamp"), matched against the value without
        /// surrounding backticks and asterisks. Default: a name followed by a date or time of at
        /// least eight digits (<c>ilja251220250328</c>) or an ISO 8601 date (<c>ilja 2025-12-25</c>).
        /// </summary>
        [JsonProperty("signaturePattern")] public string SignaturePattern { get; private set; } = string.Empty;

        /// <summary>
        /// For task packets kept as data (JSON or YAML): field to the JSON Pointer (RFC 6901) of its
        /// value, e.g. <c>STATUS: /state/status</c>; a pointer may name a string (or other scalar)
        /// or an array of them. Fields not mapped are looked up as top-level keys in any spelling.
        /// </summary>
        [JsonProperty("dataFields")] public IReadOnlyDictionary<string, string> DataFields { get; private set; } = new Dictionary<string, string>();

        /// <summary>
        /// When a packet exists as data and as Markdown (a projection generated from it, in the same
        /// folder with the same ID), which form the rules read: "data" (default) or "markdown".
        /// </summary>
        [JsonProperty("authoritative")] public string Authoritative { get; private set; } = "data";

        /// <summary>First words that make a TEST_PLAN line a command.</summary>
        [JsonProperty("commandWords")] public IReadOnlyList<string> CommandWords { get; private set; } = new List<string>();
    }

    /// <summary>One section of the packet template.</summary>
    public sealed class SectionConfig
    {
        /// <summary>Normalized name, e.g. QUALITY_GATE.</summary>
        [JsonProperty("name")] public string Name { get; private set; } = string.Empty;

        /// <summary>Whether GOV102 reports its absence.</summary>
        [JsonProperty("required")] public bool Required { get; private set; } = true;

        /// <summary>Other normalized headings that count as this section.</summary>
        [JsonProperty("aliases")] public IReadOnlyList<string> Aliases { get; private set; } = new List<string>();

        /// <summary>Required fields of the section (GOV104).</summary>
        [JsonProperty("fields")] public IReadOnlyList<string> Fields { get; private set; } = new List<string>();
    }

    /// <summary>An inclusive item-count range.</summary>
    public sealed class CountRange
    {
        /// <summary>Fewest items.</summary>
        [JsonProperty("min")] public int Min { get; private set; }

        /// <summary>Most items.</summary>
        [JsonProperty("max")] public int Max { get; private set; }
    }
}
