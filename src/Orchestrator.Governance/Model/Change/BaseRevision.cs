using System;
using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Documents;
using SpecContext = Orchestrator.Governance.Model.Spec.SpecContext;

namespace Orchestrator.Governance.Model.Change
{
    /// <summary>
    /// The governance documents of a change as they were at its base revision, read with the same
    /// profile as the current ones, for the change-aware rules (GOV802, GOV803, GOV804; seed 003 §6.3 and
    /// Part 1: a locked packet is not edited to fit the work). The engine reads no git: a host that
    /// can (CLI <c>--base</c>, MSBuild <c>GovernanceBaseRef</c>) hands over the base texts as data
    /// (<see cref="Engine.AnalysisOptions.BaseDocuments"/>).
    /// </summary>
    public sealed class BaseRevision
    {
        private readonly Dictionary<string, TaskPacket?> _packets;
        private readonly HashSet<string> _touched;
        private readonly HashSet<string> _existed;

        private BaseRevision(Dictionary<string, TaskPacket?> packets, HashSet<string> touched, HashSet<string> existed, SpecContext spec)
        {
            _packets = packets;
            _touched = touched;
            _existed = existed;
            Spec = spec;
        }

        /// <summary>
        /// The spec as the base revision had it: its pointer, the spec that pointer named and its
        /// requirements (GOV803). The current context itself when the change touches none of the
        /// spec's documents (the pointer, the spec, its modules or manifests).
        /// </summary>
        public SpecContext Spec { get; }

        /// <summary>Whether the change creates the document at <paramref name="path"/> (it touches it, and it did not exist at the base).</summary>
        public bool Creates(string path) => _touched.Contains(path) && !_existed.Contains(path);

        /// <summary>Whether the change touches the document at <paramref name="path"/>.</summary>
        public bool Touches(string path) => _touched.Contains(path);

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
        public static BaseRevision Read(IReadOnlyCollection<DocumentInput> documents, IReadOnlyCollection<string>? changed, IReadOnlyList<DocumentInput> inputs, IEnumerable<TaskPacket> current, TaskPacketProfile profile, SpecContext spec, long maxBytes, IReadOnlyCollection<string>? repositoryFiles)
        {
            var byPath = new Dictionary<string, DocumentInput>(StringComparer.Ordinal);
            foreach (var document in documents)
            {
                if (document?.Path != null) byPath[document.Path] = document;
            }

            var touched = new HashSet<string>(changed ?? (IEnumerable<string>)byPath.Keys, StringComparer.Ordinal);
            var packets = new Dictionary<string, TaskPacket?>(StringComparer.Ordinal);
            foreach (var packet in current)
            {
                if (byPath.TryGetValue(packet.Path, out var document)) packets[packet.Path] = ReadPacket(document, profile, maxBytes);
                else if (touched.Contains(packet.Path)) packets[packet.Path] = null;
            }

            return new BaseRevision(packets, touched, new HashSet<string>(byPath.Keys, StringComparer.Ordinal), BaseSpec(byPath, touched, inputs, spec, maxBytes, repositoryFiles));
        }

        /// <summary>
        /// The spec context of the base revision: built as the current one is
        /// (<see cref="SpecContext"/>.Build) from the inputs as they were: the documents the
        /// change does not touch, and the base texts (which hold the spec the base's pointer named,
        /// when the host handed it over). The current context when no spec document is touched.
        /// </summary>
        private static SpecContext BaseSpec(Dictionary<string, DocumentInput> byPath, HashSet<string> touched, IReadOnlyList<DocumentInput> inputs, SpecContext spec, long maxBytes, IReadOnlyCollection<string>? repositoryFiles)
        {
            var specPaths = new List<string> { DocumentInput.NormalizePath(spec.Profile.Config.CurrentPointer) };
            if (spec.Spec != null) specPaths.Add(spec.Spec.Path);
            specPaths.AddRange(spec.Modules.Select(m => m.Path));
            specPaths.AddRange(spec.Manifests);
            if (!specPaths.Any(touched.Contains)) return spec;
            var before = inputs.Where(d => !touched.Contains(d.Path) && !byPath.ContainsKey(d.Path)).Concat(byPath.Values).ToList();
            return SpecContext.Build(before, spec.Profile, maxBytes, reuseParsedSpec: true, repositoryFiles);
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
