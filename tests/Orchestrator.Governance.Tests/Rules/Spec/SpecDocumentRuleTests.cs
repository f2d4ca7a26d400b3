using Xunit;

namespace Orchestrator.Governance.Tests.Rules.Spec
{
    /// <summary>GOV210 (SPEC_CURRENT.md) and GOV211 (spec numbering).</summary>
    public class SpecDocumentRuleTests
    {
        private const string Pointer = "docs/SPEC_CURRENT.md";

        [Fact]
        public void A_repository_without_SPEC_CURRENT_is_GOV210_at_the_first_anchor()
        {
            var result = Packets.Analyze((Packets.Path, Packets.Valid), (Pointer, null!));
            Packets.Single(result, "GOV210", Packets.Path, 58, 20, "docs/SPEC_CURRENT.md is missing, so no SPEC_ANCHOR can be resolved (set spec.currentPointer in governance.yml if it lives elsewhere)");
        }

        [Fact]
        public void SPEC_CURRENT_naming_a_missing_file_is_GOV210_at_the_name()
        {
            var result = Packets.Analyze((Packets.Path, Packets.Valid), (Pointer, "# SPEC_CURRENT\n\n**Example_Master_Spec_v09.9.md**\n"));
            Packets.Single(result, "GOV210", Pointer, 3, 3, "docs/SPEC_CURRENT.md names 'Example_Master_Spec_v09.9.md', which is not in the repository");
        }

        [Fact]
        public void SPEC_CURRENT_naming_no_file_is_GOV210()
        {
            var result = Packets.Analyze((Packets.Path, Packets.Valid), (Pointer, "# SPEC_CURRENT\n\nSee the wiki.\n"));
            Packets.Single(result, "GOV210", Pointer, 1, 1, "docs/SPEC_CURRENT.md names no spec file (*.md)");
        }

        [Fact]
        public void A_pointer_that_climbs_out_of_the_repository_is_refused()
        {
            var result = Packets.Analyze((Packets.Path, Packets.Valid), (Pointer, "**../../secrets/Spec_v01.0.md**\n"), ("../../secrets/Spec_v01.0.md", "# not read"));
            Packets.Single(result, "GOV210", Pointer, 1, 3, "docs/SPEC_CURRENT.md names '../../secrets/Spec_v01.0.md', which is outside the repository; it is not read");
        }

        [Fact]
        public void A_spec_too_large_or_binary_is_GOV210_with_the_reason()
        {
            var large = Packets.Analyze(("governance.yml", "limits:\n  maxDocumentBytes: 4096\n"), (Packets.Path, Packets.Valid), (Pointer, Testing.ValidPacket.PointerText),
                (Testing.ValidPacket.SpecPath, Testing.ValidPacket.SpecText + new string('x', 5000)));
            var d = Assert.Single(large.Of("GOV210"));
            Assert.StartsWith("'Example_Master_Spec_v01.2.md' could not be used: ", d.Arguments[0]);
            Assert.EndsWith("bytes is more than limits.maxDocumentBytes (4096)", d.Arguments[0]);

            var binary = Packets.Analyze((Packets.Path, Packets.Valid), (Pointer, Testing.ValidPacket.PointerText), (Testing.ValidPacket.SpecPath, "\0\0binary"));
            Packets.Single(binary, "GOV210", Pointer, 5, 3, "'Example_Master_Spec_v01.2.md' could not be used: it holds NUL bytes, so it is a binary file, not Markdown");
        }

        [Fact]
        public void The_pointer_may_name_the_spec_beside_it()
        {
            var result = Packets.Analyze((Packets.Path, Packets.Valid), (Pointer, "**Example_Master_Spec_v01.2.md**\n"), ("docs/Example_Master_Spec_v01.2.md", Testing.ValidPacket.SpecText));
            Assert.Empty(result.Diagnostics);
        }

        [Fact]
        public void A_heading_numbered_outside_its_section_is_GOV211_on_the_spec_heading()
        {
            string spec = "# Spec v01.0\n\n# 2. Architecture\n\n### 2.3.12 Taste Engine\nText.\n\n#### 2.3.11.1 Goals\nThe engine MUST learn.\n\n#### 2.3.11.2 Signals\nMore.\n\n##### 2.3.11.2.1 Detail\nFits under 2.3.11.2.\n";
            var result = Packets.Analyze((Pointer, "**Spec_v01.0.md**"), ("Spec_v01.0.md", spec));
            Assert.Equal(2, result.Of("GOV211").Count);
            Packets.Has(result, "GOV211", "Spec_v01.0.md", 8, 6, "2.3.11.1 Goals", "2.3.12 Taste Engine", "5");
            Packets.Has(result, "GOV211", "Spec_v01.0.md", 11, 6, "2.3.11.2 Signals", "2.3.12 Taste Engine", "5");
        }

        [Fact]
        public void Deep_numbers_that_share_a_heading_level_and_embedded_documents_are_not_misnumbered()
        {
            string spec = "# Spec v01.0\n\n# 2. Architecture\n\n###### 2.6.6.7.11 Validators\n\n###### 2.6.6.7.11.1 First\n\n# Embedded Codex\n\n## 7. Bootloader\n\n### 7.1 Steps\n";
            var result = Packets.Analyze((Pointer, "**Spec_v01.0.md**"), ("Spec_v01.0.md", spec));
            Assert.Empty(result.Of("GOV211"));
        }
    }
}
