using System;
using System.Linq;
using System.Text;
using Orchestrator.Governance.Baseline;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Xunit;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Rules.Spec;

namespace Orchestrator.Governance.Tests.Baseline
{
    /// <summary>governance.baseline.json applied by the engine: what it covers, stale entries (GOV007), an unusable baseline (GOV008).</summary>
    public class BaselineTests
    {
        private const string BaselinePath = GovernanceBaseline.DefaultPath;

        private static readonly string Bad = Packets.WithLine(9, "- STATUS: Almost done");

        private static GovernanceResult Analyze(string packet, string? baseline, AnalysisOptions? options = null)
        {
            var inputs = Packets.SpecInputs().Concat(new[] { DocumentInput.FromText(Packets.Path, packet) }).ToList();
            if (baseline != null) inputs.Add(DocumentInput.FromText(BaselinePath, baseline));
            return GovernanceEngine.Analyze(inputs, options);
        }

        /// <summary>The baseline that records every diagnostic of <paramref name="packet"/>.</summary>
        private static string Record(string packet) =>
            GovernanceBaseline.Write(GovernanceBaseline.Record(Analyze(packet, null).Diagnostics));

        [Fact]
        public void A_baselined_diagnostic_is_set_aside_and_counted()
        {
            var result = Analyze(Bad, Record(Bad));
            Assert.Empty(result.Diagnostics);
            var d = Assert.Single(result.Baselined);
            Assert.Equal(("GOV107", Packets.Path, 9, 11), (d.Id, d.Path, d.Span.StartLine, d.Span.StartColumn));
            Assert.Equal(BaselinePath, result.BaselinePath);
            Assert.False(result.HasErrors);
        }

        [Fact]
        public void Lines_inserted_above_a_finding_keep_it_baselined()
        {
            string moved = "<!-- five -->\n\n\n\n\n" + Bad;
            var result = Analyze(moved, Record(Bad));
            Assert.Empty(result.Diagnostics);
            var d = Assert.Single(result.Baselined);
            Assert.Equal(14, d.Span.StartLine);
        }

        [Fact]
        public void A_new_defect_is_reported_alone_and_a_fixed_one_is_a_stale_entry()
        {
            string baseline = Record(Bad);
            string twoDefects = Bad.Replace("- DATE: 2025-12-26T14:30:00Z", "- DATE: 21/12/2025");
            Assert.NotEqual(Bad, twoDefects);
            var result = Analyze(twoDefects, baseline);
            Packets.Single(result, "GOV108", Packets.Path, 5, 9, "21/12/2025");
            Assert.Single(result.Diagnostics);

            // The STATUS is fixed: the entry matches nothing any more.
            result = Analyze(Packets.Valid, baseline);
            int entryLine = baseline.Split('\n').ToList().FindIndex(l => l.Contains("\"rule\": \"GOV107\"")); // 0-based line of "rule"; the entry's brace is the line before "path"
            Packets.Single(result, "GOV007", BaselinePath, entryLine - 1, 5, "GOV107", Packets.Path, "1", "0");
            Assert.Single(result.Diagnostics);
            Assert.Empty(result.Baselined);
        }

