using System.Linq;
using Orchestrator.Governance.Documents;

namespace Orchestrator.Governance.Model.Stubs
{
    /// <summary>
    /// A task packet stub (documents.taskPacketStubs): a backlog placeholder for a WP that is not
    /// yet an executable packet. Seed 003 and the corpus's stubs/README.md: stubs "MUST be activated
    /// into an official packet in docs/task_packets/ before any coding starts"; later, a stub also
    /// records work superseded by or folded into another WP. Read with the packet reader, so its
    /// fields (<c>- WP_ID:</c>, <c>- STUB_STATUS:</c>, <c>**Status:**</c>, <c>- SUPERSEDED_BY:</c>)
    /// have the spans of their text.
    /// </summary>
    public sealed class TaskPacketStub
    {
        /// <summary>Keys that name the stub's status, first found wins.</summary>
        public static readonly string[] StatusKeys = { "STUB_STATUS", "STATUS" };

        /// <summary>Keys that name the WP that replaces a superseded or folded stub.</summary>
        public static readonly string[] ReplacementKeys = { "SUPERSEDED_BY", "FOLDED_INTO", "REPLACED_BY", "REPLACEMENT", "REPLACEMENT_WP_ID" };

        private TaskPacketStub(TaskPacket read)
        {
            Read_ = read;
            WpId = read.FindFieldAnywhere("WP_ID");
            Status = StatusKeys.Select(k => read.FindFieldAnywhere(k)).FirstOrDefault(f => f != null && f.Value.Trim().Length > 0);
            Replacement = ReplacementKeys.Select(k => read.FindFieldAnywhere(k)).FirstOrDefault(f => f != null && f.Value.Trim().Length > 0);
        }

        private TaskPacket Read_ { get; }

        /// <summary>Repository-relative path.</summary>
        public string Path => Read_.Path;

        /// <summary>The stub's text and line map.</summary>
        public TextDocument Document => Read_.Document;

        /// <summary>The file name without its extension.</summary>
        public string FileStem => Read_.FileStem;

        /// <summary>Where a finding about the whole stub stands: its title, else its start.</summary>
        public Text.SourceSpan AnchorSpan => Read_.AnchorSpan;

        /// <summary>The WP_ID field, or null.</summary>
        public PacketField? WpId { get; }

        /// <summary>The stub's status field (STUB_STATUS, else a Status line), or null.</summary>
        public PacketField? Status { get; }

        /// <summary>The field naming the WP that replaces it (SUPERSEDED_BY, FOLDED_INTO, ...), or null.</summary>
        public PacketField? Replacement { get; }

        /// <summary>The WP ID the stub declares (the first word of WP_ID), else its file name.</summary>
        public string Id => WpId != null && PacketFacts.DeclaredId(WpId) is string id ? id : FileStem;

        /// <summary>The WP ID its replacement field names (its first word), or null.</summary>
        public string? ReplacementId => Replacement != null ? PacketFacts.DeclaredId(Replacement) : null;

        /// <summary>Reads a stub (never throws on any Markdown).</summary>
        public static TaskPacketStub Read(ParsedMarkdown doc, TaskPacketProfile profile) => new TaskPacketStub(TaskPacketReader.Read(doc, profile));
    }
}
