using System;
using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Model;
using Orchestrator.Governance.Suppressions;

namespace Orchestrator.Governance.Engine
{
    /// <summary>
    /// What one host keeps between analyses of the same repository (the language server, which
    /// analyses again after every edit): for each Markdown document, what admission read from it
    /// (the task packet, board, ADR or RFC, its inline suppressions and links), reused while its text
    /// is unchanged; and for each task packet, the diagnostics of the rules that read nothing but
    /// that packet, the configuration and the current spec, reused while the packet's text and the
    /// spec's facts are unchanged. Rules that read the repository index (duplicate IDs, scope paths,
    /// locks, waivers, every repository rule) run in every analysis. The cache is emptied when the
    /// configuration's text or the inline-configuration choice changes; documents no longer handed
    /// over are forgotten after each analysis. An analysis with a cache gives exactly the
    /// diagnostics, in the same order, of one without (tested). One analysis at a time uses it
    /// (analyses that share a cache are serialized on it).
    /// </summary>
    public sealed class AnalysisCache
    {
        private readonly Dictionary<string, CachedDocument> _documents = new Dictionary<string, CachedDocument>(StringComparer.Ordinal);
        private readonly Dictionary<string, (string Text, Text.Mojibake? Repair)> _repairs = new Dictionary<string, (string, Text.Mojibake?)>(StringComparer.Ordinal);
        private string? _configurationKey;

        /// <summary>Serializes the analyses that share this cache.</summary>
        internal object Gate { get; } = new object();

        /// <summary>How many documents admission read from the cache in the last analysis (for the host's log and tests).</summary>
        public int DocumentsReused { get; internal set; }

        /// <summary>How many (packet, rule) results the last analysis reused.</summary>
        public int RuleResultsReused { get => _ruleResultsReused; internal set => _ruleResultsReused = value; }

        private int _ruleResultsReused;

        /// <summary>Counts one reused (packet, rule) result; the packets' rules run on several threads.</summary>
        internal void CountRuleResultsReused() => System.Threading.Interlocked.Increment(ref _ruleResultsReused);

        /// <summary>The configuration loaded under the current key, with its problems (null until loaded).</summary>
        internal (Configuration.GovernanceConfig Config, IReadOnlyList<Configuration.ConfigProblem> Problems)? Configuration { get; set; }

        /// <summary>The index of the last analysis under the current configuration (facts of unchanged packets are taken from it), or null.</summary>
        internal Index.RepoIndex? PreviousIndex { get; set; }

        /// <summary>The repository's files as the rules read them, built once per list the host hands over (the same object).</summary>
        internal Model.Scope.RepositoryFiles FilesFor(IReadOnlyCollection<string> files)
        {
            if (_files == null || !ReferenceEquals(_files.Value.List, files)) _files = (files, new Model.Scope.RepositoryFiles(files));
            return _files.Value.Files;
        }

        private (IReadOnlyCollection<string> List, Model.Scope.RepositoryFiles Files)? _files;

        /// <summary>The classifier of <paramref name="config"/> (the configuration object this cache loaded), which remembers each path's kinds.</summary>
        internal DocumentClassifier ClassifierFor(Configuration.GovernanceConfig config)
        {
            if (_classifier == null || !ReferenceEquals(_classifier.Value.Config, config)) _classifier = (config, new DocumentClassifier(config));
            return _classifier.Value.Classifier;
        }

        private (Configuration.GovernanceConfig Config, DocumentClassifier Classifier)? _classifier;

        /// <summary>
        /// The spec context of the last analysis when what it was built from is unchanged: the same
        /// document paths, the same repository file list, and the same text objects at the paths it
        /// read (the pointer, the spec or its modules, their manifests); else the one
        /// <paramref name="build"/> makes, then kept. Its anchors and coverage of unchanged packets
        /// are then computed once.
        /// </summary>
        internal Model.Spec.SpecContext SpecContextFor(Dictionary<string, DocumentInput> byPath, IReadOnlyCollection<string>? repositoryFiles, string pointerPath, Func<Model.Spec.SpecContext> build)
        {
            if (_spec is { } kept && ReferenceEquals(kept.Files, repositoryFiles) && kept.Paths.Count == byPath.Count && kept.Paths.All(byPath.ContainsKey)
                && kept.Read.All(r => ReadOf(byPath, r.Path) == r.Input))
                return kept.Context;
            var context = build();
            _spec = null;
            // A spec that could not be used (GOV210) is built again every time: which module failed,
            // and why, is not all in the context (its modules are then unknown), and it is cheap.
            if (context.Problem != null || context.ModulesProblem != null) return context;
            var read = new[] { pointerPath, context.NamedSpecPath }
                .Concat(context.Modules.Select(m => m.Path))
                .Concat(context.Manifests)
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .Select(p => (p, ReadOf(byPath, p)))
                .ToList();
            _spec = (repositoryFiles, byPath.Keys.ToList(), read, context);
            return context;
        }

