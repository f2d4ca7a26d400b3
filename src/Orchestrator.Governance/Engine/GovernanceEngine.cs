using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Model;
using Orchestrator.Governance.Rules;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Index;

namespace Orchestrator.Governance.Engine
{
    /// <summary>
    /// The governance engine: documents in (repository-relative path and text), diagnostics out. It
    /// reads no files, opens no network connection, reads no clock and no environment, and gives
    /// the same output for the same input. Three steps and a report: (1) admission
    /// (<see cref="AdmittedDocuments"/>: the configuration, then each document classified by glob,
    /// admitted and parsed once), (2) the index (<see cref="RepoIndex"/>: the facts across documents,
    /// immutable), (3) the rules (<see cref="RuleRunner"/>; a rule that throws becomes GOV003), then
    /// inline suppressions, severities from configuration, a stable order and the baseline.
    /// </summary>
    public static class GovernanceEngine
    {
        /// <summary>The task packet rules (<see cref="RuleCatalog.TaskPacketRules"/>).</summary>
        public static IReadOnlyList<TaskPacketRule> TaskPacketRules => RuleCatalog.TaskPacketRules;

        /// <summary>Analyzes <paramref name="documents"/>; never throws for any document content.</summary>
        public static GovernanceResult Analyze(IEnumerable<DocumentInput> documents, AnalysisOptions? options = null) =>
            Analyze(documents, options, TaskPacketRules);

        /// <summary>
        /// The metadata header rules (GOV401, GOV402; seed 000 §3) on one file that headers.include
        /// names, as the engine runs them on the files it reads: for hosts that hold a file the
        /// engine is not handed (the Roslyn analyzer's C# syntax trees). <paramref name="text"/> may
        /// be the file's first lines only; the diagnostics carry their fixes (edits at offsets of
        /// <paramref name="text"/>), with the rule's default severity, unsuppressed.
        /// </summary>
        public static IReadOnlyList<GovernanceDiagnostic> AnalyzeHeader(string path, string text, Model.Headers.CommentStyle style, HeadersConfig headers)
        {
            var found = new List<GovernanceDiagnostic>();
            RuleRunner.RunHeaderRules(new TextDocument(DocumentInput.NormalizePath(path), text), style, headers, found);
            return found;
        }

        /// <summary>Analyzes with a given rule set (tests inject a failing rule to check GOV003).</summary>
        internal static GovernanceResult Analyze(IEnumerable<DocumentInput> documents, AnalysisOptions? options, IReadOnlyList<TaskPacketRule> rules)
        {
            options ??= new AnalysisOptions();
            if (options.Cache == null) return Analyze(documents, options, rules, null);
            lock (options.Cache.Gate) return Analyze(documents, options, rules, options.Cache);
        }

        private static GovernanceResult Analyze(IEnumerable<DocumentInput> documents, AnalysisOptions options, IReadOnlyList<TaskPacketRule> rules, AnalysisCache? cache)
        {
            // Each document's reading and each rule are guarded where they run (GOV003 at that
            // document, the others stand); what is left (the index across documents, the report) is
            // guarded here, so the engine never throws for any input: an analysis that could not
            // finish is one GOV003 error, never an exception a host might turn into a pass.
            var inputs = documents as IReadOnlyList<DocumentInput> ?? documents.ToList();
            try
            {
                return AnalyzeUnguarded(inputs, options, rules, cache);
            }
            catch (Exception e) when (EngineFailure.IsCaught(e))
            {
                cache?.Reset();
                return Failed(inputs, options, e);
            }
        }

        /// <summary>
        /// The result of an analysis that threw outside any one document: GOV003 at the
        /// configuration (or, without one, the first document by path), with the default profile.
        /// </summary>
        private static GovernanceResult Failed(IReadOnlyList<DocumentInput> inputs, AnalysisOptions options, Exception e)
        {
            var config = ConfigLoader.Load(null, Rules.RuleCatalog.Exists, out _);
            var profile = new TaskPacketProfile(config.TaskPacket, config.Dependencies.DependsOn.Concat(config.Dependencies.Blocks));
            var packets = new TaskPacket[0];
            var spec = Model.Spec.SpecContext.Build(new DocumentInput[0], new Model.Spec.SpecProfile(config.Spec), config.Limits.MaxDocumentBytes);
            var topology = Model.Board.Topology.Build(packets, profile, null, config.Dependencies);
            string configPath = DocumentInput.NormalizePath(options.ConfigPath);
            var paths = inputs.Select(d => d.Path).OrderBy(p => p, StringComparer.Ordinal).ToList();
            var at = paths.Contains(configPath) ? configPath : paths.FirstOrDefault();
            var diagnostics = at == null ? new GovernanceDiagnostic[0] : new[] { EngineFailure.At(at, "The analysis", e) };
            return new GovernanceResult(diagnostics, config, packets, spec, profile, topology);
        }

