using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Orchestrator.Governance.Analyzers.Tests
{
    /// <summary>
    /// Issue 34: across compilations in one process (a compiler server, an IDE) the analyzer keeps
    /// the engine's cache per repository root and build settings. An unchanged set is the same
    /// snapshot; a set with one packet changed reads only that packet again, and its diagnostics
    /// are those of an analysis with nothing cached; another root shares nothing.
    /// </summary>
    public class AnalyzerSessionTests
    {
        private static readonly string Second = "docs/task_packets/WP-1-Second-Layer.md";

        private static string SecondPacket(string status) => Packets.Valid.Replace("WP-1-Storage-Layer", "WP-1-Second-Layer").Replace("- STATUS: Ready-for-Dev", "- STATUS: " + status);

        private static AnalyzerOptions Options(string root, params (string Path, string Text)[] files) => new AnalyzerOptions(
            files.Select(f => (AdditionalText)new Text(root + f.Path, f.Text)).ToImmutableArray(),
            new Provider(new Dictionary<string, string> { [GovernanceAnalyzer.RootProperty] = root, [GovernanceAnalyzer.TodayProperty] = "2026-01-15" }));

        private static (string, string)[] Repository(string secondStatus) => new[]
        {
            (Packets.Path, Packets.Valid.Replace("- STATUS: Ready-for-Dev", "- STATUS: Almost done")),
            (Second, SecondPacket(secondStatus)),
            Markup.Spec,
            Markup.Pointer,
        };

        private static List<string> Lines(GovernanceAnalyzer.Snapshot snapshot) => snapshot.ByPath
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .SelectMany(p => p.Value.Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"))
            .ToList();

        [Fact]
        public void A_compilation_after_one_packet_changed_reads_only_that_packet_again_and_reports_what_a_cold_analysis_reports()
        {
            string root = "/repo-" + Guid.NewGuid().ToString("N") + "/";
            var first = GovernanceAnalyzer.SnapshotOf(Options(root, Repository("Ready-for-Dev")));
            Assert.Equal(0, first.DocumentsReused);

            // The same texts in new objects (a new compilation): the same snapshot, nothing analyzed.
            Assert.Same(first, GovernanceAnalyzer.SnapshotOf(Options(root, Repository("Ready-for-Dev"))));

            // One packet changed: what the document readers made of the unchanged documents comes from
            // the cache (two of them here), and the changed packet is read again.
            var changed = GovernanceAnalyzer.SnapshotOf(Options(root, Repository("Nearly there")));
            Assert.Equal(2, changed.DocumentsReused);
            Assert.True(changed.RuleResultsReused > 0);

            // What an analysis with nothing cached (another root: another session) reports, line for line.
            string cold = "/repo-" + Guid.NewGuid().ToString("N") + "/";
            var fresh = GovernanceAnalyzer.SnapshotOf(Options(cold, Repository("Nearly there")));
            Assert.Equal(0, fresh.DocumentsReused);
            Assert.Equal(Lines(fresh).Select(l => l.Replace(cold, root)), Lines(changed));

            // The changed packet's new finding is there, at its line and column, with its arguments.
            var status = changed.ByPath[root + Second].Single(d => d.Id == "GOV107");
            Assert.Equal(new LinePosition(8, 10), status.Location.GetLineSpan().StartLinePosition);
            Assert.Contains("'Nearly there'", status.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        [Fact]
        public void With_helpBaseUrl_in_governance_yml_each_diagnostic_links_to_the_repository_s_address()
        {
            // Issue 34: the address the repository publishes its rule pages at takes the place of the package's page.
            string root = "/repo-" + Guid.NewGuid().ToString("N") + "/";
            var files = Repository("Ready-for-Dev").Append(("governance.yml", "helpBaseUrl: https://docs.example.org/governance/rules/\n")).ToArray();
            var snapshot = GovernanceAnalyzer.SnapshotOf(Options(root, files));
            var status = snapshot.ByPath[root + Packets.Path].Single(d => d.Id == "GOV107");
            Assert.Equal("https://docs.example.org/governance/rules/GOV107.md", status.Descriptor.HelpLinkUri);
            Assert.Equal(new LinePosition(8, 10), status.Location.GetLineSpan().StartLinePosition);
            Assert.All(snapshot.ByPath.Values.SelectMany(d => d), d => Assert.Equal("https://docs.example.org/governance/rules/" + d.Id + ".md", d.Descriptor.HelpLinkUri));

            // Without it: the page's path (the package's props set the folder, AnalyzerTests).
            var plain = GovernanceAnalyzer.SnapshotOf(Options(root, Repository("Ready-for-Dev")));
            Assert.Equal("docs/rules/GOV107.md", plain.ByPath[root + Packets.Path].Single(d => d.Id == "GOV107").Descriptor.HelpLinkUri);
        }

        [Fact]
        public async System.Threading.Tasks.Task A_source_rule_links_to_the_address_helpBaseUrl_gives_it_too()
        {
            // Issue 34: GOV701 in a C# file, its help link from governance.yml like the Markdown rules'.
            const string root = "/repo/";
            var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class Jobs { void Cancel() { throw new System.NotImplementedException(); } }", path: root + "src/Jobs.cs");
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Jobs", new[] { tree },
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(typeof(object).Assembly.Location)!, "System.Runtime.dll")) },
                new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            async System.Threading.Tasks.Task<Diagnostic> Gov701(string? config)
            {
                var files = config == null ? ImmutableArray<AdditionalText>.Empty : ImmutableArray.Create<AdditionalText>(new Text(root + "governance.yml", config));
                var options = new AnalyzerOptions(files, new Provider(new Dictionary<string, string> { [GovernanceAnalyzer.RootProperty] = root }));
                var found = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new GOV701NotImplementedExceptionAnalyzer()), options).GetAnalyzerDiagnosticsAsync();
                return Assert.Single(found);
            }

            var linked = await Gov701("helpBaseUrl: \"https://docs.example.org/rules/{id}.html\"\n");
            Assert.Equal(("GOV701", "https://docs.example.org/rules/GOV701.html"), (linked.Id, linked.Descriptor.HelpLinkUri));
            Assert.Equal("docs/rules/GOV701.md", (await Gov701(null)).Descriptor.HelpLinkUri);
        }

        private sealed class Text : AdditionalText
        {
            private readonly SourceText _text;

            public Text(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text, System.Text.Encoding.UTF8);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }

        private sealed class Provider : AnalyzerConfigOptionsProvider
        {
            private readonly Options _global;

            public Provider(Dictionary<string, string> global) => _global = new Options(global);

            public override AnalyzerConfigOptions GlobalOptions => _global;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(new Dictionary<string, string>());

            private sealed class Options : AnalyzerConfigOptions
            {
                private readonly Dictionary<string, string> _values;

                public Options(Dictionary<string, string> values) => _values = values;

                public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
            }
        }
    }
}
