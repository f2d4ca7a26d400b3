using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Model.Spec;

namespace Orchestrator.Governance.Benchmarks
{
    /// <summary>
    /// The Handshake corpus (../shared/corpus/handshake: 123 task packets, SPEC_CURRENT.md and the
    /// 2.7 MB Master Spec), read into memory once. Markdig's parse of the same texts is the floor.
    /// </summary>
    [MemoryDiagnoser]
    public class CorpusBenchmarks
    {
        private List<DocumentInput> _inputs = new List<DocumentInput>();
        private List<DocumentInput> _withBoard = new List<DocumentInput>();
        private List<Model.TaskPacket> _packets = new List<Model.TaskPacket>();
        private Model.TaskPacketProfile _packetProfile = null!;
        private ParsedMarkdown _board = null!;
        private GovernanceConfig _config = null!;
        private DocumentInput _spec = null!;
        private SpecProfile _profile = null!;

        /// <summary>Corpus root: CORPUS environment variable, else ../shared/corpus/handshake above the repository.</summary>
        public static string CorpusRoot()
        {
            string? env = Environment.GetEnvironmentVariable("CORPUS");
            if (!string.IsNullOrEmpty(env)) return env;
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Orchestrator.sln"))) dir = dir.Parent;
            if (dir?.Parent == null) throw new InvalidOperationException("Set CORPUS to the corpus folder.");
            return Path.Combine(dir.Parent.FullName, "shared", "corpus", "handshake");
        }

        [GlobalSetup]
        public void Setup()
        {
            string root = CorpusRoot();
            var packets = Directory.GetFiles(Path.Combine(root, "docs", "task_packets"), "WP-*.md");
            foreach (var file in packets.OrderBy(f => f, StringComparer.Ordinal))
                _inputs.Add(DocumentInput.FromBytes("docs/task_packets/" + Path.GetFileName(file), File.ReadAllBytes(file)));
            _inputs.Add(DocumentInput.FromBytes("docs/SPEC_CURRENT.md", File.ReadAllBytes(Path.Combine(root, "docs", "SPEC_CURRENT.md"))));
            _spec = DocumentInput.FromBytes("Handshake_Master_Spec_v02.123.md", File.ReadAllBytes(Path.Combine(root, "Handshake_Master_Spec_v02.123.md")));
            _inputs.Add(_spec);
            _profile = new SpecProfile(ConfigLoader.Default.Spec);
            var config = _config = ConfigLoader.Default;
            _packetProfile = new Model.TaskPacketProfile(config.TaskPacket, config.Dependencies.DependsOn.Concat(config.Dependencies.Blocks));
            _packets = _inputs.Where(i => i.Path.StartsWith("docs/task_packets/", StringComparison.Ordinal))
                .Select(i => Model.TaskPacketReader.Read(ParsedMarkdown.Parse(i.Path, i.Text!), _packetProfile)).ToList();
            _board = ParsedMarkdown.Parse("docs/TASK_BOARD.md", DocumentInput.FromBytes("docs/TASK_BOARD.md", File.ReadAllBytes(Path.Combine(root, "docs", "TASK_BOARD.md"))).Text!);
            _withBoard = _inputs.Concat(new[] { DocumentInput.FromBytes("docs/TASK_BOARD.md", File.ReadAllBytes(Path.Combine(root, "docs", "TASK_BOARD.md"))) }).ToList();

            // The same documents with a baseline that records every finding they have (as `governance baseline` writes it).
            var all = GovernanceEngine.Analyze(_withBoard).Diagnostics;
            string baseline = Baseline.GovernanceBaseline.Write(Baseline.GovernanceBaseline.Record(all));
            _withBaseline = _withBoard.Concat(new[] { DocumentInput.FromText(Baseline.GovernanceBaseline.DefaultPath, baseline) }).ToList();
        }

        private List<DocumentInput> _withBaseline = new List<DocumentInput>();

        /// <summary>Floor: Markdig's default pipeline over the same 125 texts.</summary>
        [Benchmark(Baseline = true)]
        public int MarkdigPlainParse()
        {
            int blocks = 0;
            foreach (var input in _inputs) blocks += Markdig.Markdown.Parse(input.Text!).Count;
            return blocks;
        }

        /// <summary>Markdig with the engine's pipeline (YAML front matter, pipe tables), line map included.</summary>
        [Benchmark]
        public int EnginePipelineParse()
        {
            int blocks = 0;
            foreach (var input in _inputs) blocks += ParsedMarkdown.Parse(input.Path, input.Text!).Ast.Count;
            return blocks;
        }

        /// <summary>The spec alone: parse and index (sections, IDs, requirements, numbering).</summary>
        [Benchmark]
        public int SpecParseAndIndex() => SpecReader.Read(new TextDocument(_spec.Path, _spec.Text!), _profile).Requirements.Count;

        /// <summary>The whole check, spec indexing included, with nothing reused from an earlier run.</summary>
        [Benchmark]
        public int FullCheck() => GovernanceEngine.Analyze(_inputs, new AnalysisOptions { ReuseParsedSpec = false }).Diagnostics.Count;

        /// <summary>The whole check as an IDE sees it after the first build: the parsed spec reused.</summary>
        [Benchmark]
        public int FullCheckSpecCached() => GovernanceEngine.Analyze(_inputs).Diagnostics.Count;

        /// <summary>
        /// <see cref="FullCheckSpecCached"/> with the task board added: the difference is the board's
        /// parse and the board rules (GOV304-GOV307); the dependency graph is built in both.
        /// </summary>
        [Benchmark]
        public int FullCheckSpecCachedWithBoard() => GovernanceEngine.Analyze(_withBoard).Diagnostics.Count;

        /// <summary>
        /// <see cref="FullCheckSpecCachedWithBoard"/> with governance.baseline.json recording all of
        /// its findings: the difference is the fingerprints, the baseline's parse and schema check,
        /// and the matching (issue 12 asks for at most 10% more).
        /// </summary>
        [Benchmark]
        public int FullCheckSpecCachedWithBoardAndBaseline() => GovernanceEngine.Analyze(_withBaseline).Baselined.Count;

        /// <summary>The cross-document index of the corpus alone: read the parsed board, build the dependency graph over the parsed packets.</summary>
        [Benchmark]
        public int BoardAndGraph()
        {
            var board = Model.Board.TaskBoard.Read(_board, _config.Board);
            return Model.Board.Topology.Build(_packets, _packetProfile, board, _config.Dependencies).Edges.Count + board.Entries.Count;
        }
    }
}
