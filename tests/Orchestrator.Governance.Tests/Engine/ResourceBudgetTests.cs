using System.Linq;
using System.Text;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Xunit;

namespace Orchestrator.Governance.Tests.Engine
{
    /// <summary>
    /// What one document may cost (issue 31, H3 and L8): YAML aliases expanded within a budget of
    /// characters as well as nodes, wherever YAML is turned into data (governance.yml, a spec
    /// pointer kept as YAML), and a host's ceiling on limits.maxDocumentBytes that governance.yml
    /// cannot raise.
    /// </summary>
    public class ResourceBudgetTests
    {
        /// <summary>About 4 KB of YAML whose aliases of one 4,000-character string expand to 400 MB.</summary>
        private static string AliasesOfALongString(string firstKey)
        {
            var yaml = new StringBuilder();
            yaml.Append(firstKey).Append(": &a \"").Append('x', 4000).Append("\"\n");
            yaml.Append("b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n");
            yaml.Append("c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n");
            yaml.Append("d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n");
            yaml.Append("e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n");
            yaml.Append("f: [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n");
            return yaml.ToString();
        }

        [Fact]
        public void Governance_yml_whose_aliases_multiply_a_long_string_is_GOV001_and_the_defaults_apply()
        {
            var result = Packets.Analyze((Packets.Path, Packets.WithLine(9, "- STATUS: Almost done")), ("governance.yml", AliasesOfALongString("a")));
            Packets.Single(result, "GOV001", "governance.yml", 1, 4, "the document expands to more characters than it holds, through its aliases (alias bomb?)");
            Packets.Single(result, "GOV107", Packets.Path, 9, 11, "STATUS", "Almost done", "Ready-for-Dev, In-Progress, Blocked, Done, Validated");
        }

        [Fact]
        public void A_YAML_spec_pointer_whose_aliases_multiply_a_long_string_is_refused_as_data_and_is_GOV210()
        {
            var result = Packets.Analyze((Packets.Path, Packets.Valid), (Testing.ValidPacket.PointerPath, AliasesOfALongString("current")));
            // Not data within the budget: read as the Markdown pointer it may also be, which names no spec.
            var refused = Assert.Single(result.Of("GOV210"));
            Assert.StartsWith("Current spec unavailable: docs/SPEC_CURRENT.md names no spec file", refused.Message);
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "GOV003");
        }

        [Fact]
        public void A_document_with_aliases_that_add_little_is_read()
        {
            var result = Packets.Analyze((Packets.Path, Packets.Valid), ("governance.yml", "severity:\n  GOV109: &e error\n  GOV208: *e\n"));
            Assert.Empty(result.Of("GOV001"));
        }

        [Fact]
        public void A_SPEC_ANCHOR_of_600_KB_is_judged_in_linear_time()
        {
            // 300,000 number components: the nearest-section lookup tried every prefix (89 s).
            string deep = Packets.Valid.Replace("- **SPEC_ANCHOR**: §2.3.12.3", "- **SPEC_ANCHOR**: §" + string.Concat(Enumerable.Repeat("1.", 300_000)) + "9");
            Assert.NotEqual(Packets.Valid, deep);
            var result = Packets.Analyze((Packets.Path, deep));
            var unresolved = Assert.Single(result.Of("GOV203"));
            Assert.StartsWith("§1.1.1.1", unresolved.Arguments[0]);

            // 60,000 references on one line: each unresolved one was checked against all the others (GOV203),
            // and the 600 KB line was hashed once a finding for its fingerprint.
            string many = Packets.Valid.Replace("- **SPEC_ANCHOR**: §2.3.12.3", "- **SPEC_ANCHOR**: " + string.Concat(Enumerable.Repeat("§9.9.9.9 ", 60_000)) + "§2.3.12.3");
            result = Packets.Analyze((Packets.Path, many));
            var found = result.Of("GOV203");
            Assert.Equal(60_000, found.Count);
            Assert.Single(found.Select(d => d.Fingerprint).Distinct());
        }

        [Fact]
        public void YAML_nested_50000_deep_is_GOV001_not_a_stack_overflow()
        {
            string yaml = "x: " + new string('[', 50_000) + new string(']', 50_000) + "\n";
            var result = Packets.Analyze((Packets.Path, Packets.Valid), ("governance.yml", yaml));
            Packets.Single(result, "GOV001", "governance.yml", 1, 67, "the document is nested deeper than 64 levels");

            // The same shape as the spec pointer (read as YAML data): refused, and the pointer is GOV210.
            result = Packets.Analyze((Packets.Path, Packets.Valid), (Testing.ValidPacket.PointerPath, "current: " + new string('[', 200_000) + new string(']', 200_000) + "\n"));
            Assert.Single(result.Of("GOV210"));
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "GOV003");
        }

        [Fact]
        public void A_placeholder_pattern_that_times_out_is_GOV003_at_the_packet_not_a_silent_pass()
        {
            string packet = Packets.Valid.Replace("  * Database trait, SqliteDatabase wrapper and PostgresDatabase stub exist (§2.3.12.3)", "  * " + new string('a', 60) + "!");
            var result = Packets.Analyze((Packets.Path, packet), ("governance.yml", "taskPacket:\n  placeholders: ['^(a|aa)+$']\n"));
            var failed = Assert.Single(result.Of("GOV003"));
            Assert.Equal((Packets.Path, "Rule GOV110", Governance.Diagnostics.GovernanceSeverity.Error), (failed.Path, failed.Arguments[0], failed.Severity));
            Assert.StartsWith("RegexMatchTimeoutException: ", failed.Arguments[1]);
        }

        [Fact]
        public void The_host_s_ceiling_wins_over_a_higher_limit_in_governance_yml()
        {
            string packet = Packets.Valid + "\n<!-- " + new string('x', 3000) + " -->\n";
            var inputs = Packets.SpecInputs().Concat(new[]
            {
                DocumentInput.FromText(Packets.Path, packet),
                DocumentInput.FromText("governance.yml", "limits:\n  maxDocumentBytes: 268435456\n"),
            }).ToList();
            var result = GovernanceEngine.Analyze(inputs, new AnalysisOptions { MaxDocumentBytes = 4096 });
            Assert.Equal(4096, result.Config.Limits.MaxDocumentBytes);
            Assert.Contains(result.Diagnostics, d => d.Id == "GOV002" && d.Path == Packets.Path);

            // Without the host's ceiling, the engine's own (32 MiB) still bounds what governance.yml asks.
            var unbounded = GovernanceEngine.Analyze(inputs);
            Assert.Equal(Configuration.LimitsConfig.HostCeiling, unbounded.Config.Limits.MaxDocumentBytes);
            Assert.DoesNotContain(unbounded.Diagnostics, d => d.Id == "GOV002");

            // governance.yml may lower it below the host's ceiling.
            inputs[inputs.Count - 1] = DocumentInput.FromText("governance.yml", "limits:\n  maxDocumentBytes: 2048\n");
            Assert.Equal(2048, GovernanceEngine.Analyze(inputs, new AnalysisOptions { MaxDocumentBytes = 4096 }).Config.Limits.MaxDocumentBytes);
        }
    }
}