        private static GovernanceResult AnalyzeUnguarded(IReadOnlyList<DocumentInput> documents, AnalysisOptions options, IReadOnlyList<TaskPacketRule> rules, AnalysisCache? cache)
        {
            // 1. Admission: each document classified, admitted and parsed once (GOV001, GOV002, GOV004, GOV006, GOV310, GOV311).
            var admitted = AdmittedDocuments.Admit(documents, options);
            // 2. The index: every fact across documents, built once and immutable while rules read it.
            options.FaultInjection?.Invoke("(index)");
            var index = BuildIndex(admitted, options, cache);
            // 3. The rules.
            var found = RuleRunner.Run(admitted, index, rules, cache);
            if (cache != null)
            {
                cache.End(admitted.ByPath.Keys);
                cache.PreviousIndex = index;
            }

            return Report(admitted, index, found, options, cache);
        }

        /// <summary>Step 2: the task IDs, the dependency graph and every fact of the admitted documents, in one <see cref="RepoIndex"/>.</summary>
        private static RepoIndex BuildIndex(AdmittedDocuments documents, AnalysisOptions options, AnalysisCache? cache)
        {
            var profile = documents.Profile;
            var byId = new Dictionary<string, List<TaskPacket>>(StringComparer.Ordinal);
            foreach (var packet in documents.Packets)
            {
                var field = PacketFacts.TaskIdField(packet, profile);
                string? id = field == null ? null : PacketFacts.DeclaredId(field);
                if (id == null) continue;
                if (!byId.TryGetValue(id, out var list)) byId[id] = list = new List<TaskPacket>();
                list.Add(packet);
            }

            var config = documents.Config;
            var topology = Model.Board.Topology.Build(documents.Packets, profile, documents.Board, config.Dependencies, cache?.PreviousIndex?.Topology);
            var files = options.RepositoryFiles == null ? null : cache != null ? cache.FilesFor(options.RepositoryFiles) : new Model.Scope.RepositoryFiles(options.RepositoryFiles);
            var changed = options.ChangedFiles?.Select(DocumentInput.ResolveInside).OfType<string>().Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal).ToList();
            var builder = new RepoIndex.Builder(config, profile, documents.Packets, byId.ToDictionary(e => e.Key, e => (IReadOnlyList<TaskPacket>)e.Value, StringComparer.Ordinal), documents.Spec, topology, files, changed, options.Today?.Date)
            {
                Adrs = documents.Adrs,
                AdrConfig = config.Adr,
                Rfcs = documents.Rfcs,
                Stubs = documents.Stubs,
                OssRegister = documents.OssRegister,
                DependencyFiles = documents.Manifests,
                PackageReferences = options.PackageReferences,
                Links = documents.Links.Found,
                PacketForms = documents.Forms,
                Previous = cache?.PreviousIndex,
                TestResults = options.TestResults == null ? null : Model.TestRuns.TestResults.Read(options.TestResults, options.Today),
                FileLines = options.FileLines,
                DocumentPaths = documents.Inputs.Select(d => d.Path),
                // The first active phase file and the first lock manifest whose JSON parsed (GOV606, GOV607).
                ActivePhase = documents.StateFiles.FirstOrDefault(s => s.Root != null && s.Kind == Model.State.StateKind.ActivePhase),
                SpecVersions = Model.Spec.SpecVersions.Of(documents.Spec, documents.Inputs, config.Limits.MaxDocumentBytes),
                // The change's base revision, read with the same profiles (GOV802, GOV803, GOV804).
                Base = options.BaseDocuments == null ? null : Model.Change.BaseRevision.Read(options.BaseDocuments, changed, documents.Inputs, documents.Packets, profile, documents.Spec, config.Limits.MaxDocumentBytes, options.RepositoryFiles),
            };
            var lockManifest = documents.StateFiles.FirstOrDefault(s => s.Root != null && s.Kind == Model.State.StateKind.LockManifest);
            if (lockManifest != null)
            {
                builder.Locks = Model.Locks.LockManifest.From(lockManifest.Root!);
                builder.LockManifestPath = lockManifest.Path;
            }

            return builder.Build();
        }

        /// <summary>
        /// Step 4: GOV005 for suppressions naming no rule, GOV009 for repaired documents; inline
        /// suppressions, severities from configuration, spans back to the files' own offsets (spec
        /// modules, repaired text), a stable order, fingerprints, then the baseline.
        /// </summary>
        private static GovernanceResult Report(AdmittedDocuments documents, RepoIndex index, List<GovernanceDiagnostic> found, AnalysisOptions options, AnalysisCache? cache)
        {
            var result = ReportDiagnostics(documents, index, found, options, cache);
            result.TestReferences = TestReferencesOf(documents, result);
            return result;
        }

