using System;
using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Text;

namespace Orchestrator.Governance.Model.Board
{
    /// <summary>
    /// "<see cref="Dependent"/> depends on <see cref="Blocker"/>", as written in <see cref="Packet"/>
    /// at <see cref="Span"/> (a Depends-on field of the dependent, or a Blocks field of the blocker).
    /// </summary>
    public sealed class DependencyEdge
    {
        internal DependencyEdge(TaskPacket packet, string dependent, string blocker, SourceSpan span, bool fromBlocksField)
        {
            Packet = packet;
            Dependent = dependent;
            Blocker = blocker;
            Span = span;
            FromBlocksField = fromBlocksField;
        }

        /// <summary>The packet the edge is written in.</summary>
        public TaskPacket Packet { get; }

        /// <summary>The WP that waits.</summary>
        public string Dependent { get; }

        /// <summary>The WP it waits for.</summary>
        public string Blocker { get; }

        /// <summary>The span of the WP ID that made the edge.</summary>
        public SourceSpan Span { get; }

        /// <summary>True when written as "Blocks: X" in the blocker's packet.</summary>
        public bool FromBlocksField { get; }

        /// <summary>The WP named at <see cref="Span"/>.</summary>
        public string Named => FromBlocksField ? Dependent : Blocker;
    }

    /// <summary>
    /// The WP dependency graph and the board, built once per analysis (seed 003 Parts 6-7). Every
    /// edge keeps the span of the ID that made it; cycles are found with Tarjan's algorithm in time
    /// linear in packets and edges.
    /// </summary>
    public sealed class Topology
    {
        private readonly Dictionary<string, TaskPacket> _packets;
        private readonly Dictionary<string, (string Status, string Source)> _status;

        private Topology(TaskBoard? board, Dictionary<string, TaskPacket> packets, Dictionary<string, (string, string)> status, IReadOnlyList<DependencyEdge> edges, DependenciesConfig config)
        {
            Board = board;
            _packets = packets;
            _status = status;
            Edges = edges;
            Config = config;
            Cycles = FindCycles(edges);
        }

        /// <summary>The task board, or null when the repository has none.</summary>
        public TaskBoard? Board { get; }

        /// <summary>Every edge, in packet path order then document order.</summary>
        public IReadOnlyList<DependencyEdge> Edges { get; }

        /// <summary>One cycle per strongly connected component: its edges in order, closing on the first WP.</summary>
        public IReadOnlyList<IReadOnlyList<DependencyEdge>> Cycles { get; }

        /// <summary>The dependency configuration.</summary>
        public DependenciesConfig Config { get; }

        /// <summary>The packet of a WP ID (TASK_ID or file name), or null.</summary>
        public TaskPacket? PacketOf(string id) => _packets.TryGetValue(id, out var p) ? p : null;

        /// <summary>
        /// The WP IDs that name <paramref name="packet"/> in the graph: its declared TASK_ID, then its
        /// file name, each unless another packet holds it (a file name is held by the first packet of
        /// that name in path order, before any packet's TASK_ID; a TASK_ID by the first packet declaring
        /// it that no file is named after); both when others hold both (GOV106 reports the duplicate).
        /// Empty for a packet the topology was not built from. A packet's board entries and edges are
        /// those of these IDs (seed 003 §6.1: the board lists a WP by its ID).
        /// </summary>
        public IReadOnlyList<string> IdsOf(TaskPacket packet) => _idsOf.TryGetValue(packet, out var ids) ? ids : Array.Empty<string>();

        /// <summary>Every WP with a packet or a board entry, in ordinal order.</summary>
        public IEnumerable<string> KnownIds => _packets.Keys.Concat(Board?.ById.Keys ?? Enumerable.Empty<string>()).Distinct(StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal);

        /// <summary>Whether the WP has a packet or a board entry.</summary>
        public bool IsKnown(string id) => _packets.ContainsKey(id) || (Board?.ById.ContainsKey(id) ?? false);

        /// <summary>A WP's status as written (board token first, else packet STATUS), with where it comes from ("board", "packet"), or null.</summary>
        public (string Status, string Source)? StatusOf(string id) => _status.TryGetValue(id, out var s) ? s : ((string, string)?)null;

