using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Diagnostics;
using Xunit;

namespace Orchestrator.Governance.Tests.Diagnostics
{
    /// <summary>A fix carried in a Roslyn diagnostic's string properties, read back exactly or not at all.</summary>
    public class FixPropertiesTests
    {
        private static readonly GovernanceFix Fix = new GovernanceFix("Write the metadata header", new[]
        {
            new TextEdit("a.cs", 0, 0, "// Description: a\n"),
            new TextEdit("a.cs", 12, 3, string.Empty),
        });

        private static Dictionary<string, string?> Properties() => FixProperties.From(Fix).ToDictionary(p => p.Key, p => p.Value);

        [Fact]
        public void A_fix_travels_as_properties_and_is_read_back_edit_for_edit()
        {
            var read = FixProperties.Read(Properties(), "b.cs", 20);
            Assert.NotNull(read);
            Assert.Equal("Write the metadata header", read!.Title);
            Assert.Equal(new[] { ("b.cs", 0, 0, "// Description: a\n"), ("b.cs", 12, 3, "") }, read.Edits.Select(e => (e.Path, e.Start, e.Length, e.NewText)));
        }

        [Fact]
        public void No_fix_is_read_from_a_diagnostic_without_one_from_malformed_properties_or_for_a_shorter_text()
        {
            Assert.Null(FixProperties.Read(new Dictionary<string, string?>(), "a.cs", 20));
            var bad = Properties();
            bad["Fix.1.Start"] = "-1";
            Assert.Null(FixProperties.Read(bad, "a.cs", 20));
            var missing = Properties();
            missing.Remove("Fix.0.NewText");
            Assert.Null(FixProperties.Read(missing, "a.cs", 20));
            Assert.Null(FixProperties.Read(Properties(), "a.cs", 14)); // the second edit ends at 15: a stale diagnostic
        }
    }
}
