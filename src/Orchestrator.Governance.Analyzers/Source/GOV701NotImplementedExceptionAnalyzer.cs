using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Orchestrator.Governance.Rules.Source;

namespace Orchestrator.Governance.Analyzers
{
    /// <summary>
    /// GOV701: <c>throw new NotImplementedException()</c> (statement or expression) in a C# file of
    /// source.include that source.exclude does not exempt. The thrown type is resolved by the
    /// semantic model (System.NotImplementedException exactly), so a type of the same name in
    /// another namespace is not reported. Reported at the object creation. Source: seed 003 Part 1
    /// [CX-600B] (Anti-Vibe Guard).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class GOV701NotImplementedExceptionAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(GovernanceAnalyzer.Descriptors[GOV701NotImplementedThrown.Rule.Id]);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var notImplemented = start.Compilation.GetTypeByMetadataName("System.NotImplementedException");
                if (notImplemented == null) return;
                var scope = SourceRuleScope.For(start.Options);
                start.RegisterOperationAction(operation =>
                {
                    var thrown = ((IThrowOperation)operation.Operation).Exception;
                    while (thrown is IConversionOperation conversion) thrown = conversion.Operand;
                    if (!(thrown is IObjectCreationOperation creation) || !SymbolEqualityComparer.Default.Equals(creation.Type, notImplemented)) return;
                    if (!scope.Includes(operation.Operation.Syntax.SyntaxTree)) return;
                    var diagnostic = scope.Create(GOV701NotImplementedThrown.Rule, creation.Syntax.GetLocation(), MemberName(operation.ContainingSymbol));
                    if (diagnostic != null) operation.ReportDiagnostic(diagnostic);
                }, OperationKind.Throw);
            });
        }

        /// <summary>"JobService.Cancel" (an accessor gives its property, a lambda its enclosing member).</summary>
        private static string MemberName(ISymbol symbol)
        {
            if (symbol is IMethodSymbol method && method.AssociatedSymbol != null) symbol = method.AssociatedSymbol;
            string name = symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } ? symbol.ContainingType.Name : symbol.Name;
            return symbol.ContainingType == null ? name : symbol.ContainingType.Name + "." + name;
        }
    }
}
