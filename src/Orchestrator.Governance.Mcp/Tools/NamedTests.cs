using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Orchestrator.Governance.Model;

namespace Orchestrator.Governance.Mcp.Tools
{
    /// <summary>
    /// The tests DONE_MEANS items name (<see cref="TestReference"/>, <c>Namespace.Class.Method</c>) looked up in the
    /// repository's C# files by their syntax (Roslyn's parser; no compilation, so no base types, no referenced
    /// assemblies, no attribute that derives from a test attribute): the agents' view of GOV703 (seed 003 Part 1
    /// [CX-600B], §8), before the test project is built. A name is a test that runs when a method of that full name
    /// carries [Fact], [Theory], [Test], [TestCase], [TestCaseSource], [TestMethod] or [DataTestMethod] and is not
    /// skipped (xUnit's <c>Skip = "..."</c> on a test attribute, [Ignore] on the method or its class), with GOV703's
    /// words. What syntax cannot settle is left to GOV703 in the build, and said so: a method not declared in the
    /// named class itself (any part of a partial class) when the class has a base type, a generic class, attributes
    /// of other names.
    /// </summary>
    internal static class NamedTests
    {
        private static readonly string[] TestAttributes = { "Fact", "Theory", "Test", "TestCase", "TestCaseSource", "TestMethod", "DataTestMethod" };

        /// <summary>One method declaration: the file and line it stands on, its attributes' simple names and, when skipped, why.</summary>
        private sealed record Declaration(string File, int Line, IReadOnlyList<string> Attributes, string? Skipped)
        {
            public bool IsTest => Attributes.Any(a => TestAttributes.Contains(a, StringComparer.Ordinal));
        }

        /// <summary>
        /// Judges each test: true (a test that runs, with where it is), false (missing, no test, skipped: the end of
        /// GOV703's message), or null (syntax cannot tell). <paramref name="sources"/> gives the repository's C# files
        /// (repository-relative path and text); only files whose text holds a name's method are parsed.
        /// </summary>
        public static List<(string Name, bool? Passed, string Reason)> Judge(IReadOnlyList<string> names, IReadOnlyList<(string Path, string Text)> sources)
        {
            // A file is parsed when it holds a name's method or its class's simple name (a derived class or a part of a
            // partial class may be declared where the method is not).
            var words = names.SelectMany(n => Enumerable.Reverse(n.Split('.')).Take(2)).Where(m => m.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            var declared = new Dictionary<string, List<Declaration>>(StringComparer.Ordinal);
            var types = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (path, text) in sources)
            {
                if (!words.Any(m => text.IndexOf(m, StringComparison.Ordinal) >= 0)) continue;
                var root = CSharpSyntaxTree.ParseText(text, CSharpParseOptions.Default.WithDocumentationMode(DocumentationMode.None), path).GetCompilationUnitRoot();
                foreach (var type in root.DescendantNodes().OfType<TypeDeclarationSyntax>())
                {
                    string typeName = FullName(type);
                    // What syntax cannot settle about the type: a base type (inherited tests) or type parameters.
                    string? unsettled = type.TypeParameterList != null ? $"is declared in a generic class ({type.Identifier.ValueText}{type.TypeParameterList})"
                        : type.BaseList != null ? $"is not declared in {typeName} itself, which has a base type" : null;
                    types[typeName] = types.TryGetValue(typeName, out string? had) && had != null ? had : unsettled;
                    foreach (var method in type.Members.OfType<MethodDeclarationSyntax>())
                    {
                        string name = typeName + "." + method.Identifier.ValueText;
                        if (!declared.TryGetValue(name, out var list)) declared[name] = list = new List<Declaration>();
                        var attributes = method.AttributeLists.SelectMany(l => l.Attributes).ToList();
                        list.Add(new Declaration(path, method.Identifier.GetLocation().GetLineSpan().StartLinePosition.Line + 1, attributes.Select(SimpleName).ToList(), SkipReason(attributes, type)));
                    }
                }
            }

            var verdicts = new List<(string, bool?, string)>();
            foreach (string name in names)
            {
                int dot = name.LastIndexOf('.');
                string typeName = dot > 0 ? name.Substring(0, dot) : name;
                string method = name.Substring(dot + 1);
                bool known = types.TryGetValue(typeName, out string? unsettled);
                if (known && unsettled != null && unsettled.StartsWith("is declared in a generic", StringComparison.Ordinal))
                {
                    verdicts.Add((name, null, unsettled + ": GOV703 judges it in the test project's build"));
                    continue;
                }

                if (!declared.TryGetValue(name, out var found))
                {
                    if (!known) verdicts.Add((name, false, $"does not exist: no C# file of the repository declares the type '{typeName}'"));
                    else if (unsettled != null) verdicts.Add((name, null, unsettled + ": GOV703 judges inherited tests in the test project's build"));
                    else verdicts.Add((name, false, $"does not exist: {typeName} has no method '{method}'"));
                    continue;
                }

                var tests = found.Where(d => d.IsTest).ToList();
                var running = tests.FirstOrDefault(d => d.Skipped == null);
                if (running != null) verdicts.Add((name, true, $"is a test that runs ({running.File}, line {running.Line}, [{running.Attributes.First(a => TestAttributes.Contains(a, StringComparer.Ordinal))}])"));
                else if (tests.Count > 0) verdicts.Add((name, false, "is skipped: " + tests[0].Skipped));
                else if (found.Any(d => d.Attributes.Count > 0))
                    verdicts.Add((name, null, $"has attributes this check does not know ({string.Join(", ", found.SelectMany(d => d.Attributes).Distinct(StringComparer.Ordinal).Select(a => "[" + a + "]"))}): GOV703 judges them in the test project's build"));
                else verdicts.Add((name, false, "is not a test: it has no [Fact], [Theory], [Test], [TestCase] or [TestMethod] attribute"));
            }

            return verdicts;
        }

