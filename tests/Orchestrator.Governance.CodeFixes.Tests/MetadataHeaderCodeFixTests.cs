using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Orchestrator.Governance.Analyzers;
using Xunit;

namespace Orchestrator.Governance.CodeFixes.Tests
{
    /// <summary>
    /// GOV401/GOV402 on C# files and their code fix through Microsoft.CodeAnalysis.Testing: sources
    /// under /repo with governance.yml as an additional file and GovernanceRoot in a .globalconfig, as
    /// the package's targets set them up; each expected diagnostic marked where it stands
    /// (<c>{|#0:...|}</c>) with its message argument, and the fixed text compared whole. The framework
    /// also checks that the fixed code has no diagnostic left (FixedState without markup) and runs
    /// Fix All in the document, the project and the solution unless a test skips one.
    /// </summary>
    public class MetadataHeaderCodeFixTests
    {
        private const string Root = "/repo/";
        private const string GlobalConfig = "is_global = true\nbuild_property.GovernanceRoot = /repo/\n";
        private const string Config = "headers:\n  include: ['src/**/*.cs']\n  phase: '14'\n  status: Backfill\n";

        private const string Good = "// Description: Larder sync.\n// Orchestration: Phase 3 | Active\nnamespace App;\nclass Good { }\n";

        // The three bad files, marked where the analyzer reports them (location 0).
        private const string Missing = "{|#0:namespace App;|}\n\nclass Missing { }\n";
        private const string Swapped = "// {|#0:Orchestration:|} Phase 3 | Active\n// Description: Swapped lines.\nnamespace App;\nclass Swapped { }\n";
        private const string BadPhase = "// Description: Jobs.\n// Orchestration: Phase {|#0:three|} | Active\nnamespace App;\nclass Jobs { }\n";

        private const string MissingFixed = "// Description: Missing\n// Orchestration: Phase 14 | Backfill\nnamespace App;\n\nclass Missing { }\n";
        private const string SwappedFixed = "// Description: Swapped lines.\n// Orchestration: Phase 3 | Active\nnamespace App;\nclass Swapped { }\n";
        private const string BadPhaseFixed = "// Description: Jobs.\n// Orchestration: Phase 14 | Active\nnamespace App;\nclass Jobs { }\n";

        private const string MissingMessage = "its first two lines must be '// Description: <summary>' and '// Orchestration: Phase <XX> | <Status>'";
        private const string SwappedMessage = "the lines are swapped: 'Description:' must come first, then 'Orchestration:'";
        private const string BadPhaseMessage = "the phase 'three' is not a number: expected 'Phase <XX>' with XX a number";

        /// <summary>The expected diagnostic of a bad file, at its location <paramref name="markup"/> (the number in <c>{|#n:</c>).</summary>
        private static DiagnosticResult Expected(string file, int markup) => file switch
        {
            "Missing" => new DiagnosticResult("GOV401", DiagnosticSeverity.Error).WithLocation(markup).WithArguments(MissingMessage),
            "Swapped" => new DiagnosticResult("GOV402", DiagnosticSeverity.Error).WithLocation(markup).WithArguments(SwappedMessage),
            "Jobs" => new DiagnosticResult("GOV402", DiagnosticSeverity.Error).WithLocation(markup).WithArguments(BadPhaseMessage),
            _ => throw new ArgumentOutOfRangeException(nameof(file)),
        };

        /// <summary>A marked text with its location renumbered, so that several files can stand in one test.</summary>
        private static string Renumber(string markup, int location) => markup.Replace("{|#0:", "{|#" + location + ":");

        private static string Plain(string markup) => Regex.Replace(markup, @"\{\|#[0-9]+:|\|\}", string.Empty);

        /// <summary>
        /// The framework also checks that <c>#pragma warning disable</c> on a new first line silences every
        /// expected diagnostic. GOV401 cannot pass that check: with the pragma as line 1 the file still has
        /// no header, and the diagnostic moves onto the pragma line itself, before the pragma takes effect.
        /// So tests with the header-less file skip that one check; the others keep it.
        /// </summary>
        private static TestBehaviors PragmaCheck((string Path, string Text)[] sources) =>
            sources.Any(s => s.Text.Contains("class Missing", StringComparison.Ordinal)) ? TestBehaviors.SkipSuppressionCheck : TestBehaviors.None;

        private static void AddRepository(ProjectState project, string config, params (string Path, string Text)[] sources)
        {
            foreach (var (path, text) in sources) project.Sources.Add((Root + path, text));
            project.AdditionalFiles.Add((Root + "governance.yml", config));
            project.AnalyzerConfigFiles.Add((Root + ".globalconfig", GlobalConfig));
        }

