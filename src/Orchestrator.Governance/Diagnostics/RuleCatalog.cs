using System.Collections.Generic;
using System.Linq;

namespace Orchestrator.Governance.Diagnostics
{
    /// <summary>
    /// Every rule descriptor, in one place (the habit of dotnet/roslyn-analyzers). IDs are stable
    /// once shipped; AnalyzerReleases.Shipped.md records them. Ranges: GOV0xx engine and
    /// configuration, GOV1xx task packet structure (seed 003 §4-5, §8), GOV2xx spec anchors and
    /// traceability (seed 003 Part 1, §5.2, §5.4), GOV3xx task board, dependencies and state files,
    /// GOV4xx metadata headers (seed 000 §3), GOV5xx scope paths (seed 003 §5.3), GOV6xx decisions
    /// and waivers (seed 003 Part 1), GOV7xx source.
    /// </summary>
    public static class RuleCatalog
    {
        private const string Engine = "Governance.Engine";
        private const string Packet = "Governance.TaskPacket";
        private const string Spec = "Governance.Spec";
        private const string Topology = "Governance.Topology";
        private const string State = "Governance.State";
        private const string Scope = "Governance.Scope";
        private const string Source = "Governance.Source";
        private const string Headers = "Governance.Headers";
        private const string Decisions = "Governance.Decisions";

        /// <summary>GOV001: governance.yml does not validate against the configuration schema.</summary>
        public static readonly RuleDescriptor InvalidConfiguration = new RuleDescriptor(
            "GOV001", "Governance configuration is invalid",
            "Invalid governance configuration: {0}; the default profile applies",
            Engine, GovernanceSeverity.Error,
            "governance.yml must be valid YAML that matches schemas/governance.schema.json. When it is not, the engine reports where and runs with the default profile.",
            "schemas/governance.schema.json");

        /// <summary>GOV002: a document could not be read or is larger than the limit.</summary>
        public static readonly RuleDescriptor DocumentUnreadable = new RuleDescriptor(
            "GOV002", "Governance document could not be analyzed",
            "Document skipped: {0}",
            Engine, GovernanceSeverity.Warning,
            "A governance document that cannot be read, is larger than limits.maxDocumentBytes, is binary or that the Markdown parser refuses is skipped with this diagnostic instead of slowing or crashing the build.",
            "GUIDE.md §2 (engine)");

        /// <summary>GOV003: a rule threw.</summary>
        public static readonly RuleDescriptor RuleFailed = new RuleDescriptor(
            "GOV003", "A governance rule failed",
            "Rule {0} failed on this document and was skipped: {1}",
            Engine, GovernanceSeverity.Warning,
            "A rule that throws is reported here, naming the rule and the exception; the other rules still run. Please report it as a bug.",
            "GUIDE.md §2 (rules)");

        /// <summary>GOV004: the file is not valid UTF-8.</summary>
        public static readonly RuleDescriptor InvalidUtf8 = new RuleDescriptor(
            "GOV004", "Document is not valid UTF-8",
            "{0} is not valid UTF-8; the file mixes encodings (save it as UTF-8)",
            Engine, GovernanceSeverity.Warning,
            "Governance documents are read as UTF-8. Bytes from another encoding (often Windows-1252 punctuation pasted into a UTF-8 file) turn into U+FFFD and can hide the text a rule looks for.",
            "RFC 3629")
        {
            // Where the bad byte is, said as each host can: the CLI has the bytes ("Byte 0x97 at
            // offset 1234"), the analyzer only the compiler's decoded text ("The character U+FFFD").
            // The finding is the file and the line, so a baseline written by one host holds in the other.
            LocationArguments = new[] { 0 },
        };

        /// <summary>GOV005: an inline suppression names an unknown rule.</summary>
        public static readonly RuleDescriptor UnknownRuleInSuppression = new RuleDescriptor(
            "GOV005", "Suppression names an unknown rule",
            "'{0}' in a {1} comment is not a governance rule ID",
            Engine, GovernanceSeverity.Warning,
            "A governance-disable comment that names a rule that does not exist suppresses nothing, usually because of a typo.",
            "docs/suppressions.md");

        /// <summary>GOV006: a Markdown document's YAML front matter that a rule reads is not valid YAML.</summary>
        public static readonly RuleDescriptor FrontMatterInvalid = new RuleDescriptor(
            "GOV006", "YAML front matter must be valid YAML",
            "The YAML front matter is not valid YAML: {0}; its keys from here on are not read",
            Engine, GovernanceSeverity.Warning,
            "The front matter of an ADR (MADR's status) or of a Markdown file whose metadata header it holds (description, orchestration) is read with a YAML parser. Where the YAML breaks, the keys after the break are not read, so the ADR and header rules may find a status or header missing; this says why, at the place the parser stopped.",
            "YAML 1.2 §9.2 (documents); MADR 3.0 front matter");

        /// <summary>GOV007: a baseline entry that no longer matches as many diagnostics as it records.</summary>
        public static readonly RuleDescriptor BaselineEntryStale = new RuleDescriptor(
            "GOV007", "Baseline entries must still match a diagnostic",
            "Baseline entry {0} for {1} records {2} diagnostic(s) but matches {3}; run 'governance baseline --prune' to remove what was fixed",
            Engine, GovernanceSeverity.Warning,
            "A baseline records the findings a repository had when it adopted the analyzer, so that only new ones fail the build. An entry whose finding has been fixed would hide the same defect if it came back; pruning it keeps the baseline as small as the debt it records.",
            "GUIDE.md §2 (engine: the baseline); PHPStan baseline, ESLint bulk suppressions");

