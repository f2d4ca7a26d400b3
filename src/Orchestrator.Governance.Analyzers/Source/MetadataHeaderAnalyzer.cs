using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Orchestrator.Governance.Model.Headers;
using Orchestrator.Governance.Rules;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Engine;

namespace Orchestrator.Governance.Analyzers
{
    /// <summary>
    /// GOV401/GOV402 on the compilation's C# syntax trees: each file headers.include names
    /// (relative to GovernanceRoot) starts with <c>// Description: ...</c> and
    /// <c>// Orchestration: Phase XX | Status</c>. The engine's header rules run on the file's first
    /// lines (<see cref="GovernanceEngine.AnalyzeHeader"/>), so the diagnostics are the engine's, and
    /// each carries the engine's fix in its properties (<see cref="FixProperties"/>), which the code
    /// fix in Orchestrator.Governance.CodeFixes applies as given. A header rule that throws is GOV003,
    /// as in the engine. Source: seed 000 §3.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MetadataHeaderAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        /// <remarks>Every header rule of the engine's catalog (what <see cref="GovernanceEngine.AnalyzeHeader"/> runs), and GOV003.</remarks>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            RuleCatalog.HeaderRules.Select(r => r.Descriptor.Id).Concat(new[] { EngineDiagnostics.RuleFailed.Id })
                .Select(id => GovernanceAnalyzer.Descriptors[id]).ToImmutableArray();

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var scope = SourceRuleScope.For(start.Options);
                if (scope.Headers.Include.Count == 0) return;
                var style = CommentStyle.Slashes; // C# comments, as the fix writes them
                start.RegisterSyntaxTreeAction(tree =>
                {
                    if (!scope.HeaderIncludes(tree.Tree)) return;
                    var text = tree.Tree.GetText(tree.CancellationToken);
                    string file = System.IO.Path.GetFileName(tree.Tree.FilePath);
                    foreach (var found in GovernanceEngine.AnalyzeHeader(file, Top(text), style, scope.Headers))
                    {
                        var location = Location.Create(tree.Tree, new TextSpan(found.Span.Start, found.Span.Length));
                        var fix = found.Fixes.FirstOrDefault(f => !f.IsSuppression);
                        var properties = fix == null ? null : ImmutableDictionary.CreateRange(FixProperties.From(fix));
                        var diagnostic = scope.Create(found.Descriptor, location, properties, found.Arguments.ToArray<object>());
                        if (diagnostic != null) tree.ReportDiagnostic(diagnostic);
                    }
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
