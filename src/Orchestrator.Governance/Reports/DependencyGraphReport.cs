using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Orchestrator.Governance.Model.Board;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Model;

namespace Orchestrator.Governance.Reports
{
    /// <summary>
    /// The WP dependency graph of one analysis (seed 003 Part 7), for people: every WP that takes
    /// part in a dependency, colored by status (board status first, else packet STATUS), with an
    /// arrow from each blocker to the WP that waits for it. Edges of a cycle (GOV302) and edges
    /// whose dependent started before its blocker was VALIDATED (GOV303) are highlighted. WPs
    /// without any dependency are counted, not drawn. Rendered as Mermaid (GitHub renders a
    /// ```mermaid block) or Graphviz DOT. Output is deterministic: nodes in ordinal ID order, edges
    /// in the order of <see cref="Topology.Edges"/> without duplicates.
    /// </summary>
    public sealed class DependencyGraphReport
    {
        /// <summary>Status classes, each with its fill color (Material palette, light shades).</summary>
        private static readonly (string Class, string Fill, string Stroke)[] Classes =
        {
            ("validated", "#c8e6c9", "#2e7d32"),
            ("done", "#dcedc8", "#558b2f"),
            ("progress", "#fff3c4", "#f9a825"),
            ("ready", "#bbdefb", "#1565c0"),
            ("blocked", "#ffcdd2", "#c62828"),
            ("other", "#eeeeee", "#616161"),
            ("unknown", "#ffffff", "#9e9e9e"),
        };

        private DependencyGraphReport(IReadOnlyList<GraphNode> nodes, IReadOnlyList<GraphEdge> edges, int isolated)
        {
            Nodes = nodes;
            Edges = edges;
            IsolatedCount = isolated;
        }

        /// <summary>One WP: ID, status as written ("" when unknown) and status class.</summary>
        public sealed class GraphNode
        {
            internal GraphNode(string id, string status, string statusClass)
            {
                Id = id;
                Status = status;
                StatusClass = statusClass;
            }

            /// <summary>The WP ID.</summary>
            public string Id { get; }

            /// <summary>Board status, else packet STATUS, else "".</summary>
            public string Status { get; }

            /// <summary>validated, done, progress, ready, blocked, other or unknown (no packet, no board entry).</summary>
            public string StatusClass { get; }
        }

        /// <summary>One edge: the blocker comes before the dependent.</summary>
        public sealed class GraphEdge
        {
            internal GraphEdge(string blocker, string dependent, bool inCycle, bool blocked)
            {
                Blocker = blocker;
                Dependent = dependent;
                InCycle = inCycle;
                Blocked = blocked;
            }

            /// <summary>The WP that must be VALIDATED first.</summary>
            public string Blocker { get; }

            /// <summary>The WP that waits.</summary>
            public string Dependent { get; }

            /// <summary>Part of a dependency cycle (GOV302).</summary>
            public bool InCycle { get; }

            /// <summary>The dependent started while the blocker is not VALIDATED (GOV303).</summary>
            public bool Blocked { get; }
        }

        /// <summary>The WPs drawn, in ordinal ID order.</summary>
        public IReadOnlyList<GraphNode> Nodes { get; }

        /// <summary>The edges, once per (blocker, dependent) pair.</summary>
        public IReadOnlyList<GraphEdge> Edges { get; }

        /// <summary>WPs with a packet or board entry but no dependency, not drawn.</summary>
        public int IsolatedCount { get; }

        /// <summary>Builds the graph of <paramref name="result"/>; <paramref name="phase"/> keeps only edges touching WP-{phase}-... WPs.</summary>
        public static DependencyGraphReport Build(GovernanceResult result, string? phase = null)
        {
            var topology = result.Topology;
            string? prefix = string.IsNullOrEmpty(phase) ? null : "WP-" + phase + "-";
            var cycleEdges = new HashSet<(string, string)>(topology.Cycles.SelectMany(c => c).Select(e => (e.Blocker, e.Dependent)));
            var edges = new List<GraphEdge>();
            var seen = new HashSet<(string, string)>();
            foreach (var e in topology.Edges)
            {
                if (prefix != null && !e.Blocker.StartsWith(prefix, StringComparison.Ordinal) && !e.Dependent.StartsWith(prefix, StringComparison.Ordinal)) continue;
                if (!seen.Add((e.Blocker, e.Dependent))) continue;
                bool blocked = TopologyFacts.Blocked(topology, e, result.Profile) != null;
                edges.Add(new GraphEdge(e.Blocker, e.Dependent, cycleEdges.Contains((e.Blocker, e.Dependent)), blocked));
            }

            var drawn = new SortedSet<string>(edges.SelectMany(e => new[] { e.Blocker, e.Dependent }), StringComparer.Ordinal);
            var nodes = drawn.Select(id =>
            {
                var status = topology.StatusOf(id);
                return new GraphNode(id, status?.Status ?? string.Empty, ClassOf(topology, id, status?.Status));
            }).ToList();
            int isolated = topology.KnownIds.Count(id => !drawn.Contains(id) && (prefix == null || id.StartsWith(prefix, StringComparison.Ordinal)));
            return new DependencyGraphReport(nodes, edges, isolated);
        }

