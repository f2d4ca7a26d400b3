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
        [InlineData("Ã‚Â§2.6 and Ã¢â‚¬â€\u009D", "§2.6 and —")]
        [InlineData("ÃƒÂ©tÃƒÂ©", "été")]
        [InlineData("Agent ðŸ•µï¸ Auditor", "Agent 🕵\uFE0F Auditor")]
        [InlineData("Agent ðŸ•µï¸\u008F Auditor", "Agent 🕵\uFE0F Auditor")]
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
        [InlineData("naïve ï¸ alone")]
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

        [Fact]
        public void The_example_stops_at_the_end_of_the_word_and_twice_encoded_text_maps_to_the_file()
        {
            var m = Mojibake.Find("see **Â§2.6.6.7.3**: and Ã‚Â§1")!;
            Assert.Equal(("Â§2.6.6.7.3", "§2.6.6.7.3"), m.FirstExample());
            Assert.Equal("see **§2.6.6.7.3**: and §1", m.Text);
            int twice = m.Text.LastIndexOf('§');
            Assert.Equal(25, m.ToOriginal(twice));          // Ã‚Â§ starts at 25 in the file
            Assert.Equal(29, m.ToOriginal(twice + 1));      // the 1 after it
        }
    }
}