        /// <summary>
        /// Builds the topology of the packets and (optional) board. With <paramref name="previous"/>
        /// (the topology of the last analysis under the same configuration, a language server's), what
        /// an unchanged packet (the same object) says for the topology is taken from it, not read again.
        /// </summary>
        public static Topology Build(IReadOnlyList<TaskPacket> packets, TaskPacketProfile profile, TaskBoard? board, DependenciesConfig config, Topology? previous = null)
        {
            var byId = new Dictionary<string, TaskPacket>(StringComparer.Ordinal);
            var status = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
            var ownIds = new List<HashSet<string>>(packets.Count);
            var idsOf = new Dictionary<TaskPacket, IReadOnlyList<string>>(packets.Count);
            var dependsOn = new HashSet<string>(config.DependsOn.Select(KeyNormalizer.Normalize), StringComparer.Ordinal);
            var blocks = new HashSet<string>(config.Blocks.Select(KeyNormalizer.Normalize), StringComparer.Ordinal);
            var read = new Dictionary<TaskPacket, PacketTopology>(packets.Count);
            foreach (var p in packets)
            {
                read[p] = previous != null && previous._read.TryGetValue(p, out var kept) ? kept : PacketTopology.Read(p, profile, dependsOn, blocks);
            }

            // A file name names its packet before any other packet's TASK_ID does (a TASK_ID that repeats another
            // packet's is GOV105/GOV106), so which packet holds an ID does not hang on the order of the files.
            foreach (var p in packets)
            {
                if (!byId.ContainsKey(p.FileStem)) byId[p.FileStem] = p;
            }

            foreach (var p in packets)
            {
                string? declared = read[p].DeclaredId;
                if (declared != null && !byId.ContainsKey(declared)) byId[declared] = p;
            }

            foreach (var p in packets)
            {
                var facts = read[p];
                var own = new HashSet<string>(new[] { p.FileStem, facts.DeclaredId }.Where(id => id != null && byId[id] == p)!, StringComparer.Ordinal);
                ownIds.Add(own);
                var named = new[] { facts.DeclaredId ?? p.FileStem, p.FileStem }.Distinct(StringComparer.Ordinal).ToList();
                idsOf[p] = (own.Count == 0 ? named : named.Where(own.Contains)).ToArray();
                if (facts.Status == null) continue;
                foreach (var id in own) status[id] = (facts.Status, "packet");
            }

            if (board != null)
            {
                foreach (var e in board.Entries)
                {
                    if (!status.ContainsKey(e.Id) || status[e.Id].Item2 == "packet") status[e.Id] = (e.Status, "board");
                }
            }

            var edges = new List<DependencyEdge>();
            for (int n = 0; n < packets.Count; n++)
            {
                var p = packets[n];
                var own = ownIds[n];
                string self = own.OrderBy(x => x.Length).FirstOrDefault() ?? p.FileStem;
                foreach (var (id, span, blocksIt) in read[p].Mentions)
                {
                    if (own.Contains(id)) continue;
                    edges.Add(blocksIt ? new DependencyEdge(p, id, self, span, true) : new DependencyEdge(p, self, id, span, false));
                }
            }

            return new Topology(board, byId, status, edges, config) { _read = read, _idsOf = idsOf };
        }

        private IReadOnlyDictionary<TaskPacket, PacketTopology> _read = new Dictionary<TaskPacket, PacketTopology>();

        private IReadOnlyDictionary<TaskPacket, IReadOnlyList<string>> _idsOf = new Dictionary<TaskPacket, IReadOnlyList<string>>();

        /// <summary>What one packet says for the topology, from its text alone: its declared ID, its STATUS and the WP IDs its dependency fields name.</summary>
        private sealed class PacketTopology
        {
            private PacketTopology(string? declaredId, string? status, List<(string Id, SourceSpan Span, bool BlocksIt)> mentions)
            {
                DeclaredId = declaredId;
                Status = status;
                Mentions = mentions;
            }

            public string? DeclaredId { get; }

            public string? Status { get; }

            /// <summary>Each WP ID a dependency field names (not a replacement), where, and whether it waits for this packet.</summary>
            public List<(string Id, SourceSpan Span, bool BlocksIt)> Mentions { get; }

            public static PacketTopology Read(TaskPacket p, TaskPacketProfile profile, HashSet<string> dependsOn, HashSet<string> blocks)
            {
                var idField = profile == null ? null : profile.FieldOf(p, "TASK_ID");
                string? declared = idField == null ? null : PacketFacts.DeclaredId(idField);
                var statusField = profile!.FieldOf(p, "STATUS");
                string? status = statusField != null && statusField.Value.Length > 0 ? statusField.Value : null;
                var mentions = new List<(string, SourceSpan, bool)>();
                foreach (var field in p.Fields)
                {
                    if (field.Section != null && field.Section.IsIgnored) continue;
                    bool isDepends = dependsOn.Contains(field.Key);
                    if (!isDepends && !blocks.Contains(field.Key)) continue;
                    var sources = new List<(string Text, int Start)> { (field.Value, field.ValueSpan.Start) };

                    // Entries that are dependency fields themselves ("* **Blocks:** WP-1-X" under
                    // "### Dependencies") are read as those fields, not as entries of this one.
                    sources.AddRange(field.Items.Where(i => !StartsWithKey(i.Text, dependsOn, blocks)).Select(i => (i.Text, i.Span.Start)));
                    foreach (var (text, start) in sources)
                    {
                        foreach (var (id, index) in TaskBoard.FindIds(text))
                        {
                            if (NamesReplacement(text, index)) continue;
                            mentions.Add((id, p.Document.Span(start + index, id.Length), !isDepends || NamesDependent(text, index)));
                        }
                    }
                }

                return new PacketTopology(declared, status, mentions);
            }
        }

        private static readonly string[] DependentPhrases = { "prerequisite for", "required by", "needed by", "unblocks", "blocks ", "blocking " };

