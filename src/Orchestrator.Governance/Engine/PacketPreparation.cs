using System;
using System.Collections.Generic;
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
    /// Reads a batch of task packets' Markdown on several threads (<see cref="PacketThreads"/>).
    /// The steps are pure functions of the text and the configuration; nothing shared is written
    /// but each result's own slot.
    /// </summary>
    internal static class PacketPreparation
    {
        /// <summary>
        /// Prepares each of <paramref name="inputs"/> (Markdown packets, admitted: text, no NUL,
        /// within the size limit), in the order given, on up to <paramref name="threads"/> threads
        /// (the calling one among them).
        /// </summary>
        internal static PreparedPacket[] Prepare(IReadOnlyList<DocumentInput> inputs, int threads, TaskPacketProfile profile, bool inlineConfig, ICollection<string> linkPaths) =>
            PacketThreads.Map(inputs, threads, input => One(input, profile, inlineConfig, linkPaths));

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
