using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Orchestrator.Governance.Rules.Source;

namespace Orchestrator.Governance.Analyzers
{
    /// <summary>
    /// GOV703 in a test project (GovernanceTestProject=true): each test a DONE_MEANS item names
    /// (<see cref="Model.TestReference"/>, <c>test: Namespace.Class.Method</c>) must be a method of
    /// the compilation carrying a test attribute (xUnit <c>[Fact]</c>/<c>[Theory]</c>, NUnit
    /// <c>[Test]</c>/<c>[TestCase]</c>/<c>[TestCaseSource]</c>/<c>[Theory]</c>, MSTest
    /// <c>[TestMethod]</c>/<c>[DataTestMethod]</c>, or an attribute derived from one) that is not
    /// skipped (xUnit <c>Skip = "..."</c>, NUnit or MSTest <c>[Ignore]</c> on the method or its
    /// class). A name whose type this compilation does not know is judged here only when it starts
    /// with the compilation's assembly name (the test project's root namespace); another test
    /// project's tests are left to that project. Reported at the name in the packet. Source: seed
    /// 003 Part 1 [CX-600B] (Anti-Vibe Guard), §8.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
    public sealed class GOV703DoneMeansTestAnalyzer : DiagnosticAnalyzer
    {
        private static readonly string[] TestAttributes =
        {
            "Xunit.FactAttribute",
            "NUnit.Framework.TestAttribute",
            "NUnit.Framework.TestCaseAttribute",
            "NUnit.Framework.TestCaseSourceAttribute",
            "NUnit.Framework.TheoryAttribute",
            "Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute",
        };

