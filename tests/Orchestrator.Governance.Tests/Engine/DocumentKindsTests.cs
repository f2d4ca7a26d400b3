using System;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Rules;
using Xunit;

namespace Orchestrator.Governance.Tests.Engine
{
    /// <summary>The table of document kinds agrees with governance.yml's schema and configuration, key by key.</summary>
    public class DocumentKindsTests
    {
        private static string Root()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Orchestrator.sln"))) dir = dir.Parent;
            return dir!.FullName;
        }

        [Fact]
        public void Every_key_under_documents_in_the_schema_is_one_kind_of_the_table()
        {
            var schema = JObject.Parse(File.ReadAllText(Path.Combine(Root(), "schemas", "governance.schema.json")));
            var keys = ((JObject)schema["properties"]!["documents"]!["properties"]!).Properties().Select(p => p.Name).OrderBy(k => k, StringComparer.Ordinal);
            Assert.Equal(keys, DocumentKinds.All.Select(r => r.Key).OrderBy(k => k, StringComparer.Ordinal));
            Assert.Equal(Enum.GetValues(typeof(DocumentKind)).Cast<DocumentKind>().OrderBy(k => k), DocumentKinds.All.Select(r => r.Kind).OrderBy(k => k));
        }

        [Fact]
        public void Each_kind_reads_the_globs_written_under_its_own_key()
        {
            foreach (var row in DocumentKinds.All)
            {
                string yaml = $"documents:\n  {row.Key}:\n    include: ['marker/{row.Key}/**']\n";
                var config = ConfigLoader.Load(yaml, RuleCatalog.Exists, out var problems);
                Assert.Empty(problems);
                Assert.Equal(new[] { $"marker/{row.Key}/**" }, row.Globs(config.Documents).Include);
                Assert.All(DocumentKinds.All.Where(r => r.Key != row.Key), other => Assert.DoesNotContain($"marker/{row.Key}/**", other.Globs(config.Documents).Include));
            }
        }

        [Fact]
        public void The_state_file_kinds_are_the_orchestration_state_files_each_once()
        {
            var stateKinds = DocumentKinds.All.Where(r => r.StateKind != null).Select(r => r.StateKind!.Value).ToList();
            // The baseline is read with the state files' JSON reader but named by one path (the host's --baseline), not by globs.
            var globbed = Enum.GetValues(typeof(Governance.Model.State.StateKind)).Cast<Governance.Model.State.StateKind>().Where(k => k != Governance.Model.State.StateKind.Baseline);
            Assert.Equal(globbed.OrderBy(k => k), stateKinds.OrderBy(k => k));
        }
    }
}
