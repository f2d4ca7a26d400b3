using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Orchestrator.Governance.Analyzers.Tests
{
    /// <summary>
    /// The Microsoft.CodeAnalysis.Testing set-up every analyzer test here shares: a repository at
    /// <see cref="Root"/>, GovernanceRoot in a .globalconfig (as the package's targets write it), .NET 8
    /// reference assemblies (restored with the project), documents as additional files and C# files as
    /// sources at repository-relative paths, with the expected diagnostics marked inline.
    /// </summary>
    internal static class Markup
    {
        public const string Root = "/repo/";

        /// <summary>The shared spec and the SPEC_CURRENT.md naming it, which every repository here has unless a test gives its own.</summary>
        public static readonly (string, string) Spec = (Testing.ValidPacket.SpecPath, Testing.ValidPacket.SpecText);

        /// <inheritdoc cref="Spec"/>
        public static readonly (string, string) Pointer = (Testing.ValidPacket.PointerPath, Testing.ValidPacket.PointerText);

        /// <summary>The .globalconfig: GovernanceRoot, then each extra <c>build_property.X = value</c> line.</summary>
        public static string GlobalConfig(params string[] extraLines) =>
            "is_global = true\nbuild_property.GovernanceRoot = " + Root + "\n" + string.Concat(System.Array.ConvertAll(extraLines, l => l + "\n"));

        /// <summary><see cref="GovernanceAnalyzer"/> over documents (additional files) at repository-relative paths.</summary>
        public static CSharpAnalyzerTest<GovernanceAnalyzer, DefaultVerifier> Documents(params (string Path, string Markup)[] documents)
        {
            var test = new CSharpAnalyzerTest<GovernanceAnalyzer, DefaultVerifier>
            {
                ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
                TestCode = "class C { }",
            };
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", GlobalConfig()));
            foreach (var (path, markup) in documents) test.TestState.AdditionalFiles.Add((Root + path, markup));
            return test;
        }

        /// <summary>A source analyzer over C# files at repository-relative paths, with governance.yml when <paramref name="config"/> is given.</summary>
        public static CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> Sources<TAnalyzer>(string? config, params (string Path, string Markup)[] sources)
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", GlobalConfig()));
            foreach (var (path, markup) in sources) test.TestState.Sources.Add((Root + path, markup));
            if (config != null) test.TestState.AdditionalFiles.Add((Root + "governance.yml", config));
            return test;
        }

        /// <summary>The text without its location markup (<c>{|#0:</c> and <c>|}</c>), for a copy that expects no diagnostic.</summary>
        public static string Plain(string markup) => Regex.Replace(markup, @"\{\|#[0-9]+:|\|\}", string.Empty);
    }
}
