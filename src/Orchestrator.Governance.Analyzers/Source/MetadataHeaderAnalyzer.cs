using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Orchestrator.Governance.Model.Headers;
using Orchestrator.Governance.Rules;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Rules.Headers;

namespace Orchestrator.Governance.Analyzers
{
    /// <summary>
    /// GOV401/GOV402 on the compilation's C# syntax trees: each file headers.include names
    /// (relative to GovernanceRoot) starts with <c>// Description: ...</c> and
    /// <c>// Orchestration: Phase XX | Status</c>. The check is the engine's
    /// (<see cref="MetadataHeader.Check"/>), on the file's first lines only. Each diagnostic carries
    /// what the code fix in Orchestrator.Governance.CodeFixes needs: the file's name as a default
    /// description and headers.phase / headers.status. Source: seed 000 §3.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MetadataHeaderAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            GovernanceAnalyzer.Descriptors[GOV401MetadataHeaderMissing.Rule.Id],
            GovernanceAnalyzer.Descriptors[GOV402MetadataHeaderMalformed.Rule.Id]);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var scope = SourceRuleScope.For(start.Options);
                if (scope.Headers.Include.Count == 0) return;
                var style = CommentStyle.Slashes; // C# comments, as the code fix writes them
                start.RegisterSyntaxTreeAction(tree =>
                {
                    if (!scope.HeaderIncludes(tree.Tree)) return;
                    var text = tree.Tree.GetText(tree.CancellationToken);
                    var problem = MetadataHeader.Check(Top(text), style, scope.Headers.Statuses);
                    if (problem == null) return;

                    var location = Location.Create(tree.Tree, new TextSpan(problem.Start, problem.Length));
                    string file = System.IO.Path.GetFileNameWithoutExtension(tree.Tree.FilePath);
                    var properties = ImmutableDictionary<string, string?>.Empty
                        .Add(MetadataHeader.DescriptionProperty, file)
                        .Add(MetadataHeader.PhaseProperty, scope.Headers.Phase)
                        .Add(MetadataHeader.StatusProperty, scope.Headers.Status);
                    var diagnostic = problem.IsMissing
                        ? scope.Create(GOV401MetadataHeaderMissing.Rule, location, properties, problem.Message)
                        : scope.Create(GOV402MetadataHeaderMalformed.Rule, location, properties, problem.Message);
                    if (diagnostic != null) tree.ReportDiagnostic(diagnostic);
                });
            });
        }

        /// <summary>The text of the first lines, all the header check reads (a 10 MB file is not copied whole).</summary>
        internal static string Top(SourceText text)
        {
            if (text.Lines.Count <= 200) return text.ToString();
            return text.ToString(TextSpan.FromBounds(0, text.Lines[199].EndIncludingLineBreak));
        }
    }
}
