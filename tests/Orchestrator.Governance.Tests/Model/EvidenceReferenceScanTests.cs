using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using CsCheck;
using Orchestrator.Governance.Model;
using Xunit;

namespace Orchestrator.Governance.Tests.Model
{
    /// <summary>
    /// Evidence references are found by running the pattern only on the runs of text that can hold
    /// one (issue 33: the scan of every character was a seventh of a large repository's check).
    /// The paths found are those of the pattern run over the whole text, on any text.
    /// </summary>
    public class EvidenceReferenceScanTests
    {
        private static readonly Regex Whole = (Regex)typeof(EvidenceReference).GetField("Pattern", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

        private static string[] WholeTextPaths(string text) => Whole.Matches(text).Cast<Match>()
            .Where(m => !(m.Index >= 3 && text.Substring(m.Index - 3, 3) == "://"))
            .Select(m => { string p = m.Groups["path"].Value; while (p.StartsWith("./", System.StringComparison.Ordinal)) p = p.Substring(2); return p; })
            .ToArray();

        [Theory]
        [InlineData("see src/mex/runtime.rs:272 and `docs/a.md`:12-30, (lib.rs#L4-L9).", new[] { "src/mex/runtime.rs", "docs/a.md", "lib.rs" })]
        [InlineData("https://host/a.md#L3 is a link; ./x/y.rs:L5 is not; a.b:c.rs:3", new[] { "x/y.rs" })]
        [InlineData("**src/a.rs:10**|[b.rs:2](b.rs:2)\"c.rs:3\"", new[] { "src/a.rs", "b.rs", "b.rs", "c.rs" })]
        public void Paths_are_those_the_pattern_finds_in_the_whole_text(string text, string[] expected)
        {
            Assert.Equal(expected, EvidenceReference.PathsIn(text));
            Assert.Equal(WholeTextPaths(text), EvidenceReference.PathsIn(text));
        }

        [Fact]
        public void On_any_text_the_paths_are_those_of_the_whole_text_scan()
        {
            var piece = Gen.OneOf(
                Gen.OneOf<string>("src/", "a.rs", ".md", ":12", ":L3", "#L4", "-L9", "-30", ":5", "`", "./", "../", "//", "://", "@", "~", "-", "_", ".", "é", "\u0301", " ", "\n", "\t", "(", ")", "[", "]", "*", "|", ",", "\"", "'", "=", "#", ":", "L", "9"),
                Gen.String[Gen.Char.AlphaNumeric, 0, 6],
                Gen.Char.Select(c => c.ToString()));
            piece.Array[0, 40].Select(parts => string.Concat(parts)).Sample(text =>
                Assert.Equal(WholeTextPaths(text), EvidenceReference.PathsIn(text)), iter: 20_000);
        }
    }
}