        /// <summary>The tests DONE_MEANS items name (GOV703), without the suppressed ones; none when GOV703 is configured off.</summary>
        private static IReadOnlyList<TestReference> TestReferencesOf(AdmittedDocuments documents, GovernanceResult result)
        {
            if (result.TestReferenceSeverity == GovernanceSeverity.None) return new TestReference[0];
            string id = Rules.Source.GOV703DoneMeansTestMissing.Rule.Id;
            return documents.Packets
                .SelectMany(p => TestReference.Of(p, documents.Profile))
                .Where(t => !(documents.Suppressions.TryGetValue(t.Path, out var inline) && inline.IsSuppressed(id, t.Span.StartLine)))
                .ToList();
        }

        private static GovernanceResult ReportDiagnostics(AdmittedDocuments documents, RepoIndex index, List<GovernanceDiagnostic> found, AnalysisOptions options, AnalysisCache? cache)
        {
            var config = documents.Config;
            var diagnostics = documents.Diagnostics;
            var suppressions = documents.Suppressions;
            var repairs = documents.Repairs;
            var byPath = documents.ByPath;
            var specContext = documents.Spec;
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

            // A test result file that is not one (GOV704 cannot judge by it).
            foreach (var (path, reason) in index.TestResults?.Problems ?? new (string, string)[0])
                diagnostics.Add(new GovernanceDiagnostic(EngineDiagnostics.DocumentUnreadable, path, AdmittedDocuments.FileStart, EngineDiagnostics.DocumentUnreadable.DefaultSeverity, new[] { "test results not read: " + reason }));

            // GOV009 once for each repaired document that was read as a governance document.
            if (repairs.Count > 0)
            {
                var read = documents.ReadPaths();
                foreach (var entry in repairs.Where(r => read.Contains(r.Key)))
                {
                    var (original, repaired) = entry.Value.FirstExample();
                    var span = new Text.LineMap(entry.Value.Text).GetSpan(entry.Value.ToRepaired(entry.Value.FirstStart), repaired.Length);
                    diagnostics.Add(new GovernanceDiagnostic(EngineDiagnostics.TextDoubleEncoded, entry.Key, span, EngineDiagnostics.TextDoubleEncoded.DefaultSeverity, new[] { original, repaired }));
                }
            }

            // Severities from configuration; a stable order. Spans in repaired text are mapped back
            // to the file's offsets, lines and columns.
            var originalLines = new Dictionary<string, Text.LineMap>(StringComparer.Ordinal);
            var fileLines = new System.Collections.Concurrent.ConcurrentDictionary<string, (Text.LineMap, string)>(StringComparer.Ordinal);
            var result = new List<GovernanceDiagnostic>(diagnostics.Count);
            // Closed and superseded packets are records: what asks for an edit of their text is set aside (taskPacket.closedPackets).
            var records = string.Equals(config.TaskPacket.ClosedPackets, "report", StringComparison.OrdinalIgnoreCase)
                ? new Dictionary<string, string>(StringComparer.Ordinal)
                : Records(documents.Packets, documents.Profile, index, config);
            var setAside = new List<GovernanceDiagnostic>();
            foreach (var reported in diagnostics)
            {
                var d = reported;
                bool onRecord = d.Descriptor.AsksPacketEdit && records.ContainsKey(d.Path);
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
                if (inline != null)
                {
                    string? original = repairs.TryGetValue(d.Path, out var r) ? r.Original : byPath.TryGetValue(d.Path, out var input) ? input.Text : null;
                    int lineRead = reported.Span.StartLine;
                    if (original != null) d = d.WithMoreFixesLater(x => SuppressionFixes.For(x, original, inline, lineRead, fileLines));
                }

                // Its fingerprint, for the baseline (with a cache, computed once while the text and the finding are the same).
                if (severity != d.Severity) d = d.WithSeverity(severity);
                string? text = repairs.TryGetValue(d.Path, out var repaired) ? repaired.Original : byPath.TryGetValue(d.Path, out var doc) ? doc.Text : null;
                d = d.WithFingerprint(cache != null ? cache.FingerprintOf(d, text) : Baseline.DiagnosticFingerprint.Compute(d, text));
                (onRecord ? setAside : result).Add(d);
            }

            setAside.Sort(Compare);

            cache?.EndReport();

            // A stable order, then the baseline: what it covers is set aside, stale entries are
            // GOV007, and a baseline that cannot be used is GOV008 and covers nothing.
            result.Sort(Compare);

            var packets = documents.Packets;
            var profile = documents.Profile;
            var topology = index.Topology;
            string baselinePath = DocumentInput.NormalizePath(options.BaselinePath);
            if (!options.ApplyBaseline || !byPath.TryGetValue(baselinePath, out var baselineInput))
                return new GovernanceResult(result, config, packets, specContext, profile, topology) { RecordPackets = records, SetAsideOnRecords = setAside, Stubs = index.Stubs };

            string? onlyElsewhere = options.PackageReferencesOfOneProject ? index.OssRegister?.Path : null;
            var (applied, baselined, unusable) = ApplyBaseline(baselineInput, result, config, onlyElsewhere);
            if (unusable != null)
            {
                unusable.AddRange(result);
                unusable.Sort(Compare);
                return new GovernanceResult(unusable, config, packets, specContext, profile, topology) { RecordPackets = records, SetAsideOnRecords = setAside, Stubs = index.Stubs };
            }

            return new GovernanceResult(applied, config, packets, specContext, profile, topology, baselined, baselinePath) { RecordPackets = records, SetAsideOnRecords = setAside, Stubs = index.Stubs };
        }