        private static CSharpAnalyzerTest<MetadataHeaderAnalyzer, DefaultVerifier> AnalyzerTest(string config, params (string Path, string Text)[] sources)
        {
            var test = new CSharpAnalyzerTest<MetadataHeaderAnalyzer, DefaultVerifier> { ReferenceAssemblies = ReferenceAssemblies.Net.Net80, TestBehaviors = PragmaCheck(sources) };
            AddRepository(test.TestState, config, sources);
            return test;
        }

        /// <summary>
        /// The code fix test, which can also require exactly one code action for each diagnostic it fixes
        /// and choose which diagnostic <see cref="CodeFixTestBehaviors.FixOne"/> fixes.
        /// </summary>
        private sealed class FixTest : CSharpCodeFixTest<MetadataHeaderAnalyzer, MetadataHeaderCodeFixProvider, DefaultVerifier>
        {
            public FixTest(string config, params (string Path, string Text)[] sources)
            {
                ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
                TestBehaviors = PragmaCheck(sources);
                AddRepository(TestState, config, sources);
            }

            public bool OneActionPerDiagnostic { get; set; }

            public Func<Diagnostic, bool>? FixOnly { get; set; }

            protected override ImmutableArray<CodeAction> FilterCodeActions(ImmutableArray<CodeAction> actions)
            {
                if (OneActionPerDiagnostic && actions.Length != 1)
                    throw new InvalidOperationException($"Expected one code action for the diagnostic, found {actions.Length}");
                return base.FilterCodeActions(actions);
            }

            protected override Diagnostic? TrySelectDiagnosticToFix(ImmutableArray<Diagnostic> fixableDiagnostics) =>
                FixOnly == null ? base.TrySelectDiagnosticToFix(fixableDiagnostics) : fixableDiagnostics.FirstOrDefault(FixOnly);
        }

        [Fact]
        public async Task The_analyzer_reports_each_malformed_or_missing_header_at_its_place()
        {
            var test = AnalyzerTest(Config,
                ("src/App/Good.cs", Good),
                ("src/App/Missing.cs", Renumber(Missing, 0)),
                ("src/App/Swapped.cs", Renumber(Swapped, 1)),
                ("src/App/Jobs.cs", Renumber(BadPhase, 2)),
                // Outside headers.include: no diagnostic (its class renamed so that the project compiles).
                ("tests/AppTests/T.cs", Plain(Missing).Replace("class Missing", "class T")));
            test.ExpectedDiagnostics.Add(Expected("Missing", 0));
            test.ExpectedDiagnostics.Add(Expected("Swapped", 1));
            test.ExpectedDiagnostics.Add(Expected("Jobs", 2));
            await test.RunAsync();
        }

        [Fact]
        public async Task Without_headers_include_nothing_is_reported()
        {
            await AnalyzerTest("headers:\n  phase: '14'\n", ("src/App/Missing.cs", Plain(Missing))).RunAsync();
        }

        [Fact]
        public async Task An_editorconfig_section_silences_GOV401_in_its_file_only()
        {
            // docs/rules/GOV401.md: a #pragma cannot silence a missing header; a per-file .editorconfig section can.
            string other = Missing.Replace("class Missing", "class Other");
            var test = AnalyzerTest(Config, ("src/App/Missing.cs", Plain(Missing)), ("src/App/Other.cs", other));
            test.TestState.AnalyzerConfigFiles.Add((Root + ".editorconfig", "root = true\n\n[src/App/Missing.cs]\ndotnet_diagnostic.GOV401.severity = none\n"));
            test.ExpectedDiagnostics.Add(Expected("Missing", 0));
            await test.RunAsync();
        }

        [Theory]
        [InlineData("Missing", MissingFixed)]
        [InlineData("Swapped", SwappedFixed)]
        [InlineData("Jobs", BadPhaseFixed)]
        public async Task The_fix_writes_the_header_and_the_analyzer_is_then_satisfied(string file, string after)
        {
            string before = file switch { "Missing" => Missing, "Swapped" => Swapped, _ => BadPhase };
            var test = new FixTest(Config, ($"src/App/{file}.cs", before))
            {
                OneActionPerDiagnostic = true,
                CodeActionVerifier = (action, verifier) => verifier.Equal(MetadataHeaderCodeFixProvider.Title, action.Title, "code action title"),
            };
            test.ExpectedDiagnostics.Add(Expected(file, 0));
            test.FixedState.Sources.Add((Root + $"src/App/{file}.cs", after));
            await test.RunAsync();
        }