        private static string ClassOf(Topology topology, string id, string? status)
        {
            if (status == null) return topology.IsKnown(id) ? "other" : "unknown";
            if (TopologyFacts.IsValidated(topology, id)) return "validated";
            string s = PacketFacts.Comparable(status);
            if (s.StartsWith("DONE", StringComparison.Ordinal)) return "done";
            if (s.StartsWith("INPROGRESS", StringComparison.Ordinal)) return "progress";
            if (s.StartsWith("READY", StringComparison.Ordinal)) return "ready";
            if (s.StartsWith("BLOCKED", StringComparison.Ordinal) || s.StartsWith("FAIL", StringComparison.Ordinal)) return "blocked";
            return "other";
        }

        /// <summary>A Mermaid flowchart (left to right), without the surrounding ```mermaid fence.</summary>
        public string ToMermaid()
        {
            var ids = Nodes.Select((n, i) => (n.Id, Key: "n" + i)).ToDictionary(x => x.Id, x => x.Key, StringComparer.Ordinal);
            var sb = new StringBuilder();
            sb.Append("flowchart LR\n");
            sb.Append("  %% WP dependency graph: an arrow runs from a blocker to the WP that waits for it.\n");
            sb.Append("  %% Red: dependency cycle (GOV302). Orange: started before its blocker was VALIDATED (GOV303).\n");
            sb.Append("  %% ").Append(Nodes.Count).Append(" WPs with dependencies drawn; ").Append(IsolatedCount).Append(" WPs without dependencies not drawn.\n");
            foreach (var n in Nodes)
            {
                string label = n.Status.Length == 0 ? Escape(n.Id) : Escape(n.Id) + "<br/>" + Escape(n.Status);
                sb.Append("  ").Append(ids[n.Id]).Append("[\"").Append(label).Append("\"]:::").Append(n.StatusClass).Append('\n');
            }

            for (int i = 0; i < Edges.Count; i++)
            {
                var e = Edges[i];
                sb.Append("  ").Append(ids[e.Blocker]).Append(" --> ").Append(ids[e.Dependent]).Append('\n');
            }

            foreach (var (cls, fill, stroke) in Classes)
                sb.Append("  classDef ").Append(cls).Append(" fill:").Append(fill).Append(",stroke:").Append(stroke).Append(cls == "unknown" ? ",stroke-dasharray:4 3" : string.Empty).Append('\n');
            for (int i = 0; i < Edges.Count; i++)
            {
                if (Edges[i].InCycle) sb.Append("  linkStyle ").Append(i).Append(" stroke:#d32f2f,stroke-width:3px\n");
                else if (Edges[i].Blocked) sb.Append("  linkStyle ").Append(i).Append(" stroke:#ef6c00,stroke-width:3px\n");
            }

            return sb.ToString();
        }

        /// <summary>A Graphviz DOT digraph (left to right).</summary>
        public string ToDot()
        {
            var sb = new StringBuilder();
            sb.Append("digraph wp_dependencies {\n");
            sb.Append("  // An arrow runs from a blocker to the WP that waits for it. Red: cycle (GOV302); orange: started before its blocker was VALIDATED (GOV303).\n");
            sb.Append("  // ").Append(Nodes.Count).Append(" WPs with dependencies drawn; ").Append(IsolatedCount).Append(" WPs without dependencies not drawn.\n");
            sb.Append("  rankdir=LR;\n  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];\n");
            foreach (var n in Nodes)
            {
                var (_, fill, stroke) = Classes.First(c => c.Class == n.StatusClass);
                string label = n.Status.Length == 0 ? DotEscape(n.Id) : DotEscape(n.Id) + "\\n" + DotEscape(n.Status);
                sb.Append("  \"").Append(DotEscape(n.Id)).Append("\" [label=\"").Append(label).Append("\", fillcolor=\"").Append(fill).Append("\", color=\"").Append(stroke).Append('"')
                  .Append(n.StatusClass == "unknown" ? ", style=\"rounded,dashed\"" : string.Empty).Append("];\n");
            }

            foreach (var e in Edges)
            {
                sb.Append("  \"").Append(DotEscape(e.Blocker)).Append("\" -> \"").Append(DotEscape(e.Dependent)).Append('"');
                if (e.InCycle) sb.Append(" [color=\"#d32f2f\", penwidth=3]");
                else if (e.Blocked) sb.Append(" [color=\"#ef6c00\", penwidth=3]");
                sb.Append(";\n");
            }

            sb.Append("}\n");
            return sb.ToString();
        }

        /// <summary>Mermaid labels are quoted: a double quote is written as its entity.</summary>
        /// <summary>
        /// Text as a Mermaid label shows it: one line, and every character Mermaid or the HTML it
        /// renders could read as markup (", &lt;, &gt;, &amp;, #, `) as Mermaid's entity code (#60;), so a
        /// STATUS of "&lt;img src=x onerror=...&gt;" is shown as text, never rendered.
        /// </summary>
        private static string Escape(string s)
        {
            var sb = new StringBuilder();
            foreach (char c in Diagnostics.MessageText.OneLine(s))
            {
                if (c == '"' || c == '<' || c == '>' || c == '&' || c == '#' || c == '`') sb.Append('#').Append((int)c).Append(';');
                else sb.Append(c);
            }

            return sb.ToString();
        }

        private static string DotEscape(string s) => Diagnostics.MessageText.OneLine(s).Replace("\\", "\\\\").Replace("\"", "\\\"");
    }
}