        /// <summary>GOV008: the baseline file cannot be used.</summary>
        public static readonly RuleDescriptor BaselineInvalid = new RuleDescriptor(
            "GOV008", "Baseline must be valid",
            "Baseline {0} is not used: {1}; every diagnostic is reported until it is fixed",
            Engine, GovernanceSeverity.Error,
            "A baseline that is not valid JSON, does not match schemas/baseline.schema.json, or cannot be read is ignored as a whole: nothing is suppressed by accident, and this error says why.",
            "schemas/baseline.schema.json");

        /// <summary>GOV009: the document's text is double-encoded (UTF-8 read as Windows-1252 and saved again).</summary>
        public static readonly RuleDescriptor TextDoubleEncoded = new RuleDescriptor(
            "GOV009", "Document text must not be double-encoded (mojibake)",
            "The text was saved through a wrong encoding (UTF-8 read as Windows-1252): '{0}' is read as '{1}'; save the file as UTF-8 with the repaired text",
            Engine, GovernanceSeverity.Warning,
            "Text saved through a wrong encoding turns § into Â§ and — into â€”, so anchors, headings and keys no longer read as written. The engine reads such text repaired, so the rules still work, and reports it once per document, at the first place.",
            "RFC 3629 §4 (UTF-8 byte sequences); WHATWG Encoding, windows-1252");

        /// <summary>GOV101: the packet file name is not WP-{phase}-{name}.</summary>
        public static readonly RuleDescriptor PacketFileName = new RuleDescriptor(
            "GOV101", "Task packet file name must be WP-{phase}-{name}",
            "Task packet file name '{0}' does not follow WP-{{phase}}-{{name}}[-vN] (pattern {1})",
            Packet, GovernanceSeverity.Error,
            "Packets are named WP-{phase}-{name}, with an optional -vN or date suffix for variants, so that IDs sort and collide visibly.",
            "seed 003 §4 Step 2, §5.6");

        /// <summary>GOV102: a required section is missing.</summary>
        public static readonly RuleDescriptor RequiredSectionMissing = new RuleDescriptor(
            "GOV102", "Task packet must have every required section",
            "Task packet has no '{0}' section (expected one of: {1})",
            Packet, GovernanceSeverity.Error,
            "Every work packet includes the sections of the protocol's template. A section also counts as present when its fields stand as sections of their own (## DONE_MEANS for Quality Gate).",
            "seed 003 §5.1");

        /// <summary>GOV103: sections are out of order.</summary>
        public static readonly RuleDescriptor SectionOrder = new RuleDescriptor(
            "GOV103", "Task packet sections must be in the protocol's order",
            "Section '{0}' comes after '{1}'; the expected order is {2}",
            Packet, GovernanceSeverity.Warning,
            "The protocol lists the sections of a packet in order, so that coders and validators find them where they expect.",
            "seed 003 §5.1");

        /// <summary>GOV104: a required field is missing.</summary>
        public static readonly RuleDescriptor RequiredFieldMissing = new RuleDescriptor(
            "GOV104", "Task packet must have every required field",
            "Task packet has no {0} field (expected in the '{1}' section{2})",
            Packet, GovernanceSeverity.Error,
            "Every work packet fills the fields of the protocol's template (TASK_ID, STATUS, RISK_TIER, DONE_MEANS, SPEC_ANCHOR, ...).",
            "seed 003 §5.1, §8")
        {
            // {2}: for a packet kept as data, where the field would come from (guidance, not the finding).
            LocationArguments = new[] { 2 },
        };

        /// <summary>GOV105: TASK_ID differs from the file name.</summary>
        public static readonly RuleDescriptor TaskIdMismatch = new RuleDescriptor(
            "GOV105", "TASK_ID must match the file name",
            "TASK_ID '{0}' does not match the {2} '{1}'",
            Packet, GovernanceSeverity.Error,
            "The packet's TASK_ID and its file name are the same ID, so that tools and people can go from one to the other.",
            "seed 003 §5.1");

        /// <summary>GOV106: two packets share a TASK_ID.</summary>
        public static readonly RuleDescriptor DuplicateTaskId = new RuleDescriptor(
            "GOV106", "TASK_ID must be unique",
            "TASK_ID '{0}' is also declared in {1}",
            Packet, GovernanceSeverity.Error,
            "Two packets with one TASK_ID make the board and dependency links ambiguous; a variant packet gets its own ID (-v2).",
            "seed 003 §4 Step 2 (ID collision)");

        /// <summary>GOV107: STATUS / RISK_TIER value not allowed.</summary>
        public static readonly RuleDescriptor FieldValueNotAllowed = new RuleDescriptor(
            "GOV107", "Field value must be one of the allowed values",
            "{0} '{1}' is not an allowed value (allowed: {2})",
            Packet, GovernanceSeverity.Error,
            "STATUS and RISK_TIER take values from a fixed vocabulary so that boards and gates can read them. Case, spaces, hyphens and a trailing qualifier such as '(VALIDATED)' do not matter.",
            "seed 003 §5.1, §6.2");

        /// <summary>GOV108: DATE is not ISO 8601.</summary>
        public static readonly RuleDescriptor DateNotIso8601 = new RuleDescriptor(
            "GOV108", "DATE must be an ISO 8601 date or timestamp",
            "DATE '{0}' is not an ISO 8601 date or timestamp (e.g. 2025-12-26 or 2025-12-26T14:30:00Z)",
            Packet, GovernanceSeverity.Error,
            "The packet's DATE is an ISO 8601 timestamp so that it sorts and compares.",
            "seed 003 §5.1");

        /// <summary>GOV109: a list field has too few or too many items.</summary>
        public static readonly RuleDescriptor ListCountOutOfRange = new RuleDescriptor(
            "GOV109", "BOOTSTRAP lists must have the protocol's number of items",
            "{0} lists {1} item(s); expected {2} to {3}",
            Packet, GovernanceSeverity.Warning,
            "BOOTSTRAP gives the coder 5-15 FILES_TO_OPEN, 10-20 SEARCH_TERMS and 3-8 RISK_MAP entries.",
            "seed 003 §5.5, §8");

