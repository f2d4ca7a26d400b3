using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Model;
using Orchestrator.Governance.Rules;
using Orchestrator.Governance.Model.Spec;
using Orchestrator.Governance.Rules.Spec;
using Orchestrator.Governance.Rules.TaskPackets;
using Orchestrator.Governance.Suppressions;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Engine
{
    /// <summary>
    /// The governance engine: documents in (repository-relative path and text), diagnostics out. It
    /// reads no files, opens no network connection, reads no clock and no environment, and gives
    /// the same output for the same input. Flow: configuration (defaults + governance.yml) →
    /// classify documents by glob → skip unreadable or too large ones (GOV002) → note invalid UTF-8
    /// (GOV004) → parse each task packet once with Markdig → index TASK_IDs across packets and
    /// read the current spec (SPEC_CURRENT.md) once → run every rule on every packet and the
    /// repository rules once (a rule that throws becomes GOV003) → inline suppressions →
    /// severities from configuration → sort.
    /// </summary>
    public static class GovernanceEngine
    {
        /// <summary>The task packet rules (<see cref="RuleCatalog.TaskPacketRules"/>).</summary>
        public static IReadOnlyList<TaskPacketRule> TaskPacketRules => RuleCatalog.TaskPacketRules;

        /// <summary>Analyzes <paramref name="documents"/>; never throws for any document content.</summary>
        public static GovernanceResult Analyze(IEnumerable<DocumentInput> documents, AnalysisOptions? options = null) =>
            Analyze(documents, options, TaskPacketRules);

        /// <summary>Analyzes with a given rule set (tests inject a failing rule to check GOV003).</summary>
        internal static GovernanceResult Analyze(IEnumerable<DocumentInput> documents, AnalysisOptions? options, IReadOnlyList<TaskPacketRule> rules)
        {
            options ??= new AnalysisOptions();

            // 0. Text saved through a wrong encoding (Â§ for §) is read repaired; diagnostics are
            //    mapped back to the file's own offsets at the end, and GOV009 says where it starts.
            var repairs = new Dictionary<string, Text.Mojibake>(StringComparer.Ordinal);
            var inputs = documents
                .GroupBy(d => d.Path, StringComparer.Ordinal)
                .Select(g => g.First())
                .OrderBy(d => d.Path, StringComparer.Ordinal)
                .Select(d => Repair(d, repairs))
                .ToList();
            var byPath = inputs.ToDictionary(d => d.Path, StringComparer.Ordinal);
            var diagnostics = new List<GovernanceDiagnostic>();

            // 1. Configuration.
            string configPath = DocumentInput.NormalizePath(options.ConfigPath);
            var configDoc = inputs.FirstOrDefault(d => string.Equals(d.Path, configPath, StringComparison.Ordinal));
            var config = ConfigLoader.Load(configDoc?.Text, Orchestrator.Governance.Rules.RuleCatalog.Exists, out var problems);
            // A configuration the host could not or would not read (a FIFO, a link out of the repository): GOV002, defaults apply.
            if (configDoc != null && configDoc.Text == null) Admit(configDoc, config, diagnostics, "YAML");
            if (configDoc?.Text != null)
            {
                var lines = new Text.LineMap(configDoc.Text);
                foreach (var problem in problems)
                {
                    int start = lines.GetLineStart(Math.Min(problem.Line, lines.LineCount)) + problem.Column - 1;
                    int end = start;
                    while (end < configDoc.Text.Length && configDoc.Text[end] != '\n' && configDoc.Text[end] != '\r') end++;
                    diagnostics.Add(new GovernanceDiagnostic(EngineDiagnostics.InvalidConfiguration, configDoc.Path, lines.GetSpan(start, end - start), EngineDiagnostics.InvalidConfiguration.DefaultSeverity, new[] { problem.Message }));
                }
            }

            var profile = new TaskPacketProfile(config.TaskPacket, config.Dependencies.DependsOn.Concat(config.Dependencies.Blocks).Concat(new[] { "SPEC_BASELINE", "SPEC_TARGET" }));
            bool inlineConfig = options.InlineConfig ?? config.InlineConfig;

            // 2. Classify, read, parse.
            var classifier = new DocumentClassifier(config);
            var packetPaths = classifier.TaskPackets(inputs.Select(d => d.Path));
            var packets = new List<TaskPacket>();
            var linkSources = new LinkSources(classifier.Links(inputs.Select(d => d.Path)));
            var suppressions = new Dictionary<string, InlineSuppressions>(StringComparer.Ordinal);
            foreach (var input in inputs.Where(d => packetPaths.Contains(d.Path)))
            {
                var packet = Read(input, profile, config, diagnostics, inlineConfig ? suppressions : null, linkSources);
                if (packet == null) continue;
                packets.Add(packet);
            }

            // One packet, two forms (data and its generated Markdown, same folder and ID): the rules
            // read the authoritative one (taskPacket.authoritative); GOV113 compares the other to it.
            var forms = PacketForms.Pair(packets, config.TaskPacket.Authoritative);
            foreach (var pair in forms) packets.Remove(pair.Other);

            // 3. Cross-document facts, built once: TASK_IDs, the current spec (parsed once, cached by
            //    content across analyses) and each packet's resolved anchors.
            var specContext = SpecContext.Build(inputs, new SpecProfile(config.Spec), config.Limits.MaxDocumentBytes, options.ReuseParsedSpec, options.RepositoryFiles);
            if (inlineConfig && specContext.Spec != null) suppressions[specContext.Spec.Path] = specContext.Spec.Suppressions;
            // The task board (parsed once) and the dependency graph over all packets.
            string boardPath = DocumentInput.NormalizePath(config.Board.Path);
            // Like every document: GOV002 when unreadable, over the size limit or binary.
            var boardInput = inputs.FirstOrDefault(d => d.Path == boardPath);
            Model.Board.TaskBoard? board = null;
            if (boardInput != null && AdmitAndParse(boardInput, config, diagnostics, linkSources) is ParsedMarkdown boardDoc)
            {
                board = Model.Board.TaskBoard.Read(boardDoc, config.Board);
                if (inlineConfig) suppressions[boardDoc.Path] = InlineSuppressions.Read(boardDoc);
            }

            var topology = Model.Board.Topology.Build(packets, profile, board, config.Dependencies);
            var repositoryFiles = options.RepositoryFiles == null ? null : new Model.Scope.RepositoryFiles(options.RepositoryFiles);
            var facts = IndexBuilder(packets, profile, specContext, topology, config, repositoryFiles, options);

            // Architecture decision records (GOV601-GOV604), each parsed once. GOV006 once per
            // document whose front matter a rule reads (ADRs here, headers below).
            var frontMatterRead = new HashSet<string>(StringComparer.Ordinal);
            var adrs = new List<Model.Decisions.AdrDocument>();
            foreach (var path in classifier.Adrs(inputs.Select(d => d.Path)))
            {
                if (!(AdmitAndParse(byPath[path], config, diagnostics, linkSources) is ParsedMarkdown doc)) continue;
                if (inlineConfig && !suppressions.ContainsKey(doc.Path)) suppressions[doc.Path] = InlineSuppressions.Read(doc);
                var adr = Model.Decisions.AdrDocument.Read(doc, Model.Decisions.AdrDocument.NumberOf(path)!.Value);
                adrs.Add(adr);
                ReportFrontMatter(doc.Path, doc.Text, adr.FrontMatter, frontMatterRead, diagnostics);
            }

            facts.Adrs = adrs;
            facts.AdrConfig = config.Adr;

            // RFC technical designs (GOV605): only their text is judged.
            var rfcs = new List<TextDocument>();
            foreach (var path in classifier.Rfcs(inputs.Select(d => d.Path)))
            {
                if (!(AdmitAndParse(byPath[path], config, diagnostics, linkSources) is ParsedMarkdown doc)) continue;
                if (inlineConfig && !suppressions.ContainsKey(doc.Path)) suppressions[doc.Path] = InlineSuppressions.Read(doc);
                rfcs.Add(doc.WithoutTree());
            }

            facts.Rfcs = rfcs;

            // The OSS register and the dependency files whose entries it must list (GOV611).
            var allPaths = inputs.Select(d => d.Path).ToList();
            if (classifier.OssRegister(allPaths, config.Documents.OssRegister.Include) is string registerPath
                && AdmitAndParse(byPath[registerPath], config, diagnostics, linkSources) is ParsedMarkdown register)
            {
                if (inlineConfig && !suppressions.ContainsKey(register.Path)) suppressions[register.Path] = InlineSuppressions.Read(register);
                facts.OssRegister = Model.Oss.OssRegister.Read(register, config.Oss.NameColumns);
            }

            var manifests = new List<(TextDocument Document, List<Model.Oss.Dependency> Dependencies)>();
            foreach (var path in classifier.OssManifests(allPaths))
            {
                var input = byPath[path];
                if (!Admit(input, config, diagnostics, "text")) continue;
                var document = new TextDocument(path, input.Text!);
                manifests.Add((document, Model.Oss.DependencyManifest.Read(document)));
            }

            facts.DependencyFiles = manifests;
            facts.PackageReferences = options.PackageReferences;

            // Links between documents (GOV610): the documents documents.links names that no other
            // kind has parsed already are parsed here, once.
            foreach (var path in linkSources.Paths.Where(p => !linkSources.Attempted.Contains(p)).ToList())
            {
                if (!(AdmitAndParse(byPath[path], config, diagnostics, linkSources) is ParsedMarkdown doc)) continue;
                if (inlineConfig && !suppressions.ContainsKey(doc.Path)) suppressions[doc.Path] = InlineSuppressions.Read(doc);
            }

            facts.Links = linkSources.Found;
            facts.PacketForms = forms;
            facts.DocumentPaths = new HashSet<string>(inputs.Select(d => d.Path), StringComparer.Ordinal);

            // 4. Rules. Orchestration state files (seeds 000, 002, 004) first: each parsed once and
            //    checked by the rules of its kind; the first active phase file and the first lock
            //    manifest are also facts the repository and packet rules read (GOV606, GOV607).
            var found = new List<GovernanceDiagnostic>();
            foreach (var entry in classifier.StateFiles(inputs.Select(d => d.Path)))
            {
                var input = byPath[entry.Key];
                var state = AnalyzeStateFile(input, entry.Value, config, repositoryFiles?.Files, diagnostics, found);
                if (state?.Root != null && entry.Value == Model.State.StateKind.ActivePhase && facts.ActivePhase == null) facts.ActivePhase = state;
                if (state?.Root != null && entry.Value == Model.State.StateKind.LockManifest && facts.Locks == null)
                {
                    facts.Locks = Model.Locks.LockManifest.From(state.Root);
                    facts.LockManifestPath = state.Path;
                }
            }

            // Every fact is in: the index the packet and repository rules read, which no longer changes.
            var index = facts.Build();

            foreach (var packet in packets)
            {
                foreach (var rule in rules)
                    Run(rule.Descriptor, packet.Path, packet.AnchorSpan, found, sink => rule.Analyze(new RuleContext(packet, profile, index, sink, rule.Descriptor)));
            }

            foreach (var rule in RuleCatalog.RepositoryRules)
                Run(rule.Descriptor, specContext.PointerDocument?.Path ?? configPath, FileStart, found, sink => rule.Analyze(new RepositoryRuleContext(index, profile, sink, rule.Descriptor)));

            // Metadata headers (seed 000 §3) on the files headers.include names. A packet or state
            // file that could not be admitted has had its GOV002 already.
            var stateFiles = classifier.StateFiles(inputs.Select(d => d.Path));
            foreach (var path in classifier.HeaderFiles(inputs.Select(d => d.Path)))
            {
                var input = byPath[path];
                bool admitted = packetPaths.Contains(path) || stateFiles.ContainsKey(path)
                    ? input.Text != null && input.Text.Length <= config.Limits.MaxDocumentBytes && input.Text.IndexOf('\0') < 0
                    : Admit(input, config, diagnostics, "text");
                if (!admitted) continue;
                AnalyzeHeader(input, config, found);
                if (Model.Headers.CommentStyle.ForPath(path, config.Headers.Styles)?.AllowedPreamble == Model.Headers.CommentStyle.Preamble.FrontMatter && !frontMatterRead.Contains(path))
                    ReportFrontMatter(path, input.Text!, YamlFrontMatter.Read(input.Text!), frontMatterRead, diagnostics);
            }

            // 5. Inline suppressions: GOV005 for unknown IDs, then filter.
            foreach (var entry in suppressions)
            {
                foreach (var reference in entry.Value.References)
                {
                    if (RuleCatalog.Find(reference.RuleId) == null)
                        diagnostics.Add(new GovernanceDiagnostic(EngineDiagnostics.UnknownRuleInSuppression, entry.Key, reference.Span, EngineDiagnostics.UnknownRuleInSuppression.DefaultSeverity, new[] { reference.RuleId, reference.Directive }));
                }
            }

            // A comment suppresses any rule on its lines: the rules' diagnostics and the engine's own
            // about a document it read (GOV004, GOV006); a document it could not read has no comments.
            diagnostics.AddRange(found);

            // GOV009 once for each repaired document that was read as a governance document.
            if (repairs.Count > 0)
            {
                var read = new HashSet<string>(packets.Select(p => p.Path), StringComparer.Ordinal) { configPath };
                read.UnionWith(linkSources.Attempted);
                read.UnionWith(stateFiles.Keys);
                read.UnionWith(classifier.HeaderFiles(inputs.Select(d => d.Path)));
                read.UnionWith(manifests.Select(m => m.Document.Path));
                if (specContext.Spec != null) read.Add(specContext.Spec.Path);
                read.UnionWith(specContext.Modules.Select(m => m.Path));
                read.UnionWith(specContext.Manifests);
                if (specContext.PointerDocument != null) read.Add(specContext.PointerDocument.Path);
                foreach (var entry in repairs.Where(r => read.Contains(r.Key)))
                {
                    var (original, repaired) = entry.Value.FirstExample();
                    var span = new Text.LineMap(entry.Value.Text).GetSpan(entry.Value.ToRepaired(entry.Value.FirstStart), repaired.Length);
                    diagnostics.Add(new GovernanceDiagnostic(EngineDiagnostics.TextDoubleEncoded, entry.Key, span, EngineDiagnostics.TextDoubleEncoded.DefaultSeverity, new[] { original, repaired }));
                }
            }

            // 6. Severities from configuration; 7. a stable order. Spans in repaired text are
            //    mapped back to the file's offsets, lines and columns.
            var originalLines = new Dictionary<string, Text.LineMap>(StringComparer.Ordinal);
            var fenceMaps = new System.Collections.Concurrent.ConcurrentDictionary<string, SuppressionFixes.FenceMap>(StringComparer.Ordinal);
            var result = new List<GovernanceDiagnostic>(diagnostics.Count);
            foreach (var reported in diagnostics)
            {
                var d = reported;
                if (suppressions.TryGetValue(d.Path, out var inline) && inline.IsSuppressed(d.Id, d.Span.StartLine)) continue;
                var severity = config.SeverityOf(d.Descriptor);
                if (severity == GovernanceSeverity.None) continue;
                // A spec of modules is read as one text: back to the module and its own lines.
                if (specContext.IsModular && d.Path == specContext.Spec!.Path)
                {
                    var (modulePath, moduleSpan) = specContext.Locate(d.Span);
                    d = d.At(modulePath, moduleSpan);
                }

                if (repairs.TryGetValue(d.Path, out var repair))
                {
                    if (!originalLines.TryGetValue(d.Path, out var lines)) originalLines[d.Path] = lines = new Text.LineMap(repair.Original);
                    int start = repair.ToOriginal(d.Span.Start);
                    d = d.WithSpan(lines.GetSpan(start, repair.ToOriginal(d.Span.End) - start));
                    if (d.Fixes.Count > 0) d = d.WithFixes(d.Fixes.Select(f => MapFix(f, d.Path, repair)).ToList());
                }

                // "Suppress on this line", where an inline comment is read (Markdown documents).
                if (suppressions.ContainsKey(reported.Path))
                {
                    string? original = repairs.TryGetValue(d.Path, out var r) ? r.Original : byPath.TryGetValue(d.Path, out var input) ? input.Text : null;
                    if (original != null) d = d.WithMoreFixesLater(x => SuppressionFixes.For(x, original, fenceMaps));
                }

                result.Add(severity == d.Severity ? d : d.WithSeverity(severity));
            }

            result.Sort(Compare);

            // 8. Fingerprints, then the baseline: what it covers is set aside, stale entries are
            //    GOV007, and a baseline that cannot be used is GOV008 and covers nothing.
            for (int i = 0; i < result.Count; i++)
            {
                string? text = repairs.TryGetValue(result[i].Path, out var repaired) ? repaired.Original : byPath.TryGetValue(result[i].Path, out var doc) ? doc.Text : null;
                result[i] = result[i].WithFingerprint(Baseline.DiagnosticFingerprint.Compute(result[i], text));
            }
            string baselinePath = DocumentInput.NormalizePath(options.BaselinePath);
            if (!options.ApplyBaseline || !byPath.TryGetValue(baselinePath, out var baselineInput))
                return new GovernanceResult(result, config, packets, specContext, profile, topology);

            string? onlyElsewhere = options.PackageReferencesOfOneProject ? index.OssRegister?.Path : null;
            var (applied, baselined, unusable) = ApplyBaseline(baselineInput, result, config, onlyElsewhere);
            if (unusable != null)
            {
                unusable.AddRange(result);
                unusable.Sort(Compare);
                return new GovernanceResult(unusable, config, packets, specContext, profile, topology);
            }

            return new GovernanceResult(applied, config, packets, specContext, profile, topology, baselined, baselinePath);
        }

        /// <summary>
        /// Applies the baseline document to <paramref name="diagnostics"/> (sorted, fingerprinted):
        /// the new ones with GOV007 for stale entries, the baselined ones, and, when the baseline
        /// cannot be used, the GOV008 diagnostics (non-null, possibly empty when GOV008 is configured
        /// off: the baseline is still not applied, so nothing is hidden).
        /// </summary>
        private static (List<GovernanceDiagnostic> Fresh, List<GovernanceDiagnostic> Baselined, List<GovernanceDiagnostic>? Unusable) ApplyBaseline(DocumentInput input, List<GovernanceDiagnostic> diagnostics, GovernanceConfig config, string? packageRegisterOfOneProject)
        {
            var problems = new List<GovernanceDiagnostic>();
            var invalid = EngineDiagnostics.BaselineInvalid;
            var invalidSeverity = config.SeverityOf(invalid);
            void Problem(Text.SourceSpan span, string reason)
            {
                // A severity of none silences the report, never the refusal: an unusable baseline covers nothing.
                if (invalidSeverity == GovernanceSeverity.None) return;
                var d = new GovernanceDiagnostic(invalid, input.Path, span, invalidSeverity, new[] { input.Path, reason });
                problems.Add(d.WithFingerprint(Baseline.DiagnosticFingerprint.Compute(d, input.Text)));
            }

            Baseline.GovernanceBaseline? baseline = null;
            if (input.Text == null) Problem(FileStart, input.UnreadableReason ?? "the host could not read it");
            else if (Math.Max(input.SizeInBytes, input.Text.Length) > config.Limits.MaxDocumentBytes)
                Problem(FileStart, string.Format(CultureInfo.InvariantCulture, "{0} bytes is more than limits.maxDocumentBytes ({1})", Math.Max(input.SizeInBytes, input.Text.Length), config.Limits.MaxDocumentBytes));
            else
            {
                baseline = Baseline.GovernanceBaseline.Read(input.Path, input.Text, config.Limits.MaxJsonDepth, out var read);
                foreach (var p in read) Problem(p.Span, p.IsSyntax ? "it is not valid JSON: " + p.Message : "it does not match schemas/baseline.schema.json: " + p.Message);
                if (baseline == null && read.Count == 0) Problem(FileStart, "it is not a baseline object");
                if (baseline != null && baseline.Duplicates.Count > 0)
                {
                    foreach (var (repeat, first) in baseline.Duplicates)
                        Problem(repeat.Span, string.Format(CultureInfo.InvariantCulture, "the entry at line {0} repeats the path, rule and fingerprint of the entry at line {1} ({2}, {3}); merge them into one entry with the sum of their counts, or run 'governance baseline' again", repeat.Span.StartLine, first.Span.StartLine, repeat.Path, repeat.RuleId));
                    baseline = null;
                }
            }

            if (baseline == null) return (new List<GovernanceDiagnostic>(), new List<GovernanceDiagnostic>(), problems);

            baseline.Apply(diagnostics, out var fresh, out var baselined, out var stale);
            var rule = EngineDiagnostics.BaselineEntryStale;
            var severity = config.SeverityOf(rule);
            if (severity != GovernanceSeverity.None)
            {
                foreach (var (entry, matched) in stale)
                {
                    // A package reference another project's build reports (AnalysisOptions.PackageReferencesOfOneProject).
                    if (packageRegisterOfOneProject != null && entry.RuleId == Rules.Decisions.GOV611DependencyNotRegistered.Rule.Id && entry.Path == packageRegisterOfOneProject) continue;
                    var d = new GovernanceDiagnostic(rule, input.Path, entry.Span, severity, new[]
                    {
                        entry.RuleId, entry.Path, entry.Count.ToString(CultureInfo.InvariantCulture), matched.ToString(CultureInfo.InvariantCulture),
                    });
                    fresh.Add(d.WithFingerprint(Baseline.DiagnosticFingerprint.Compute(d, input.Text)));
                }

                fresh.Sort(Compare);
            }

            return (fresh, baselined, null);
        }

        /// <summary>A fix computed on repaired text, its edits in <paramref name="path"/> moved to the file's own offsets.</summary>
        private static GovernanceFix MapFix(GovernanceFix fix, string path, Text.Mojibake repair) =>
            new GovernanceFix(fix.Title, fix.Edits.Select(e => e.Path != path ? e : new TextEdit(e.Path, repair.ToOriginal(e.Start), repair.ToOriginal(e.End) - repair.ToOriginal(e.Start), e.NewText)).ToList(), fix.IsSuppression);

        /// <summary>The input with its double-encoded text repaired (<see cref="Text.Mojibake"/>), recording the repair; the input itself when there is none.</summary>
        private static DocumentInput Repair(DocumentInput input, Dictionary<string, Text.Mojibake> repairs)
        {
            if (input.Text == null || input.Text.IndexOf('\0') >= 0) return input;
            var repair = Text.Mojibake.Find(input.Text);
            if (repair == null) return input;
            repairs[input.Path] = repair;
            return DocumentInput.FromText(input.Path, repair.Text, input.InvalidUtf8, input.SizeInBytes);
        }

        /// <summary>GOV002 for a document the host could not read, one over the size limit, or a binary one; true when it can be parsed.</summary>
        private static bool Admit(DocumentInput input, GovernanceConfig config, List<GovernanceDiagnostic> diagnostics, string format)
        {
            var point = new Text.SourceSpan(0, 0, 1, 1, 1, 1);
            if (input.Text == null)
            {
                diagnostics.Add(new GovernanceDiagnostic(EngineDiagnostics.DocumentUnreadable, input.Path, point, EngineDiagnostics.DocumentUnreadable.DefaultSeverity,
                    new[] { input.UnreadableReason ?? "the host could not read it" }));
                return false;
            }

            long size = Math.Max(input.SizeInBytes, input.Text.Length);
            if (size > config.Limits.MaxDocumentBytes)
            {
                diagnostics.Add(new GovernanceDiagnostic(EngineDiagnostics.DocumentUnreadable, input.Path, point, EngineDiagnostics.DocumentUnreadable.DefaultSeverity,
                    new[] { string.Format(CultureInfo.InvariantCulture, "{0} bytes is more than limits.maxDocumentBytes ({1})", size, config.Limits.MaxDocumentBytes) }));
                return false;
            }

            if (input.Text.IndexOf('\0') >= 0)
            {
                // NUL never appears in text: this is a binary file with a text file's name.
                diagnostics.Add(new GovernanceDiagnostic(EngineDiagnostics.DocumentUnreadable, input.Path, point, EngineDiagnostics.DocumentUnreadable.DefaultSeverity,
                    new[] { "it holds NUL bytes, so it is a binary file, not " + format }));
                return false;
            }

            return true;
        }

        /// <summary>Reads one state file: GOV002/GOV004 as for packets, GOV310/GOV311 for its JSON and schema, then the rules of its kind.</summary>
        private static Model.State.StateDocument? AnalyzeStateFile(DocumentInput input, Model.State.StateKind kind, GovernanceConfig config, ISet<string>? repositoryFiles, List<GovernanceDiagnostic> diagnostics, List<GovernanceDiagnostic> found)
        {
            if (!Admit(input, config, diagnostics, "JSON")) return null;
            var state = Model.State.StateDocument.Read(input.Path, kind, input.Text!, config.Limits.MaxJsonDepth);
            if (input.InvalidUtf8 != null)
            {
                var bad = input.InvalidUtf8;
                int start = state.Lines.GetLineStart(bad.Line) + bad.Column - 1;
                diagnostics.Add(new GovernanceDiagnostic(EngineDiagnostics.InvalidUtf8, input.Path, state.Lines.GetSpan(start, 1), EngineDiagnostics.InvalidUtf8.DefaultSeverity, new[] { bad.Describe() }));
            }

            string schema = Model.State.StateDocument.SchemaResource(kind);
            foreach (var problem in state.Problems)
            {
                var rule = problem.IsSyntax ? EngineDiagnostics.StateFileInvalidJson : EngineDiagnostics.StateFileSchemaViolation;
                found.Add(new GovernanceDiagnostic(rule, input.Path, problem.Span, rule.DefaultSeverity,
                    problem.IsSyntax ? new[] { input.Path, problem.Message } : new[] { input.Path, schema, problem.Message }));
            }

            if (state.Root == null) return state;
            foreach (var rule in RuleCatalog.StateFileRules.Where(r => r.Kind == kind))
                Run(rule.Descriptor, input.Path, FileStart, found, sink => rule.Analyze(new StateRuleContext(state, config, repositoryFiles, sink, rule.Descriptor)));
            return state;
        }

        /// <summary>GOV401/GOV402 for one file, when its type has a comment syntax (JSON has none and is exempt).</summary>
        private static void AnalyzeHeader(DocumentInput input, GovernanceConfig config, List<GovernanceDiagnostic> found)
        {
            var style = Model.Headers.CommentStyle.ForPath(input.Path, config.Headers.Styles);
            if (style == null) return;
            var document = new TextDocument(input.Path, input.Text!);
            var problem = Model.Headers.MetadataHeader.Check(input.Text!, style, config.Headers.Statuses);
            foreach (var rule in RuleCatalog.HeaderRules)
                Run(rule.Descriptor, input.Path, FileStart, found, sink => rule.Analyze(new HeaderRuleContext(document, style, problem, config.Headers, sink, rule.Descriptor)));
        }

        /// <summary>GOV006 when <paramref name="frontMatter"/> is not valid YAML, at most once per document.</summary>
        private static void ReportFrontMatter(string path, string text, YamlFrontMatter? frontMatter, HashSet<string> read, List<GovernanceDiagnostic> diagnostics)
        {
            if (!read.Add(path) || frontMatter?.Problem == null) return;
            var rule = EngineDiagnostics.FrontMatterInvalid;
            diagnostics.Add(new GovernanceDiagnostic(rule, path, new Text.LineMap(text).GetSpan(frontMatter.ProblemStart, 0), rule.DefaultSeverity, new[] { frontMatter.Problem }));
        }

        /// <summary>The documents whose links GOV610 checks (documents.links), and their links once parsed.</summary>
        private sealed class LinkSources
        {
            public LinkSources(IEnumerable<string> paths) => Paths = new HashSet<string>(paths, StringComparer.Ordinal);

            public HashSet<string> Paths { get; }

            /// <summary>Paths already handed to AdmitAndParse (admitted or not): never parsed twice, never a second GOV002.</summary>
            public HashSet<string> Attempted { get; } = new HashSet<string>(StringComparer.Ordinal);

            public SortedDictionary<string, MarkdownLinks> Found { get; } = new SortedDictionary<string, MarkdownLinks>(StringComparer.Ordinal);
        }

        private static readonly Text.SourceSpan FileStart = new Text.SourceSpan(0, 0, 1, 1, 1, 1);

        /// <summary>
        /// Runs one rule, adding what it reports to <paramref name="found"/>. A rule that throws
        /// becomes GOV003 at <paramref name="at"/> in <paramref name="path"/>, with what it threw,
        /// and the analysis goes on: a rule's bug never reaches the compiler (no AD0001).
        /// </summary>
        private static void Run(RuleDescriptor rule, string path, Text.SourceSpan at, List<GovernanceDiagnostic> found, Action<List<GovernanceDiagnostic>> analyze)
        {
            var sink = new List<GovernanceDiagnostic>();
            try
            {
                analyze(sink);
                found.AddRange(sink);
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                found.Add(new GovernanceDiagnostic(EngineDiagnostics.RuleFailed, path, at, EngineDiagnostics.RuleFailed.DefaultSeverity, new[] { rule.Id, e.GetType().Name + ": " + e.Message }));
            }
        }

        /// <summary>
        /// <see cref="Admit"/>, then Markdig's parse; GOV002 when Markdig refuses pathological
        /// input (e.g. 10,000 nested block quotes) with an exception. Null when not parsed.
        /// </summary>
        private static ParsedMarkdown? AdmitAndParse(DocumentInput input, GovernanceConfig config, List<GovernanceDiagnostic> diagnostics, LinkSources? links = null)
        {
            links?.Attempted.Add(input.Path);
            if (!Admit(input, config, diagnostics, "Markdown")) return null;
            try
            {
                var doc = ParsedMarkdown.Parse(input.Path, input.Text!);
                if (links != null && links.Paths.Contains(doc.Path)) links.Found[doc.Path] = MarkdownLinks.Collect(doc);
                return doc;
            }
            catch (Exception e) when (e is ArgumentException || e is InvalidOperationException || e is IndexOutOfRangeException)
            {
                diagnostics.Add(new GovernanceDiagnostic(EngineDiagnostics.DocumentUnreadable, input.Path, FileStart, EngineDiagnostics.DocumentUnreadable.DefaultSeverity,
                    new[] { "the Markdown parser rejected it: " + e.Message }));
                return null;
            }
        }

        /// <summary>Parses and reads one packet; its inline suppressions are read from the tree, which the packet does not keep.</summary>
        private static TaskPacket? Read(DocumentInput input, TaskPacketProfile profile, GovernanceConfig config, List<GovernanceDiagnostic> diagnostics, Dictionary<string, InlineSuppressions>? suppressions, LinkSources links)
        {
            if (DataPacketReader.IsDataPath(input.Path))
            {
                // A packet kept as data (JSON or YAML): GOV002 when it is not an object of fields.
                links.Attempted.Add(input.Path);
                if (!Admit(input, config, diagnostics, input.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "JSON" : "YAML")) return null;
                var data = new TextDocument(input.Path, input.Text!);
                var packet = DataPacketReader.Read(data, profile, out var problem, out var at);
                if (problem != null)
                    diagnostics.Add(new GovernanceDiagnostic(EngineDiagnostics.DocumentUnreadable, input.Path, at, EngineDiagnostics.DocumentUnreadable.DefaultSeverity, new[] { problem }));
                if (packet != null && input.InvalidUtf8 != null)
                {
                    var bad = input.InvalidUtf8;
                    int start = data.Lines.GetLineStart(bad.Line) + bad.Column - 1;
                    diagnostics.Add(new GovernanceDiagnostic(EngineDiagnostics.InvalidUtf8, input.Path, data.Span(start, 1), EngineDiagnostics.InvalidUtf8.DefaultSeverity, new[] { bad.Describe() }));
                }

                return packet;
            }

            if (!(AdmitAndParse(input, config, diagnostics, links) is ParsedMarkdown doc)) return null;

            if (input.InvalidUtf8 != null)
            {
                var bad = input.InvalidUtf8;
                int start = doc.Lines.GetLineStart(bad.Line) + bad.Column - 1;
                diagnostics.Add(new GovernanceDiagnostic(EngineDiagnostics.InvalidUtf8, input.Path, doc.Span(start, 1), EngineDiagnostics.InvalidUtf8.DefaultSeverity,
                    new[] { bad.Describe() }));
            }

            if (suppressions != null) suppressions[doc.Path] = InlineSuppressions.Read(doc);
            return TaskPacketReader.Read(doc, profile);
        }

        private static Index.RepoIndex.Builder IndexBuilder(List<TaskPacket> packets, TaskPacketProfile profile, SpecContext spec, Model.Board.Topology topology, GovernanceConfig config, Model.Scope.RepositoryFiles? files, AnalysisOptions options)
        {
            var byId = new Dictionary<string, List<TaskPacket>>(StringComparer.Ordinal);
            foreach (var packet in packets)
            {
                var field = PacketFacts.TaskIdField(packet, profile);
                string? id = field == null ? null : PacketFacts.DeclaredId(field);
                if (id == null) continue;
                if (!byId.TryGetValue(id, out var list)) byId[id] = list = new List<TaskPacket>();
                list.Add(packet);
            }

            return new Index.RepoIndex.Builder(config, packets, byId.ToDictionary(e => e.Key, e => (IReadOnlyList<TaskPacket>)e.Value, StringComparer.Ordinal), spec, topology, files,
                options.ChangedFiles?.Select(DocumentInput.ResolveInside).OfType<string>().Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal).ToList(), options.Today?.Date);
        }

        private static int Compare(GovernanceDiagnostic a, GovernanceDiagnostic b)
        {
            int c = string.CompareOrdinal(a.Path, b.Path);
            if (c == 0) c = a.Span.StartLine.CompareTo(b.Span.StartLine);
            if (c == 0) c = a.Span.StartColumn.CompareTo(b.Span.StartColumn);
            if (c == 0) c = string.CompareOrdinal(a.Id, b.Id);
            if (c == 0) c = string.CompareOrdinal(a.Message, b.Message);
            return c;
        }
    }
}