        [Fact]
        public async Task No_fix_is_offered_when_the_phase_or_status_is_unknown()
        {
            // No phase configured: nothing to write for a missing header or a phase that is not a number.
            // The fixed state equal to the test state makes the framework require that no fix is offered.
            (string, string)[] sources = { ("src/App/Missing.cs", Renumber(Missing, 0)), ("src/App/Jobs.cs", Renumber(BadPhase, 1)) };
            var test = new FixTest("headers:\n  include: ['src/**/*.cs']\n", sources);
            test.ExpectedDiagnostics.Add(Expected("Missing", 0));
            test.ExpectedDiagnostics.Add(Expected("Jobs", 1));
            foreach (var source in sources) test.FixedState.Sources.Add((Root + source.Item1, source.Item2));
            test.FixedState.ExpectedDiagnostics.AddRange(test.ExpectedDiagnostics);
            await test.RunAsync();
        }

        [Fact]
        public async Task Fix_all_in_the_project_repairs_three_files_and_leaves_the_good_one()
        {
            // The framework applies Fix All in the project (and in each document and the solution) and
            // compares every file with the fixed state; the good file stays as it was.
            var test = new FixTest(Config,
                ("src/App/Good.cs", Good),
                ("src/App/Missing.cs", Renumber(Missing, 0)),
                ("src/App/Swapped.cs", Renumber(Swapped, 1)),
                ("src/App/Jobs.cs", Renumber(BadPhase, 2)));
            test.ExpectedDiagnostics.Add(Expected("Missing", 0));
            test.ExpectedDiagnostics.Add(Expected("Swapped", 1));
            test.ExpectedDiagnostics.Add(Expected("Jobs", 2));
            test.FixedState.Sources.Add((Root + "src/App/Good.cs", Good));
            test.FixedState.Sources.Add((Root + "src/App/Missing.cs", MissingFixed));
            test.FixedState.Sources.Add((Root + "src/App/Swapped.cs", SwappedFixed));
            test.FixedState.Sources.Add((Root + "src/App/Jobs.cs", BadPhaseFixed));
            // One Fix All in the project repairs all three files.
            test.NumberOfFixAllInProjectIterations = 1;
            await test.RunAsync();
        }

        [Fact]
        public async Task Fix_all_in_the_document_touches_only_that_document()
        {
            // FixOne with the Swapped.cs diagnostic chosen: one fix, and one Fix All in that document;
            // Missing.cs must come out unchanged, its diagnostic still there. (Fix All in the project or
            // the solution would rightly repair both, so those two checks are skipped here.)
            var test = new FixTest(Config, ("src/App/Missing.cs", Renumber(Missing, 0)), ("src/App/Swapped.cs", Renumber(Swapped, 1)))
            {
                FixOnly = d => d.Location.SourceTree!.FilePath.EndsWith("/Swapped.cs", StringComparison.Ordinal),
                CodeFixTestBehaviors = CodeFixTestBehaviors.FixOne | CodeFixTestBehaviors.SkipFixAllInProjectCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck,
            };
            test.ExpectedDiagnostics.Add(Expected("Missing", 0));
            test.ExpectedDiagnostics.Add(Expected("Swapped", 1));
            test.FixedState.Sources.Add((Root + "src/App/Missing.cs", Renumber(Missing, 0)));
            test.FixedState.Sources.Add((Root + "src/App/Swapped.cs", SwappedFixed));
            test.FixedState.ExpectedDiagnostics.Add(Expected("Missing", 0));
            await test.RunAsync();
        }

        [Fact]
        public async Task Fix_all_in_the_solution_reaches_every_project()
        {
            // Two projects, App (the test's primary project) and Lib, each with governance.yml and the .globalconfig.
            var test = new FixTest(Config, ("src/App/Missing.cs", Renumber(Missing, 0)));
            var lib = new ProjectState("Lib", Microsoft.CodeAnalysis.LanguageNames.CSharp, "/0/Lib", "cs");
            test.TestState.AdditionalProjects.Add("Lib", lib);
            AddRepository(lib, Config, ("src/Lib/Jobs.cs", Renumber(BadPhase, 1)));
            test.ExpectedDiagnostics.Add(Expected("Missing", 0));
            test.ExpectedDiagnostics.Add(Expected("Jobs", 1));

            test.FixedState.Sources.Add((Root + "src/App/Missing.cs", MissingFixed));
            var libFixed = new ProjectState("Lib", Microsoft.CodeAnalysis.LanguageNames.CSharp, "/0/Lib", "cs");
            test.FixedState.AdditionalProjects.Add("Lib", libFixed);
            AddRepository(libFixed, Config, ("src/Lib/Jobs.cs", BadPhaseFixed));

            // One Fix All in the solution repairs both projects' files; in a document or a project it takes
            // one round for each of the two.
            test.NumberOfFixAllIterations = 1;
            test.NumberOfFixAllInDocumentIterations = 2;
            test.NumberOfFixAllInProjectIterations = 2;
            await test.RunAsync();
        }
    }
}