        /// <summary>
        /// In prose of a Dependencies field, "this packet is a prerequisite for ... WP-1-X" (or
        /// "required by", "needed by", "unblocks", "blocks") names a WP that waits for this one.
        /// Only the clause before the ID is read (from the last '.' or ';').
        /// </summary>
        private static bool NamesDependent(string text, int index)
        {
            int from = Math.Max(text.LastIndexOf('.', Math.Max(0, index - 1)), text.LastIndexOf(';', Math.Max(0, index - 1))) + 1;
            string clause = text.Substring(from, index - from);
            return DependentPhrases.Any(ph => clause.IndexOf(ph, StringComparison.OrdinalIgnoreCase) >= 0);
        }

        private static bool StartsWithKey(string text, ISet<string> dependsOn, ISet<string> blocks)
        {
            int colon = text.IndexOf(':');
            if (colon <= 0 || colon > 40) return false;
            string key = KeyNormalizer.Normalize(text.Substring(0, colon));
            return dependsOn.Contains(key) || blocks.Contains(key);
        }

        /// <summary>"Supersedes failed WP-1-X" or "replaces WP-1-X" is lineage, not a dependency.</summary>
        private static bool NamesReplacement(string text, int index)
        {
            int from = Math.Max(0, index - 40);
            string before = text.Substring(from, index - from);
            return before.IndexOf("supersed", StringComparison.OrdinalIgnoreCase) >= 0 || before.IndexOf("replac", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        private static List<IReadOnlyList<DependencyEdge>> FindCycles(IReadOnlyList<DependencyEdge> edges)
        {
            var outgoing = new Dictionary<string, List<DependencyEdge>>(StringComparer.Ordinal);
            foreach (var e in edges)
            {
                if (!outgoing.TryGetValue(e.Dependent, out var list)) outgoing[e.Dependent] = list = new List<DependencyEdge>();
                list.Add(e);
                if (!outgoing.ContainsKey(e.Blocker)) outgoing[e.Blocker] = new List<DependencyEdge>();
            }

            // Iterative Tarjan: O(V + E), no recursion (10,000 packets must not overflow the stack).
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var low = new Dictionary<string, int>(StringComparer.Ordinal);
            var onStack = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>();
            var components = new List<List<string>>();
            int counter = 0;
            foreach (var root in outgoing.Keys.OrderBy(k => k, StringComparer.Ordinal))
            {
                if (index.ContainsKey(root)) continue;
                var work = new Stack<(string Node, int Next)>();
                work.Push((root, 0));
                index[root] = low[root] = counter++;
                stack.Push(root);
                onStack.Add(root);
                while (work.Count > 0)
                {
                    var (node, next) = work.Pop();
                    var succ = outgoing[node];
                    if (next < succ.Count)
                    {
                        work.Push((node, next + 1));
                        string w = succ[next].Blocker;
                        if (!index.ContainsKey(w))
                        {
                            index[w] = low[w] = counter++;
                            stack.Push(w);
                            onStack.Add(w);
                            work.Push((w, 0));
                        }
                        else if (onStack.Contains(w))
                        {
                            low[node] = Math.Min(low[node], index[w]);
                        }

                        continue;
                    }

                    if (work.Count > 0) low[work.Peek().Node] = Math.Min(low[work.Peek().Node], low[node]);
                    if (low[node] != index[node]) continue;
                    var component = new List<string>();
                    string x;
                    do
                    {
                        x = stack.Pop();
                        onStack.Remove(x);
                        component.Add(x);
                    }
                    while (x != node);
                    components.Add(component);
                }
            }

            var cycles = new List<IReadOnlyList<DependencyEdge>>();
            foreach (var component in components)
            {
                var members = new HashSet<string>(component, StringComparer.Ordinal);
                string start = component.OrderBy(c => c, StringComparer.Ordinal).First();
                bool selfLoop = outgoing[start].Any(e => e.Blocker == start);
                if (component.Count < 2 && !selfLoop) continue;

                // Shortest way round from the first WP back to itself, inside the component.
                var cameBy = new Dictionary<string, DependencyEdge>(StringComparer.Ordinal);
                var queue = new Queue<string>();
                queue.Enqueue(start);
                DependencyEdge? closing = null;
                while (queue.Count > 0 && closing == null)
                {
                    string node = queue.Dequeue();
                    foreach (var e in outgoing[node])
                    {
                        if (!members.Contains(e.Blocker)) continue;
                        if (e.Blocker == start)
                        {
                            closing = e;
                            break;
                        }

                        if (cameBy.ContainsKey(e.Blocker)) continue;
                        cameBy[e.Blocker] = e;
                        queue.Enqueue(e.Blocker);
                    }
                }

                if (closing == null) continue;
                var path = new List<DependencyEdge> { closing };
                for (string n = closing.Dependent; n != start; n = cameBy[n].Dependent) path.Add(cameBy[n]);
                path.Reverse();
                cycles.Add(path);
            }

            return cycles.OrderBy(c => c[0].Dependent, StringComparer.Ordinal).ToList();
        }
    }
}
