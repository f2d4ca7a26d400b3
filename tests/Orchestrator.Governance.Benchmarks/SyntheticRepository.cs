using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace Orchestrator.Governance.Benchmarks
{
    /// <summary>
    /// Writes a synthetic governed repository for whole-process runs of the CLI at scale
    /// (docs/performance.md): <c>count</c> Markdown task packets (one folder each, packet.md) and
    /// <c>count</c> JSON task packets (packet.json, read through taskPacket.dataFields), a board
    /// listing all of them, SPEC_CURRENT.md and a spec with one numbered section per 20 packets.
    /// Every tenth packet has one defect (a STATUS that is not allowed), so the output is not empty.
    /// </summary>
    public static class SyntheticRepository
    {
        /// <summary>Writes the repository under <paramref name="root"/> (which must not exist yet).</summary>
        public static void Write(string root, int count)
        {
            if (Directory.Exists(root)) throw new InvalidOperationException(root + " exists; give a new folder");
            var inv = CultureInfo.InvariantCulture;
            Directory.CreateDirectory(Path.Combine(root, "docs", "task_packets"));
            File.WriteAllText(Path.Combine(root, "governance.yml"),
                "documents:\n  taskPackets:\n    include: ['**/task_packets/WP-*/packet.md', '**/task_packets/WP-*/packet.json']\n" +
                "taskPacket:\n  dataFields:\n    TASK_ID: /id\n    STATUS: /state/status\n    USER_SIGNATURE: /state/signature\n    SPEC_ANCHOR: /spec/anchors\n    IN_SCOPE_PATHS: /scope/in\n    OUT_OF_SCOPE: /scope/out\n    DONE_MEANS: /done\n");
            File.WriteAllText(Path.Combine(root, "docs", "SPEC_CURRENT.md"), "# SPEC_CURRENT\n\n**Synthetic_Master_Spec_v01.0.md**\n");

            var spec = new StringBuilder("# Synthetic Master Specification v01.0\n\n# 2. Architecture\n\n");
            int sections = Math.Max(1, count / 10);
            for (int s = 1; s <= sections; s++)
                spec.AppendFormat(inv, "## 2.{0} Component {0}\n- The component {0} MUST expose a health check.\n- The component {0} SHOULD log its start.\n\n", s);
            File.WriteAllText(Path.Combine(root, "Synthetic_Master_Spec_v01.0.md"), spec.ToString());

            var board = new StringBuilder("# Task Board\n\n## Ready for Dev\n");
            for (int i = 1; i <= 2 * count; i++) board.AppendFormat(inv, "- **[WP-1-Task-{0}]** - [READY_FOR_DEV]\n", i);
            File.WriteAllText(Path.Combine(root, "docs", "TASK_BOARD.md"), board.ToString());
            Directory.CreateDirectory(Path.Combine(root, "src"));
            File.WriteAllText(Path.Combine(root, "src", "lib.rs"), "// synthetic\n");

            for (int i = 1; i <= 2 * count; i++)
            {
                string id = "WP-1-Task-" + i.ToString(inv);
                int section = 1 + (i % sections);
                string status = i % 10 == 0 ? "Almost done" : "Ready-for-Dev";
                string folder = Path.Combine(root, "docs", "task_packets", id);
                Directory.CreateDirectory(folder);
                if (i <= count) File.WriteAllText(Path.Combine(folder, "packet.md"), Markdown(id, status, section));
                else File.WriteAllText(Path.Combine(folder, "packet.json"), Json(id, status, section));
            }
        }

        private static string Markdown(string id, string status, int section) =>
            $"# Task Packet: {id}\n\n## Metadata\n- TASK_ID: {id}\n- DATE: 2026-01-15\n- REQUESTOR: ilja\n- AGENT_ID: orchestrator-1\n- ROLE: Orchestrator\n- STATUS: {status}\n\n" +
            "## Scope\n- **What**: Build the component.\n- **Why**: The spec asks for it.\n- **IN_SCOPE_PATHS**:\n  * src/lib.rs\n- **OUT_OF_SCOPE**:\n  * Everything else\n\n" +
            $"## Quality Gate\n- **RISK_TIER**: LOW\n- **TEST_PLAN**:\n  ```bash\n  cargo test\n  ```\n- **DONE_MEANS**:\n  * The component {section} exposes a health check\n  * The component {section} logs its start\n- **ROLLBACK_HINT**: git revert <commit-sha>\n\n" +
            "## BOOTSTRAP\n- **FILES_TO_OPEN**:\n  * a.md\n  * b.md\n  * c.md\n  * d.md\n  * src/lib.rs\n- **SEARCH_TERMS**:\n  * a\n  * b\n  * c\n  * d\n  * e\n  * f\n  * g\n  * h\n  * i\n  * j\n" +
            "- **RUN_COMMANDS**:\n  ```bash\n  cargo run\n  ```\n- **RISK_MAP**:\n  * one\n  * two\n  * three\n\n" +
            $"## Authority\n- **SPEC_ANCHOR**: §2.{section}\n\n**User Signature Locked:** ilja150120260900\n";

        private static string Json(string id, string status, int section) =>
            "{\n" +
            $"  \"id\": \"{id}\", \"date\": \"2026-01-15\", \"requestor\": \"ilja\", \"agent_id\": \"orchestrator-1\", \"role\": \"Orchestrator\",\n" +
            $"  \"state\": {{ \"status\": \"{status}\", \"signature\": \"ilja150120260900\" }},\n" +
            "  \"what\": \"Build the component.\", \"why\": \"The spec asks for it.\",\n" +
            "  \"scope\": { \"in\": [\"src/lib.rs\"], \"out\": [\"Everything else\"] },\n" +
            "  \"risk_tier\": \"LOW\", \"test_plan\": [\"cargo test\"],\n" +
            $"  \"done\": [\"The component {section} exposes a health check\", \"The component {section} logs its start\"],\n" +
            "  \"rollback_hint\": \"git revert <commit-sha>\",\n" +
            "  \"files_to_open\": [\"a.md\", \"b.md\", \"c.md\", \"d.md\", \"src/lib.rs\"],\n" +
            "  \"search_terms\": [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\", \"i\", \"j\"],\n" +
            "  \"run_commands\": [\"cargo run\"], \"risk_map\": [\"one\", \"two\", \"three\"],\n" +
            $"  \"spec\": {{ \"anchors\": [\"§2.{section}\"] }}\n" +
            "}\n";
    }
}