        private static readonly string[] IgnoreAttributes =
        {
            "NUnit.Framework.IgnoreAttribute",
            "Microsoft.VisualStudio.TestTools.UnitTesting.IgnoreAttribute",
        };

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(GovernanceAnalyzer.Descriptors[GOV703DoneMeansTestMissing.Rule.Id]);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (start.Options.AdditionalFiles.IsDefaultOrEmpty || !GovernanceAnalyzer.IsTestProject(start.Options)) return;
                var snapshot = new Lazy<GovernanceAnalyzer.Snapshot>(() => GovernanceAnalyzer.SnapshotOf(start.Options), isThreadSafe: true);
                var compilation = start.Compilation;
                start.RegisterAdditionalFileAction(file =>
                {
                    var current = snapshot.Value;
                    if (current.TestSeverity == Diagnostics.GovernanceSeverity.None) return;
                    foreach (var (fullPath, reference) in current.Tests)
                    {
                        if (!string.Equals(fullPath, file.AdditionalFile.Path, StringComparison.Ordinal)) continue;
                        string? problem = Problem(compilation, reference.Name);
                        if (problem == null) continue;
                        var span = reference.Span;
                        var location = Location.Create(fullPath, new TextSpan(span.Start, span.Length), new LinePositionSpan(
                            new LinePosition(span.StartLine - 1, span.StartColumn - 1), new LinePosition(span.EndLine - 1, span.EndColumn - 1)));
                        var descriptor = current.TestHelpLink is string link ? GovernanceAnalyzer.DescriptorLinkedTo(GOV703DoneMeansTestMissing.Rule.Id, link) : GovernanceAnalyzer.Descriptors[GOV703DoneMeansTestMissing.Rule.Id];
                        var severity = GovernanceAnalyzer.ToRoslyn(current.TestSeverity);
                        file.ReportDiagnostic(severity == descriptor.DefaultSeverity
                            ? Diagnostic.Create(descriptor, location, reference.Name, problem)
                            : Diagnostic.Create(descriptor, location, severity, additionalLocations: null, properties: null, reference.Name, problem));
                    }
                });
            });
        }

        /// <summary>
        /// What is wrong with the test <paramref name="name"/> (Namespace.Class.Method) in
        /// <paramref name="compilation"/>, as the end of GOV703's message, or null when it is a test
        /// that runs, or another project's.
        /// </summary>
        internal static string? Problem(Compilation compilation, string name)
        {
            // A Rust path (module::tests::name) names no .NET test: another project's.
            if (name.IndexOf("::", StringComparison.Ordinal) >= 0) return null;
            int dot = name.LastIndexOf('.');
            if (dot <= 0 || dot == name.Length - 1) return null;
            string typeName = name.Substring(0, dot), methodName = name.Substring(dot + 1);
            var type = FindType(compilation, typeName);
            if (type == null)
            {
                return IsOurs(compilation, typeName) ? $"does not exist: {compilation.AssemblyName} has no type '{typeName}'" : null;
            }

            var methods = Hierarchy(type).SelectMany(t => t.GetMembers(methodName)).OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary).ToList();
            if (methods.Count == 0) return $"does not exist: {type.ToDisplayString()} has no method '{methodName}'";
            var tests = methods.Where(m => m.GetAttributes().Any(a => DerivesFromAny(a.AttributeClass, TestAttributes))).ToList();
            if (tests.Count == 0) return "is not a test: it has no [Fact], [Theory], [Test], [TestCase] or [TestMethod] attribute";
            var reasons = tests.Select(SkipReason).ToList();
            if (reasons.All(r => r != null)) return "is skipped: " + reasons[0];
            return null;
        }

        /// <summary>
        /// Whether a type this compilation does not hold would be its own: its name starts with the
        /// assembly name, or its namespace is one this compilation declares.
        /// </summary>
        private static bool IsOurs(Compilation compilation, string typeName)
        {
            string? assembly = compilation.AssemblyName;
            if (assembly != null && (typeName == assembly || typeName.StartsWith(assembly + ".", StringComparison.Ordinal))) return true;
            int dot = typeName.LastIndexOf('.');
            if (dot <= 0) return false;
            INamespaceSymbol? ns = compilation.Assembly.GlobalNamespace;
            foreach (var segment in typeName.Substring(0, dot).Split('.'))
            {
                ns = ns.GetNamespaceMembers().FirstOrDefault(n => string.Equals(n.Name, segment, StringComparison.Ordinal));
                if (ns == null) return false;
            }

            return true;
        }

        /// <summary>The type by metadata name, trying nested types (Outer.Inner as Outer+Inner) from the right.</summary>
        private static INamedTypeSymbol? FindType(Compilation compilation, string name)
        {
            var candidate = name;
            while (true)
            {
                var type = compilation.GetTypeByMetadataName(candidate);
                if (type != null) return type;
                int dot = candidate.LastIndexOf('.');
                if (dot < 0) return null;
                candidate = candidate.Substring(0, dot) + "+" + candidate.Substring(dot + 1);
            }
        }

        private static IEnumerable<INamedTypeSymbol> Hierarchy(INamedTypeSymbol type)
        {
            for (var t = type; t != null; t = t.BaseType) yield return t;
        }

        private static bool DerivesFromAny(INamedTypeSymbol? attribute, string[] names)
        {
            for (var t = attribute; t != null; t = t.BaseType)
            {
                string full = t.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty);
                if (names.Contains(full, StringComparer.Ordinal)) return true;
            }

            return false;
        }

        /// <summary>Why a test method does not run, or null when it runs.</summary>
        private static string? SkipReason(IMethodSymbol method)
        {
            foreach (var attribute in method.GetAttributes().Where(a => DerivesFromAny(a.AttributeClass, TestAttributes)))
            {
                foreach (var argument in attribute.NamedArguments)
                {
                    if (argument.Key == "Skip" && argument.Value.Value is string skip && skip.Trim().Length > 0)
                        return $"Skip = \"{skip}\"";
                }
            }

            foreach (var owner in new ISymbol[] { method, method.ContainingType })
            {
                var ignore = owner.GetAttributes().FirstOrDefault(a => DerivesFromAny(a.AttributeClass, IgnoreAttributes));
                if (ignore != null) return $"[Ignore] on {(owner is IMethodSymbol ? "the method" : owner.Name)}";
            }

            return null;
        }
    }
}
