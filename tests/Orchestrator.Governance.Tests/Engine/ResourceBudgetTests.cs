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