        /// <summary>GOV110: an unfilled template placeholder.</summary>
        public static readonly RuleDescriptor UnfilledPlaceholder = new RuleDescriptor(
            "GOV110", "Template placeholders must be filled",
            "Unfilled template placeholder '{0}'",
            Packet, GovernanceSeverity.Error,
            "A packet copied from the template still holds a placeholder such as {Specific criterion 1}, {{WP_ID}} or TBD. Code spans and fenced code are not checked.",
            "seed 003 §4 Step 2.3 (fill placeholders)");

        /// <summary>GOV111: no USER_SIGNATURE lock.</summary>
        public static readonly RuleDescriptor MissingUserSignature = new RuleDescriptor(
            "GOV111", "Task packet must be locked with a USER_SIGNATURE",
            "{0}",
            Packet, GovernanceSeverity.Error,
            "A packet is locked with the user's signature after creation, so that it cannot drift mid-work; a placeholder such as <pending> is not a signature.",
            "seed 003 §5.6, §8")
        {
            // The message is the whole sentence, its advice included: the finding is the lock line
            // (its text is in the fingerprint), so rewording the advice keeps baselines valid.
            LocationArguments = new[] { 0 },
        };

        /// <summary>GOV112: TEST_PLAN without a runnable command.</summary>
        public static readonly RuleDescriptor TestPlanWithoutCommand = new RuleDescriptor(
            "GOV112", "TEST_PLAN must give runnable commands",
            "TEST_PLAN has no runnable command (found: '{0}'); give the exact commands, e.g. in a ```bash block",
            Packet, GovernanceSeverity.Error,
            "TEST_PLAN lists the exact commands the coder must run; prose alone cannot be run or checked.",
            "seed 003 §5.1, §8");

        /// <summary>GOV113: a packet's data and Markdown forms disagree.</summary>
        public static readonly RuleDescriptor PacketFormsDisagree = new RuleDescriptor(
            "GOV113", "A packet's data and Markdown forms must agree",
            "{0} is '{1}' here but '{2}' in {3}, the packet's other form; regenerate the form that is not authoritative (taskPacket.authoritative: {4})",
            Packet, GovernanceSeverity.Error,
            "A packet kept as data (JSON or YAML) with a Markdown projection generated from it is one packet: the rules read the authoritative form only. When the projection's status, lock, anchors or scope differ from the data, people read one thing and the tools check another.",
            "seed 003 §5.1 (the packet is the single source of the task), §5.6");

        /// <summary>GOV201: a packet has no SPEC_ANCHOR.</summary>
        public static readonly RuleDescriptor SpecAnchorMissing = new RuleDescriptor(
            "GOV201", "Task packet must have a SPEC_ANCHOR",
            "Task packet has no SPEC_ANCHOR (expected in the '{0}' section, e.g. '- **SPEC_ANCHOR**: §2.3.12.1 (Four Portability Pillars)')",
            Spec, GovernanceSeverity.Error,
            "Every work packet references the Master Spec requirement it implements; a packet without an anchor invents its requirements.",
            "seed 003 Part 3 rule 3, §5.2, §8");

        /// <summary>GOV202: an anchor line names nothing the spec can resolve.</summary>
        public static readonly RuleDescriptor SpecAnchorUnparsable = new RuleDescriptor(
            "GOV202", "SPEC_ANCHOR must name a spec section, requirement ID or line",
            "SPEC_ANCHOR '{0}' names no spec section number, requirement ID or spec line",
            Spec, GovernanceSeverity.Error,
            "An anchor in prose ('Photo Studio section') cannot be checked; name the section (§2.3.12.1) or the requirement ID (CX-DBP-022).",
            "seed 003 §5.2");

        /// <summary>GOV203: an anchor does not resolve in the current spec.</summary>
        public static readonly RuleDescriptor SpecAnchorUnresolved = new RuleDescriptor(
            "GOV203", "SPEC_ANCHOR must resolve in the current spec",
            "SPEC_ANCHOR {0} does not resolve in {1}: {2}",
            Spec, GovernanceSeverity.Error,
            "The anchored section number or requirement ID must exist in the spec that SPEC_CURRENT.md names. A requirement ID that resolves is preferred to a section number, since IDs are stable across versions.",
            "seed 003 §5.2 (SPEC_ANCHOR exists in latest Master Spec version)");

        /// <summary>GOV204: an anchor points into the Roadmap or another non-Main-Body section.</summary>
        public static readonly RuleDescriptor SpecAnchorNotMainBody = new RuleDescriptor(
            "GOV204", "SPEC_ANCHOR must point into the Main Body",
            "SPEC_ANCHOR {0} points into {1}, which is not Main Body; anchor the Main Body section that defines the requirement",
            Spec, GovernanceSeverity.Error,
            "'Done' means the Main Body's MUST and SHOULD, not roadmap bullets: a packet anchored only in the Roadmap (or Future Work, an Appendix) has no requirement to be done against. A roadmap pointer next to a Main Body anchor is not reported.",
            "seed 003 Part 1 PRIORITY_2, Part 3 rule 3, §5.2");

        /// <summary>GOV205: the anchor's ID moved, or the packet's spec version is older than the current one.</summary>
        public static readonly RuleDescriptor SpecAnchorDrift = new RuleDescriptor(
            "GOV205", "SPEC_ANCHOR must match the current spec version",
            "SPEC_ANCHOR drift: {0}",
            Spec, GovernanceSeverity.Warning,
            "When a requirement ID now lives under another section number, or the packet names an older spec version than SPEC_CURRENT.md, the anchor may no longer say what the team thinks: revalidate it.",
            "seed 003 Part 1 PRIORITY_3 (spec-version lock), §5.2");

