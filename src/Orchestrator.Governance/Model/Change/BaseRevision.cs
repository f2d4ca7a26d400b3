using System;
using System.Collections.Generic;
using Orchestrator.Governance.Documents;

namespace Orchestrator.Governance.Model.Change
{
    /// <summary>
    /// The governance documents of a change as they were at its base revision, read with the same
    /// profile as the current ones, for the change-aware rules (GOV802, GOV804; seed 003 §6.3 and
    /// Part 1: a locked packet is not edited to fit the work). The engine reads no git: a host that
    /// can (CLI <c>--base</c>, MSBuild <c>GovernanceBaseRef</c>) hands over the base texts as data
    /// (<see cref="Engine.AnalysisOptions.BaseDocuments"/>).
    /// </summary>
    public sealed class BaseRevision
    {
        private readonly Dictionary<string, TaskPacket?> _packets;

        private BaseRevision(Dictionary<string, TaskPacket?> packets)
        {
            _packets = packets;
        }

        /// <summary>
        /// The base revision's packet at <paramref name="path"/> (repository-relative): true when
        /// the host gave a base text for that path; <paramref name="packet"/> is then the packet as
        /// it was, or null when the file did not exist at the base (a packet the change creates) or
        /// its base text could not be read as a packet (too large, binary, refused by the parser).
        /// False when the change does not touch the file: it is the same at both revisions.
        /// </summary>
        public bool TryGetPacket(string path, out TaskPacket? packet) => _packets.TryGetValue(path, out packet);

        /// <summary>
        /// Reads the base revision's version of each current packet the change touches:
        /// <paramref name="documents"/> holds the base text of every touched document that existed
        /// at the base; a packet in <paramref name="changed"/> with no base document is one the
        /// change creates. A base text is admitted as the current documents are
        /// (<see cref="DocumentAdmission.Refusal"/> against <paramref name="maxBytes"/>, Markdig's
        /// refusals); one that is not reads as no packet, with no diagnostic: the base revision is
        /// history, not something to fix.
        /// </summary>
        public static BaseRevision Read(IReadOnlyCollection<DocumentInput> documents, IReadOnlyCollection<string>? changed, IEnumerable<TaskPacket> current, TaskPacketProfile profile, long maxBytes)
        {
            var byPath = new Dictionary<string, DocumentInput>(StringComparer.Ordinal);
            foreach (var document in documents) byPath[document.Path] = document;
            var touched = new HashSet<string>(changed ?? (IEnumerable<string>)byPath.Keys, StringComparer.Ordinal);
            var packets = new Dictionary<string, TaskPacket?>(StringComparer.Ordinal);
            foreach (var packet in current)
            {
                if (byPath.TryGetValue(packet.Path, out var document)) packets[packet.Path] = ReadPacket(document, profile, maxBytes);
                else if (touched.Contains(packet.Path)) packets[packet.Path] = null;
            }

            return new BaseRevision(packets);
        }

        private static TaskPacket? ReadPacket(DocumentInput document, TaskPacketProfile profile, long maxBytes)
        {
            if (DocumentAdmission.Refusal(document, maxBytes, "a task packet") != null) return null;
            string path = document.Path, text = document.Text!;
            if (DataPacketReader.IsDataPath(path)) return DataPacketReader.Read(new TextDocument(path, text), profile, out _, out _);
            return DocumentAdmission.ParseMarkdown(() => TaskPacketReader.Read(ParsedMarkdown.Parse(path, text), profile), out _);
        }
    }
}
