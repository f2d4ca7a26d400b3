using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Testing;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules.TaskPackets
{
    /// <summary>Task packets kept as data (JSON, YAML): the same rules at the values' own places, GOV002 for what is not a packet, GOV113 between the two forms.</summary>
    public class DataPacketTests
    {
        private const string Config =
            "documents:\n  taskPackets:\n    include: ['**/task_packets/WP-*/packet.*']\n" +
            "taskPacket:\n  dataFields:\n    TASK_ID: /id\n    STATUS: /state/status\n    USER_SIGNATURE: /state/signature\n    SPEC_ANCHOR: /spec/anchors\n    IN_SCOPE_PATHS: /scope/in\n";

        private const string JsonPath = "docs/task_packets/WP-1-Storage-Layer/packet.json";
        private const string MarkdownPath = "docs/task_packets/WP-1-Storage-Layer/packet.md";

        /// <summary>A complete JSON packet equal to the shared valid Markdown packet.</summary>
        private const string Json =
            "{\n" +
            "  \"id\": \"WP-1-Storage-Layer\",\n" +                                                        // 2
            "  \"date\": \"2025-12-26T14:30:00Z\", \"requestor\": \"ilja\", \"agentId\": \"orchestrator-1\", \"role\": \"Orchestrator\",\n" +
            "  \"state\": { \"status\": \"Ready-for-Dev\", \"signature\": \"ilja261220251430\" },\n" +     // 4
            "  \"what\": \"Add the storage trait.\", \"why\": \"Portability of the storage backend.\",\n" +
            "  \"scope\": { \"in\": [\"src/storage/mod.rs\"] },\n" +                                        // 6
            "  \"out_of_scope\": [\"Migrations rewrite\"],\n" +
            "  \"risk_tier\": \"HIGH\", \"test_plan\": [\"cargo test --manifest-path src/Cargo.toml\"],\n" + // 8
            "  \"done_means\": [\"Database trait, SqliteDatabase wrapper and PostgresDatabase stub exist (§2.3.12.3)\", \"All tests pass\"],\n" +
            "  \"rollback_hint\": \"git revert <commit-sha>\",\n" +                                          // 10
            "  \"files_to_open\": [\"docs/START_HERE.md\", \"docs/SPEC_CURRENT.md\", \"docs/ARCHITECTURE.md\", \"src/storage/mod.rs\", \"src/storage/sqlite.rs\"],\n" +
            "  \"search_terms\": [\"Database\", \"SqlitePool\", \"state.pool\", \"DefaultStorageGuard\", \"migrate\", \"sqlx::query\", \"StorageError\", \"trait Database\", \"impl Database\", \"AppState\"],\n" +
            "  \"run_commands\": [\"just dev\"],\n" +
            "  \"risk_map\": [\"Migration fails\", \"IPC contract breaks\", \"Hollow trait\"],\n" +
            "  \"spec\": { \"anchors\": [\"§2.3.12.3\"] }\n" +                                              // 15
            "}\n";

        private static GovernanceResult Analyze(params (string Path, string Text)[] documents)
        {
            var inputs = Packets.SpecInputs().Concat(documents.Select(d => DocumentInput.FromText(d.Path, d.Text))).ToList();
            if (documents.All(d => d.Path != "governance.yml")) inputs.Add(DocumentInput.FromText("governance.yml", Config));
            return GovernanceEngine.Analyze(inputs);
        }

        [Fact]
        public void A_complete_JSON_packet_passes_every_rule()
        {
            var result = Analyze((JsonPath, Json));
            Assert.Empty(result.Diagnostics);
            var packet = Assert.Single(result.Packets);
            Assert.True(packet.IsData);
            Assert.Equal("WP-1-Storage-Layer", packet.FileStem);
        }

        [Fact]
        public void A_bad_value_is_reported_inside_its_quotes()
        {
            var result = Analyze((JsonPath, Json.Replace("\"status\": \"Ready-for-Dev\"", "\"status\": \"Almost done\"")));
            Packets.Single(result, "GOV107", JsonPath, 4, 25, "STATUS", "Almost done", "Ready-for-Dev, In-Progress, Blocked, Done, Validated");
            Assert.Single(result.Diagnostics);
        }

        [Fact]
        public void A_missing_required_field_is_GOV104_and_no_section_rule_applies()
        {
            var result = Analyze((JsonPath, Json.Replace("  \"rollback_hint\": \"git revert <commit-sha>\",\n", string.Empty)));
            Packets.Single(result, "GOV104", JsonPath, 1, 1, "ROLLBACK_HINT", "QUALITY_GATE", "; in a packet kept as data, map it in taskPacket.dataFields or add a top-level key 'rollback_hint'");
            Assert.Single(result.Diagnostics);
        }

        [Fact]
        public void A_signature_kept_in_an_array_locks_the_packet_and_a_placeholder_entry_is_GOV111_at_the_entry()
        {
            var signed = Analyze((JsonPath, Json.Replace("\"signature\": \"ilja261220251430\"", "\"signature\": [\"ilja261220251430\"]")));
            Assert.Empty(signed.Diagnostics);

            var pending = Analyze((JsonPath, Json.Replace("\"signature\": \"ilja261220251430\"", "\"signature\": [\"<pending>\"]")));
            Packets.Single(pending, "GOV111", JsonPath, 4, 56, "USER_SIGNATURE '<pending>' is a placeholder, not a signature; the packet is not locked");
            Assert.Single(pending.Diagnostics);
        }

        [Fact]
        public void A_STATUS_or_TASK_ID_that_is_a_list_or_an_object_is_reported_at_its_value_as_written()
        {
            var list = Analyze((JsonPath, Json.Replace("\"status\": \"Ready-for-Dev\"", "\"status\": [\"Ready-for-Dev\", \"Done\"]")));
            Packets.Single(list, "GOV107", JsonPath, 4, 24, "STATUS", "[\"Ready-for-Dev\", \"Done\"]", "Ready-for-Dev, In-Progress, Blocked, Done, Validated");
            Assert.Single(list.Diagnostics);

            var mapping = Analyze((JsonPath, Json.Replace("\"status\": \"Ready-for-Dev\"", "\"status\": { \"value\": \"Done\" }")));
            Packets.Single(mapping, "GOV107", JsonPath, 4, 24, "STATUS", "{ \"value\": \"Done\" }", "Ready-for-Dev, In-Progress, Blocked, Done, Validated");
            Assert.Single(mapping.Diagnostics);

            var id = Analyze((JsonPath, Json.Replace("\"id\": \"WP-1-Storage-Layer\"", "\"id\": { \"value\": 1 }")));
            Packets.Single(id, "GOV105", JsonPath, 2, 9, "{ \"value\": 1 }", "WP-1-Storage-Layer", "folder name");

            const string YamlPath = "docs/task_packets/WP-1-Storage-Layer/packet.yaml";
            var yaml = Analyze((YamlPath, "id: WP-1-Storage-Layer\nstate:\n  status:\n    - Done\n    - Blocked\n  signature: ilja261220251430\n"));
            Packets.Single(yaml, "GOV107", YamlPath, 4, 5, "STATUS", "- Done - Blocked", "Ready-for-Dev, In-Progress, Blocked, Done, Validated");
            var flow = Analyze((YamlPath, "id: WP-1-Storage-Layer\nstate:\n  status: { value: 'Done' }\n  signature: ilja261220251430\n"));
            Packets.Single(flow, "GOV107", YamlPath, 3, 11, "STATUS", "{ value: 'Done' }", "Ready-for-Dev, In-Progress, Blocked, Done, Validated");

            // An alias to a nested list (issue 31, L5): reported where the value it names is written.
            var alias = Analyze((YamlPath, "id: WP-1-Storage-Layer\nnote: &x [[Done], [Validated]]\nstate:\n  status: *x\n  signature: ilja261220251430\n"));
            Packets.Single(alias, "GOV107", YamlPath, 2, 7, "STATUS", "&x [[Done], [Validated]]", "Ready-for-Dev, In-Progress, Blocked, Done, Validated");
        }

        [Fact]
        public void Equal_YAML_values_keep_their_own_places()
        {
            const string YamlPath = "docs/task_packets/WP-1-Storage-Layer/packet.yaml";
            // 'Almost' twice and 'ilja' twice: each diagnostic at its own value, not at the first equal one.
            string yaml = "id: WP-1-Storage-Layer\nrole: Almost\nrequestor: ilja\nstate:\n  status: Almost\n  signature: ilja\n";
            var result = Analyze((YamlPath, yaml));
            Packets.Single(result, "GOV107", YamlPath, 5, 11, "STATUS", "Almost", "Ready-for-Dev, In-Progress, Blocked, Done, Validated");
            Packets.Single(result, "GOV111", YamlPath, 6, 14, "USER_SIGNATURE 'ilja' has no date or timestamp in a form taskPacket.signaturePattern accepts (a name, then a date of 8 or more digits such as 'ilja251220250328' or an ISO 8601 date such as 'ilja 2025-12-25'); the packet is not locked");
        }

        [Fact]
        public void A_YAML_packet_is_read_with_its_values_places()
        {
            const string Path = "docs/task_packets/WP-1-Storage-Layer/packet.yaml";
            string yaml = "id: WP-1-Storage\nstate:\n  status: 'In-Progress'\n  signature: ilja261220251430\n";
            var result = Analyze((Path, yaml));
            Packets.Has(result, "GOV105", Path, 1, 5, "WP-1-Storage", "WP-1-Storage-Layer", "folder name");
            Assert.Empty(result.Of("GOV107"));
            Assert.Empty(result.Of("GOV111"));
            Assert.Empty(result.Of("GOV102"));
        }

        [Theory]
        [InlineData("[]", 1, 1, "a task packet kept as data is an object, not an array")]
        [InlineData("\"just a string\"", 1, 2, "a task packet kept as data is an object, not a single value")]
        [InlineData("{ \"id\": \"a\", \"id\": \"b\" }", 1, 15, "it is not valid JSON: the key 'id' appears twice in one object")]
        [InlineData("{ \"id\": ", 1, 9, "it is not valid JSON: the text ends inside an object or array")]
        public void A_JSON_packet_that_is_not_an_object_of_fields_is_GOV002_at_its_place(string json, int line, int column, string reason)
        {
            var result = Analyze((JsonPath, json));
            Packets.Single(result, "GOV002", JsonPath, line, column, reason);
            Assert.Single(result.Diagnostics);
            Assert.Empty(result.Packets);
        }

        [Fact]
        public void Deep_nesting_and_an_alias_bomb_are_refused_or_read_without_blowing_up()
        {
            string deep = "{\"id\": " + new string('[', 10000) + new string(']', 10000) + "}";
            var result = Analyze((JsonPath, deep));
            Assert.StartsWith("it is not valid JSON: The reader's MaxDepth of 64 has been exceeded", Assert.Single(result.Of("GOV002")).Arguments[0]);

            const string Yaml = "docs/task_packets/WP-1-Storage-Layer/packet.yaml";
            result = Analyze((Yaml, "id: " + new string('[', 10000) + new string(']', 10000) + "\n"));
            Assert.Equal("it nests more than 64 levels", Assert.Single(result.Of("GOV002")).Arguments[0]);

            string bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n" +
                          "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nid: WP-1-Storage-Layer\n";
            result = Analyze((Yaml, bomb));
            Assert.Empty(result.Of("GOV002"));
            Assert.Empty(result.Of("GOV003"));
            Assert.Empty(result.Of("GOV105"));
        }

        [Fact]
        public void The_Markdown_projection_is_not_checked_twice_and_each_disagreement_is_GOV113_at_its_line()
        {
            string markdown = ValidPacket.Text
                .Replace("- STATUS: Ready-for-Dev", "- STATUS: Done")
                .Replace("**User Signature Locked:** ilja261220251430", "**User Signature Locked:** ilja010120260000")
                .Replace("- **SPEC_ANCHOR**: §2.3.12.3 (Storage API Abstraction Pattern)", "- **SPEC_ANCHOR**: §2.3.12 (Storage)")
                .Replace("  * src/storage/mod.rs\n- **OUT_OF_SCOPE**", "  * src/storage/mod.rs\n  * src/api/jobs.rs\n- **OUT_OF_SCOPE**")
                .Replace("- ROLE: Orchestrator\n", string.Empty); // a defect of the projection only: not reported
            var result = Analyze((JsonPath, Json), (MarkdownPath, markdown));
            Assert.Equal(new[]
            {
                "(8,11) STATUS | Done | Ready-for-Dev",
                "(13,5) IN_SCOPE_PATHS | src/api/jobs.rs, src/storage/mod.rs | src/storage/mod.rs",
                "(58,20) SPEC_ANCHOR | §2.3.12 | §2.3.12.3",
                "(68,28) USER_SIGNATURE | ilja010120260000 | ilja261220251430",
            }, result.Diagnostics.Select(d => $"({d.Span.StartLine},{d.Span.StartColumn}) {string.Join(" | ", d.Arguments.Take(3))}"));
            Assert.All(result.Diagnostics, d => Assert.Equal(("GOV113", MarkdownPath, JsonPath, "data"), (d.Id, d.Path, d.Arguments[3], d.Arguments[4])));
            Assert.Equal(JsonPath, Assert.Single(result.Packets).Path);
        }

        [Fact]
        public void With_markdown_authoritative_the_Markdown_is_checked_and_the_data_compared()
        {
            string config = Config + "  authoritative: markdown\n";
            var result = Analyze(("governance.yml", config), (JsonPath, Json.Replace("\"status\": \"Ready-for-Dev\"", "\"status\": \"In-Progress\"")), (MarkdownPath, ValidPacket.Text));
            Assert.Equal(MarkdownPath, Assert.Single(result.Packets).Path);
            Packets.Single(result, "GOV113", MarkdownPath, 9, 11, "STATUS", "Ready-for-Dev", "In-Progress", JsonPath, "markdown");
        }
    
        [Fact]
        public void Entries_kept_as_objects_are_read_by_their_text()
        {
            string json = Json.Replace(
                "\"done_means\": [\"Database trait, SqliteDatabase wrapper and PostgresDatabase stub exist (§2.3.12.3)\", \"All tests pass\"]",
                "\"done_means\": [{ \"id\": \"DM-1\", \"text\": \"Database trait, SqliteDatabase wrapper and PostgresDatabase stub exist (§2.3.12.3)\" }, { \"id\": \"DM-2\", \"text\": \"Every TBD item is closed\" }]");
            Assert.NotEqual(Json, json);
            var result = Analyze((JsonPath, json));
            Packets.Single(result, "GOV206", JsonPath, 9, 155, "Every TBD item is closed", "§2.3.12.3", "none");
            Assert.Single(result.Diagnostics);
        }
    
        [Fact]
        public void Unmapped_fields_are_read_from_top_level_keys_in_any_spelling()
        {
            const string Yaml = "docs/task_packets/WP-1-Storage-Layer/packet.yaml";
            var result = Analyze(("governance.yml", "documents:\n  taskPackets:\n    include: ['**/task_packets/WP-*/packet.*']\n"),
                (Yaml, "taskId: WP-1-Storage-Layer\nStatus: Almost done\nspec_anchors:\n  - §9.9\n"));
            Packets.Single(result, "GOV107", Yaml, 2, 9, "STATUS", "Almost done", "Ready-for-Dev, In-Progress, Blocked, Done, Validated");
            Packets.Single(result, "GOV203", Yaml, 4, 6, "§9.9", "Example_Master_Spec_v01.2.md", "no such section");
            Assert.Empty(result.Of("GOV105"));
        }

        [Fact]
        public void A_missing_path_written_with_JSON_escapes_is_GOV502_without_a_fix_that_would_land_inside_the_string()
        {
            string text = Json.Replace("\"in\": [\"src/storage/mod.rs\"]", "\"in\": [\"src\\/storage\\/typo.rs\"]");
            Assert.NotEqual(Json, text);
            var inputs = Packets.SpecInputs().Concat(new[] { DocumentInput.FromText(JsonPath, text), DocumentInput.FromText("governance.yml", Config) }).ToList();
            var result = GovernanceEngine.Analyze(inputs, new AnalysisOptions { RepositoryFiles = new[] { "src/storage/mod.rs" } });
            var d = Assert.Single(result.Of("GOV502"));
            Assert.Equal(new[] { "src/storage/typo.rs" }, d.Arguments);
            Assert.DoesNotContain(d.Fixes, f => !f.IsSuppression);
        }
    }
}
