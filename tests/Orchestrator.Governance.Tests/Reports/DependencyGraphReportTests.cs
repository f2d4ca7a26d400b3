using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Reports;
using Xunit;

namespace Orchestrator.Governance.Tests.Reports
{
    public class DependencyGraphReportTests
    {
        private static (string, string) Packet(string id, string dependencies, string status) =>
            ("docs/task_packets/" + id + ".md", Packets.Valid.Replace("WP-1-Storage-Layer", id)
                .Replace("- **Dependencies**: none", "- **Dependencies**: " + dependencies)
                .Replace("- STATUS: Ready-for-Dev", "- STATUS: " + status));

        private static GovernanceResult Repository() => Packets.Analyze(
            Packet("WP-1-A", "WP-1-B", "In-Progress"),
            Packet("WP-1-B", "none", "Ready-for-Dev"),
            Packet("WP-1-C", "WP-1-D", "Ready-for-Dev"),
            Packet("WP-1-D", "WP-1-C", "Ready-for-Dev"),
            Packet("WP-1-E", "none", "Done"),
            Packet("WP-2-F", "WP-1-E", "Blocked"));

        [Fact]
        public void Mermaid_colors_nodes_by_status_and_highlights_cycle_and_blocked_edges()
        {
            string mermaid = DependencyGraphReport.Build(Repository()).ToMermaid();
            Assert.Equal(
                "flowchart LR\n" +
                "  %% WP dependency graph: an arrow runs from a blocker to the WP that waits for it.\n" +
                "  %% Red: dependency cycle (GOV302). Orange: started before its blocker was VALIDATED (GOV303).\n" +
                "  %% 6 WPs with dependencies drawn; 0 WPs without dependencies not drawn.\n" +
                "  n0[\"WP-1-A<br/>In-Progress\"]:::progress\n" +
                "  n1[\"WP-1-B<br/>Ready-for-Dev\"]:::ready\n" +
                "  n2[\"WP-1-C<br/>Ready-for-Dev\"]:::ready\n" +
                "  n3[\"WP-1-D<br/>Ready-for-Dev\"]:::ready\n" +
                "  n4[\"WP-1-E<br/>Done\"]:::done\n" +
                "  n5[\"WP-2-F<br/>Blocked\"]:::blocked\n" +
                "  n1 --> n0\n" +
                "  n3 --> n2\n" +
                "  n2 --> n3\n" +
                "  n4 --> n5\n" +
                "  classDef validated fill:#c8e6c9,stroke:#2e7d32\n" +
                "  classDef done fill:#dcedc8,stroke:#558b2f\n" +
                "  classDef progress fill:#fff3c4,stroke:#f9a825\n" +
                "  classDef ready fill:#bbdefb,stroke:#1565c0\n" +
                "  classDef blocked fill:#ffcdd2,stroke:#c62828\n" +
                "  classDef other fill:#eeeeee,stroke:#616161\n" +
                "  classDef unknown fill:#ffffff,stroke:#9e9e9e,stroke-dasharray:4 3\n" +
                "  linkStyle 0 stroke:#ef6c00,stroke-width:3px\n" +
                "  linkStyle 1 stroke:#d32f2f,stroke-width:3px\n" +
                "  linkStyle 2 stroke:#d32f2f,stroke-width:3px\n",
                mermaid);
        }

        [Fact]
        public void Dot_has_the_same_graph_and_a_phase_keeps_only_its_WPs_edges()
        {
            string dot = DependencyGraphReport.Build(Repository(), phase: "2").ToDot();
            Assert.Equal(
                "digraph wp_dependencies {\n" +
                "  // An arrow runs from a blocker to the WP that waits for it. Red: cycle (GOV302); orange: started before its blocker was VALIDATED (GOV303).\n" +
                "  // 2 WPs with dependencies drawn; 0 WPs without dependencies not drawn.\n" +
                "  rankdir=LR;\n" +
                "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];\n" +
                "  \"WP-1-E\" [label=\"WP-1-E\\nDone\", fillcolor=\"#dcedc8\", color=\"#558b2f\"];\n" +
                "  \"WP-2-F\" [label=\"WP-2-F\\nBlocked\", fillcolor=\"#ffcdd2\", color=\"#c62828\"];\n" +
                "  \"WP-1-E\" -> \"WP-2-F\";\n" +
                "}\n",
                dot);
        }

        [Fact]
        public void An_unknown_blocker_is_drawn_dashed_and_WPs_without_dependencies_are_counted()
        {
            var result = Packets.Analyze(Packet("WP-1-A", "WP-1-Ghost", "Ready-for-Dev"), Packet("WP-1-B", "none", "Ready-for-Dev"));
            var graph = DependencyGraphReport.Build(result);
            Assert.Equal(new[] { ("WP-1-A", "ready"), ("WP-1-Ghost", "unknown") }, System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(graph.Nodes, n => (n.Id, n.StatusClass))));
            Assert.Equal(1, graph.IsolatedCount);
            Assert.Contains("  n1[\"WP-1-Ghost\"]:::unknown\n", graph.ToMermaid());
        }
    }
}