        /// <summary>GOV206: a DONE_MEANS item maps to no requirement of the anchored sections.</summary>
        public static readonly RuleDescriptor DoneMeansUnmapped = new RuleDescriptor(
            "GOV206", "DONE_MEANS items must map to anchored requirements",
            "DONE_MEANS item '{0}' maps to no MUST/SHOULD of {1}; closest: {2}",
            Spec, GovernanceSeverity.Warning,
            "Each DONE_MEANS item is a requirement of the anchored Main Body sections (or a generic gate such as 'All tests pass'). An item that maps to none is invented scope or a requirement the anchor does not cover.",
            "seed 003 §5.4, Part 3 rule 2 (transcription, not invention)");

        /// <summary>GOV207: a MUST requirement of the anchored sections is covered by no DONE_MEANS item.</summary>
        public static readonly RuleDescriptor UncoveredMust = new RuleDescriptor(
            "GOV207", "Every MUST of the anchored sections must be covered by DONE_MEANS",
            "{0} MUST requirement(s) of {1} are covered by no DONE_MEANS item: {2}",
            Spec, GovernanceSeverity.Error,
            "'Done' means 100% of the Main Body: every MUST (SHALL, REQUIRED) of the anchored sections maps to a DONE_MEANS item, so that validation checks each one.",
            "seed 003 Part 1 PRIORITY_2, §5.2 checklist, §5.4");

        /// <summary>GOV208: a SHOULD requirement of the anchored sections is covered by no DONE_MEANS item.</summary>
        public static readonly RuleDescriptor UncoveredShould = new RuleDescriptor(
            "GOV208", "Every SHOULD of the anchored sections should be covered by DONE_MEANS",
            "{0} SHOULD requirement(s) of {1} are covered by no DONE_MEANS item: {2}",
            Spec, GovernanceSeverity.Warning,
            "SHOULD and RECOMMENDED requirements of the anchored sections map to DONE_MEANS too, or the packet says why not.",
            "seed 003 Part 1 PRIORITY_2, §5.2 checklist, §5.4");

        /// <summary>GOV209: a DONE_MEANS item is not measurable.</summary>
        public static readonly RuleDescriptor DoneMeansNotMeasurable = new RuleDescriptor(
            "GOV209", "DONE_MEANS items must be measurable",
            "DONE_MEANS item '{0}' is not measurable: '{1}' with no command, number, path or ID",
            Spec, GovernanceSeverity.Warning,
            "A DONE_MEANS item is a yes/no test ('POST /jobs/:id/cancel returns 200'), not an impression ('Feature works').",
            "seed 003 §8 (DONE_MEANS are measurable), Part 4 Common Mistakes 2");

        /// <summary>GOV210: SPEC_CURRENT.md is missing or names no existing spec.</summary>
        public static readonly RuleDescriptor SpecCurrentInvalid = new RuleDescriptor(
            "GOV210", "SPEC_CURRENT.md must name the current spec",
            "Current spec unavailable: {0}",
            Spec, GovernanceSeverity.Error,
            "SPEC_CURRENT.md names the authoritative Master Spec; without it (or when the named file is missing) no SPEC_ANCHOR can be resolved.",
            "seed 003 Part 2 Step 1");

        /// <summary>GOV211: a spec heading is numbered outside the section it stands in.</summary>
        public static readonly RuleDescriptor SpecNumberingInconsistent = new RuleDescriptor(
            "GOV211", "Spec headings must be numbered within their section",
            "Heading §{0} is numbered outside §{1}, the section it stands in (line {2})",
            Spec, GovernanceSeverity.Warning,
            "A heading whose number does not extend its enclosing section's number (2.3.11.1 inside 2.3.12) makes anchors to either number ambiguous.",
            "seed 003 §5.2 (anchors must resolve unambiguously)")
        { LocationArguments = new[] { 2 } };

        /// <summary>GOV301: a dependency names a WP with no packet and no board entry.</summary>
        public static readonly RuleDescriptor DependencyUnknown = new RuleDescriptor(
            "GOV301", "Dependencies must name known WPs",
            "{0} names '{1}', which has no task packet and no task board entry",
            Topology, GovernanceSeverity.Error,
            "A dependency on a WP that does not exist cannot be tracked or validated; it is usually a typo or a renamed packet.",
            "seed 003 §7.1");

        /// <summary>GOV302: dependencies form a cycle.</summary>
        public static readonly RuleDescriptor DependencyCycle = new RuleDescriptor(
            "GOV302", "Dependencies must not form a cycle",
            "Dependency cycle: {0}",
            Topology, GovernanceSeverity.Error,
            "WPs that wait for each other can never start. Each edge of the cycle is reported where it is written, naming the whole cycle.",
            "seed 003 §7.1-7.2");

        /// <summary>GOV303: a WP has started while a blocker is not VALIDATED.</summary>
        public static readonly RuleDescriptor BlockerNotValidated = new RuleDescriptor(
            "GOV303", "A WP must not start before its blockers are VALIDATED",
            "{0} is {1} while its blocker {2} is {3}, not VALIDATED",
            Topology, GovernanceSeverity.Error,
            "Downstream work starts only when every blocker is VALIDATED ('Done' is not 'VALIDATED').",
            "seed 003 §7.2, Part 3 rule 6, Part 9");

        /// <summary>GOV304: the packet's STATUS and the board disagree.</summary>
        public static readonly RuleDescriptor BoardStatusMismatch = new RuleDescriptor(
            "GOV304", "Packet STATUS and task board must agree",
            "{0}: the packet says STATUS '{1}' but the task board says '{2}'",
            Topology, GovernanceSeverity.Error,
            "The packet and the board are updated together; a disagreement means one of them drifted. Reported at both places.",
            "seed 003 §6.3, Task State Management");