        /// <summary>What a document at <paramref name="path"/> gives a reader: its text object, size and why it could not be read (all null when there is none).</summary>
        private static (string? Text, long Size, string? Unreadable) ReadOf(Dictionary<string, DocumentInput> byPath, string path) =>
            byPath.TryGetValue(path, out var input) ? (input.Text, input.SizeInBytes, input.UnreadableReason) : (null, 0, null);

        private (IReadOnlyCollection<string>? Files, List<string> Paths, List<(string Path, (string? Text, long Size, string? Unreadable) Input)> Read, Model.Spec.SpecContext Context)? _spec;

        /// <summary>Starts an analysis: everything is dropped when the configuration changed.</summary>
        internal void Begin(string configurationKey)
        {
            if (!string.Equals(_configurationKey, configurationKey, StringComparison.Ordinal))
            {
                _documents.Clear();
                Configuration = null;
                PreviousIndex = null;
                _spec = null;
            }

            _configurationKey = configurationKey;
            DocumentsReused = 0;
            RuleResultsReused = 0;
        }

        /// <summary>
        /// Forgets everything (an analysis that failed part-way may have left half of what it
        /// read): the next analysis reads every document again.
        /// </summary>
        internal void Reset()
        {
            _configurationKey = null;
            _documents.Clear();
            _repairs.Clear();
            Configuration = null;
            PreviousIndex = null;
            _spec = null;
        }

        /// <summary>Ends an analysis: the documents not among <paramref name="paths"/> are forgotten.</summary>
        internal void End(ICollection<string> paths)
        {
            Forget(_documents, paths);
            Forget(_repairs, paths);
        }

        private static void Forget<T>(Dictionary<string, T> byPath, ICollection<string> kept)
        {
            foreach (var path in byPath.Keys.Where(p => !kept.Contains(p)).ToList()) byPath.Remove(path);
        }

        /// <summary>The entry of a document whose text is <paramref name="text"/>: the one kept when the text is the same, else a new, empty one.</summary>
        internal CachedDocument For(string path, string text)
        {
            if (_documents.TryGetValue(path, out var entry) && (ReferenceEquals(entry.Text, text) || string.Equals(entry.Text, text, StringComparison.Ordinal)))
            {
                entry.Text = text; // compared by reference from now on
                return entry;
            }

            entry = new CachedDocument(text);
            _documents[path] = entry;
            return entry;
        }

        /// <summary>The repair of a double-encoded text (<see cref="AdmittedDocuments.RepairOf"/>), or null; looked for once per text.</summary>
        internal Text.Mojibake? RepairOf(string path, string text)
        {
            if (_repairs.TryGetValue(path, out var known) && (ReferenceEquals(known.Text, text) || string.Equals(known.Text, text, StringComparison.Ordinal)))
            {
                // The same text in a new string (a file opened in the editor): compared by reference from now on.
                _repairs[path] = (text, known.Repair);
                return known.Repair;
            }

            var repair = AdmittedDocuments.RepairOf(text);
            _repairs[path] = (text, repair);
            return repair;
        }

        /// <summary>
        /// The fingerprint of <paramref name="diagnostic"/> (<see cref="Baseline.DiagnosticFingerprint"/>)
        /// on <paramref name="text"/>: the one the last analysis computed for the same rule, path,
        /// offset and arguments on the same text object, else computed. A fingerprint not asked for in
        /// an analysis is forgotten at its end.
        /// </summary>
        internal string FingerprintOf(GovernanceDiagnostic diagnostic, string? text)
        {
            if (text == null) return Baseline.DiagnosticFingerprint.Compute(diagnostic, text);
            var key = new FindingKey(diagnostic);
            if (!(_fingerprints.TryGetValue(key, out var kept) && ReferenceEquals(kept.Text, text)) && !(_nextFingerprints.TryGetValue(key, out kept) && ReferenceEquals(kept.Text, text)))
                kept = (text, Baseline.DiagnosticFingerprint.Compute(diagnostic, text));
            _nextFingerprints[key] = kept;
            return kept.Fingerprint;
        }

        private Dictionary<FindingKey, (string Text, string Fingerprint)> _fingerprints = new Dictionary<FindingKey, (string, string)>();
        private Dictionary<FindingKey, (string Text, string Fingerprint)> _nextFingerprints = new Dictionary<FindingKey, (string, string)>();

        /// <summary>What a fingerprint is computed from, besides the text: rule, path, offset and message arguments (compared in place, not joined).</summary>
        private readonly struct FindingKey : IEquatable<FindingKey>
        {
            private readonly GovernanceDiagnostic _diagnostic;

            public FindingKey(GovernanceDiagnostic diagnostic) => _diagnostic = diagnostic;

            public bool Equals(FindingKey other)
            {
                GovernanceDiagnostic a = _diagnostic, b = other._diagnostic;
                if (a.Span.Start != b.Span.Start || !string.Equals(a.Id, b.Id, StringComparison.Ordinal) || !string.Equals(a.Path, b.Path, StringComparison.Ordinal) || a.Arguments.Count != b.Arguments.Count)
                    return false;
                for (int i = 0; i < a.Arguments.Count; i++)
                {
                    if (!string.Equals(a.Arguments[i], b.Arguments[i], StringComparison.Ordinal)) return false;
                }

                return true;
            }

            public override bool Equals(object? obj) => obj is FindingKey other && Equals(other);

            public override int GetHashCode()
            {
                unchecked
                {
                    int hash = (StringComparer.Ordinal.GetHashCode(_diagnostic.Path) * 31) + StringComparer.Ordinal.GetHashCode(_diagnostic.Id);
                    hash = (hash * 31) + _diagnostic.Span.Start;
                    foreach (var argument in _diagnostic.Arguments) hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(argument);
                    return hash;
                }
            }
        }

