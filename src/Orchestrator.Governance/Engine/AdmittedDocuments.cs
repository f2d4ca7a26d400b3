using System;
using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Model;
using Orchestrator.Governance.Model.Spec;
using Orchestrator.Governance.Suppressions;

namespace Orchestrator.Governance.Engine
{
    /// <summary>
    /// Step 1 of an analysis: every document the host handed over, classified by the configuration's
    /// globs, admitted (<see cref="DocumentAdmission"/>: GOV002 when unreadable, too large, binary or
    /// refused by its parser) and parsed once into the model, with the engine's own findings about
    /// them: GOV001 (configuration), GOV004 (invalid UTF-8), GOV006 (front matter), GOV310/GOV311 (a
    /// state file's JSON and schema). Text saved through a wrong encoding is read repaired (GOV009 is
    /// reported at the end, for the documents read). Nothing here looks across documents; that is
    /// the index's (step 2).
    /// </summary>
    internal sealed class AdmittedDocuments
    {
        internal static readonly Text.SourceSpan FileStart = new Text.SourceSpan(0, 0, 1, 1, 1, 1);

        private readonly AnalysisCache? _cache;

        private AdmittedDocuments(List<DocumentInput> inputs, Dictionary<string, Text.Mojibake> repairs, string configPath, GovernanceConfig config, bool inlineConfig, AnalysisCache? cache)
        {
            _cache = cache;
            Inputs = inputs;
            ByPath = inputs.ToDictionary(d => d.Path, StringComparer.Ordinal);
            Repairs = repairs;
            ConfigPath = configPath;
            Config = config;
            InlineConfig = inlineConfig;
            Profile = new TaskPacketProfile(config.TaskPacket, config.Dependencies.DependsOn.Concat(config.Dependencies.Blocks).Concat(new[] { "SPEC_BASELINE", "SPEC_TARGET" }));
            Classifier = cache?.ClassifierFor(config) ?? new DocumentClassifier(config);
            Links = new LinkSources(Classifier.Links(inputs.Select(d => d.Path)));
        }

        /// <summary>The inputs, one per path (the first given), in path order; repaired where double-encoded.</summary>
        public List<DocumentInput> Inputs { get; }

        /// <summary><see cref="Inputs"/> by path (ordinal).</summary>
        public Dictionary<string, DocumentInput> ByPath { get; }

        /// <summary>The double-encoded documents and their repairs, by path.</summary>
        public Dictionary<string, Text.Mojibake> Repairs { get; }

        /// <summary>governance.yml's path.</summary>
        public string ConfigPath { get; }

        /// <summary>The effective configuration: defaults and governance.yml (the defaults alone when it is invalid).</summary>
        public GovernanceConfig Config { get; }

        /// <summary>Whether inline suppressions are read.</summary>
        public bool InlineConfig { get; }

        /// <summary>The compiled task packet profile.</summary>
        public TaskPacketProfile Profile { get; }

        /// <summary>Which document is of which kind.</summary>
        public DocumentClassifier Classifier { get; }

        /// <summary>The engine's own diagnostics about the documents (GOV001, GOV002, GOV004, GOV006, GOV310, GOV311).</summary>
        public List<GovernanceDiagnostic> Diagnostics { get; } = new List<GovernanceDiagnostic>();