        /// <summary>GOV305: a packet is not on the board.</summary>
        public static readonly RuleDescriptor PacketNotOnBoard = new RuleDescriptor(
            "GOV305", "Every task packet must be on the task board",
            "{0} is not on the task board ({1})",
            Topology, GovernanceSeverity.Warning,
            "The board is the single status tracker; a packet missing from it is invisible to planning and phase gates.",
            "seed 003 §6.1, §6.3");

        /// <summary>GOV306: a board entry has no packet.</summary>
        public static readonly RuleDescriptor BoardEntryWithoutPacket = new RuleDescriptor(
            "GOV306", "Every board entry must have a task packet",
            "Task board lists {0} as {1}, but there is no task packet {0}",
            Topology, GovernanceSeverity.Warning,
            "A board entry in a working status (Ready for Dev, In Progress, Done) needs its packet; stubs and gaps are allowed (board.withoutPacket).",
            "seed 003 §6.1, Part 4 (packet before delegation)");

        /// <summary>GOV307: a phase is marked closed while one of its WPs is not VALIDATED.</summary>
        public static readonly RuleDescriptor PhaseClosedWithOpenWp = new RuleDescriptor(
            "GOV307", "A phase must not close before all its WPs are VALIDATED",
            "Phase {0} is marked '{1}' but {2} is {3}, not VALIDATED",
            Topology, GovernanceSeverity.Error,
            "A phase closes only when every gate-critical WP is VALIDATED, not just done. Reported at the closure marker, once per open WP.",
            "seed 003 §6.4, §7.2, Part 3 rule 5");

        /// <summary>GOV310: a state file is not valid JSON.</summary>
        public static readonly RuleDescriptor StateFileInvalidJson = new RuleDescriptor(
            "GOV310", "State file must be valid JSON",
            "{0} is not valid JSON: {1}",
            State, GovernanceSeverity.Error,
            "An orchestrator that cannot parse its state cannot resume (seed 000 Resume Protocol, seed 004 Checkpoint Recovery). Nesting deeper than limits.maxJsonDepth is refused the same way.",
            "seeds 000, 002, 004; RFC 8259");

        /// <summary>GOV311: a state file violates its JSON Schema.</summary>
        public static readonly RuleDescriptor StateFileSchemaViolation = new RuleDescriptor(
            "GOV311", "State file must match its schema",
            "{0} does not match {1}: {2}",
            State, GovernanceSeverity.Error,
            "Each kind of state file has the fields its protocol reads; the schemas are in schemas/state/. Reported at the offending value.",
            "seeds 000, 002, 004; JSON Schema draft-07");

        /// <summary>GOV312: a plan task depends on a task at the same or a later index.</summary>
        public static readonly RuleDescriptor PlanFutureDependency = new RuleDescriptor(
            "GOV312", "Plan tasks must depend only on earlier tasks",
            "Invalid topology: task {0} depends on future task {1} ('{2}'); a task may depend only on tasks listed before it",
            State, GovernanceSeverity.Error,
            "Tasks run in list order; a dependency on the same or a later task can never be satisfied.",
            "seed 002 Step 1.2 (V3.1 Topology Check)");

        /// <summary>GOV313: a plan task depends on an unknown task ID.</summary>
        public static readonly RuleDescriptor PlanUnknownDependency = new RuleDescriptor(
            "GOV313", "Plan dependencies must name tasks of the plan",
            "Task {0} depends on '{1}', which is not the id of any task in the plan",
            State, GovernanceSeverity.Error,
            "The executor halts with 'Dependency violation' on a dependency it cannot find.",
            "seed 002 Step 2.2");

        /// <summary>GOV314: a plan task touches more files than the context budget.</summary>
        public static readonly RuleDescriptor PlanContextBudget = new RuleDescriptor(
            "GOV314", "Plan tasks must stay within the context budget",
            "Task {0} touches {1} files; the context budget is {2} (state.contextBudgetFiles)",
            State, GovernanceSeverity.Warning,
            "A task touching many files overflows the executor's context; split it.",
            "seed 002 Step 1.2 (V3.1 Budget Warning)");

        /// <summary>GOV315: session GapCount above the retry limit.</summary>
        public static readonly RuleDescriptor SessionGapCount = new RuleDescriptor(
            "GOV315", "Session GapCount must not exceed the retry limit",
            "GapCount is {0}; the verifier retry limit is {1} (state.maxGapCount)",
            State, GovernanceSeverity.Error,
            "The workflow halts with 'Max Retries Exceeded' at the limit; a count above it means the loop went on after it should have stopped.",
            "seed 002 Step 2.3");

        /// <summary>GOV316: a PROGRESS.json phase started before an earlier phase passed its gate.</summary>
        public static readonly RuleDescriptor ProgressPhaseOrder = new RuleDescriptor(
            "GOV316", "Phases must run in order through their validation gates",
            "Phase '{0}' is {1} while earlier phase '{2}' is {3}; an earlier phase must be complete with validation.passed true",
            State, GovernanceSeverity.Error,
            "Phases run sequentially with a validation gate between them; work may not start past a failed or unfinished gate.",
            "seed 004 Phase Controller, State Management");

        /// <summary>GOV317: a PROGRESS.json phase summary is too long.</summary>
        public static readonly RuleDescriptor ProgressSummaryLength = new RuleDescriptor(
            "GOV317", "Phase summaries must be short",
            "Phase '{0}' summary has {1} characters; at most {2} (state.summaryMaxChars)",
            State, GovernanceSeverity.Warning,
            "Summaries are what returns to the orchestrator's context; details belong in files.",
            "seed 004 (Summary-only returns: max 300 chars)");

