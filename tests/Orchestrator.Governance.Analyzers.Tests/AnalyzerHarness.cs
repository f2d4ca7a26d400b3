using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Orchestrator.Governance.Analyzers.Tests
{
    /// <summary>
    /// Runs <see cref="GovernanceAnalyzer"/> the way the compiler does, with in-memory additional
    /// files and global options; an analyzer exception fails the test instead of hiding as AD0001.
    /// </summary>
    internal static class AnalyzerHarness
    {
        public const string Root = "/repo/";

        public static async Task<ImmutableArray<Diagnostic>> RunAsync(IEnumerable<AdditionalText> files, IDictionary<string, string>? globals = null, IDictionary<string, ReportDiagnostic>? severities = null)
        {
            var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
                .WithSpecificDiagnosticOptions(severities ?? new Dictionary<string, ReportDiagnostic>());
            var compilation = CSharpCompilation.Create(
                "Consumer",
                new[] { CSharpSyntaxTree.ParseText("namespace Consumer { public static class C { } }") },
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
                options);

            var globalOptions = new Dictionary<string, string> { [GovernanceAnalyzer.RootProperty] = Root };
            if (globals != null) foreach (var e in globals) globalOptions[e.Key] = e.Value;

            // Every repository here has the shared spec and SPEC_CURRENT.md unless the test gives its own.
            var all = files.ToList();
            if (all.All(f => f.Path != Root + Testing.ValidPacket.PointerPath))
            {
                all.Add(File(Testing.ValidPacket.PointerPath, Testing.ValidPacket.PointerText));
                all.Add(File(Testing.ValidPacket.SpecPath, Testing.ValidPacket.SpecText));
            }

            var exceptions = new List<Exception>();
            var analyzerOptions = new AnalyzerOptions(all.ToImmutableArray(), new OptionsProvider(globalOptions));
            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new GovernanceAnalyzer()),
                new CompilationWithAnalyzersOptions(analyzerOptions, (e, _, _) => { lock (exceptions) exceptions.Add(e); }, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            return diagnostics;
        }

        /// <summary>
        /// Runs a C# analyzer over source files at repository-relative paths under <see cref="Root"/>,
        /// with the given additional files (governance.yml) and GovernanceRoot set.
        /// </summary>
        public static async Task<ImmutableArray<Diagnostic>> RunSourceAsync(DiagnosticAnalyzer analyzer, IEnumerable<(string Path, string Code)> sources, params AdditionalText[] files)
        {
            var compilation = CSharpCompilation.Create(
                "Consumer",
                sources.Select(s => CSharpSyntaxTree.ParseText(s.Code, path: Root + s.Path)),
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var exceptions = new List<Exception>();
            var analyzerOptions = new AnalyzerOptions(files.ToImmutableArray(), new OptionsProvider(new Dictionary<string, string> { [GovernanceAnalyzer.RootProperty] = Root }));
            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create(analyzer),
                new CompilationWithAnalyzersOptions(analyzerOptions, (e, _, _) => { lock (exceptions) exceptions.Add(e); }, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            return diagnostics;
        }

        public static AdditionalText File(string relative, string text, Encoding? encoding = null) => new InMemoryText(Root + relative, SourceText.From(text, encoding ?? Encoding.UTF8));

        public static AdditionalText File(string relative, SourceText text) => new InMemoryText(Root + relative, text);

        private sealed class InMemoryText : AdditionalText
        {
            private readonly SourceText _text;

            public InMemoryText(string path, SourceText text)
            {
                Path = path;
                _text = text;
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }

        private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
        {
            private readonly Options _global;

            public OptionsProvider(IDictionary<string, string> global) => _global = new Options(global);

            public override AnalyzerConfigOptions GlobalOptions => _global;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

            private sealed class Options : AnalyzerConfigOptions
            {
                public static readonly Options Empty = new Options(new Dictionary<string, string>());
                private readonly IDictionary<string, string> _values;

                public Options(IDictionary<string, string> values) => _values = values;

                public override bool TryGetValue(string key, out string value)
                {
                    if (_values.TryGetValue(key, out var v))
                    {
                        value = v;
                        return true;
                    }

                    value = null!;
                    return false;
                }
            }
        }
    }
}