        /// <summary>Namespace.Outer.Inner, from the declaration's namespaces (block or file-scoped) and containing types.</summary>
        private static string FullName(TypeDeclarationSyntax type)
        {
            var parts = new List<string>();
            for (SyntaxNode? node = type; node != null; node = node.Parent)
            {
                if (node is BaseTypeDeclarationSyntax t) parts.Add(t.Identifier.ValueText);
                else if (node is BaseNamespaceDeclarationSyntax ns) parts.Add(ns.Name.ToString());
            }

            parts.Reverse();
            return string.Join(".", parts);
        }

        /// <summary>An attribute's name without qualification and without the "Attribute" suffix: Xunit.FactAttribute is Fact.</summary>
        private static string SimpleName(AttributeSyntax attribute)
        {
            string name = attribute.Name switch
            {
                QualifiedNameSyntax q => q.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
                SimpleNameSyntax s => s.Identifier.ValueText,
                _ => attribute.Name.ToString(),
            };
            return name.EndsWith("Attribute", StringComparison.Ordinal) && name.Length > "Attribute".Length ? name.Substring(0, name.Length - "Attribute".Length) : name;
        }

        /// <summary>Why the method is skipped (xUnit Skip = "...", [Ignore] on it or its class), or null.</summary>
        private static string? SkipReason(IReadOnlyList<AttributeSyntax> attributes, TypeDeclarationSyntax type)
        {
            foreach (var attribute in attributes.Where(a => TestAttributes.Contains(SimpleName(a), StringComparer.Ordinal)))
            {
                var skip = attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Skip");
                // xUnit runs a test whose Skip is null or blank (as GOV703 reads it).
                if (skip == null || (skip.Expression is LiteralExpressionSyntax blank && (blank.Token.Value == null || (blank.Token.Value is string text && text.Trim().Length == 0)))) continue;
                return skip.Expression is LiteralExpressionSyntax literal && literal.Token.Value is string reason ? $"Skip = \"{reason}\"" : "Skip = " + skip.Expression;
            }

            if (attributes.Any(a => SimpleName(a) == "Ignore")) return "[Ignore] on the method";
            return type.AttributeLists.SelectMany(l => l.Attributes).Any(a => SimpleName(a) == "Ignore") ? $"[Ignore] on {type.Identifier.ValueText}" : null;
        }
    }
}
