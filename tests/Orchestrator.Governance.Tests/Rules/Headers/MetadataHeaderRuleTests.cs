using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Model.Headers;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules.Headers
{
    /// <summary>GOV401 and GOV402 through the engine, on one file of each comment syntax.</summary>
    public class MetadataHeaderRuleTests
    {
        private const string Config =
            "headers:\n" +
            "  include: ['**/*']\n" +
            "  exclude: ['governance.yml']\n" +
            "  statuses: [Backfill, Active]\n";

        private static readonly (string Path, string Text)[] Files =
        {
            ("src/a.py", "#!/usr/bin/env python3\n# Description: Larder sync.\n# Orchestration: Phase 14 | Backfill\nprint(1)\n"),
            ("src/b.ts", "export const x = 1;\n"),
            ("db/c.sql", "-- Orchestration: Phase 14 | Backfill\n-- Description: Schema.\n"),
            ("docs/d.md", "<!-- Description: Notes. -->\n<!-- Orchestration: Phase XIV | Backfill -->\n"),
            ("e.yml", "# Description: CI.\n# Orchestration: Phase 3\n"),
            ("f.go", "package main\n// Description: Main.\n// Orchestration: Phase 2 | Active\n"),
            ("g.md", "---\ndescription: \"Tier 1 orchestration.\"\n---\n\n# Workflow\n"),
            ("h.json", "{ \"a\": 1 }\n"),
            ("i.rs", "// Description: X.\n// Orchestration: Phase 1 | Done\n"),
            ("j.xml", "<?xml version=\"1.0\"?>\n<!-- Description: Build. -->\n<!-- Orchestration: Phase 7 | Active -->\n<a/>\n"),
            ("k.sh", "# Description:\n# Orchestration: Phase 1 | Active\n"),
            ("l.toml", "# Description: Cfg.\nname = 1\n"),
            ("m.cs", "// Description: Service.\n/// Orchestration: Phase 07 | Active\nclass M { }\n"),
        };

        private static GovernanceResult Analyze(string? config)
        {
            var inputs = Files.Select(f => DocumentInput.FromText(f.Path, f.Text)).ToList();
            if (config != null) inputs.Add(DocumentInput.FromText("governance.yml", config));
            return GovernanceEngine.Analyze(inputs);
        }

        private static string Show(GovernanceResult result) => string.Join("\n", result.Diagnostics
            .Select(d => $"{d.Path}({d.Span.StartLine},{d.Span.StartColumn}-{d.Span.EndLine},{d.Span.EndColumn}) {d.Id} [{string.Join(" | ", d.Arguments)}]"));

        [Fact]
        public void Each_file_type_gets_its_header_checked_in_its_own_comment_syntax()
        {
            Assert.Equal(
                "db/c.sql(1,4-1,18) GOV402 [the lines are swapped: 'Description:' must come first, then 'Orchestration:']\n" +
                "docs/d.md(2,27-2,30) GOV402 [the phase 'XIV' is not a number: expected 'Phase <XX>' with XX a number]\n" +
                "e.yml(2,3-2,17) GOV402 [the status is missing: expected 'Orchestration: Phase 3 | <Status>']\n" +
                "f.go(2,4-2,16) GOV402 [the header must be the first two lines: 'Description:' is on line 2, not line 1]\n" +
                "i.rs(2,29-2,33) GOV402 [the status 'Done' is not one of Backfill, Active (headers.statuses)]\n" +
                "k.sh(1,3-1,15) GOV402 [the description is empty: expected 'Description: <summary>']\n" +
                "l.toml(2,1-2,9) GOV402 [line 2 must be '# Orchestration: Phase <XX> | <Status>']\n" +
                "src/b.ts(1,1-1,20) GOV401 [its first two lines must be '// Description: <summary>' and '// Orchestration: Phase <XX> | <Status>']",
                Show(Analyze(Config)));
        }

        [Fact]
        public void The_messages_name_the_expected_lines()
        {
            var result = Analyze(Config);
            Assert.Equal("The file does not start with a metadata header: its first two lines must be '// Description: <summary>' and '// Orchestration: Phase <XX> | <Status>'",
                result.Of("GOV401").Single().Message);
            Assert.Equal("Malformed metadata header: the lines are swapped: 'Description:' must come first, then 'Orchestration:'",
                result.Of("GOV402").First().Message);
        }

        [Fact]
        public void Empty_blank_binary_and_unclosed_inputs_get_a_diagnostic_and_nothing_else()
        {
            var result = GovernanceEngine.Analyze(new[]
            {
                DocumentInput.FromText("governance.yml", "headers:\n  include: ['src/**', 'docs/**']\n"),
                DocumentInput.FromText("src/empty.py", string.Empty),
                DocumentInput.FromText("src/blank.py", "\r\n"),
                DocumentInput.FromText("src/binary.py", "\0\0PK"),
                DocumentInput.FromText("docs/adr/0009-empty.md", "---\nstatus: accepted\n"),
            });
            Assert.Equal(
                "docs/adr/0009-empty.md(1,1) GOV401\n" +
                "docs/adr/0009-empty.md(1,1) GOV601 [9 | Context, Decision, Consequences | Nygard | Status, Context, Decision, Consequences]\n" +
                "src/binary.py(1,1) GOV002 [it holds NUL bytes, so it is a binary file, not text]\n" +
                "src/blank.py(1,1) GOV401\n" +
                "src/empty.py(1,1) GOV401",
                string.Join("\n", result.Diagnostics.Select(d => $"{d.Path}({d.Span.StartLine},{d.Span.StartColumn}) {d.Id}" + (d.Id == "GOV401" ? "" : $" [{string.Join(" | ", d.Arguments)}]"))));
        }

        [Fact]
        public void A_file_over_the_size_limit_is_skipped_with_GOV002_and_a_long_one_is_read_from_its_top()
        {
            string longFile = "# Description: Generated table.\n# Orchestration: Phase 2 | Active\n" + string.Concat(System.Linq.Enumerable.Repeat("x = 1\n", 300_000));
            var result = GovernanceEngine.Analyze(new[]
            {
                DocumentInput.FromText("governance.yml", "headers:\n  include: ['src/**']\nlimits:\n  maxDocumentBytes: 2000000\n"),
                DocumentInput.FromText("src/huge.py", new string('#', 2_500_000)),
                DocumentInput.FromText("src/long.py", longFile.Replace("Phase 2", "Phase two")),
            });
            Assert.Equal(
                "src/huge.py(1,1) GOV002 [2500000 bytes is more than limits.maxDocumentBytes (2000000)]\n" +
                "src/long.py(2,24) GOV402 [the phase 'two' is not a number: expected 'Phase <XX>' with XX a number]",
                string.Join("\n", result.Diagnostics.Select(d => $"{d.Path}({d.Span.StartLine},{d.Span.StartColumn}) {d.Id} [{string.Join(" | ", d.Arguments)}]")));
        }

        [Fact]
        public void Headers_are_off_until_headers_include_names_files()
        {
            Assert.DoesNotContain(Analyze(null).Diagnostics, d => d.Id.StartsWith("GOV4", System.StringComparison.Ordinal));
        }

        [Fact]
        public void Exclude_globs_and_style_overrides_apply()
        {
            string config = Config.Replace("exclude: ['governance.yml']", "exclude: ['governance.yml', 'src/**']") + "  styles: { '.toml': '--' }\n";
            var result = Analyze(config);
            Assert.DoesNotContain(result.Diagnostics, d => d.Path.StartsWith("src/", System.StringComparison.Ordinal));
            // With "--" comments, the TOML file's "#" lines are no header at all.
            Assert.Equal("l.toml(1,1) GOV401", result.Diagnostics.Where(d => d.Path == "l.toml").Select(d => $"{d.Path}({d.Span.StartLine},{d.Span.StartColumn}) {d.Id}").Single());
        }

        [Fact]
        public void An_orchestration_key_in_the_front_matter_is_checked_like_the_comment_line()
        {
            var problem = MetadataHeader.Check("---\ndescription: Notes\norchestration: Phase two | Active\n---\n", CommentStyle.Markdown, new string[0]);
            Assert.NotNull(problem);
            Assert.Equal("the phase 'two' is not a number: expected 'Phase <XX>' with XX a number", problem!.Message);
            Assert.Equal("---\ndescription: Notes\norchestration: Phase ".Length, problem.Start);
            Assert.Null(MetadataHeader.Check("---\ndescription: Notes\norchestration: Phase 2 | Active\n---\n", CommentStyle.Markdown, new string[0]));

            // A front matter without a description: the comment header must follow it.
            var after = MetadataHeader.Check("---\ntitle: Notes\n---\n<!-- Description: N. -->\n<!-- Orchestration: Phase 2 | Active -->\n", CommentStyle.Markdown, new string[0]);
            Assert.Null(after);
        }

        [Theory]
        [InlineData("class A { }\n", "// Description: A\n// Orchestration: Phase 14 | Backfill\nclass A { }\n")]
        [InlineData("// Orchestration: Phase 3 | Active\n// Description: Kept.\nclass A { }\n", "// Description: Kept.\n// Orchestration: Phase 3 | Active\nclass A { }\n")]
        [InlineData("using System;\n// Description: Kept.\n// Orchestration: Phase 3 | Active\nclass A { }\n", "// Description: Kept.\n// Orchestration: Phase 3 | Active\nusing System;\nclass A { }\n")]
        [InlineData("// Description: Kept.\n// Orchestration: Phase X | Active\n", "// Description: Kept.\n// Orchestration: Phase 14 | Active\n")]
        [InlineData("// Description: Kept.\n// Orchestration: Phase 3\n", "// Description: Kept.\n// Orchestration: Phase 3 | Backfill\n")]
        [InlineData("// Description:\r\n// Orchestration: Phase 3 | Active\r\nclass A { }\r\n", "// Description: A\r\n// Orchestration: Phase 3 | Active\r\nclass A { }\r\n")]
        [InlineData("", "// Description: A\n// Orchestration: Phase 14 | Backfill\n")]
        public void Repair_writes_a_well_formed_header_keeping_what_was_right(string before, string after)
        {
            var edit = MetadataHeader.Repair(before, CommentStyle.Slashes, "A", "14", "Backfill");
            Assert.NotNull(edit);
            string fixedText = before.Substring(0, edit!.Start) + edit.NewText + before.Substring(edit.Start + edit.Length);
            Assert.Equal(after, fixedText);
            Assert.Null(MetadataHeader.Check(fixedText, CommentStyle.Slashes, new string[0]));
        }

        [Fact]
        public void Repair_needs_a_phase_and_a_status_from_the_file_or_the_configuration()
        {
            Assert.Null(MetadataHeader.Repair("class A { }\n", CommentStyle.Slashes, "A", "", "Backfill"));
            Assert.Null(MetadataHeader.Repair("class A { }\n", CommentStyle.Slashes, "A", "14", null));
            Assert.NotNull(MetadataHeader.Repair("// Orchestration: Phase 3 | Active\nclass A { }\n", CommentStyle.Slashes, "A", null, null));
        }

        [Fact]
        public void Shebangs_stay_first_and_the_header_goes_under_them()
        {
            var edit = MetadataHeader.Repair("#!/bin/sh\necho hi\n", CommentStyle.Hash, "Setup", "2", "Active")!;
            Assert.Equal(("#!/bin/sh\n".Length, 0, "# Description: Setup\n# Orchestration: Phase 2 | Active\n"), (edit.Start, edit.Length, edit.NewText));
        }

        [Fact]
        public void With_a_phase_and_status_configured_each_header_diagnostic_offers_the_header_and_applying_it_passes()
        {
            string config = Config + "  phase: '14'\n  status: Active\n";
            var result = Analyze(config);
            var missing = result.Diagnostics.Single(d => d.Path == "src/b.ts" && d.Id == "GOV401");
            var fix = Assert.Single(missing.Fixes, f => !f.IsSuppression);
            Assert.Equal("Write the metadata header", fix.Title);
            var edit = Assert.Single(fix.Edits);
            string text = Files.Single(f => f.Path == "src/b.ts").Text;
            string written = text.Remove(edit.Start, edit.Length).Insert(edit.Start, edit.NewText);
            Assert.Equal("// Description: b\n// Orchestration: Phase 14 | Active\nexport const x = 1;\n", written);

            // The malformed one keeps what it has (description, status) and takes the phase.
            var malformed = result.Diagnostics.Single(d => d.Path == "e.yml" && d.Id == "GOV402");
            var repair = Assert.Single(Assert.Single(malformed.Fixes, f => !f.IsSuppression).Edits);
            string yml = Files.Single(f => f.Path == "e.yml").Text;
            string repaired = yml.Remove(repair.Start, repair.Length).Insert(repair.Start, repair.NewText);
            var again = GovernanceEngine.Analyze(new[] { DocumentInput.FromText("e.yml", repaired), DocumentInput.FromText("src/b.ts", written), DocumentInput.FromText("governance.yml", config) });
            Assert.Empty(again.Diagnostics);
        }

        [Fact]
        public void Without_a_phase_and_status_no_header_fix_is_offered()
        {
            var missing = Analyze(Config).Diagnostics.Single(d => d.Path == "src/b.ts" && d.Id == "GOV401");
            Assert.DoesNotContain(missing.Fixes, f => !f.IsSuppression);
        }
    }
}