        /// <summary>
        /// The packets that are records, by path, with the state that makes them one: closed
        /// (taskPacket.closedStatuses, dependencies.validated) or superseded (taskPacket.supersededStatuses),
        /// by the WP's status as the dependency rules read it (the board's where it lists the WP, else
        /// the packet's STATUS), or by a stub of the WP that says it is superseded.
        /// </summary>
        private static Dictionary<string, string> Records(IReadOnlyList<Model.TaskPacket> packets, Model.TaskPacketProfile profile, RepoIndex index, GovernanceConfig config)
        {
            var closed = config.TaskPacket.ClosedStatuses.Concat(config.Dependencies.Validated).ToList();
            var superseded = config.TaskPacket.SupersededStatuses;
            var records = new Dictionary<string, string>(StringComparer.Ordinal);
            // The WPs a stub says are superseded, found once (not once a packet).
            var supersededByStub = new HashSet<string>(index.Stubs.Where(s => s.Status != null && Model.Board.TopologyFacts.IsOneOf(s.Status.Value, superseded)).Select(s => s.Id), StringComparer.Ordinal);
            foreach (var packet in packets)
            {
                string id = Model.Board.TopologyFacts.IdOf(packet, profile);
                var found = index.Topology.StatusOf(id);
                string? status = found?.Status;
                // A packet the board does not list is a record by its own STATUS only when the user
                // locked it: a signature of the expected shape and an entry in the lock manifest
                // (governance lock) whose hash its text still matches. A signature alone is what the
                // packet says of itself: an agent cannot make its open packet's findings go away by
                // writing Done and a name with a date into it.
                bool byBoard = (index.Topology.Board?.EntriesOf(id).Count ?? 0) > 0;
                if (!byBoard && status != null && !IsLockedByUser(packet, profile, index)) status = null;
                if (status != null && Model.Board.TopologyFacts.IsOneOf(status, closed)) records[packet.Path] = "closed";
                else if (status != null && Model.Board.TopologyFacts.IsOneOf(status, superseded)) records[packet.Path] = "superseded";
                else if (supersededByStub.Contains(id)) records[packet.Path] = "superseded";
            }

            return records;
        }

        private static bool IsLockedByUser(Model.TaskPacket packet, Model.TaskPacketProfile profile, RepoIndex index) =>
            Model.Locks.PacketLock.Signature(packet, profile) is Model.PacketField signature && Model.Locks.PacketLock.IsSigned(signature.Value, profile)
            && index.Locks != null && index.Locks.Entries.TryGetValue(packet.Path, out var entry)
            && entry.Sha256 == Model.Locks.PacketLock.Hash(packet, profile, index.Config.Locks);

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
            string? refusal = DocumentAdmission.Refusal(input, config.Limits.MaxDocumentBytes, "JSON");
            if (refusal != null) Problem(FileStart, refusal);
            else
            {
                IReadOnlyList<Model.State.StateProblem> read;
                try
                {
                    baseline = Baseline.GovernanceBaseline.Read(input.Path, input.Text!, config.Limits.MaxJsonDepth, out read);
                }
                catch (Exception e) when (EngineFailure.IsCaught(e))
                {
                    // Never a way round the baseline's checks: what cannot be read covers nothing.
                    Problem(FileStart, "it could not be read: " + EngineFailure.Describe(e));
                    return (new List<GovernanceDiagnostic>(), new List<GovernanceDiagnostic>(), problems);
                }

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

        private static readonly Text.SourceSpan FileStart = new Text.SourceSpan(0, 0, 1, 1, 1, 1);

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
