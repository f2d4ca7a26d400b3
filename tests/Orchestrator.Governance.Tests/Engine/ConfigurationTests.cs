using System;
using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Rules;
using Xunit;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Tests.Engine
{
    public class ConfigurationTests
    {
        private static readonly string TooFew = Packets.WithLine(35, "").Replace("  * src/storage/sqlite.rs\n", "");

        [Fact]
        public void The_embedded_default_profile_validates_against_the_schema()
        {
            // Checked here, not at run time (the engine loads its own profile without the schema).
            Assert.Empty(ConfigLoader.DefaultProfileProblems());
            var config = ConfigLoader.Load(null, Orchestrator.Governance.Rules.RuleCatalog.Exists, out var problems);
            Assert.Empty(problems);
            Assert.Equal(new[] { "METADATA", "SCOPE", "QUALITY_GATE", "BOOTSTRAP", "AUTHORITY", "NOTES" }, config.TaskPacket.Sections.Select(s => s.Name));
            Assert.Equal(5, config.TaskPacket.Counts["FILES_TO_OPEN"].Min);
        }

        [Fact]
        public void Loaded_without_the_schema_check_a_configuration_gives_the_same_values_and_a_wrong_type_gives_the_defaults()
        {
            const string yaml = "documents:\n  taskPackets:\n    include: [\"work/WP-*/packet.yml\"]\nspec:\n  currentPointer: .GOV/pointer.json\n";
            var checkedConfig = ConfigLoader.Load(yaml, Orchestrator.Governance.Rules.RuleCatalog.Exists, out var problems);
            Assert.Empty(problems);
            var unchecked_ = ConfigLoader.LoadUnchecked(yaml);
            Assert.Equal(new[] { "work/WP-*/packet.yml" }, unchecked_.Documents.TaskPackets.Include);
            Assert.Equal(checkedConfig.Documents.TaskPackets.Include, unchecked_.Documents.TaskPackets.Include);
            Assert.Equal(".GOV/pointer.json", unchecked_.Spec.CurrentPointer);
            Assert.Equal(checkedConfig.Documents.Plan.Include, unchecked_.Documents.Plan.Include);

            var defaults = ConfigLoader.Load(null, Orchestrator.Governance.Rules.RuleCatalog.Exists, out _);
            var wrongType = ConfigLoader.LoadUnchecked("documents:\n  taskPackets:\n    include: { a: 1 }\n");
            Assert.Equal(defaults.Documents.TaskPackets.Include, wrongType.Documents.TaskPackets.Include);
            var notYaml = ConfigLoader.LoadUnchecked("spec: [unclosed\n");
            Assert.Equal(defaults.Spec.CurrentPointer, notYaml.Spec.CurrentPointer);
        }

        [Fact]
        public void An_unknown_key_is_GOV001_at_its_line_and_the_defaults_apply()
        {
            var result = Packets.Analyze(("governance.yml", "taskPacket:\n  counts:\n    FILES_TO_OPEN: { min: 1, max: 15 }\n  sectoins: []\n"), (Packets.Path, TooFew));
            Packets.Single(result, "GOV001", "governance.yml", 4, 1, "unknown key 'sectoins' in 'taskPacket'");
            Packets.Single(result, "GOV109", Packets.Path, 31, 5, "FILES_TO_OPEN", "3", "5", "15");
        }

        [Fact]
        public void HelpBaseUrl_gives_each_rule_its_address_and_anything_but_an_http_address_is_GOV001()
        {
            // Issue 34: a repository that publishes the rule pages points every host's help link there.
            Assert.Equal("https://docs.example.org/governance/rules/GOV107.md", ConfigLoader.LoadUnchecked("helpBaseUrl: https://docs.example.org/governance/rules\n").HelpLinkOf("GOV107"));
            Assert.Equal("https://docs.example.org/governance/rules/GOV107.md", ConfigLoader.LoadUnchecked("helpBaseUrl: https://docs.example.org/governance/rules/\n").HelpLinkOf("GOV107"));
            Assert.Equal("http://intranet/rules/GOV801.html?v=2", ConfigLoader.LoadUnchecked("helpBaseUrl: \"http://intranet/rules/{id}.html?v=2\"\n").HelpLinkOf("GOV801"));
            Assert.Null(ConfigLoader.Load(null, RuleCatalog.Exists, out _).HelpLinkOf("GOV107"));

            var result = Packets.Analyze(("governance.yml", "severity:\n  GOV107: warning\nhelpBaseUrl: docs/rules\n"));
            Packets.Single(result, "GOV001", "governance.yml", 3, 1, "'helpBaseUrl' must be an absolute http or https address without spaces, quotes or parentheses (found 'docs/rules')");
            Assert.Null(result.Config.HelpLinkOf("GOV107"));
            // Nor one that could end the Markdown link or quoted value a host writes it in.
            foreach (var address in new[] { "file:///opt/rules/", "ftp://example.org/rules/", "https://", "mailto:rules@example.org", "https://x/a) ![t](https://evil/{id}", "https://x/a b/", "https://x/'q'/", "https://x/<b>/" })
            {
                var d = Assert.Single(Packets.Analyze(("governance.yml", "helpBaseUrl: \"" + address + "\"\n")).Of("GOV001"));
                Assert.Equal((1, 1), (d.Span.StartLine, d.Span.StartColumn));
                Assert.Equal("'helpBaseUrl' must be an absolute http or https address without spaces, quotes or parentheses (found '" + address + "')", d.Arguments[0]);
            }

            var wrongType = Assert.Single(Packets.Analyze(("governance.yml", "helpBaseUrl: [a, b]\n")).Of("GOV001"));
            Assert.Contains("helpBaseUrl", wrongType.Arguments[0]);
        }

        [Fact]
        public void A_value_of_the_wrong_type_names_the_key()
        {
            var result = Packets.Analyze(("governance.yml", "limits:\n  maxDocumentBytes: lots\n"));
            Packets.Single(result, "GOV001", "governance.yml", 2, 1, "'limits.maxDocumentBytes': integer expected");
        }

        [Fact]
        public void JudgeEmptyFiles_is_true_false_or_auto()
        {
            var result = Packets.Analyze(("governance.yml", "evidence:\n  judgeEmptyFiles: sometimes\n"));
            var d = Assert.Single(result.Of("GOV001"));
            Assert.Equal((2, 1), (d.Span.StartLine, d.Span.StartColumn));
            Assert.Contains("evidence.judgeEmptyFiles", d.Arguments[0]);
            Assert.Null(ConfigLoader.LoadUnchecked("evidence:\n  judgeEmptyFiles: auto\n").Evidence.JudgeEmptyFiles);
            Assert.Null(ConfigLoader.LoadUnchecked("limits:\n  maxJsonDepth: 64\n").Evidence.JudgeEmptyFiles);
            Assert.True(ConfigLoader.LoadUnchecked("evidence:\n  judgeEmptyFiles: true\n").Evidence.JudgeEmptyFiles);
            Assert.False(ConfigLoader.LoadUnchecked("evidence:\n  judgeEmptyFiles: false\n").Evidence.JudgeEmptyFiles);
        }

        [Fact]
        public void Invalid_YAML_is_GOV001_at_the_parser_position()
        {
            var result = Packets.Analyze(("governance.yml", "severity:\n  GOV109: [warning\n"));
            var d = Assert.Single(result.Of("GOV001"));
            Assert.Equal("governance.yml", d.Path);
            Assert.StartsWith("invalid YAML", d.Arguments[0]);
            Assert.Equal(3, d.Span.StartLine);
        }

        [Fact]
        public void A_flow_list_running_on_to_an_unindented_line_is_GOV001_at_its_bracket_not_a_crash()
        {
            // YamlDotNet's scanner throws InvalidOperationException, without a position, on this.
            var result = Packets.Analyze(("governance.yml", "documents:\n  adrs: [docs/adr/**\nstatus: x\n"), (Packets.Path, Packets.Valid));
            Packets.Single(result, "GOV001", "governance.yml", 2, 9,
                "invalid YAML: a '[' or '{' collection is not closed on its line and its next line is not indented more");
        }

        [Fact]
        public void A_mapping_that_YamlDotNet_cannot_build_is_GOV001_with_the_parser_s_own_error_not_a_crash()
        {
            // YamlStream.Load throws ArgumentException here; the event parser alone finds the error.
            var result = Packets.Analyze(("governance.yml", "documents:\n : adrs: [docs/adr/**]\n"), (Packets.Path, Packets.Valid));
            Packets.Single(result, "GOV001", "governance.yml", 3, 1, "invalid YAML: Did not find expected <document end>.");
        }

        [Fact]
        public void A_YAML_alias_bomb_is_GOV001_not_a_crash()
        {
            var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
            for (int i = 0; i < 9; i++) yaml += $"{(char)('b' + i)}: &{(char)('b' + i)} [*{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}]\n";
            var result = Packets.Analyze(("governance.yml", yaml), (Packets.Path, Packets.Valid));
            var d = Assert.Single(result.Diagnostics);
            Assert.Equal("GOV001", d.Id);
            Assert.Contains("more than 100000 nodes", d.Arguments[0]);
        }

        [Fact]
        public void An_unknown_rule_in_severity_is_GOV001()
        {
            var result = Packets.Analyze(("governance.yml", "severity:\n  GOV999: error\n"));
            Packets.Single(result, "GOV001", "governance.yml", 2, 1, "'severity.GOV999' names no governance rule");
        }

        [Fact]
        public void Severity_and_ranges_from_governance_yml_apply()
        {
            var raised = Packets.Analyze(("governance.yml", "severity:\n  GOV109: error\n"), (Packets.Path, TooFew));
            Assert.Equal(GovernanceSeverity.Error, Assert.Single(raised.Diagnostics).Severity);

            var off = Packets.Analyze(("governance.yml", "severity:\n  GOV109: none\n"), (Packets.Path, TooFew));
            Assert.Empty(off.Diagnostics);

            var relaxed = Packets.Analyze(("governance.yml", "taskPacket:\n  counts:\n    FILES_TO_OPEN: { min: 3, max: 15 }\n"), (Packets.Path, TooFew));
            Assert.Empty(relaxed.Diagnostics);
        }

        [Fact]
        public void Globs_from_governance_yml_choose_the_packets()
        {
            var result = Packets.Analyze(("governance.yml", "documents:\n  taskPackets:\n    include: ['work/*.md']\n"), ("work/WP-1-Storage-Layer.md", Packets.Valid), (Packets.Path, "garbage"));
            Assert.Single(result.Packets);
            Assert.Equal("work/WP-1-Storage-Layer.md", result.Packets[0].Path);
        }

        [Fact]
        public void The_configuration_rules_read_cannot_be_changed_by_them()
        {
            // Every part of GovernanceConfig (what RepoIndex.Config hands every rule): no public setter,
            // no collection type with Add or an indexer setter.
            var seen = new HashSet<Type>();
            var problems = new List<string>();
            void Check(Type type)
            {
                if (!seen.Add(type) || type.Namespace != typeof(GovernanceConfig).Namespace) return;
                foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
                {
                    if (property.SetMethod?.IsPublic == true) problems.Add($"{type.Name}.{property.Name} has a public setter");
                    var t = property.PropertyType;
                    if (t.IsGenericType && (t.GetGenericTypeDefinition() == typeof(List<>) || t.GetGenericTypeDefinition() == typeof(Dictionary<,>) || t.GetGenericTypeDefinition() == typeof(HashSet<>)))
                        problems.Add($"{type.Name}.{property.Name} is a mutable {t.Name}");
                    foreach (var inner in new[] { t }.Concat(t.IsGenericType ? t.GetGenericArguments() : Type.EmptyTypes)) Check(inner);
                }
            }

            Check(typeof(GovernanceConfig));
            Assert.True(seen.Count > 10, $"only {seen.Count} types seen");
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
    }
}
