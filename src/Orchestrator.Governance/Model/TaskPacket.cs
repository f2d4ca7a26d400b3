using System;
using System.Linq;
using System.Collections.Generic;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Text;

namespace Orchestrator.Governance.Model
{
    /// <summary>A heading of a task packet (level 1 or 2), with its normalized key.</summary>
    public sealed class PacketSection
    {
        internal PacketSection(string key, string heading, int level, SourceSpan headingSpan, bool isIgnored)
        {
            Key = key;
            Heading = heading;
            Level = level;
            HeadingSpan = headingSpan;
            IsIgnored = isIgnored;
        }

        /// <summary>Normalized key, e.g. QUALITY_GATE for "## Quality Gate".</summary>
        public string Key { get; }

        /// <summary>The heading text as written, without the leading #s.</summary>
        public string Heading { get; }

        /// <summary>Heading level (1-6).</summary>
        public int Level { get; }

        /// <summary>Span of the heading text (after "## ").</summary>
        public SourceSpan HeadingSpan { get; }

        /// <summary>True for report and log sections that are not searched for fields.</summary>
        public bool IsIgnored { get; }
    }

    /// <summary>How a field was written.</summary>
    public enum FieldForm
    {
        /// <summary><c>- KEY: value</c>, <c>- **Key:** value</c> or <c>- **Key**: value</c>.</summary>
        ListItem,

        /// <summary>A paragraph line <c>**Key:** value</c> or <c>KEY: value</c>.</summary>
        Line,

        /// <summary>A heading of its own: <c>## DONE_MEANS</c> or <c>### RISK_TIER: HIGH</c>.</summary>
        Heading,

        /// <summary>A value of a packet kept as data (JSON or YAML), found by its key or JSON Pointer.</summary>
        Data,
    }

    /// <summary>One entry of a field's list (a FILES_TO_OPEN path, a DONE_MEANS criterion).</summary>
    public sealed class PacketFieldItem
    {
        private readonly string? _source;
        private string? _text;

        /// <summary>Creates an item (the reader does; rules may wrap a one-line value as an item).</summary>
        public PacketFieldItem(string text, SourceSpan span)
        {
            _text = text;
            Span = span;
        }

        /// <summary>An item whose text is <paramref name="span"/> of <paramref name="source"/>, cut on first use.</summary>
        internal PacketFieldItem(string source, SourceSpan span, bool lazy)
        {
            _source = source;
            Span = span;
        }

        /// <summary>The first line of the item, without its list marker.</summary>
        public string Text => _text ??= _source!.Substring(Span.Start, Span.Length);

        /// <summary>Span of that line.</summary>
        public SourceSpan Span { get; }
    }

    /// <summary>A field of a task packet (TASK_ID, STATUS, DONE_MEANS, ...) with the spans of its parts.</summary>
    public sealed class PacketField
    {
        internal PacketField(string key, string rawKey, SourceSpan keySpan, string value, SourceSpan valueSpan, FieldForm form, PacketSection? section)
        {
            Key = key;
            RawKey = rawKey;
            KeySpan = keySpan;
            Value = value;
            ValueSpan = valueSpan;
            Form = form;
            Section = section;
            ContentStart = valueSpan.Start;
            ContentEnd = valueSpan.End;
        }

        /// <summary>Normalized key, e.g. USER_SIGNATURE.</summary>
        public string Key { get; }

        /// <summary>The key as written, e.g. "User Signature Locked".</summary>
        public string RawKey { get; }

        /// <summary>Span of the key as written.</summary>
        public SourceSpan KeySpan { get; }

        /// <summary>The value on the key's line, trimmed, without emphasis markers; "" when the value is a list or block below.</summary>
        public string Value { get; internal set; }

        /// <summary>Span of <see cref="Value"/> (a point after the key when the value is empty).</summary>
        public SourceSpan ValueSpan { get; internal set; }

        /// <summary>How the field was written.</summary>
        public FieldForm Form { get; }

        /// <summary>The level-2 section that holds the field, or null in the preamble.</summary>
        public PacketSection? Section { get; }

        /// <summary>List entries below the field.</summary>
        public List<PacketFieldItem> Items { get; } = new List<PacketFieldItem>();

        /// <summary>
        /// True when <see cref="Value"/> is an entry of its own, not a lead-in to the list below it:
        /// it is not empty, does not end with ':' ("All of the following:") and is not wholly in
        /// parentheses ("(see below)"). <c>- SPEC_ANCHOR: §7.6</c> followed by indented items has
        /// both, and neither is dropped.
        /// </summary>
        public bool ValueIsEntry
        {
            get
            {
                string v = Value.Trim();
                if (v.Length == 0) return false;
                if (Items.Count == 0) return true;
                // A heading field ("### DONE_MEANS") borrows its first item's value: that is not an entry of its own.
                if (Items.Any(i => i.Span.Start <= ValueSpan.Start && ValueSpan.End <= i.Span.End)) return false;
                return !v.EndsWith(":", System.StringComparison.Ordinal) && !(v.StartsWith("(", System.StringComparison.Ordinal) && v.EndsWith(")", System.StringComparison.Ordinal));
            }
        }

        /// <summary>The field's entries: its value when it is one (<see cref="ValueIsEntry"/>), then the list items below it.</summary>
        public IReadOnlyList<PacketFieldItem> Entries
        {
            get
            {
                if (!ValueIsEntry) return Items;
                var entries = new List<PacketFieldItem>(Items.Count + 1) { new PacketFieldItem(Value, ValueSpan) };
                entries.AddRange(Items);
                return entries;
            }
        }