        /// <summary>GOV318: active_phase.json layers completed out of order.</summary>
        public static readonly RuleDescriptor ActivePhaseLayerOrder = new RuleDescriptor(
            "GOV318", "Layers must be completed in order",
            "Layer '{0}' is completed out of order: expected '{1}' next",
            State, GovernanceSeverity.Error,
            "The 8-layer protocol runs LAYER_0_REFLECTION, A, B, C, D, S, E, F, G, I, H in sequence; completedLayers lists them in that order without gaps.",
            "seed 000 §2 Execution Protocol");

        /// <summary>GOV319: a layer completed past an unsigned human gate.</summary>
        public static readonly RuleDescriptor ActivePhaseHumanGate = new RuleDescriptor(
            "GOV319", "Layers past a human gate need its sign-off",
            "Layer '{0}' is completed while the human gate after '{1}' is not signed off (requiresSignoff true, isSignedOff false)",
            State, GovernanceSeverity.Error,
            "The model must pause at each human gate until the user signs; work past an unsigned gate skipped the human.",
            "seed 000 §2 (HUMAN GATE)");

        /// <summary>GOV320: an active_phase.json artifact path is not in the repository.</summary>
        public static readonly RuleDescriptor ActivePhaseArtifactMissing = new RuleDescriptor(
            "GOV320", "Layer artifacts must exist",
            "Artifact of {0} is '{1}', which {2}",
            State, GovernanceSeverity.Error,
            "The Resume Protocol reads the artifact of the last completed layer to regain context; a path that does not exist breaks the resume.",
            "seed 000 §1, §4 Resume Protocol");

        /// <summary>GOV501: an IN_SCOPE_PATHS entry is a folder, prose or a glob.</summary>
        public static readonly RuleDescriptor ScopePathNotExact = new RuleDescriptor(
            "GOV501", "IN_SCOPE_PATHS entries must be exact file paths",
            "IN_SCOPE_PATHS entry '{0}' is {1}; list the exact files the packet may change",
            Scope, GovernanceSeverity.Error,
            "The coder needs to know exactly which files they can modify; a folder, a description or a glob lets the scope creep.",
            "seed 003 §5.3 [CX-603]");

        /// <summary>GOV502: an IN_SCOPE_PATHS file does not exist and is not marked new.</summary>
        public static readonly RuleDescriptor ScopePathMissing = new RuleDescriptor(
            "GOV502", "IN_SCOPE_PATHS files must exist or be marked new",
            "IN_SCOPE_PATHS file '{0}' is not in the repository; mark a file the packet creates with '(new)'",
            Scope, GovernanceSeverity.Warning,
            "A path that names no file is a typo, a file moved since the packet was written, or a new file that should say so. Needs the repository's file list from the host.",
            "seed 003 §5.3, §5.5 (BOOTSTRAP FILES_TO_OPEN)");

        /// <summary>GOV503: a scope path is outside the repository.</summary>
        public static readonly RuleDescriptor ScopePathOutside = new RuleDescriptor(
            "GOV503", "Scope paths must stay inside the repository",
            "IN_SCOPE_PATHS entry '{0}' is outside the repository (absolute, or climbing out with '..'); it is not resolved",
            Scope, GovernanceSeverity.Error,
            "A packet governs files of its repository; a path outside it is an error or an attempt to reach beyond the scope. It is never looked up.",
            "seed 003 §5.3");

        /// <summary>GOV504: a path is both in and out of scope.</summary>
        public static readonly RuleDescriptor ScopePathInAndOut = new RuleDescriptor(
            "GOV504", "A path must not be both in and out of scope",
            "'{0}' is listed in IN_SCOPE_PATHS and in OUT_OF_SCOPE (line {1})",
            Scope, GovernanceSeverity.Error,
            "A coder cannot both change and leave alone the same file; one of the two lists is wrong.",
            "seed 003 §5.1 (Scope), §5.3")
        { LocationArguments = new[] { 1 } };

        /// <summary>GOV505: the CI scope gate: a changed file outside the scope of the work in progress.</summary>
        public static readonly RuleDescriptor ChangedOutsideScope = new RuleDescriptor(
            "GOV505", "Changed files must be in the scope of a packet In Progress",
            "'{0}' is changed, but {1}; add it to a packet's IN_SCOPE_PATHS or record a waiver whose Scope names it",
            Scope, GovernanceSeverity.Error,
            "The coder may modify exactly the files IN_SCOPE_PATHS lists; a change elsewhere is scope creep unless a waiver grants it. Runs in CI, on the files a change touches (governance check --changed-files or --changed-since).",
            "seed 003 §5.3 [CX-603], [CX-600B] (Waiver Audit Trail)");

        /// <summary>GOV401: a file in headers.include does not start with the two-line metadata header.</summary>
        public static readonly RuleDescriptor MetadataHeaderMissing = new RuleDescriptor(
            "GOV401", "Files must start with the two-line metadata header",
            "The file does not start with a metadata header: {0}",
            Headers, GovernanceSeverity.Error,
            "Every file starts with exactly two lines of metadata in its comment syntax: what the file is for, and the phase and status that produced it. A model or person opening the file mid-session learns both without reading the history. Off until headers.include names the files to check.",
            "seed 000 §3 (Standard: Anthropic Metadata)");

        /// <summary>GOV402: the metadata header is there but malformed.</summary>
        public static readonly RuleDescriptor MetadataHeaderMalformed = new RuleDescriptor(
            "GOV402", "Metadata headers must be well formed",
            "Malformed metadata header: {0}",
            Headers, GovernanceSeverity.Error,
            "The header is line 1 'Description: <summary>' and line 2 'Orchestration: Phase <XX> | <Status>', with XX a number and a status (one of headers.statuses when configured). Swapped lines, a header below the first lines, an empty description, a phase that is not a number or a missing status are reported one at a time, first problem first.",
            "seed 000 §3 (Standard: Anthropic Metadata)");

