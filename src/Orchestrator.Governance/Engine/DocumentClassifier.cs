using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.FileSystemGlobbing;
using Orchestrator.Governance.Configuration;

namespace Orchestrator.Governance.Engine
{
    /// <summary>Decides which inputs are task packets, by the configured globs, without touching the disk.</summary>
    internal sealed class DocumentClassifier
    {
        private const string Root = "/repo";
        private readonly Matcher _taskPackets;

        public DocumentClassifier(GovernanceConfig config)
        {
            _taskPackets = Build(config.Documents.TaskPackets);
        }

        /// <summary>The subset of <paramref name="paths"/> that are task packets.</summary>
        public HashSet<string> TaskPackets(IEnumerable<string> paths)
        {
            var list = paths.ToList();
            var result = _taskPackets.Match(Root, list.Select(p => Root + "/" + p));
            return new HashSet<string>(result.Files.Select(f => f.Path), System.StringComparer.Ordinal);
        }

        private static Matcher Build(DocumentKindConfig kind)
        {
            var matcher = new Matcher(System.StringComparison.OrdinalIgnoreCase);
            foreach (var include in kind.Include) matcher.AddInclude(include);
            foreach (var exclude in kind.Exclude) matcher.AddExclude(exclude);
            return matcher;
        }
    }
}