        /// <summary>Ends the report step: the fingerprints asked for are the ones kept.</summary>
        internal void EndReport()
        {
            _fingerprints = _nextFingerprints;
            _nextFingerprints = new Dictionary<FindingKey, (string, string)>();
        }

        /// <summary>The entry of <paramref name="packet"/> when the cache read it (the same object), else null.</summary>
        internal CachedDocument? ForPacket(TaskPacket packet) =>
            _documents.TryGetValue(packet.Path, out var entry) && ReferenceEquals(entry.Read(CachedDocument.PacketKind), packet) ? entry : null;
    }

    /// <summary>One document's cached reads (<see cref="AnalysisCache"/>).</summary>
    internal sealed class CachedDocument
    {
        /// <summary>The reader kinds (one document may be of several kinds).</summary>
        internal const string PacketKind = "packet", BoardKind = "board", AdrKind = "adr", RfcKind = "rfc", StubKind = "stub", RegisterKind = "register", LinksKind = "links";

        private readonly Dictionary<string, object> _reads = new Dictionary<string, object>(StringComparer.Ordinal);
        private Dictionary<Rules.TaskPacketRule, List<GovernanceDiagnostic>>? _ruleResults;
        private Model.Spec.SpecContext? _ruleSpec;
        private Model.Scope.RepositoryFiles? _ruleFiles;

        public CachedDocument(string text) => Text = text;

        /// <summary>The text the reads were made from (the last string object that held it).</summary>
        public string Text { get; set; }

        /// <summary>Whether <see cref="Links"/> was collected (only for documents documents.links names).</summary>
        public bool HasLinks { get; private set; }

        /// <summary>The document's links, when collected.</summary>
        public MarkdownLinks? Links { get; private set; }

        /// <summary>Whether <see cref="Suppressions"/> was read (only when inline configuration is on).</summary>
        public bool HasSuppressions { get; private set; }

        /// <summary>The document's inline suppressions, when read.</summary>
        public InlineSuppressions? Suppressions { get; private set; }

        /// <summary>What the reader of <paramref name="kind"/> made of the document, or null when it has not read it.</summary>
        public object? Read(string kind) => _reads.TryGetValue(kind, out var value) ? value : null;

        /// <summary>Keeps what a reader made, with the links and suppressions read from the same parse.</summary>
        public void Keep(string kind, object value, MarkdownLinks? links, InlineSuppressions? suppressions)
        {
            _reads[kind] = value;
            if (links != null) (Links, HasLinks) = (links, true);
            if (suppressions != null) (Suppressions, HasSuppressions) = (suppressions, true);
        }

        /// <summary>
        /// A rule's diagnostics on this packet, computed against a spec with the same facts as
        /// <paramref name="spec"/> and the same repository file list, or null.
        /// </summary>
        public List<GovernanceDiagnostic>? RuleResults(Rules.TaskPacketRule rule, Model.Spec.SpecContext spec, Model.Scope.RepositoryFiles? files)
        {
            if (_ruleResults == null || _ruleSpec == null) return null;
            if (!ReferenceEquals(_ruleFiles, files))
            {
                _ruleResults = null;
                _ruleSpec = null;
                return null;
            }

            if (!ReferenceEquals(_ruleSpec, spec))
            {
                if (!_ruleSpec.SameFactsAs(spec))
                {
                    _ruleResults = null;
                    _ruleSpec = null;
                    return null;
                }

                _ruleSpec = spec;
            }

            return _ruleResults.TryGetValue(rule, out var found) ? found : null;
        }

        /// <summary>Keeps a rule's diagnostics on this packet, computed against <paramref name="spec"/> and <paramref name="files"/>.</summary>
        public void KeepRuleResults(Rules.TaskPacketRule rule, Model.Spec.SpecContext spec, Model.Scope.RepositoryFiles? files, List<GovernanceDiagnostic> found)
        {
            if (_ruleSpec != null && ((!ReferenceEquals(_ruleSpec, spec) && !_ruleSpec.SameFactsAs(spec)) || !ReferenceEquals(_ruleFiles, files))) _ruleResults = null;
            _ruleSpec = spec;
            _ruleFiles = files;
            (_ruleResults ??= new Dictionary<Rules.TaskPacketRule, List<GovernanceDiagnostic>>())[rule] = found;
        }
    }
}
