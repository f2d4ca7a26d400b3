using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.FileSystemGlobbing;
using Orchestrator.Governance.Configuration;

namespace Orchestrator.Governance.Engine
{
    /// <summary>Decides which inputs are of which kind (<see cref="DocumentKinds"/>), by the configured globs, without touching the disk.</summary>
    internal sealed class DocumentClassifier
    {
        private const string Root = "/repo";
        private readonly Dictionary<DocumentKind, Matcher> _kinds = new Dictionary<DocumentKind, Matcher>();
        private readonly (Model.State.StateKind Kind, Matcher Matcher)[] _stateFiles;
        private readonly Matcher? _headers;

        public DocumentClassifier(GovernanceConfig config)
        {
            foreach (var row in DocumentKinds.All) _kinds[row.Kind] = Build(row.Globs(config.Documents));
            _stateFiles = DocumentKinds.All.Where(r => r.StateKind != null).Select(r => (r.StateKind!.Value, _kinds[r.Kind])).ToArray();
            _headers = config.Headers.Include.Count == 0 ? null : Build(new DocumentKindConfig(config.Headers.Include, config.Headers.Exclude));
        }

        /// <summary>The state files among <paramref name="paths"/> with their kind (the first kind whose globs match), in ordinal path order.</summary>
        public SortedDictionary<string, Model.State.StateKind> StateFiles(IEnumerable<string> paths)
        {
            var list = paths.Where(p => p.EndsWith(".json", System.StringComparison.OrdinalIgnoreCase)).ToList();
            var result = new SortedDictionary<string, Model.State.StateKind>(System.StringComparer.Ordinal);
            if (list.Count == 0) return result;
            foreach (var (kind, matcher) in _stateFiles)
            {
                foreach (var file in Matching(matcher, list))
                {
                    if (!result.ContainsKey(file)) result[file] = kind;
                }
            }

            return result;
        }

        /// <summary>The subset of <paramref name="paths"/> that are task packets.</summary>
        public HashSet<string> TaskPackets(IEnumerable<string> paths)
        {
            return new HashSet<string>(Matching(_kinds[DocumentKind.TaskPacket], paths), System.StringComparer.Ordinal);
        }

        /// <summary>The architecture decision records among <paramref name="paths"/>: Markdown files documents.adrs names whose file name starts with a number, in ordinal order.</summary>
        public List<string> Adrs(IEnumerable<string> paths)
        {
            return Matching(_kinds[DocumentKind.Adr], paths.Where(p => p.EndsWith(".md", System.StringComparison.OrdinalIgnoreCase))).Where(p => Model.Decisions.AdrDocument.NumberOf(p) != null).OrderBy(p => p, System.StringComparer.Ordinal).ToList();
        }

        /// <summary>The Markdown documents among <paramref name="paths"/> whose links are checked (documents.links), in ordinal order.</summary>
        public List<string> Links(IEnumerable<string> paths)
        {
            return Matching(_kinds[DocumentKind.LinkSource], paths.Where(p => p.EndsWith(".md", System.StringComparison.OrdinalIgnoreCase))).OrderBy(p => p, System.StringComparer.Ordinal).ToList();
        }

        /// <summary>The OSS register: the first of <paramref name="paths"/> documents.ossRegister names (in the order of its globs), or null.</summary>
        public string? OssRegister(IEnumerable<string> paths, IReadOnlyList<string> includes)
        {
            var found = new HashSet<string>(Matching(_kinds[DocumentKind.OssRegister], paths), System.StringComparer.Ordinal);
            if (found.Count == 0) return null;
            foreach (var include in includes)
            {
                if (found.Contains(include)) return include;
            }

            return found.OrderBy(p => p, System.StringComparer.Ordinal).First();
        }

        /// <summary>The dependency files among <paramref name="paths"/> (documents.ossManifests) of a kind GOV611 reads, in ordinal order.</summary>
        public List<string> OssManifests(IEnumerable<string> paths)
        {
            return Matching(_kinds[DocumentKind.OssManifest], paths.Where(Model.Oss.DependencyManifest.IsManifest)).OrderBy(p => p, System.StringComparer.Ordinal).ToList();
        }

        /// <summary>The task packet stubs among <paramref name="paths"/> (documents.taskPacketStubs), Markdown, in ordinal order.</summary>
        public List<string> Stubs(IEnumerable<string> paths)
        {
            return Matching(_kinds[DocumentKind.TaskPacketStub], paths.Where(p => p.EndsWith(".md", System.StringComparison.OrdinalIgnoreCase))).OrderBy(p => p, System.StringComparer.Ordinal).ToList();
        }

        /// <summary>The RFCs among <paramref name="paths"/> (documents.rfcs), in ordinal order.</summary>
        public List<string> Rfcs(IEnumerable<string> paths)
        {
            return Matching(_kinds[DocumentKind.Rfc], paths).OrderBy(p => p, System.StringComparer.Ordinal).ToList();
        }

        /// <summary>The subset of <paramref name="paths"/> that must carry a metadata header (headers.include / exclude), in ordinal order; empty when headers are off.</summary>
        public List<string> HeaderFiles(IEnumerable<string> paths)
        {
            if (_headers == null) return new List<string>();
            return Matching(_headers, paths).OrderBy(p => p, System.StringComparer.Ordinal).ToList();
        }

        /// <summary>
        /// The paths <paramref name="matcher"/> matches. Each path is matched once per classifier (a
        /// language server keeps one classifier while governance.yml is unchanged); the paths not seen
        /// before are matched together.
        /// </summary>
        private List<string> Matching(Matcher matcher, IEnumerable<string> paths)
        {
            if (!_matched.TryGetValue(matcher, out var known)) _matched[matcher] = known = new Dictionary<string, bool>(System.StringComparer.Ordinal);
            var list = paths as IReadOnlyCollection<string> ?? paths.ToList();
            var unknown = list.Where(p => !known.ContainsKey(p)).Distinct(System.StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                var hits = new HashSet<string>(matcher.Match(Root, unknown.Select(p => Root + "/" + p)).Files.Select(f => f.Path), System.StringComparer.Ordinal);
                foreach (var path in unknown) known[path] = hits.Contains(path);
            }

            return list.Where(p => known[p]).ToList();
        }

        private readonly Dictionary<Matcher, Dictionary<string, bool>> _matched = new Dictionary<Matcher, Dictionary<string, bool>>();

        private static Matcher Build(DocumentKindConfig kind)
        {
            var matcher = new Matcher(System.StringComparison.OrdinalIgnoreCase);
            foreach (var include in kind.Include) matcher.AddInclude(include);
            foreach (var exclude in kind.Exclude) matcher.AddExclude(exclude);
            return matcher;
        }
    }
}
