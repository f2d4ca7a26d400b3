using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Orchestrator.Governance.Analyzers;
using Xunit;

namespace Orchestrator.Governance.CodeFixes.Tests
{
    /// <summary>
    /// GOV401/GOV402 on C# files and their code fix, in a real AdhocWorkspace: projects under
    /// /repo with governance.yml as an additional document and GovernanceRoot in a .globalconfig,
    /// as the package's targets set them up.
    /// </summary>
    public class MetadataHeaderCodeFixTests
    {
        private const string Config = "headers:\n  include: ['src/**/*.cs']\n  phase: '14'\n  status: Backfill\n";
        private const string Good = "// Description: Larder sync.\n// Orchestration: Phase 3 | Active\nnamespace App;\nclass Good { }\n";
        private const string Missing = "namespace App;\n\nclass Missing { }\n";
        private const string Swapped = "// Orchestration: Phase 3 | Active\n// Description: Swapped lines.\nnamespace App;\nclass Swapped { }\n";
        private const string BadPhase = "// Description: Jobs.\n// Orchestration: Phase three | Active\nnamespace App;\nclass Jobs { }\n";

        private static Solution AddProject(Solution solution, string name, string config, params (string Path, string Text)[] files)
        {
            var id = ProjectId.CreateNewId(name);
            solution = solution.AddProject(ProjectInfo.Create(id, VersionStamp.Create(), name, name, LanguageNames.CSharp, filePath: $"/repo/src/{name}/{name}.csproj",
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) }));
            foreach (var (path, text) in files)
                solution = solution.AddDocument(DocumentId.CreateNewId(id), System.IO.Path.GetFileName(path), SourceText.From(text), filePath: "/repo/" + path);
            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(id), "governance.yml", SourceText.From(config), filePath: "/repo/governance.yml");
            return solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(id), ".globalconfig",
                SourceText.From("is_global = true\nbuild_property.GovernanceRoot = /repo/\n"), filePath: "/repo/.globalconfig");
        }

        private static Project Project(string config, params (string Path, string Text)[] files) =>
            AddProject(new AdhocWorkspace().CurrentSolution, "App", config, files).Projects.Single();

        private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project)
        {
            var compilation = await project.GetCompilationAsync();
            var diagnostics = await compilation!.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MetadataHeaderAnalyzer()), project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
            return diagnostics.OrderBy(d => d.Location.SourceTree!.FilePath, System.StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
        }

        private static string Show(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d =>
        {
            var span = d.Location.GetLineSpan();
            return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {d.Id}: {d.GetMessage()}";
        }));

        private static async Task<string> TextOf(Solution solution, string path) =>
            (await solution.Projects.SelectMany(p => p.Documents).Single(d => d.FilePath == "/repo/" + path).GetTextAsync()).ToString();

        private static async Task<List<CodeAction>> ActionsAsync(Document document, Diagnostic diagnostic)
        {
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await new MetadataHeaderCodeFixProvider().RegisterCodeFixesAsync(context);
            return actions;
        }

        private static async Task<Solution> ApplyAsync(CodeAction action)
        {
            var operations = await action.GetOperationsAsync(CancellationToken.None);
            return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        }

        [Fact]
        public async Task The_analyzer_reports_each_malformed_or_missing_header_at_its_place()
        {
            var project = Project(Config, ("src/App/Good.cs", Good), ("src/App/Missing.cs", Missing), ("src/App/Swapped.cs", Swapped), ("src/App/Jobs.cs", BadPhase), ("tests/AppTests/T.cs", Missing));
            Assert.Equal(
                "/repo/src/App/Jobs.cs(2,25): GOV402: Malformed metadata header: the phase 'three' is not a number: expected 'Phase <XX>' with XX a number\n" +
                "/repo/src/App/Missing.cs(1,1): GOV401: The file does not start with a metadata header: its first two lines must be '// Description: <summary>' and '// Orchestration: Phase <XX> | <Status>'\n" +
                "/repo/src/App/Swapped.cs(1,4): GOV402: Malformed metadata header: the lines are swapped: 'Description:' must come first, then 'Orchestration:'",
                Show(await DiagnosticsAsync(project)));
        }

        [Fact]
        public async Task Without_headers_include_nothing_is_reported()
        {
            var project = Project("headers:\n  phase: '14'\n", ("src/App/Missing.cs", Missing));
            Assert.Empty(await DiagnosticsAsync(project));
        }

        [Theory]
        [InlineData(Missing, "// Description: Missing\n// Orchestration: Phase 14 | Backfill\nnamespace App;\n\nclass Missing { }\n")]
        [InlineData(Swapped, "// Description: Swapped lines.\n// Orchestration: Phase 3 | Active\nnamespace App;\nclass Swapped { }\n")]
        [InlineData(BadPhase, "// Description: Jobs.\n// Orchestration: Phase 14 | Active\nnamespace App;\nclass Jobs { }\n")]
        public async Task The_fix_writes_the_header_and_the_analyzer_is_then_satisfied(string before, string after)
        {
            string path = "src/App/" + (before == Missing ? "Missing" : before == Swapped ? "Swapped" : "Jobs") + ".cs";
            var project = Project(Config, (path, before));
            var diagnostic = Assert.Single(await DiagnosticsAsync(project));
            var document = project.Documents.Single();

            var action = Assert.Single(await ActionsAsync(document, diagnostic));
            Assert.Equal(MetadataHeaderCodeFixProvider.Title, action.Title);
            var solution = await ApplyAsync(action);

            Assert.Equal(after, await TextOf(solution, path));
            Assert.Empty(await DiagnosticsAsync(solution.Projects.Single()));
        }

        [Fact]
        public async Task No_fix_is_offered_when_the_phase_or_status_is_unknown()
        {
            var project = Project("headers:\n  include: ['src/**/*.cs']\n", ("src/App/Missing.cs", Missing), ("src/App/Jobs.cs", BadPhase));
            var diagnostics = await DiagnosticsAsync(project);
            Assert.Equal(2, diagnostics.Length);

            // No phase configured: nothing to write for a missing header or a phase that is not a number.
            foreach (var diagnostic in diagnostics)
            {
                var document = project.GetDocument(diagnostic.Location.SourceTree)!;
                Assert.Empty(await ActionsAsync(document, diagnostic));
            }
        }

        private sealed class AnalyzerDiagnostics : FixAllContext.DiagnosticProvider
        {
            public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => await DiagnosticsAsync(project);

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            {
                var tree = await document.GetSyntaxTreeAsync(cancellationToken);
                return (await DiagnosticsAsync(document.Project)).Where(d => d.Location.SourceTree == tree);
            }

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult(Enumerable.Empty<Diagnostic>());
        }

        private static async Task<Solution> FixAllAsync(Document document, FixAllScope scope)
        {
            var provider = new MetadataHeaderCodeFixProvider();
            var context = new FixAllContext(document, provider, scope, MetadataHeaderCodeFixProvider.Title, provider.FixableDiagnosticIds, new AnalyzerDiagnostics(), CancellationToken.None);
            var action = await provider.GetFixAllProvider().GetFixAsync(context);
            Assert.NotNull(action);
            return await ApplyAsync(action!);
        }

        [Fact]
        public async Task Fix_all_in_the_project_repairs_three_files_and_leaves_the_good_one()
        {
            var project = Project(Config, ("src/App/Good.cs", Good), ("src/App/Missing.cs", Missing), ("src/App/Swapped.cs", Swapped), ("src/App/Jobs.cs", BadPhase));
            var solution = await FixAllAsync(project.Documents.First(d => d.Name == "Missing.cs"), FixAllScope.Project);

            Assert.Equal(Good, await TextOf(solution, "src/App/Good.cs"));
            Assert.Equal("// Description: Missing\n// Orchestration: Phase 14 | Backfill\nnamespace App;\n\nclass Missing { }\n", await TextOf(solution, "src/App/Missing.cs"));
            Assert.Equal("// Description: Swapped lines.\n// Orchestration: Phase 3 | Active\nnamespace App;\nclass Swapped { }\n", await TextOf(solution, "src/App/Swapped.cs"));
            Assert.Equal("// Description: Jobs.\n// Orchestration: Phase 14 | Active\nnamespace App;\nclass Jobs { }\n", await TextOf(solution, "src/App/Jobs.cs"));
            Assert.Empty(await DiagnosticsAsync(solution.Projects.Single()));
        }

        [Fact]
        public async Task Fix_all_in_the_document_touches_only_that_document()
        {
            var project = Project(Config, ("src/App/Missing.cs", Missing), ("src/App/Swapped.cs", Swapped));
            var solution = await FixAllAsync(project.Documents.First(d => d.Name == "Swapped.cs"), FixAllScope.Document);

            Assert.Equal(Missing, await TextOf(solution, "src/App/Missing.cs"));
            Assert.StartsWith("// Description: Swapped lines.\n", await TextOf(solution, "src/App/Swapped.cs"));
        }

        [Fact]
        public async Task Fix_all_in_the_solution_reaches_every_project()
        {
            var solution = AddProject(new AdhocWorkspace().CurrentSolution, "App", Config, ("src/App/Missing.cs", Missing));
            solution = AddProject(solution, "Lib", Config, ("src/Lib/Jobs.cs", BadPhase));
            var start = solution.Projects.Single(p => p.Name == "App").Documents.Single();

            var fixedSolution = await FixAllAsync(start, FixAllScope.Solution);

            Assert.StartsWith("// Description: Missing\n// Orchestration: Phase 14 | Backfill\n", await TextOf(fixedSolution, "src/App/Missing.cs"));
            Assert.StartsWith("// Description: Jobs.\n// Orchestration: Phase 14 | Active\n", await TextOf(fixedSolution, "src/Lib/Jobs.cs"));
        }
    }
}