        /// <summary>GOV601: an ADR without a part of its template.</summary>
        public static readonly RuleDescriptor AdrPartsMissing = new RuleDescriptor(
            "GOV601", "ADRs must have every part of their template",
            "ADR {0} lacks {1} ({2} template: {3})",
            Decisions, GovernanceSeverity.Error,
            "A decision record is read years later by someone who was not there: it needs the context that forced the decision, the decision, its consequences and whether it still holds (its status). MADR's template names them Context and Problem Statement, Considered Options and Decision Outcome.",
            "M. Nygard, Documenting Architecture Decisions (2011); MADR 3.0; seed 000 §2 LAYER_B");

        /// <summary>GOV602: an ADR status outside adr.statuses.</summary>
        public static readonly RuleDescriptor AdrStatusInvalid = new RuleDescriptor(
            "GOV602", "ADR status must be a known status",
            "ADR {0} has status '{1}'; expected one of {2} (adr.statuses)",
            Decisions, GovernanceSeverity.Error,
            "Tools and readers decide from the status whether a decision still holds: proposed, accepted, rejected, deprecated or superseded.",
            "M. Nygard (2011); MADR 3.0");

        /// <summary>GOV603: a supersede link that does not resolve both ways.</summary>
        public static readonly RuleDescriptor AdrSupersedeBroken = new RuleDescriptor(
            "GOV603", "Superseded ADRs must name an existing ADR that links back",
            "ADR {0} is superseded by ADR {1}, but {2}",
            Decisions, GovernanceSeverity.Error,
            "A superseded decision stays, with a pointer to the one that replaced it; the new one says which it supersedes. A pointer to nowhere, or one the new ADR does not acknowledge, breaks the chain of decisions.",
            "M. Nygard (2011)");

        /// <summary>GOV604: two ADRs with the same number.</summary>
        public static readonly RuleDescriptor AdrNumberDuplicate = new RuleDescriptor(
            "GOV604", "ADR numbers must be unique",
            "ADR number {0} is already used by {1}; renumber this ADR",
            Decisions, GovernanceSeverity.Error,
            "ADRs are numbered sequentially and numbers are not reused: links and discussions cite them by number. Two branches that each add the next number collide on merge.",
            "M. Nygard (2011)");

        /// <summary>GOV605: an RFC shorter than rfc.minLines lines of text.</summary>
        public static readonly RuleDescriptor RfcTooShort = new RuleDescriptor(
            "GOV605", "RFCs must be full technical designs",
            "RFC has {0} lines of text; seed 000 LAYER_D asks for at least {1} (rfc.minLines)",
            Decisions, GovernanceSeverity.Warning,
            "LAYER_D of the phase protocol is a technical design of 300 lines or more, written before simulation and code. A short RFC is a sketch: the design questions it should settle come back during implementation.",
            "seed 000 §2 LAYER_D (RFC Technical Design, 300+ LOC)");

        /// <summary>GOV606: a declared phase lacks an artifact of a completed layer or of its closing set.</summary>
        public static readonly RuleDescriptor PhaseArtifactMissing = new RuleDescriptor(
            "GOV606", "Phases must have the artifacts of their completed layers",
            "Phase '{0}' {1}, so {2} must exist ({3}); it is not a file of the repository",
            Decisions, GovernanceSeverity.Error,
            "Each layer of the phase protocol leaves one artifact (milestone, ADR, RFC, simulation, idempotency contract, red-team test, judge, improvement log), and a closed phase keeps its execution report and final handoff. A layer marked complete without its artifact is a step that was skipped or lost; the next session resumes from files, not from memory.",
            "seed 000 §2 (Execution Protocol), §4 (Resume Protocol); seed 001 (Minimal Artifact Set Per Phase)");

        /// <summary>GOV607: a locked task packet edited after its lock, or locked but not in the lock manifest.</summary>
        public static readonly RuleDescriptor LockedPacketEdited = new RuleDescriptor(
            "GOV607", "Locked task packets must not be edited",
            "Task packet '{0}' is locked (USER_SIGNATURE '{1}') and {2}",
            Decisions, GovernanceSeverity.Error,
            "A packet signed by the user is a contract: editing it after the lock is instruction creep, and the audit trail loses what was agreed. Changes go into a new variant packet (WP-...-v2). `governance lock` records each locked packet's SHA-256 in governance.lock.json; STATUS and the report sections the protocol appends are not hashed.",
            "seed 003 §5.6 [CX-607] (Work Packet Locking), Part 1 (Instruction Creep Prevention)");

        /// <summary>GOV608: a waiver without an ID, an approval date or a scope.</summary>
        public static readonly RuleDescriptor WaiverIncomplete = new RuleDescriptor(
            "GOV608", "Waivers must record an ID, an approval date and a scope",
            "Waiver '{0}' has no {1}; a waiver records its ID, approval date and scope",
            Decisions, GovernanceSeverity.Error,
            "A waiver is an audit record: which rule was waived (its ID), when the user approved it and for what (its scope). Without them nobody can tell later whether a change was covered.",
            "seed 003 Part 1 [CX-600B] (Waiver Audit Trail); Handshake task packet template (Waiver ID, Date, Scope, Justification)");

        /// <summary>GOV609: a waiver past its expiry date in a packet still open.</summary>
        public static readonly RuleDescriptor WaiverExpired = new RuleDescriptor(
            "GOV609", "Waivers of open packets must not have expired",
            "Waiver '{0}' expired on {1} (today is {2}); renew it with a new approval date or finish the work without it",
            Decisions, GovernanceSeverity.Error,
            "Waivers expire: an expired waiver no longer covers the scope it granted, yet the packet is still being worked on. The date of today comes from the host (governance check --today, the GovernanceToday MSBuild property), never from the engine's clock.",
            "seed 003 Part 1 [CX-600B] (Waiver Audit Trail: expire at phase boundary)");