        /// <summary>0-based offset where the field's content (value, items, code) starts.</summary>
        public int ContentStart { get; internal set; }

        /// <summary>0-based offset just past the field's content.</summary>
        public int ContentEnd { get; internal set; }

        /// <summary>Character ranges [start, end) of code blocks (fenced or indented) in the content.</summary>
        public List<(int Start, int End)> CodeBlocks { get; } = new List<(int, int)>();

        internal void Extend(int end)
        {
            if (end > ContentEnd) ContentEnd = end;
        }
    }

    /// <summary>
    /// A task packet (seed 003 §5.1) read from Markdown in whatever spelling the author used. Every
    /// part keeps the span of its text, so diagnostics point at the offending characters.
    /// </summary>
    public sealed class TaskPacket
    {
        internal TaskPacket(TextDocument document, PacketSection? title, IReadOnlyList<PacketSection> sections, IReadOnlyList<PacketField> fields, IReadOnlyList<PacketWaiver>? waivers = null, System.Text.RegularExpressions.Regex? idPattern = null)
        {
            Waivers = waivers ?? Array.Empty<PacketWaiver>();
            Document = document;
            Title = title;
            Sections = sections;
            Fields = fields;
            (FileStem, NamedByFolder) = IdName(document.Path, idPattern);
        }

        /// <summary>
        /// The name that carries a packet's ID: the file name without its extension or, in a folder
        /// per packet (<c>task_packets/WP-1-Foo/packet.md</c>, <c>WP-KERNEL-001-Ledger/packet.md</c>),
        /// the folder's name: always for a file named <c>packet</c>, and for another file whose name
        /// is not a WP ID (<paramref name="idPattern"/>, taskPacket.fileNamePattern) when the
        /// folder's name is.
        /// </summary>
        public static (string Name, bool ByFolder) IdName(string path, System.Text.RegularExpressions.Regex? idPattern)
        {
            int slash = path.LastIndexOf('/');
            string name = path.Substring(slash + 1);
            int dot = name.LastIndexOf('.');
            string stem = dot > 0 ? name.Substring(0, dot) : name;
            if (slash <= 0) return (stem, false);
            bool packetFile = string.Equals(stem, "packet", System.StringComparison.OrdinalIgnoreCase);
            if (!packetFile && (idPattern == null || idPattern.IsMatch(stem))) return (stem, false);
            int parentSlash = path.LastIndexOf('/', slash - 1);
            string folder = path.Substring(parentSlash + 1, slash - parentSlash - 1);
            return packetFile || idPattern!.IsMatch(folder) ? (folder, true) : (stem, false);
        }

        /// <summary>The packet's text and line map (Markdig's tree is dropped once the packet is read).</summary>
        public TextDocument Document { get; }

        /// <summary>Repository-relative path.</summary>
        public string Path => Document.Path;

        /// <summary>
        /// The packet's expected ID: its file name without the extension or, in a folder per packet
        /// (<c>WP-1-Foo/packet.md</c>), its folder's name (<see cref="NamedByFolder"/>).
        /// </summary>
        public string FileStem { get; }

        /// <summary>Whether the packet is kept as data (JSON or YAML): the Markdown structure rules (sections, their order) do not apply.</summary>
        public bool IsData { get; internal set; }

        /// <summary>True when <see cref="FileStem"/> is the folder's name (one folder per packet).</summary>
        public bool NamedByFolder { get; }

        /// <summary>The first level-1 heading ("# Task Packet: WP-1-Foo"), or null.</summary>
        public PacketSection? Title { get; }

        /// <summary>Level-1 (after the title) and level-2 headings, in document order.</summary>
        public IReadOnlyList<PacketSection> Sections { get; }

        /// <summary>Every field, in document order, including those in ignored sections.</summary>
        public IReadOnlyList<PacketField> Fields { get; }

        /// <summary>The waivers recorded in the packet's waiver sections (taskPacket.waiverSections), in document order.</summary>
        public IReadOnlyList<PacketWaiver> Waivers { get; }

        /// <summary>Where file-level diagnostics go: the title heading, or the first character.</summary>
        public SourceSpan AnchorSpan => Title?.HeadingSpan ?? Document.Span(0, 0);

        /// <summary>
        /// The first field with <paramref name="key"/> (or one of <paramref name="aliases"/>) outside
        /// ignored sections, or null.
        /// </summary>
        public PacketField? FindField(string key, IEnumerable<string>? aliases = null) => Find(key, aliases, includeIgnored: false);

        /// <summary>
        /// Like <see cref="FindField"/>, but falls back to report and log sections: a field written
        /// only there is still present (GOV104), though value rules do not read it.
        /// </summary>
        public PacketField? FindFieldAnywhere(string key, IEnumerable<string>? aliases = null) =>
            Find(key, aliases, includeIgnored: false) ?? Find(key, aliases, includeIgnored: true);

        private PacketField? Find(string key, IEnumerable<string>? aliases, bool includeIgnored)
        {
            HashSet<string>? names = null;
            if (aliases != null)
            {
                names = new HashSet<string>(StringComparer.Ordinal) { key };
                foreach (var a in aliases) names.Add(KeyNormalizer.Normalize(a));
            }

            foreach (var field in Fields)
            {
                if (!includeIgnored && field.Section != null && field.Section.IsIgnored) continue;
                if (field.Key == key || (names != null && names.Contains(field.Key))) return field;
            }

            return null;
        }
    }
}
