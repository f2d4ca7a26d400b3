using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using Orchestrator.Governance.LanguageServer;
using Orchestrator.Governance.LanguageServer.Workspace;

namespace Orchestrator.Governance.Benchmarks
{
    /// <summary>
    /// The language server's work after an edit (issue 15's latency, without the debounce and the
    /// pipes): the corpus loaded once, a packet and the spec open; each operation edits one of them
    /// (a line with an unfilled placeholder added or removed, so the diagnostics change every time),
    /// analyses the workspace and converts and publishes what changed (to Stream.Null).
    /// </summary>
    [MemoryDiagnoser]
    public class LanguageServerBenchmarks
    {
        private const string PacketPath = "docs/task_packets/WP-1-ACE-Auditability.md";
        private const string SpecPath = "Handshake_Master_Spec_v02.123.md";
        private GovernanceLanguageServer _server = null!;
        private OpenDocument _packet = null!;
        private OpenDocument _spec = null!;
        private int _version = 1;

        [GlobalSetup]
        public void Setup()
        {
            string root = CorpusBenchmarks.CorpusRoot();
            _server = new GovernanceLanguageServer(Stream.Null, Stream.Null, new ServerOptions { Today = new DateTime(2026, 12, 2), DocsFolder = null });
            var workspace = new GovernanceWorkspace(root);
            _server.Workspace = workspace;
            _server.AnalyzeAndPublish();
            _packet = new OpenDocument(new Uri(Path.Combine(root, PacketPath)).AbsoluteUri, PacketPath, 1, File.ReadAllText(Path.Combine(root, PacketPath)));
            _spec = new OpenDocument(new Uri(Path.Combine(root, SpecPath)).AbsoluteUri, SpecPath, 1, File.ReadAllText(Path.Combine(root, SpecPath)));
            workspace.OpenDocument(_packet);
            workspace.OpenDocument(_spec);
            _server.AnalyzeAndPublish();
        }

        private void Edit(OpenDocument document)
        {
            _version++;
            string change = _version % 2 == 0
                ? "[{\"range\":{\"start\":{\"line\":3,\"character\":0},\"end\":{\"line\":3,\"character\":0}},\"text\":\"- NOTE: {placeholder}\\n\"}]"
                : "[{\"range\":{\"start\":{\"line\":3,\"character\":0},\"end\":{\"line\":4,\"character\":0}},\"text\":\"\"}]";
            using var json = System.Text.Json.JsonDocument.Parse(change);
            document.Apply(_version, json.RootElement.EnumerateArray());
        }

        /// <summary>A packet edited, then the whole workspace analysed (the parsed spec reused) and published.</summary>
        [Benchmark]
        public void PacketEdit()
        {
            Edit(_packet);
            _server.AnalyzeAndPublish();
        }

        /// <summary>The 2.7 MB spec edited (parsed again), then the workspace analysed and published.</summary>
        [Benchmark]
        public void SpecEdit()
        {
            Edit(_spec);
            _server.AnalyzeAndPublish();
        }
    }
}
