namespace Orchestrator.Governance.Diagnostics
{
    /// <summary>
    /// What the engine itself reports, not a rule: a configuration, a document or a baseline it
    /// cannot use (GOV0xx), and a state file whose JSON does not parse or does not match its schema
    /// (GOV310, GOV311), all found while admitting documents, before any rule runs. Every rule
    /// declares its own descriptor beside its code (Rules/); <c>Rules.RuleCatalog</c> lists both.
    /// </summary>
    public static class EngineDiagnostics
    {
        /// <summary>GOV001: governance.yml does not validate against the configuration schema.</summary>
        public static readonly RuleDescriptor InvalidConfiguration = new RuleDescriptor(
            "GOV001", "Governance configuration is invalid",
            "Invalid governance configuration: {0}; the default profile applies",
            "Governance.Engine", GovernanceSeverity.Error,
            "governance.yml must be valid YAML that matches schemas/governance.schema.json. When it is not, the engine reports where and runs with the default profile.",
            "schemas/governance.schema.json");

        /// <summary>GOV002: a document could not be read, is larger than the limit, or has a shape the parser would take more than linear time on; an error, so a document left unchecked fails the check.</summary>
        public static readonly RuleDescriptor DocumentUnreadable = new RuleDescriptor(
            "GOV002", "Governance document could not be analyzed",
            "Document skipped: {0}",
            "Governance.Engine", GovernanceSeverity.Error,
            "A governance document that cannot be read, is larger than limits.maxDocumentBytes, is binary, has a shape the Markdown parser would take more than linear time on, or that a parser refuses is skipped with this diagnostic instead of slowing or crashing the build. It is an error: a document the gate could not judge must not pass it.",
            "GUIDE.md §2 (engine)");

        /// <summary>GOV003: a rule, or the engine's reading of a document, threw; an error, so a check that could not finish fails.</summary>
        public static readonly RuleDescriptor RuleFailed = new RuleDescriptor(
            "GOV003", "A governance rule failed",
            "{0} failed and was skipped, so this document's findings are incomplete: {1}",
            "Governance.Engine", GovernanceSeverity.Error,
            "A rule that throws, or the engine failing to read a document, is reported here, naming what failed and the exception; the other rules and documents still run. It is an error: a check that could not finish must not pass. Please report it as a bug.",
            "GUIDE.md §2 (rules)");

        /// <summary>GOV004: the file is not valid UTF-8.</summary>
        public static readonly RuleDescriptor InvalidUtf8 = new RuleDescriptor(
            "GOV004", "Document is not valid UTF-8",
            "{0} is not valid UTF-8; the file mixes encodings (save it as UTF-8)",
            "Governance.Engine", GovernanceSeverity.Warning,
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
            "Governance.Engine", GovernanceSeverity.Warning,
            "A governance-disable comment that names a rule that does not exist suppresses nothing, usually because of a typo.",
            "docs/suppressions.md");

        /// <summary>GOV006: a Markdown document's YAML front matter that a rule reads is not valid YAML.</summary>
        public static readonly RuleDescriptor FrontMatterInvalid = new RuleDescriptor(
            "GOV006", "YAML front matter must be valid YAML",
            "The YAML front matter is not valid YAML: {0}; its keys from here on are not read",
            "Governance.Engine", GovernanceSeverity.Warning,
            "The front matter of an ADR (MADR's status) or of a Markdown file whose metadata header it holds (description, orchestration) is read with a YAML parser. Where the YAML breaks, the keys after the break are not read, so the ADR and header rules may find a status or header missing; this says why, at the place the parser stopped.",
            "YAML 1.2 §9.2 (documents); MADR 3.0 front matter");

        /// <summary>GOV007: a baseline entry that no longer matches as many diagnostics as it records.</summary>
        public static readonly RuleDescriptor BaselineEntryStale = new RuleDescriptor(
            "GOV007", "Baseline entries must still match a diagnostic",
            "Baseline entry {0} for {1} records {2} diagnostic(s) but matches {3}; run 'governance baseline --prune' to remove what was fixed",
            "Governance.Engine", GovernanceSeverity.Warning,
            "A baseline records the findings a repository had when it adopted the analyzer, so that only new ones fail the build. An entry whose finding has been fixed would hide the same defect if it came back; pruning it keeps the baseline as small as the debt it records.",
            "GUIDE.md §2 (engine: the baseline); PHPStan baseline, ESLint bulk suppressions");

        /// <summary>GOV008: the baseline file cannot be used.</summary>
        public static readonly RuleDescriptor BaselineInvalid = new RuleDescriptor(
            "GOV008", "Baseline must be valid",
            "Baseline {0} is not used: {1}; every diagnostic is reported until it is fixed",
            "Governance.Engine", GovernanceSeverity.Error,
            "A baseline that is not valid JSON, does not match schemas/baseline.schema.json, or cannot be read is ignored as a whole: nothing is suppressed by accident, and this error says why.",
            "schemas/baseline.schema.json");

        /// <summary>GOV009: the document's text is double-encoded (UTF-8 read as Windows-1252 and saved again).</summary>
        public static readonly RuleDescriptor TextDoubleEncoded = new RuleDescriptor(
            "GOV009", "Document text must not be double-encoded (mojibake)",
            "The text was saved through a wrong encoding (UTF-8 read as Windows-1252): '{0}' is read as '{1}'; save the file as UTF-8 with the repaired text",
            "Governance.Engine", GovernanceSeverity.Warning,
            "Text saved through a wrong encoding turns § into Â§ and — into â€”, so anchors, headings and keys no longer read as written. The engine reads such text repaired, so the rules still work, and reports it once per document, at the first place.",
            "RFC 3629 §4 (UTF-8 byte sequences); WHATWG Encoding, windows-1252");

        /// <summary>GOV310: a state file is not valid JSON.</summary>
        public static readonly RuleDescriptor StateFileInvalidJson = new RuleDescriptor(
            "GOV310", "State file must be valid JSON",
            "{0} is not valid JSON: {1}",
            "Governance.State", GovernanceSeverity.Error,
            "An orchestrator that cannot parse its state cannot resume (seed 000 Resume Protocol, seed 004 Checkpoint Recovery). Nesting deeper than limits.maxJsonDepth is refused the same way.",
            "seeds 000, 002, 004; RFC 8259");

        /// <summary>GOV311: a state file violates its JSON Schema.</summary>
        public static readonly RuleDescriptor StateFileSchemaViolation = new RuleDescriptor(
            "GOV311", "State file must match its schema",
            "{0} does not match {1}: {2}",
            "Governance.State", GovernanceSeverity.Error,
            "Each kind of state file has the fields its protocol reads; the schemas are in schemas/state/. Reported at the offending value.",
            "seeds 000, 002, 004; JSON Schema draft-07");

        /// <summary>The engine's descriptors, ordered by ID.</summary>
        public static System.Collections.Generic.IReadOnlyList<RuleDescriptor> All { get; } = new[]
        {
            InvalidConfiguration, DocumentUnreadable, RuleFailed, InvalidUtf8, UnknownRuleInSuppression, FrontMatterInvalid, BaselineEntryStale, BaselineInvalid, TextDoubleEncoded, StateFileInvalidJson, StateFileSchemaViolation,
        };
    }
}
