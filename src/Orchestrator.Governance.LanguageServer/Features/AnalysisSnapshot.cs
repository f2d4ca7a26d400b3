using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.LanguageServer.Protocol;
using Orchestrator.Governance.Model;

namespace Orchestrator.Governance.LanguageServer.Features
{
    /// <summary>
    /// One analysis as the editor features read it: the engine's result, the text of each document
    /// as it was analysed (a fix's offsets and a diagnostic's span refer to that text), and the
    /// version of each open document then. A feature asked about a document whose version has moved
    /// on answers nothing for it until the next analysis.
    /// </summary>
    internal sealed class AnalysisSnapshot
    {
        private readonly Dictionary<string, string> _texts;
        private readonly ConcurrentDictionary<string, LineIndex> _lines = new ConcurrentDictionary<string, LineIndex>(StringComparer.Ordinal);
        private readonly Lazy<ILookup<string, GovernanceDiagnostic>> _byPath;

        public AnalysisSnapshot(GovernanceResult result, IEnumerable<DocumentInput> inputs, IReadOnlyDictionary<string, int> versionsByPath, AnalysisOptions options)
        {
            Result = result;
            Options = options;
            VersionsByPath = versionsByPath;
            _texts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var input in inputs)
            {
                if (input.Text != null) _texts[input.Path] = input.Text;
            }

            _byPath = new Lazy<ILookup<string, GovernanceDiagnostic>>(() => result.Diagnostics.ToLookup(d => d.Path, StringComparer.Ordinal));
        }

        /// <summary>The engine's result.</summary>
        public GovernanceResult Result { get; }

        /// <summary>The options the analysis ran with (the baseline's path).</summary>
        public AnalysisOptions Options { get; }

        /// <summary>The version of each document open at the analysis, by repository-relative path.</summary>
        public IReadOnlyDictionary<string, int> VersionsByPath { get; }

        /// <summary>The analysed text of <paramref name="path"/>, or null when it was not analysed.</summary>
        public string? TextOf(string path) => _texts.TryGetValue(path, out var text) ? text : null;

        /// <summary>The LSP line index of the analysed text of <paramref name="path"/>, or null.</summary>
        public LineIndex? LinesOf(string path)
        {
            string? text = TextOf(path);
            return text == null ? null : _lines.GetOrAdd(path, _ => new LineIndex(text));
        }

        /// <summary>The diagnostics reported in <paramref name="path"/>, in the engine's order.</summary>
        public IEnumerable<GovernanceDiagnostic> DiagnosticsIn(string path) => _byPath.Value[path];

        /// <summary>The packet a WP ID names, as the dependency graph knows it (Topology.PacketOf), or null.</summary>
        public TaskPacket? PacketWithId(string id) => Result.Topology.PacketOf(id);

        /// <summary>The task packet read from <paramref name="path"/>, or null.</summary>
        public TaskPacket? PacketAt(string path) => Result.Packets.FirstOrDefault(p => string.Equals(p.Path, path, StringComparison.Ordinal));
    }
}
