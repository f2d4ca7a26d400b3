using Orchestrator.Governance.Text;
using Xunit;

namespace Orchestrator.Governance.Tests.Text
{
    public class MojibakeTests
    {
        [Theory]
        [InlineData("Â§2.6.6.7.3", "§2.6.6.7.3")]
        [InlineData("a â€” b", "a — b")]
        [InlineData("ðŸ•µ agent", "🕵 agent")]
        [InlineData("cafÃ© Ã\u00A0 la", "café à la")]
        [InlineData("â€œquotedâ€\u009D", "“quoted”")]
        public void Double_encoded_sequences_are_repaired(string original, string repaired)
        {
            var m = Mojibake.Find(original);
            Assert.NotNull(m);
            Assert.Equal(repaired, m!.Text);
        }

        [Theory]
        [InlineData("§2.6 — café, naïve, Ärger, côté, Straße")]
        [InlineData("plain ASCII")]
        [InlineData("Ã alone and Â at the end Â")]
        [InlineData("ï¸ incomplete")]
        public void Correct_text_is_left_alone(string text)
        {
            Assert.Null(Mojibake.Find(text));
        }

        [Fact]
        public void Offsets_map_back_to_the_original_text()
        {
            var m = Mojibake.Find("x Â§2 ðŸ•µ y")!;
            Assert.Equal("x §2 🕵 y", m.Text);
            Assert.Equal(2, m.FirstStart);
            Assert.Equal(2, m.FirstLength);
            Assert.Equal(2, m.ToOriginal(2));   // § → Â§
            Assert.Equal(4, m.ToOriginal(3));   // 2
            Assert.Equal(6, m.ToOriginal(5));   // 🕵 (two UTF-16 units) → ðŸ•µ
            Assert.Equal(10, m.ToOriginal(7));  // the space after it
            Assert.Equal(12, m.ToOriginal(m.Text.Length));
            Assert.Equal(5, m.ToRepaired(6));
            Assert.Equal(("Â§2", "§2"), m.FirstExample());
        }
    }
}
