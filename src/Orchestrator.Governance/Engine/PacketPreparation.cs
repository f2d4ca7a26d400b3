using System;
using System.Collections.Generic;
using System.Threading;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Model;
using Orchestrator.Governance.Suppressions;

namespace Orchestrator.Governance.Engine
{
    /// <summary>
    /// What reading one task packet written in Markdown gives before anything is recorded: Markdig's
    /// tree (or the reason Markdig refused the text), the links documents.links collects from it, its
    /// inline suppressions and the packet the reader made, or the exception a step threw (the steps
    /// after it are not run; any exception, so that one the engine does not catch, out of memory,
    /// still ends the analysis on its own thread). Made on several threads by <see cref="PacketPreparation.Prepare"/>, then
    /// taken in path order by the one thread that records the analysis, which throws a step's
    /// exception where that step would have thrown, so the diagnostics (GOV002, GOV003) and their
    /// order are those of a read on one thread.
    /// </summary>
    internal sealed class PreparedPacket
    {
        internal ParsedMarkdown? Document;

        internal string? Refusal;

        internal Exception? ParseFailure;

        internal MarkdownLinks? Links;

        internal InlineSuppressions? Suppressions;

        internal Exception? SuppressionsFailure;

        internal TaskPacket? Packet;

        internal Exception? ReadFailure;

        /// <summary>Throws <paramref name="failure"/> with its own stack trace, when there is one.</summary>
        internal static void Rethrow(Exception? failure)
        {
            if (failure != null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    /// <summary>
    /// Reads a batch of task packets' Markdown on several threads (issue 33: the parse and the
    /// packet reader are most of a large repository's cost). Each thread has a stack of
    /// <see cref="StackBytes"/>, more than the main thread's, so a deeply nested document Markdig
    /// refuses on one thread is refused on these too. The steps are pure functions of the text and
    /// the configuration; nothing shared is written but each result's own slot.
    /// </summary>
    internal static class PacketPreparation
    {
        /// <summary>The stack of each reading thread, in bytes (16 MiB).</summary>
        internal const int StackBytes = 16 * 1024 * 1024;

        /// <summary>How many threads read at most: <paramref name="requested"/> when set (<see cref="AnalysisOptions.ReadThreads"/>), else the processors, up to 8.</summary>
        internal static int Threads(int? requested) => Math.Max(1, requested ?? Math.Min(8, Environment.ProcessorCount));

        /// <summary>
        /// Prepares each of <paramref name="inputs"/> (Markdown packets, admitted: text, no NUL,
        /// within the size limit), in the order given, on up to <paramref name="threads"/> threads
        /// (the calling one among them).
        /// </summary>
        internal static PreparedPacket[] Prepare(IReadOnlyList<DocumentInput> inputs, int threads, TaskPacketProfile profile, bool inlineConfig, ICollection<string> linkPaths)
        {
            var prepared = new PreparedPacket[inputs.Count];
            int next = -1;
            void Work()
            {
                for (int i = Interlocked.Increment(ref next); i < inputs.Count; i = Interlocked.Increment(ref next))
                    prepared[i] = One(inputs[i], profile, inlineConfig, linkPaths);
            }

            int helpers = Math.Min(threads, inputs.Count) - 1;
            var started = new List<Thread>(Math.Max(0, helpers));
            for (int t = 0; t < helpers; t++)
            {
                var thread = new Thread(Work, StackBytes) { IsBackground = true, Name = "Orchestrator packet reader" };
                thread.Start();
                started.Add(thread);
            }

            Work();
            foreach (var thread in started) thread.Join();
            return prepared;
        }

        private static PreparedPacket One(DocumentInput input, TaskPacketProfile profile, bool inlineConfig, ICollection<string> linkPaths)
        {
            var result = new PreparedPacket();
            try
            {
                result.Document = DocumentAdmission.ParseMarkdown(() => ParsedMarkdown.Parse(input.Path, input.Text!), out result.Refusal);
                if (result.Document != null && linkPaths.Contains(input.Path)) result.Links = MarkdownLinks.Collect(result.Document);
            }
            catch (Exception e)
            {
                result.ParseFailure = e;
                return result;
            }

            if (result.Document == null) return result;
            try
            {
                if (inlineConfig) result.Suppressions = InlineSuppressions.Read(result.Document);
            }
            catch (Exception e)
            {
                result.SuppressionsFailure = e;
                return result;
            }

            try
            {
                result.Packet = TaskPacketReader.Read(result.Document, profile);
            }
            catch (Exception e)
            {
                result.ReadFailure = e;
            }

            return result;
        }
    }
}
