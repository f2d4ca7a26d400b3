using System.Collections.Generic;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Model;
using Orchestrator.Governance.Model.Board;

namespace Orchestrator.Governance.Benchmarks
{
    /// <summary>
    /// Synthetic repositories of <see cref="Packets"/> small task packets: packet i depends on i+1
    /// (a chain as long as the repository) and every tenth also on i+7; a task board lists every WP.
    /// Linear time shows as 10x the time for 10x the packets.
    /// </summary>
    [MemoryDiagnoser]
    public class TopologyBenchmarks
    {
        private List<DocumentInput> _inputs = new List<DocumentInput>();
        private List<TaskPacket> _packets = new List<TaskPacket>();
        private ParsedMarkdown _board = null!;
        private TaskPacketProfile _profile = null!;
        private GovernanceConfig _config = null!;

        /// <summary>Number of packets.</summary>
        [Params(1000, 10000)]
        public int Packets { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _config = ConfigLoader.Default;
            _profile = new TaskPacketProfile(_config.TaskPacket, _config.Dependencies.DependsOn.Concat(_config.Dependencies.Blocks));
            var board = new StringBuilder("# Task Board\n\n## Ready for Dev\n");
            for (int i = 0; i < Packets; i++)
            {
                string deps = i + 1 < Packets ? "WP-1-P" + (i + 1) + (i % 10 == 0 && i + 7 < Packets ? ", WP-1-P" + (i + 7) : string.Empty) : "none";
                string text = "# Task Packet: WP-1-P" + i + "\n\n## Metadata\n- TASK_ID: WP-1-P" + i + "\n- STATUS: Ready-for-Dev\n\n## Notes\n- **Dependencies**: " + deps + "\n";
                _inputs.Add(DocumentInput.FromText("docs/task_packets/WP-1-P" + i + ".md", text));
                board.Append("- **[WP-1-P").Append(i).Append("]** - [READY_FOR_DEV]\n");
            }

            _inputs.Add(DocumentInput.FromText("docs/TASK_BOARD.md", board.ToString()));
            _packets = _inputs.Take(Packets).Select(d => TaskPacketReader.Read(ParsedMarkdown.Parse(d.Path, d.Text!), _profile)).ToList();
            _board = ParsedMarkdown.Parse("docs/TASK_BOARD.md", board.ToString());
        }

        /// <summary>The cross-document index alone: read the board, build the graph, find cycles (packets already parsed).</summary>
        [Benchmark]
        public int BoardAndGraph()
        {
            var board = TaskBoard.Read(_board, _config.Board);
            return Topology.Build(_packets, _profile, board, _config.Dependencies).Cycles.Count + board.Entries.Count;
        }

        /// <summary>The board alone.</summary>
        [Benchmark]
        public int BoardOnly() => TaskBoard.Read(_board, _config.Board).Entries.Count;

        /// <summary>The whole check of the synthetic repository: parse, per-document rules, graph and GOV3xx rules.</summary>
        [Benchmark]
        public int FullCheck() => GovernanceEngine.Analyze(_inputs).Diagnostics.Count;
    }
}