        /// <summary>GOV610: a relative link or heading anchor between governance documents that leads nowhere.</summary>
        public static readonly RuleDescriptor BrokenLink = new RuleDescriptor(
            "GOV610", "Links between governance documents must resolve",
            "Link '{0}' is broken: {1}",
            Decisions, GovernanceSeverity.Warning,
            "Packets, the task board, ADRs and the spec cite each other by relative links and heading anchors. A renamed file or heading breaks them silently, and a reader (or an agent following the protocol) lands nowhere.",
            "CommonMark 0.31 §6.3 (links), §4.7 (link reference definitions); GitHub heading anchors; markdownlint MD051 (same-file fragments)");

        /// <summary>GOV611: a declared dependency missing from the OSS register.</summary>
        public static readonly RuleDescriptor DependencyNotRegistered = new RuleDescriptor(
            "GOV611", "Dependencies must be in the OSS register",
            "Dependency '{0}' ({1}) is not in the OSS register {2}; add a row with its license, integration mode, scope and purpose",
            Decisions, GovernanceSeverity.Error,
            "The OSS register is the repository's bill of materials: every dependency with its license, integration mode and purpose, so that copyleft or unvetted code is caught before it ships. A dependency added without a register row bypasses that review.",
            "seed 003 Part 1 [CX-600B] (Supply Chain Safety: Maintain OSS_REGISTER.md; block un-vetted dependencies)")
        {
            // Where the dependency is declared ("PackageReference 1.2.0 of App.csproj"): a version
            // bump is the same finding, and the CLI (project files read as written) and the build
            // (@(PackageReference) evaluated) say it differently.
            LocationArguments = new[] { 1 },
        };

        /// <summary>GOV701: NotImplementedException thrown in shipping code.</summary>
        public static readonly RuleDescriptor NotImplementedThrown = new RuleDescriptor(
            "GOV701", "Shipping code must not throw NotImplementedException",
            "'{0}' throws NotImplementedException; implement it, or take it out of the packet's DONE_MEANS",
            Source, GovernanceSeverity.Error,
            "A stub that throws NotImplementedException compiles, passes a build and fails at run time: the placeholder the Anti-Vibe Guard audits every submission for. Test projects and samples are exempt (source.exclude).",
            "seed 003 Part 1 [CX-600B] (Anti-Vibe Guard)");

        /// <summary>GOV702: TODO/FIXME/HACK comment without an issue reference.</summary>
        public static readonly RuleDescriptor TodoWithoutIssue = new RuleDescriptor(
            "GOV702", "TODO comments must reference an issue",
            "{0} comment has no issue reference; write {0}(ISSUE-123) or {0} #123 (source.issueReference: {1})",
            Source, GovernanceSeverity.Warning,
            "A TODO without an issue is work nobody tracks: it outlives the packet that left it. With a reference, the remaining work is on the board.",
            "seed 003 Part 1 [CX-600B] (Anti-Vibe Guard), §5.4 (DONE_MEANS)");

        /// <summary>All descriptors, ordered by ID.</summary>
        public static IReadOnlyList<RuleDescriptor> All { get; } = new[]
        {
            InvalidConfiguration, DocumentUnreadable, RuleFailed, InvalidUtf8, UnknownRuleInSuppression, FrontMatterInvalid, BaselineEntryStale, BaselineInvalid, TextDoubleEncoded,
            PacketFileName, RequiredSectionMissing, SectionOrder, RequiredFieldMissing, TaskIdMismatch,
            DuplicateTaskId, FieldValueNotAllowed, DateNotIso8601, ListCountOutOfRange, UnfilledPlaceholder,
            MissingUserSignature, TestPlanWithoutCommand, PacketFormsDisagree,
            SpecAnchorMissing, SpecAnchorUnparsable, SpecAnchorUnresolved, SpecAnchorNotMainBody, SpecAnchorDrift,
            DoneMeansUnmapped, UncoveredMust, UncoveredShould, DoneMeansNotMeasurable,
            SpecCurrentInvalid, SpecNumberingInconsistent,
            DependencyUnknown, DependencyCycle, BlockerNotValidated, BoardStatusMismatch, PacketNotOnBoard, BoardEntryWithoutPacket, PhaseClosedWithOpenWp,
            StateFileInvalidJson, StateFileSchemaViolation, PlanFutureDependency, PlanUnknownDependency, PlanContextBudget, SessionGapCount, ProgressPhaseOrder, ProgressSummaryLength, ActivePhaseLayerOrder, ActivePhaseHumanGate, ActivePhaseArtifactMissing,
            ScopePathNotExact, ScopePathMissing, ScopePathOutside, ScopePathInAndOut, ChangedOutsideScope,
            MetadataHeaderMissing, MetadataHeaderMalformed, AdrPartsMissing, AdrStatusInvalid, AdrSupersedeBroken, AdrNumberDuplicate, RfcTooShort, PhaseArtifactMissing, LockedPacketEdited, WaiverIncomplete, WaiverExpired, BrokenLink, DependencyNotRegistered,
            NotImplementedThrown, TodoWithoutIssue,
        }.OrderBy(d => d.Id, System.StringComparer.Ordinal).ToArray();

        private static readonly Dictionary<string, RuleDescriptor> ById = All.ToDictionary(d => d.Id, System.StringComparer.OrdinalIgnoreCase);

        /// <summary>The descriptor with this ID (case-insensitive), or null.</summary>
        public static RuleDescriptor? Find(string id) => ById.TryGetValue(id, out var d) ? d : null;
    }
}
