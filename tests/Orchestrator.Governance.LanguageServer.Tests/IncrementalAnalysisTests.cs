using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.LanguageServer.Workspace;
using Xunit;

namespace Orchestrator.Governance.LanguageServer.Tests
{
    /// <summary>
    /// The workspace's analysis cache on the Handshake corpus (../shared/corpus/handshake beside the
    /// repository): after edits of a packet, the board and the spec, the cached analysis gives
    /// exactly the diagnostics of a fresh one, and reuses every unchanged document.
    /// </summary>
    public class IncrementalAnalysisTests
    {
        private const string PacketPath = "docs/task_packets/WP-1-ACE-Auditability.md";

        private static string Corpus()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Orchestrator.sln"))) dir = dir.Parent;
            string corpus = Path.GetFullPath(Path.Combine(dir!.FullName, "..", "shared", "corpus", "handshake"));
            Assert.True(Directory.Exists(corpus), "the Handshake corpus is expected at " + corpus);
            return corpus;
        }

        private static List<string> Render(GovernanceResult result) => result.Diagnostics
            .Select(d => $"{d.Id} {d.Path}({d.Span.StartLine},{d.Span.StartColumn},{d.Span.EndLine},{d.Span.EndColumn}) {d.Severity} {d.Message} fp={d.Fingerprint} fixes={string.Join("|", d.Fixes.Select(f => f.Title + ":" + string.Join(";", f.Edits.Select(e => $"{e.Path}@{e.Start}+{e.Length}={e.NewText}"))))}")
            .ToList();

        [Fact]
        public void Edits_on_the_corpus_give_the_diagnostics_of_a_fresh_analysis_and_reuse_the_unchanged_documents()
        {
            string root = Corpus();
            var workspace = new GovernanceWorkspace(root);
            workspace.SetLoaded(workspace.ReadDisk());
            var today = new DateTime(2026, 12, 2);

            GovernanceResult Check(string step)
            {
                var (inputs, cachedOptions, _) = workspace.Snapshot(today);
                var cached = GovernanceEngine.Analyze(inputs, cachedOptions);
                cachedOptions.Cache = null;
                var fresh = GovernanceEngine.Analyze(inputs, cachedOptions);
                Assert.True(Render(fresh).SequenceEqual(Render(cached)), step + ": the cached analysis differs from a fresh one");
                return cached;
            }

            Check("first");
            Check("unchanged");
            int markdown = workspace.Cache.DocumentsReused;
            Assert.True(markdown > 250, "documents reused: " + markdown);
            Assert.True(workspace.Cache.RuleResultsReused > 2000, "rule results reused: " + workspace.Cache.RuleResultsReused);

            var packet = new OpenDocument(new Uri(Path.Combine(root, PacketPath)).AbsoluteUri, PacketPath, 1, File.ReadAllText(Path.Combine(root, PacketPath)));
            workspace.OpenDocument(packet);
            Edit(packet, 2, 3, "- NOTE: {placeholder}\n");
            var edited = Check("packet edited");
            Assert.Equal(markdown - 1, workspace.Cache.DocumentsReused);
            // The packet is a record (closed): the placeholder is set aside, not reported, and found there (docs/lifecycle.md).
            var placeholder = Assert.Single(edited.Diagnostics.Concat(edited.SetAsideOnRecords), d => d.Id == "GOV110" && d.Path == PacketPath && d.Arguments[0] == "{placeholder}");
            Assert.Equal((4, 9), (placeholder.Span.StartLine, placeholder.Span.StartColumn));

            // The packet's STATUS changed: the board disagrees now (a cross-document rule).
            int status = packet.Text.Split('\n').ToList().FindIndex(l => l.StartsWith("- **Status:**", StringComparison.Ordinal) || l.StartsWith("- STATUS:", StringComparison.Ordinal));
            Assert.True(status >= 0);
            Edit(packet, 3, status, packet.Text.Split('\n')[status].Replace("Done", "Blocked").Replace("Ready", "Blocked") + "\n", deleteLine: true);
            Check("status edited");

            const string specPath = "Handshake_Master_Spec_v02.123.md";
            var spec = new OpenDocument(new Uri(Path.Combine(root, specPath)).AbsoluteUri, specPath, 1, File.ReadAllText(Path.Combine(root, specPath)));
            workspace.OpenDocument(spec);
            Edit(spec, 2, 10, "Added line: the system MUST log every request.\n");
            Check("spec edited");
        }

        private static void Edit(OpenDocument document, int version, int line, string text, bool deleteLine = false)
        {
            string change = "[{\"range\":{\"start\":{\"line\":" + line + ",\"character\":0},\"end\":{\"line\":" + (deleteLine ? line + 1 : line) + ",\"character\":0}},\"text\":" + System.Text.Json.JsonSerializer.Serialize(text) + "}]";
            using var json = System.Text.Json.JsonDocument.Parse(change);
            document.Apply(version, json.RootElement.EnumerateArray());
        }
    }
}