        [Fact]
        public void A_package_reference_entry_holds_across_versions_and_is_not_stale_in_a_build_that_sees_another_project()
        {
            const string register = "# OSS REGISTER\n\n| name | license | integration_mode_default | purpose |\n| --- | --- | --- | --- |\n| serde | MIT | embedded_lib | Serialization |\n";
            GovernanceResult Run(string? baseline, AnalysisOptions options)
            {
                var inputs = Packets.SpecInputs().Concat(new[] { DocumentInput.FromText(Packets.Path, Packets.Valid), DocumentInput.FromText("docs/OSS_REGISTER.md", register) }).ToList();
                if (baseline != null) inputs.Add(DocumentInput.FromText(BaselinePath, baseline));
                return GovernanceEngine.Analyze(inputs, options);
            }

            // The CLI: every project file, read as written (no version).
            var cli = new AnalysisOptions { PackageReferences = new[] { new Governance.Model.Oss.PackageReference("Orchestrator.Governance", null, "App.csproj"), new Governance.Model.Oss.PackageReference("Spectre.Console", null, "Tool.csproj") } };
            var found = Run(null, cli);
            Assert.Equal(new[]
            {
                ("GOV611", "docs/OSS_REGISTER.md", 1, 3, "Orchestrator.Governance|PackageReference of App.csproj|docs/OSS_REGISTER.md"),
                ("GOV611", "docs/OSS_REGISTER.md", 1, 3, "Spectre.Console|PackageReference of Tool.csproj|docs/OSS_REGISTER.md"),
            }, found.Diagnostics.Select(d => (d.Id, d.Path, d.Span.StartLine, d.Span.StartColumn, string.Join("|", d.Arguments))));
            string baseline = GovernanceBaseline.Write(GovernanceBaseline.Record(found.Diagnostics));

            // The build of App.csproj: its own reference, evaluated with a version; Tool.csproj's entry is not stale here.
            var build = new AnalysisOptions { PackageReferences = new[] { new Governance.Model.Oss.PackageReference("Orchestrator.Governance", "1.2.0", "App.csproj") }, PackageReferencesOfOneProject = true };
            var result = Run(baseline, build);
            Assert.Empty(result.Diagnostics);
            var baselined = Assert.Single(result.Baselined);
            Assert.Equal(("GOV611", "Orchestrator.Governance|PackageReference 1.2.0 of App.csproj|docs/OSS_REGISTER.md"), (baselined.Id, string.Join("|", baselined.Arguments)));

            // The CLI sees every project: an entry nothing matches is stale there.
            var cliWithout = new AnalysisOptions { PackageReferences = new[] { new Governance.Model.Oss.PackageReference("Orchestrator.Governance", null, "App.csproj") } };
            result = Run(baseline, cliWithout);
            var stale = Assert.Single(result.Diagnostics);
            Assert.Equal(("GOV007", BaselinePath), (stale.Id, stale.Path));
            Assert.Equal(new[] { "GOV611", "docs/OSS_REGISTER.md", "1", "0" }, stale.Arguments);
        }

        [Fact]
        public void Two_entries_for_one_finding_are_GOV008_at_the_repeat_and_the_baseline_is_not_used()
        {
            var entry = GovernanceBaseline.Record(Analyze(Bad, null).Diagnostics).Single();
            string baseline = GovernanceBaseline.Write(new[] { entry, entry });
            int second = baseline.Split('\n').Select((l, i) => (l, i)).Where(x => x.l.Contains("\"rule\": \"GOV107\"")).Skip(1).First().i; // 0-based line of the second "rule"
            int first = baseline.Split('\n').ToList().FindIndex(l => l.Contains("\"rule\": \"GOV107\""));
            var result = Analyze(Bad, baseline);
            Packets.Single(result, "GOV008", BaselinePath, second - 1, 5, BaselinePath,
                $"the entry at line {second - 1} repeats the path, rule and fingerprint of the entry at line {first - 1} ({Packets.Path}, GOV107); merge them into one entry with the sum of their counts, or run 'governance baseline' again");
            Packets.Single(result, "GOV107", Packets.Path, 9, 11, "STATUS", "Almost done", "Ready-for-Dev, In-Progress, Blocked, Done, Validated");
            Assert.Empty(result.Baselined);
        }

        [Theory]
        [InlineData("1000001")]
        [InlineData("2147483647")]
        [InlineData("9223372036854775808")]
        [InlineData("100000000000000000000000000000")]
        [InlineData("0")]
        public void A_count_out_of_range_is_GOV008_at_the_entry_and_nothing_is_baselined(string count)
        {
            string baseline = Record(Bad).Replace("\"count\": 1", "\"count\": " + count);
            Assert.Contains("\"count\": " + count, baseline);
            var result = Analyze(Bad, baseline);
            var invalid = Assert.Single(result.Of("GOV008"));
            Assert.Equal((BaselinePath, DiagnosticSeverityOf(invalid)), (invalid.Path, GovernanceSeverity.Error));
            Assert.Equal(BaselinePath, invalid.Arguments[0]);
            if (count.Length < 19) Assert.Equal("it does not match schemas/baseline.schema.json: 'entries[0].count' is out of range (number too " + (count == "0" ? "small)" : "big)"), invalid.Arguments[1]);
            else Assert.Equal($"it does not match schemas/baseline.schema.json: The integer {count} is out of range (at most 64 bits).", invalid.Arguments[1]);
            Packets.Single(result, "GOV107", Packets.Path, 9, 11, "STATUS", "Almost done", "Ready-for-Dev, In-Progress, Blocked, Done, Validated");
            Assert.Empty(result.Baselined);
        }

        [Fact]
        public void The_largest_count_is_read()
        {
            string baseline = Record(Bad).Replace("\"count\": 1", "\"count\": 1000000");
            var result = Analyze(Bad, baseline);
            Assert.Single(result.Baselined);
            Packets.Single(result, "GOV007", BaselinePath, 4, 5, "GOV107", Packets.Path, "1000000", "1");
        }

