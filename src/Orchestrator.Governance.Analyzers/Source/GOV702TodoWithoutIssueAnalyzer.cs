using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Orchestrator.Governance.Rules.Source;

namespace Orchestrator.Governance.Analyzers
{
    /// <summary>
    /// GOV702: a comment (<c>//</c>, <c>/* */</c> or a documentation comment) holding one of
    /// source.todoKeywords as a whole upper-case word, not followed by a match of
    /// source.issueReference (default: <c>TODO(HSK-123)</c>, <c>TODO(#12)</c>, <c>TODO: HSK-123</c>,
    /// <c>TODO #12</c>). Strings are not comments and are not searched. Reported at the keyword.
    /// Source: seed 003 Part 1 [CX-600B] (Anti-Vibe Guard).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class GOV702TodoWithoutIssueAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(GovernanceAnalyzer.Descriptors[GOV702TodoWithoutIssue.Rule.Id]);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var scope = SourceRuleScope.For(start.Options);
                if (scope.Keyword == null) return;
                start.RegisterSyntaxTreeAction(tree =>
                {
                    if (!scope.Includes(tree.Tree)) return;
                    var root = tree.Tree.GetRoot(tree.CancellationToken);
                    foreach (var trivia in root.DescendantTrivia())
                    {
                        if (!IsComment(trivia)) continue;
                        string text = trivia.ToFullString();
                        try
                        {
                            for (var m = scope.Keyword.Match(text); m.Success; m = m.NextMatch())
                            {
                                if (scope.IssueReference.IsMatch(text.Substring(m.Index + m.Length))) continue;
                                var location = Location.Create(tree.Tree, new TextSpan(trivia.FullSpan.Start + m.Index, m.Length));
                                var diagnostic = scope.Create(GOV702TodoWithoutIssue.Rule, location, m.Value, scope.IssueReferenceText);
                                if (diagnostic != null) tree.ReportDiagnostic(diagnostic);
                            }
                        }
                        catch (RegexMatchTimeoutException)
                        {
                            // A configured pattern too slow for this comment is skipped rather than hanging the build.
                        }
                    }
                });
            });
        }

        private static bool IsComment(SyntaxTrivia trivia) =>
            trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia)
            || trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia);
    }
}
