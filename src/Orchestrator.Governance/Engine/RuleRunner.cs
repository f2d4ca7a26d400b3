using System;
using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Index;
using Orchestrator.Governance.Rules;

namespace Orchestrator.Governance.Engine
{
    /// <summary>
    /// Step 3 of an analysis: every rule of <see cref="RuleCatalog"/> on what it reads (each task
    /// packet, the repository once, each state file of its kind, each file with a metadata header),
    /// all reading the same immutable <see cref="RepoIndex"/>. A rule that throws becomes GOV003 at
    /// the start of the document it was reading, naming the rule and the exception, and the others
    /// still run: a rule's bug never reaches the compiler (no AD0001).
    /// </summary>
    internal static class RuleRunner
    {

        /// <summary>Runs the rules (the task packet rules given, the others from the catalog) and returns what they report, in run order.</summary>
        public static List<GovernanceDiagnostic> Run(AdmittedDocuments documents, RepoIndex index, IReadOnlyList<TaskPacketRule> packetRules, AnalysisCache? cache = null)
        {
            var found = new List<GovernanceDiagnostic>();
            var config = documents.Config;
            var profile = documents.Profile;

            foreach (var state in documents.StateFiles.Where(s => s.Root != null))
            {
                foreach (var rule in RuleCatalog.StateFileRules.Where(r => r.Kind == state.Kind))
                    Run(rule.Descriptor, state.Path, found, sink => rule.Analyze(new StateRuleContext(state, config, index.Files?.Files, sink, rule.Descriptor)));
            }

            // Each packet's rules read the packet and the immutable index (and, with a cache, that
            // packet's own cache entry), so packets are analyzed on several threads, each into its
            // own list, and the lists are joined in packet order: the same diagnostics in the same
            // order whatever the number of threads.
            int threads = Math.Min(documents.Threads, documents.Packets.Count);
            foreach (var reported in PacketThreads.Map(documents.Packets, threads, packet => RunPacketRules(packet, profile, index, packetRules, cache)))
                found.AddRange(reported);

            string repositoryPath = index.Spec.PointerDocument?.Path ?? documents.ConfigPath;
            foreach (var rule in RuleCatalog.RepositoryRules)
                Run(rule.Descriptor, repositoryPath, found, sink => rule.Analyze(new RepositoryRuleContext(index, profile, sink, rule.Descriptor)));

            foreach (var (document, style) in documents.HeaderFiles) RunHeaderRules(document, style, config.Headers, found);

            return found;
        }

        /// <summary>The task packet rules on one packet, or what a cache kept of them for its unchanged text.</summary>
        private static List<GovernanceDiagnostic> RunPacketRules(Model.TaskPacket packet, Model.TaskPacketProfile profile, RepoIndex index, IReadOnlyList<TaskPacketRule> packetRules, AnalysisCache? cache)
        {
            var found = new List<GovernanceDiagnostic>();

            // A packet read from the cache (unchanged text): the rules that read nothing but the
            // packet, the profile, the spec and the packet's scope found what they found before, while the
            // spec's facts and the repository's file list are the same.
            var cached = cache?.ForPacket(packet);
            foreach (var rule in packetRules)
            {
                if (cached?.RuleResults(rule, index.Spec, index.Files) is List<GovernanceDiagnostic> before)
                {
                    found.AddRange(before);
                    cache!.CountRuleResultsReused();
                    continue;
                }

                RuleContext? context = null;
                var reported = Run(rule.Descriptor, packet.Path, found, sink => rule.Analyze(context = new RuleContext(packet, profile, index, sink, rule.Descriptor)), packet.AnchorSpan);
                if (cached != null && reported != null && context != null && !context.ReadIndex) cached.KeepRuleResults(rule, index.Spec, index.Files, reported);
            }

            return found;
        }

        /// <summary>The metadata header rules (GOV4xx) on one file, adding what they report to <paramref name="found"/>.</summary>
        public static void RunHeaderRules(Documents.TextDocument document, Model.Headers.CommentStyle style, Configuration.HeadersConfig headers, List<GovernanceDiagnostic> found)
        {
            // The header's problem is read once for every header rule; a failure there is GOV003 of each, as a rule's own.
            Model.Headers.HeaderProblem? problem = null;
            Exception? failure = null;
            try
            {
                problem = Model.Headers.MetadataHeader.Check(document.Text, style, headers.Statuses);
            }
            catch (Exception e) when (EngineFailure.IsCaught(e))
            {
                failure = e;
            }

            foreach (var rule in RuleCatalog.HeaderRules)
            {
                Run(rule.Descriptor, document.Path, found, sink =>
                {
                    if (failure != null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
                    rule.Analyze(new HeaderRuleContext(document, style, problem, headers, sink, rule.Descriptor));
                });
            }
        }

        /// <summary>
        /// Runs one rule, adding what it reports to <paramref name="found"/>; GOV003 at
        /// <paramref name="at"/> (the file's start by default) in <paramref name="path"/> when it throws.
        /// </summary>
        /// <returns>What the rule reported, or null when it threw.</returns>
        private static List<GovernanceDiagnostic>? Run(RuleDescriptor rule, string path, List<GovernanceDiagnostic> found, Action<List<GovernanceDiagnostic>> analyze, Text.SourceSpan? at = null)
        {
            var sink = new List<GovernanceDiagnostic>();
            try
            {
                analyze(sink);
                found.AddRange(sink);
                return sink;
            }
            catch (Exception e) when (EngineFailure.IsCaught(e))
            {
                found.Add(EngineFailure.At(path, "Rule " + rule.Id, e, at));
                return null;
            }
        }
    }
}