        private static GovernanceSeverity DiagnosticSeverityOf(GovernanceDiagnostic d) => d.Severity;

        [Fact]
        public void An_edit_to_the_offending_line_makes_it_a_new_finding()
        {
            var result = Analyze(Packets.WithLine(9, "- STATUS: Almost done!"), Record(Bad));
            Packets.Single(result, "GOV107", Packets.Path, 9, 11, "STATUS", "Almost done!", "Ready-for-Dev, In-Progress, Blocked, Done, Validated");
            Packets.Single(result, "GOV007", BaselinePath, 4, 5, "GOV107", Packets.Path, "1", "0");
        }

        [Fact]
        public void An_entry_covers_as_many_diagnostics_as_its_count_in_document_order()
        {
            var entry = GovernanceBaseline.Record(Analyze(Bad, null).Diagnostics).Single();
            string two = GovernanceBaseline.Write(new[] { new BaselineEntry(entry.Path, entry.RuleId, entry.Fingerprint, 2, entry.Message) });
            var result = Analyze(Bad, two);
            Packets.Single(result, "GOV007", BaselinePath, 4, 5, "GOV107", Packets.Path, "2", "1");
            Assert.Single(result.Baselined);
        }

        [Fact]
        public void Add_records_one_more_finding_in_an_existing_baseline_and_the_finding_is_then_baselined()
        {
            string twoDefects = Bad.Replace("- DATE: 2025-12-26T14:30:00Z", "- DATE: 21/12/2025");
            string baseline = Record(Bad);
            var before = Analyze(twoDefects, baseline);
            var date = Assert.Single(before.Diagnostics);
            Assert.Equal("GOV108", date.Id);

            var existing = GovernanceBaseline.Read(BaselinePath, baseline, 64, out var problems);
            Assert.Empty(problems);
            var entries = GovernanceBaseline.Add(existing, date);
            Assert.Equal(new[] { ("GOV107", 1), ("GOV108", 1) }, entries.Select(e => (e.RuleId, e.Count)));
            var after = Analyze(twoDefects, GovernanceBaseline.Write(entries));
            Assert.Empty(after.Diagnostics);
            Assert.Equal(new[] { "GOV107", "GOV108" }, after.Baselined.Select(d => d.Id).OrderBy(x => x, StringComparer.Ordinal));

            // Recorded again (a second finding with the same fingerprint): the count goes up, no new entry.
            var again = GovernanceBaseline.Add(GovernanceBaseline.Read(BaselinePath, GovernanceBaseline.Write(entries), 64, out _), date);
            Assert.Equal(new[] { ("GOV107", 1), ("GOV108", 2) }, again.Select(e => (e.RuleId, e.Count)));

            // From no baseline at all: one entry.
            Assert.Equal(new[] { ("GOV108", 1) }, GovernanceBaseline.Add(null, date).Select(e => (e.RuleId, e.Count)));
        }

        [Fact]
        public void The_written_baseline_is_sorted_stable_and_validates()
        {
            string once = Record(Bad);
            Assert.Equal(once, Record(Bad));
            Assert.EndsWith("}\n", once);
            Assert.DoesNotContain("\r", once);
            Assert.NotNull(GovernanceBaseline.Read(BaselinePath, once, 64, out var problems));
            Assert.Empty(problems);
            Assert.Contains("\"fingerprint\": \"", once);
            Assert.Contains("\"message\": \"STATUS 'Almost done' is not an allowed value", once);
        }

        [Fact]
        public void Ignored_baseline_leaves_every_diagnostic()
        {
            var result = Analyze(Bad, Record(Bad), new AnalysisOptions { ApplyBaseline = false });
            Packets.Single(result, "GOV107", Packets.Path, 9, 11, "STATUS", "Almost done", "Ready-for-Dev, In-Progress, Blocked, Done, Validated");
            Assert.Null(result.BaselinePath);
        }