        /// <summary>The paths the task packet globs match.</summary>
        public HashSet<string> PacketPaths { get; private set; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>The task packets the rules read (for a packet in two forms, the authoritative one), in path order.</summary>
        public List<TaskPacket> Packets { get; } = new List<TaskPacket>();

        /// <summary>Packets kept in two forms (taskPacket.authoritative).</summary>
        public IReadOnlyList<PacketForms> Forms { get; private set; } = Array.Empty<PacketForms>();

        /// <summary>Inline suppressions of every document that has them read, by path.</summary>
        public Dictionary<string, InlineSuppressions> Suppressions { get; } = new Dictionary<string, InlineSuppressions>(StringComparer.Ordinal);

        /// <summary>The spec pointer, the current spec (parsed once, cached by content) and its modules.</summary>
        public SpecContext Spec { get; private set; } = null!;

        /// <summary>The task board, or null.</summary>
        public Model.Board.TaskBoard? Board { get; private set; }

        /// <summary>The ADRs (documents.adrs), in path order.</summary>
        public List<Model.Decisions.AdrDocument> Adrs { get; } = new List<Model.Decisions.AdrDocument>();

        /// <summary>The RFC technical designs (documents.rfcs), text only.</summary>
        public List<TextDocument> Rfcs { get; } = new List<TextDocument>();

        /// <summary>The task packet stubs (documents.taskPacketStubs), read for their fields.</summary>
        public List<Model.Stubs.TaskPacketStub> Stubs { get; } = new List<Model.Stubs.TaskPacketStub>();

        /// <summary>The OSS register, or null.</summary>
        public Model.Oss.OssRegister? OssRegister { get; private set; }

        /// <summary>The dependency files (documents.ossManifests) and what each declares.</summary>
        public List<(TextDocument Document, List<Model.Oss.Dependency> Dependencies)> Manifests { get; } = new List<(TextDocument, List<Model.Oss.Dependency>)>();

        /// <summary>The documents whose links GOV610 checks, and their links.</summary>
        public LinkSources Links { get; }

        /// <summary>The orchestration state files admitted, in path order (their JSON may not have parsed: Root is then null).</summary>
        public List<Model.State.StateDocument> StateFiles { get; } = new List<Model.State.StateDocument>();

        /// <summary>The paths the state file globs match, with their kinds.</summary>
        public SortedDictionary<string, Model.State.StateKind> StateFileKinds { get; private set; } = new SortedDictionary<string, Model.State.StateKind>(StringComparer.Ordinal);

        /// <summary>The files headers.include names that were admitted and whose type has a comment syntax, with it.</summary>
        public List<(TextDocument Document, Model.Headers.CommentStyle Style)> HeaderFiles { get; } = new List<(TextDocument, Model.Headers.CommentStyle)>();

        /// <summary>The files headers.include names.</summary>
        public List<string> HeaderPaths { get; private set; } = new List<string>();

        /// <summary>
        /// Admits and parses every document. Inputs with the same path: the first is read; the
        /// configuration is read first, since it says which document is which.
        /// </summary>
        public static AdmittedDocuments Admit(IEnumerable<DocumentInput> documents, AnalysisOptions options)
        {
            var repairs = new Dictionary<string, Text.Mojibake>(StringComparer.Ordinal);
            var inputs = documents
                .GroupBy(d => d.Path, StringComparer.Ordinal)
                .Select(g => g.First())
                .OrderBy(d => d.Path, StringComparer.Ordinal)
                .Select(d => Repair(d, repairs, options.Cache))
                .ToList();

            string configPath = DocumentInput.NormalizePath(options.ConfigPath);
            var configDoc = inputs.FirstOrDefault(d => string.Equals(d.Path, configPath, StringComparison.Ordinal));
            // A cache (the language server's) is emptied when the configuration changes: every reader depends on it.
            var cache = options.Cache;
            cache?.Begin(configPath + "\0" + options.InlineConfig + "\0" + options.MaxDocumentBytes + "\0" + (configDoc == null ? "(none)" : configDoc.Text == null ? "(unreadable)" : "|" + configDoc.Text));
            GovernanceConfig config;
            IReadOnlyList<ConfigProblem> problems;
            if (cache?.Configuration is var (kept, keptProblems)) (config, problems) = (kept, keptProblems);
            else
            {
                config = ConfigLoader.Load(configDoc?.Text, Rules.RuleCatalog.Exists, out problems);
                if (options.MaxDocumentBytes is long ceiling) config.Limits.CapAt(ceiling);
                if (cache != null) cache.Configuration = (config, problems);
            }

            bool inlineConfig = options.InlineConfig ?? config.InlineConfig;
            var admitted = new AdmittedDocuments(inputs, repairs, configPath, config, inlineConfig, options.Cache) { _fault = options.FaultInjection, _threads = options.Threads };
            admitted.ReadConfiguration(configDoc, problems);
            admitted.ReadPackets();
            SpecContext BuildSpec() => SpecContext.Build(inputs, new SpecProfile(config.Spec), config.Limits.MaxDocumentBytes, options.ReuseParsedSpec, options.RepositoryFiles);
            admitted.Spec = cache != null && options.ReuseParsedSpec
                ? cache.SpecContextFor(admitted.ByPath, options.RepositoryFiles, DocumentInput.NormalizePath(config.Spec.CurrentPointer), BuildSpec)
                : BuildSpec();
            if (admitted.InlineConfig && admitted.Spec.Spec != null) admitted.Suppressions[admitted.Spec.Spec.Path] = admitted.Spec.Spec.Suppressions;
            // A spec the pointer names but that could not be used has its GOV210; another kind that
            // matches it (the links of docs/**/*.md) gives it no GOV002 besides.
            if (admitted.Spec.Problem != null && admitted.Spec.NamedSpecPath is string refusedSpec) admitted._admitted[refusedSpec] = false;
            admitted.ReadDecisions();
            admitted.ReadStateFiles();
            admitted.ReadHeaderFiles();
            return admitted;
        }

        /// <summary>The paths of every document read as a governance document (where GOV009 is reported).</summary>
        public HashSet<string> ReadPaths()
        {
            var read = new HashSet<string>(Packets.Select(p => p.Path), StringComparer.Ordinal) { ConfigPath };
            read.UnionWith(Links.Attempted);
            read.UnionWith(StateFileKinds.Keys);
            read.UnionWith(HeaderPaths);
            read.UnionWith(Manifests.Select(m => m.Document.Path));
            read.UnionWith(Stubs.Select(s => s.Path));
            if (Spec.Spec != null) read.Add(Spec.Spec.Path);
            read.UnionWith(Spec.Modules.Select(m => m.Path));
            read.UnionWith(Spec.Manifests);
            if (Spec.PointerDocument != null) read.Add(Spec.PointerDocument.Path);
            return read;
        }

        private void ReadConfiguration(DocumentInput? configDoc, IReadOnlyList<ConfigProblem> problems)
        {
            // A configuration the host could not or would not read (a FIFO, a link out of the repository): GOV002, defaults apply.
            if (configDoc != null && configDoc.Text == null) Admit(configDoc, "YAML");
            if (configDoc?.Text == null) return;
            var lines = new Text.LineMap(configDoc.Text);
            foreach (var problem in problems)
            {
                int start = lines.GetLineStart(Math.Min(problem.Line, lines.LineCount)) + problem.Column - 1;
                int end = start;
                while (end < configDoc.Text.Length && configDoc.Text[end] != '\n' && configDoc.Text[end] != '\r') end++;
                Report(EngineDiagnostics.InvalidConfiguration, configDoc.Path, lines.GetSpan(start, end - start), problem.Message);
            }
        }

        private void ReadPackets()
        {
            PacketPaths = Classifier.TaskPackets(Inputs.Select(d => d.Path));
            var inputs = Inputs.Where(d => PacketPaths.Contains(d.Path)).ToList();
            // In batches: the packets of a batch are parsed and read on several threads, then
            // recorded here in path order; a batch's trees are let go before the next is parsed.
            const int Batch = 128;
            for (int from = 0; from < inputs.Count; from += Batch)
            {
                var batch = inputs.GetRange(from, Math.Min(Batch, inputs.Count - from));
                Prepare(batch);
                foreach (var input in batch)
                {
                    var packet = ReadPacket(input);
                    if (packet != null) Packets.Add(packet);
                }

                _prepared.Clear();
            }

            // One packet, two forms (data and its generated Markdown, same folder and ID): the rules
            // read the authoritative one (taskPacket.authoritative); GOV113 compares the other to it.
            Forms = PacketForms.Pair(Packets, Config.TaskPacket.Authoritative);
            var others = new HashSet<TaskPacket>(Forms.Select(pair => pair.Other));
            if (others.Count > 0) Packets.RemoveAll(others.Contains);
        }

        /// <summary>
        /// The packets of <paramref name="batch"/> that <see cref="ReadPacket"/> would parse (Markdown,
        /// not read before, admitted) read ahead on several threads (<see cref="PacketPreparation"/>);
        /// without a cache only, as a cache may already hold what they make.
        /// </summary>
        private void Prepare(List<DocumentInput> batch)
        {
            int threads = Threads;
            if (_cache != null || threads < 2) return;
            var ahead = batch.Where(input => !DataPacketReader.IsDataPath(input.Path)
                && !_admitted.ContainsKey(input.Path) && !_parsed.ContainsKey(input.Path) && !_failed.Contains(input.Path)
                && DocumentAdmission.Refusal(input, Config.Limits.MaxDocumentBytes, "Markdown") == null).ToList();
            if (ahead.Count < 2) return;
            var prepared = PacketPreparation.Prepare(ahead, threads, Profile, InlineConfig, Links.Paths);
            for (int i = 0; i < ahead.Count; i++) _prepared[ahead[i].Path] = prepared[i];
        }

        /// <summary>The packets of the batch being read, read ahead (<see cref="Prepare"/>), by path.</summary>
        private readonly Dictionary<string, PreparedPacket> _prepared = new Dictionary<string, PreparedPacket>(StringComparer.Ordinal);

        /// <summary>Parses and reads one packet; its inline suppressions are read from the tree, which the packet does not keep.</summary>
        private TaskPacket? ReadPacket(DocumentInput input)
        {
            if (DataPacketReader.IsDataPath(input.Path))
            {
                // A packet kept as data (JSON or YAML): GOV002 when it is not an object of fields.
                Links.Attempted.Add(input.Path);
                if (!Admit(input, input.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "JSON" : "YAML")) return null;
                return Guard(input, () =>
                {
                    var data = new TextDocument(input.Path, input.Text!);
                    var packet = DataPacketReader.Read(data, Profile, out var problem, out var at);
                    if (problem != null) Report(EngineDiagnostics.DocumentUnreadable, input.Path, at, problem);
                    if (packet != null) ReportInvalidUtf8(input, data.Lines);
                    return packet;
                });
            }

            var read = ReadMarkdown(input, CachedDocument.PacketKind, doc =>
            {
                ReportInvalidUtf8(input, doc.Lines);
                if (!_prepared.TryGetValue(input.Path, out var ahead) || ahead.Document != doc) return TaskPacketReader.Read(doc, Profile);
                PreparedPacket.Rethrow(ahead.ReadFailure);
                return ahead.Packet;
            });

            // A packet from the cache: GOV004 from this input (the reader reports it once).
            if (read != null) ReportInvalidUtf8(input, read.Document.Lines);
            return read;
        }

        /// <summary>The board, ADRs, RFCs, the OSS register and its dependency files, and the other documents whose links GOV610 checks.</summary>
        private void ReadDecisions()
        {
            string boardPath = DocumentInput.NormalizePath(Config.Board.Path);
            if (ByPath.TryGetValue(boardPath, out var boardInput))
                Board = ReadMarkdown(boardInput, CachedDocument.BoardKind, doc => Model.Board.TaskBoard.Read(doc, Config.Board));

            var paths = Inputs.Select(d => d.Path).ToList();
            foreach (var path in Classifier.Adrs(paths))
            {
                var input = ByPath[path];
                var adr = ReadMarkdown(input, CachedDocument.AdrKind, doc => Model.Decisions.AdrDocument.Read(doc, Model.Decisions.AdrDocument.NumberOf(path)!.Value));
                if (adr == null) continue;
                Adrs.Add(adr);
                ReportFrontMatter(path, input.Text!, adr.FrontMatter);
            }

            // Task packet stubs (GOV116, GOV306): their fields, read as a packet's are.
            foreach (var path in Classifier.Stubs(paths))
            {
                if (ReadMarkdown(ByPath[path], CachedDocument.StubKind, doc => Model.Stubs.TaskPacketStub.Read(doc, Profile)) is Model.Stubs.TaskPacketStub stub)
                {
                    Stubs.Add(stub);
                    ReportInvalidUtf8(ByPath[path], stub.Document.Lines);
                }
            }

            // RFC technical designs (GOV605): only their text is judged.
            foreach (var path in Classifier.Rfcs(paths))
            {
                if (ReadMarkdown(ByPath[path], CachedDocument.RfcKind, doc => doc.WithoutTree()) is TextDocument rfc) Rfcs.Add(rfc);
            }

            if (Classifier.OssRegister(paths, Config.Documents.OssRegister.Include) is string registerPath)
                OssRegister = ReadMarkdown(ByPath[registerPath], CachedDocument.RegisterKind, doc => Model.Oss.OssRegister.Read(doc, Config.Oss.NameColumns));

            foreach (var path in Classifier.OssManifests(paths))
            {
                var input = ByPath[path];
                if (!Admit(input, "text")) continue;
                var document = new TextDocument(path, input.Text!);
                if (Guard(input, () => Model.Oss.DependencyManifest.Read(document)) is List<Model.Oss.Dependency> dependencies) Manifests.Add((document, dependencies));
            }

            // Links between documents (GOV610): the documents documents.links names that no other
            // kind has parsed already are parsed here, once.
            foreach (var path in Links.Paths.Where(p => !Links.Attempted.Contains(p)).OrderBy(p => p, StringComparer.Ordinal).ToList())
            {
                ReadMarkdown(ByPath[path], CachedDocument.LinksKind, doc => LinksRead);
            }
        }

        /// <summary>Orchestration state files (seeds 000, 002, 004): each parsed once; GOV004, then GOV310/GOV311 for its JSON and schema.</summary>
        private void ReadStateFiles()
        {
            StateFileKinds = Classifier.StateFiles(Inputs.Select(d => d.Path));
            foreach (var entry in StateFileKinds)
            {
                var input = ByPath[entry.Key];
                if (!Admit(input, "JSON")) continue;
                var state = Guard(input, () => Model.State.StateDocument.Read(input.Path, entry.Value, input.Text!, Config.Limits.MaxJsonDepth));
                if (state == null) continue;
                ReportInvalidUtf8(input, state.Lines);
                string schema = Model.State.StateDocument.SchemaResource(entry.Value);
                foreach (var problem in state.Problems)
                {
                    if (problem.IsSyntax) Report(EngineDiagnostics.StateFileInvalidJson, input.Path, problem.Span, input.Path, problem.Message);
                    else Report(EngineDiagnostics.StateFileSchemaViolation, input.Path, problem.Span, input.Path, schema, problem.Message);
                }

                StateFiles.Add(state);
            }
        }

        /// <summary>
        /// The files headers.include names whose type has a comment syntax (JSON has none and is
        /// exempt). A packet or state file that could not be admitted has had its GOV002 already
        /// (admission is decided once per path).
        /// </summary>
        private void ReadHeaderFiles()
        {
            HeaderPaths = Classifier.HeaderFiles(Inputs.Select(d => d.Path));
            foreach (var path in HeaderPaths)
            {
                var input = ByPath[path];
                if (!Admit(input, "text")) continue;
                var style = Model.Headers.CommentStyle.ForPath(path, Config.Headers.Styles);
                if (style != null) HeaderFiles.Add((new TextDocument(path, input.Text!), style));
                if (style?.AllowedPreamble == Model.Headers.CommentStyle.Preamble.FrontMatter)
                    Guard(input, () => { ReportFrontMatter(path, input.Text!, YamlFrontMatter.Read(input.Text!)); return LinksRead; });
            }
        }

        /// <summary>What the reader of a document read only for its links and suppressions keeps.</summary>
        private static readonly object LinksRead = new object();

        /// <summary>
        /// A Markdown document read by the reader of <paramref name="kind"/>: admitted and parsed
        /// (<see cref="AdmitAndParse"/>), its inline suppressions read, then <paramref name="read"/>;
        /// null when it was not admitted or the reader made nothing. With a cache, a document whose
        /// text is unchanged is not parsed again: what the reader made, its links and suppressions
        /// are taken from the analysis that read it.
        /// </summary>
        private T? ReadMarkdown<T>(DocumentInput input, string kind, Func<ParsedMarkdown, T?> read)
            where T : class =>
            Guard(input, () => ReadMarkdownUnguarded(input, kind, read));

        /// <summary>
        /// Runs one document's reader: when it throws (a bug, or a shape of input the reader did not
        /// foresee), GOV003 (an error) at the document, which is then left out of the analysis as
        /// a refused one is; the other documents are read as usual.
        /// </summary>
        private T? Guard<T>(DocumentInput input, Func<T?> read)
            where T : class
        {
            if (_failed.Contains(input.Path)) return null;
            try
            {
                _fault?.Invoke(input.Path);
                return read();
            }
            catch (Exception e) when (EngineFailure.IsCaught(e))
            {
                _failed.Add(input.Path);
                _admitted[input.Path] = false;
                _parsed[input.Path] = null;
                Links.Found.Remove(input.Path);
                Suppressions.Remove(input.Path);
                Diagnostics.Add(EngineFailure.At(input.Path, "The document's reader", e));
                return null;
            }
        }

        private T? ReadMarkdownUnguarded<T>(DocumentInput input, string kind, Func<ParsedMarkdown, T?> read)
            where T : class
        {
            var entry = CacheEntry(input);
            if (entry?.Read(kind) is T kept && Replay(input, entry))
            {
                _cache!.DocumentsReused++;
                return kept;
            }

            if (!(AdmitAndParse(input) is ParsedMarkdown doc)) return null;
            ReadSuppressions(doc);
            var value = read(doc);
            if (entry != null && value != null)
                entry.Keep(kind, value, Links.Found.TryGetValue(input.Path, out var links) ? links : null, Suppressions.TryGetValue(input.Path, out var inline) ? inline : null);
            return value;
        }

        /// <summary>
        /// The cache's entry for a document (none without a cache). What the readers make depends on
        /// the text they read alone (the repaired text of a double-encoded document); GOV004 (invalid
        /// UTF-8) and GOV009 (repaired) are reported from this analysis's input.
        /// </summary>
        private CachedDocument? CacheEntry(DocumentInput input) =>
            _cache == null || input.Text == null ? null : _cache.For(input.Path, input.Text);

        /// <summary>
        /// Does what admitting and parsing the document did in the analysis that kept
        /// <paramref name="entry"/>: admitted, its links and suppressions recorded. False (nothing
        /// done) when the entry lacks what this analysis needs or the document was refused here.
        /// </summary>
        private bool Replay(DocumentInput input, CachedDocument entry)
        {
            string path = input.Path;
            // The text decides admission but for the size the host measured (bytes, not characters).
            if (Math.Max(input.SizeInBytes, input.Text!.Length) > Config.Limits.MaxDocumentBytes) return false;
            if (_admitted.TryGetValue(path, out bool admitted) && !admitted) return false;
            bool needsLinks = Links.Paths.Contains(path) && !Links.Found.ContainsKey(path);
            bool needsSuppressions = InlineConfig && !Suppressions.ContainsKey(path);
            if ((needsLinks && !entry.HasLinks) || (needsSuppressions && !entry.HasSuppressions)) return false;
            Links.Attempted.Add(path);
            _admitted[path] = true;
            if (needsLinks) Links.Found[path] = entry.Links!;
            if (needsSuppressions) Suppressions[path] = entry.Suppressions!;
            return true;
        }

        private void ReadSuppressions(ParsedMarkdown doc)
        {
            if (!InlineConfig || Suppressions.ContainsKey(doc.Path)) return;
            if (_prepared.TryGetValue(doc.Path, out var ahead) && ahead.Document == doc)
            {
                PreparedPacket.Rethrow(ahead.SuppressionsFailure);
                Suppressions[doc.Path] = ahead.Suppressions!;
            }
            else
            {
                Suppressions[doc.Path] = InlineSuppressions.Read(doc);
            }
        }

        /// <summary>The input with its double-encoded text repaired (<see cref="Text.Mojibake"/>), recording the repair; the input itself when there is none.</summary>
        private static DocumentInput Repair(DocumentInput input, Dictionary<string, Text.Mojibake> repairs, AnalysisCache? cache)
        {
            if (input.Text == null) return input;
            var repair = cache == null ? RepairOf(input.Text) : cache.RepairOf(input.Path, input.Text);
            if (repair == null) return input;
            repairs[input.Path] = repair;
            return DocumentInput.FromText(input.Path, repair.Text, input.InvalidUtf8, input.SizeInBytes);
        }

        /// <summary>The repair of a double-encoded text, or null (none for text with a NUL: binary, refused at admission).</summary>
        internal static Text.Mojibake? RepairOf(string text) => text.IndexOf('\0') >= 0 ? null : Text.Mojibake.Find(text);

        /// <summary>
        /// <see cref="DocumentAdmission.Refusal"/>, reported as GOV002; true when the document can be
        /// parsed. Decided once per path: a document of several kinds (an ADR that headers.include
        /// also names) is admitted, or refused with one GOV002, once.
        /// </summary>
        private bool Admit(DocumentInput input, string format)
        {
            if (_admitted.TryGetValue(input.Path, out bool known)) return known;
            string? refusal = DocumentAdmission.Refusal(input, Config.Limits.MaxDocumentBytes, format);
            if (refusal != null) Report(EngineDiagnostics.DocumentUnreadable, input.Path, FileStart, refusal);
            _admitted[input.Path] = refusal == null;
            return refusal == null;
        }

        private Action<string>? _fault;

        private int? _threads;

        /// <summary>How many threads read packets and run their rules (<see cref="AnalysisOptions.Threads"/>).</summary>
        internal int Threads => PacketThreads.Count(_threads);

        /// <summary>The documents whose reader threw: reported once, read by no other reader.</summary>
        private readonly HashSet<string> _failed = new HashSet<string>(StringComparer.Ordinal);

        private readonly Dictionary<string, bool> _admitted = new Dictionary<string, bool>(StringComparer.Ordinal);

        private readonly Dictionary<string, WeakReference<ParsedMarkdown>?> _parsed = new Dictionary<string, WeakReference<ParsedMarkdown>?>(StringComparer.Ordinal);

        /// <summary>
        /// <see cref="Admit(DocumentInput, string)"/>, then Markdig's parse (GOV002 when it refuses the input); the links of
        /// a document documents.links names are collected from the same tree. Null when not parsed.
        /// Once per path: a document of two kinds (the board that documents.rfcs also matches) is
        /// parsed once and both readers share the tree.
        /// </summary>
        private ParsedMarkdown? AdmitAndParse(DocumentInput input)
        {
            // A tree is held weakly: a packet's tree is dropped once the packet is read (holding all
            // of them for the whole analysis doubled the garbage collector's work on the corpus); a
            // document of a second kind gets the same tree while it is alive, else a new parse.
            if (_parsed.TryGetValue(input.Path, out var known))
            {
                if (known == null) return null; // refused, and reported, once
                if (known.TryGetTarget(out var alive)) return alive;
                return DocumentAdmission.ParseMarkdown(() => ParsedMarkdown.Parse(input.Path, input.Text!), out _);
            }

            Links.Attempted.Add(input.Path);
            ParsedMarkdown? doc = null;
            if (Admit(input, "Markdown"))
            {
                string? refusal;
                MarkdownLinks? links = null;
                if (_prepared.TryGetValue(input.Path, out var ahead))
                {
                    PreparedPacket.Rethrow(ahead.ParseFailure);
                    (doc, refusal, links) = (ahead.Document, ahead.Refusal, ahead.Links);
                }
                else
                {
                    doc = DocumentAdmission.ParseMarkdown(() => ParsedMarkdown.Parse(input.Path, input.Text!), out refusal);
                }

                if (doc == null) Report(EngineDiagnostics.DocumentUnreadable, input.Path, FileStart, refusal!);
                else if (Links.Paths.Contains(doc.Path)) Links.Found[doc.Path] = links ?? MarkdownLinks.Collect(doc);
            }

            _parsed[input.Path] = doc == null ? null : new WeakReference<ParsedMarkdown>(doc);
            return doc;
        }

        /// <summary>GOV004 at the first byte that is not UTF-8, when the host found one.</summary>
        private void ReportInvalidUtf8(DocumentInput input, Text.LineMap lines)
        {
            var bad = input.InvalidUtf8;
            if (bad == null || !_utf8Reported.Add(input.Path)) return;
            int start = lines.GetLineStart(bad.Line) + bad.Column - 1;
            Report(EngineDiagnostics.InvalidUtf8, input.Path, lines.GetSpan(start, 1), bad.Describe());
        }

        /// <summary>GOV006 when <paramref name="frontMatter"/> is not valid YAML, at most once per document.</summary>
        private void ReportFrontMatter(string path, string text, YamlFrontMatter? frontMatter)
        {
            if (!_frontMatterRead.Add(path) || frontMatter?.Problem == null) return;
            Report(EngineDiagnostics.FrontMatterInvalid, path, new Text.LineMap(text).GetSpan(frontMatter.ProblemStart, 0), frontMatter.Problem);
        }

        private readonly HashSet<string> _utf8Reported = new HashSet<string>(StringComparer.Ordinal);

        private readonly HashSet<string> _frontMatterRead = new HashSet<string>(StringComparer.Ordinal);

        private void Report(RuleDescriptor rule, string path, Text.SourceSpan span, params string[] arguments) =>
            Diagnostics.Add(new GovernanceDiagnostic(rule, path, span, rule.DefaultSeverity, arguments));

        /// <summary>The documents whose links GOV610 checks (documents.links), and their links once parsed.</summary>
        internal sealed class LinkSources
        {
            public LinkSources(IEnumerable<string> paths) => Paths = new HashSet<string>(paths, StringComparer.Ordinal);

            public HashSet<string> Paths { get; }

            /// <summary>Paths already handed to AdmitAndParse (admitted or not): never parsed twice, never a second GOV002.</summary>
            public HashSet<string> Attempted { get; } = new HashSet<string>(StringComparer.Ordinal);

            public SortedDictionary<string, MarkdownLinks> Found { get; } = new SortedDictionary<string, MarkdownLinks>(StringComparer.Ordinal);
        }
    }
}