        [Theory]
        [InlineData("not json", 1, 1, "it is not valid JSON: Unexpected character encountered while parsing value: n.")]
        [InlineData("{\"version\": 1, \"entries\": [], \"entries\": []}", 1, 40, "it is not valid JSON: Property with the name 'entries' already exists in the current JSON object.")]
        [InlineData("{\"version\": 2, \"entries\": []}", 1, 13, "it does not match schemas/baseline.schema.json: 'version' must be one of: 1")]
        [InlineData("{\"version\": 1, \"entries\": [{\"path\": \"a.md\", \"rule\": \"GOV107\", \"fingerprint\": \"xyz\", \"count\": 1}]}", 1, 78, "it does not match schemas/baseline.schema.json: 'entries[0].fingerprint': pattern mismatch")]
        public void An_unusable_baseline_is_GOV008_at_its_place_and_suppresses_nothing(string baseline, int line, int column, string reason)
        {
            var result = Analyze(Bad, baseline);
            Packets.Single(result, "GOV008", BaselinePath, line, column, BaselinePath, reason);
            Packets.Single(result, "GOV107", Packets.Path, 9, 11, "STATUS", "Almost done", "Ready-for-Dev, In-Progress, Blocked, Done, Validated");
            Assert.Empty(result.Baselined);
            Assert.Null(result.BaselinePath);
        }

        [Fact]
        public void A_baseline_that_is_an_array_is_GOV008_for_each_schema_problem()
        {
            var result = Analyze(Bad, "[]");
            Assert.Equal(3, result.Diagnostics.Count(x => x.Id == "GOV008"));
            Assert.All(result.Diagnostics.Where(x => x.Id == "GOV008"), x => Assert.Equal((1, 1), (x.Span.StartLine, x.Span.StartColumn)));
            Packets.Has(result, "GOV008", BaselinePath, 1, 1, BaselinePath, "it does not match schemas/baseline.schema.json: '(root)': object expected");
            Assert.Single(result.Diagnostics, x => x.Id == "GOV107");
        }

        [Fact]
        public void A_baseline_nested_ten_thousand_deep_is_GOV008_not_a_crash()
        {
            string deep = "{\"version\": 1, \"entries\": " + new string('[', 10000) + new string(']', 10000) + "}";
            var result = Analyze(Bad, deep);
            var d = Assert.Single(result.Diagnostics, x => x.Id == "GOV008");
            Assert.StartsWith("it is not valid JSON: The reader's MaxDepth of 64 has been exceeded", d.Arguments[1]);
            Assert.Single(result.Diagnostics, x => x.Id == "GOV107");
        }

        [Fact]
        public void A_baseline_over_the_size_limit_is_GOV008_and_suppresses_nothing()
        {
            string baseline = Record(Bad);
            var big = DocumentInput.Unreadable(BaselinePath, "10485760 bytes is more than limits.maxDocumentBytes (8388608)", 10485760);
            var inputs = Packets.SpecInputs().Concat(new[] { DocumentInput.FromText(Packets.Path, Bad), big });
            var result = GovernanceEngine.Analyze(inputs);
            Packets.Single(result, "GOV008", BaselinePath, 1, 1, BaselinePath, "10485760 bytes is more than limits.maxDocumentBytes (8388608)");
            Assert.Single(result.Diagnostics, x => x.Id == "GOV107");

            // The same through the engine's own size check, on a text the host did read.
            var padded = baseline.Replace("\"version\": 1", "\"$comment\": \"" + new string('x', 9 * 1024 * 1024) + "\", \"version\": 1");
            result = Analyze(Bad, padded);
            var tooBig = Assert.Single(result.Diagnostics, x => x.Id == "GOV008");
            Assert.EndsWith("is more than limits.maxDocumentBytes (8388608)", tooBig.Arguments[1]);
            Assert.Single(result.Diagnostics, x => x.Id == "GOV107");
        }

        [Fact]
        public void Line_numbers_and_offsets_inside_messages_do_not_change_the_fingerprint()
        {
            var rule = GOV207UncoveredMust.Rule;
            string At(string line) => DiagnosticFingerprint.Compute(new Governance.Diagnostics.GovernanceDiagnostic(rule, "a.md", default, rule.DefaultSeverity, new[] { "1", "§2.1", "line " + line + " 'X MUST y'" }), "- SPEC_ANCHOR: §2.1\n");
            Assert.Equal(At("10"), At("9999"));
            var numbered = GOV211SpecNumberingInconsistent.Rule;
            string Heading(string line) => DiagnosticFingerprint.Compute(new Governance.Diagnostics.GovernanceDiagnostic(numbered, "s.md", default, numbered.DefaultSeverity, new[] { "4.6 A", "4.4 B", line }), "### 4.6 A\n");
            Assert.Equal(Heading("18706"), Heading("2"));
            Assert.NotEqual(Heading("2"), DiagnosticFingerprint.Compute(new Governance.Diagnostics.GovernanceDiagnostic(numbered, "s.md", default, numbered.DefaultSeverity, new[] { "4.7 A", "4.4 B", "2" }), "### 4.6 A\n"));
            Assert.Matches("^[0-9a-f]{16}$", At("1"));
        }
    }
}
