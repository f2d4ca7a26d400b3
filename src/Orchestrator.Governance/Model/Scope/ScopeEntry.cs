using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Orchestrator.Governance.Text;

namespace Orchestrator.Governance.Model.Scope
{
    /// <summary>What an IN_SCOPE_PATHS entry names (seed 003 §5.3 "exact file paths").</summary>
    public enum ScopeEntryKind
    {
        /// <summary>A file path (it may or may not exist).</summary>
        File,

        /// <summary>A folder: ends with "/" or is a folder of the repository.</summary>
        Folder,

        /// <summary>Words, not a path ("Everything related to storage").</summary>
        Prose,

        /// <summary>A glob (*, ?, [...]).</summary>
        Glob,

        /// <summary>Absolute, or climbing out of the repository with "..": never resolved.</summary>
        Outside,
    }

    /// <summary>
    /// One entry of IN_SCOPE_PATHS or OUT_OF_SCOPE: the path as written (first word, backticks
    /// removed), where it stands, its normalized form, the rest of the line (an annotation such as
    /// "(new)") and what it names.
    /// </summary>
    public sealed class ScopeEntry
    {
        private static readonly Regex BacktickedPath = new Regex(@"`(?<p>[^`\s]+)`", RegexOptions.CultureInvariant | RegexOptions.Compiled);

        private ScopeEntry(string written, SourceSpan span, int writtenEnd, string path, string annotation, bool markedNew, ScopeEntryKind kind)
        {
            Written = written;
            Span = span;
            WrittenEnd = writtenEnd;
            Path = path;
            Annotation = annotation;
            IsMarkedNew = markedNew;
            Kind = kind;
        }

        /// <summary>The path as written, backticks removed.</summary>
        public string Written { get; }

        /// <summary>Where <see cref="Written"/> stands.</summary>
        public SourceSpan Span { get; }

        /// <summary>
        /// The offset just past the entry as written: after its closing backtick or emphasis when it
        /// is a code span or bold, else the end of <see cref="Span"/>; -1 when the document's text
        /// there is not the path (an escaped JSON string). An annotation ("(new)") is inserted here.
        /// </summary>
        public int WrittenEnd { get; }

        /// <summary>Whether <see cref="Annotation"/> carries one of scope.newMarkers ("(new)"): the packet creates the file.</summary>
        public bool IsMarkedNew { get; }

        /// <summary>Repository-relative, forward slashes, "./" and "." segments removed, no trailing slash ("" for <see cref="ScopeEntryKind.Outside"/>).</summary>
        public string Path { get; }

        /// <summary>The text after the path ("(new component)").</summary>
        public string Annotation { get; }

        /// <summary>What the entry names; <see cref="ScopeEntryKind.Folder"/> also when the repository has a folder of that name.</summary>
        public ScopeEntryKind Kind { get; }

        /// <summary>
        /// The entries of IN_SCOPE_PATHS: each list item (or, without items, each comma-separated
        /// part of the value) is one entry whose first word is the path. <paramref name="files"/>,
        /// when known, tells a folder written without a trailing slash from a file;
        /// <paramref name="isNewMarker"/> (scope.newMarkers) tells whether an annotation marks a
        /// file the packet creates, so that "Justfile (new)" is a path, not prose.
        /// </summary>
        public static List<ScopeEntry> Read(PacketField field, TaskPacket packet, RepositoryFiles? files, Func<string, bool>? isNewMarker = null)
        {
            var entries = new List<ScopeEntry>();
            var parts = field.ValueIsEntry ? SplitValue(field.Value, field.ValueSpan.Start) : new List<(string Text, int Start)>();
            if (field.Items.Count > 0) parts.AddRange(WithGroups(field.Items.Select(i => (i.Text, i.Span.Start)), packet.Document.Text));
            foreach (var (text, start) in parts)
            {
                int lead = 0;
                while (lead < text.Length && char.IsWhiteSpace(text[lead])) lead++;
                if (lead == text.Length) continue;
                int end = lead;
                if (text[lead] == '`')
                {
                    int close = text.IndexOf('`', lead + 1);
                    end = close < 0 ? text.Length : close + 1;
                }
                else
                {
                    while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
                }

                string token = text.Substring(lead, end - lead);
                int offset = lead + (token.StartsWith("`", StringComparison.Ordinal) ? 1 : 0);
                string written = token.Trim('`').TrimEnd(',', ';', ':');
                // Bold around the path (**src/x.rs**), but not a glob's leading **/.
                if (written.Length > 4 && written.StartsWith("**", StringComparison.Ordinal) && written.EndsWith("**", StringComparison.Ordinal) && written[2] != '/')
                {
                    written = written.Substring(2, written.Length - 4);
                    offset += 2;
                }
                var span = packet.Document.Span(start + offset, written.Length);
                string annotation = text.Substring(end).Trim();
                bool markedNew = annotation.Length > 0 && isNewMarker != null && isNewMarker(annotation);
                // A marker right after the path ("Justfile (new)") makes a word a path; one later in
                // prose ("Everything related to storage (new module)") does not.
                bool leadingMarker = markedNew && isNewMarker!(FirstWord(annotation));
                entries.Add(Classify(written, span, WrittenEndOf(packet.Document.Text, span.Start, written), annotation, markedNew, leadingMarker, files));
            }

            return entries;
        }

        /// <summary>The paths named in OUT_OF_SCOPE: entries that are a path, and paths in backticks inside prose.</summary>
        public static List<ScopeEntry> ReadMentions(PacketField field, TaskPacket packet, RepositoryFiles? files)
        {
            var entries = Read(field, packet, files).Where(e => e.Kind == ScopeEntryKind.File || e.Kind == ScopeEntryKind.Folder).ToList();
            var parts = field.Entries.Select(i => (i.Text, i.Span.Start)).ToList();
            foreach (var (text, start) in parts)
            {
                foreach (Match m in BacktickedPath.Matches(text))
                {
                    if (m.Index == 0 && text.TrimStart().StartsWith("`", StringComparison.Ordinal)) continue; // the entry's own path, read above
                    var g = m.Groups["p"];
                    var entry = Classify(g.Value, packet.Document.Span(start + g.Index, g.Length), WrittenEndOf(packet.Document.Text, start + g.Index, g.Value), string.Empty, false, false, files);
                    if (entry.Kind == ScopeEntryKind.File || entry.Kind == ScopeEntryKind.Folder) entries.Add(entry);
                }
            }

            return entries;
        }

        /// <summary>
        /// A group label ("- Backend (Rust):") is not an entry: the list items indented below it
        /// are (the reader keeps only a field's top-level items). Other items pass through.
        /// </summary>
        private static List<(string Text, int Start)> WithGroups(IEnumerable<(string Text, int Start)> items, string text)
        {
            var result = new List<(string, int)>();
            var seen = new HashSet<int>();
            foreach (var (itemText, start) in items)
            {
                if (!itemText.TrimEnd().EndsWith(":", StringComparison.Ordinal))
                {
                    if (seen.Add(start)) result.Add((itemText, start));
                    continue;
                }

                int lineStart = text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
                int labelIndent = 0;
                while (lineStart + labelIndent < text.Length && text[lineStart + labelIndent] == ' ') labelIndent++;
                int at = text.IndexOf('\n', start);
                int nested = 0;
                while (at >= 0 && at + 1 < text.Length)
                {
                    int ls = at + 1;
                    int le = text.IndexOf('\n', ls);
                    if (le < 0) le = text.Length;
                    string line = text.Substring(ls, le - ls).TrimEnd('\r');
                    at = le < text.Length ? le : -1;
                    if (line.Trim().Length == 0) continue;
                    int indent = 0;
                    while (indent < line.Length && line[indent] == ' ') indent++;
                    if (indent <= labelIndent) break;
                    var marker = ListMarker.Match(line, indent);
                    if (!marker.Success) continue;
                    int contentStart = ls + marker.Index + marker.Length;
                    if (seen.Add(contentStart)) result.Add((line.Substring(marker.Index + marker.Length), contentStart));
                    nested++;
                }

                if (nested == 0 && seen.Add(start)) result.Add((itemText, start));
            }

            return result;
        }

        private static readonly Regex ListMarker = new Regex(@"\G(?:[-*+]|\d{1,3}[.)])[ \t]+", RegexOptions.CultureInvariant | RegexOptions.Compiled);

        private static List<(string Text, int Start)> SplitValue(string value, int start)
        {
            var parts = new List<(string, int)>();
            int from = 0;
            for (int i = 0; i <= value.Length; i++)
            {
                if (i < value.Length && value[i] != ',') continue;
                parts.Add((value.Substring(from, i - from), start + from));
                from = i + 1;
            }

            return parts;
        }

        /// <summary>
        /// Where the entry as written ends in <paramref name="text"/>: after <paramref name="written"/>
        /// at <paramref name="at"/> and the closing backticks, asterisks or underscores that match the
        /// opening ones before it (<c>`x.rs`</c>, <c>**x.rs**</c>); -1 when the text there is not
        /// <paramref name="written"/> (a JSON string with escapes: no edit can be placed by offset).
        /// </summary>
        private static int WrittenEndOf(string text, int at, string written)
        {
            if (at < 0 || at + written.Length > text.Length || string.CompareOrdinal(text, at, written, 0, written.Length) != 0) return -1;
            int end = at + written.Length;
            for (int open = at - 1; open >= 0 && end < text.Length && "`*_".IndexOf(text[open]) >= 0 && text[end] == text[open]; open--) end++;
            return end;
        }

        private static string FirstWord(string text)
        {
            int end = 0;
            while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
            return text.Substring(0, end);
        }

        private static ScopeEntry Classify(string written, SourceSpan span, int writtenEnd, string annotation, bool markedNew, bool leadingMarker, RepositoryFiles? files)
        {
            string p = written.Replace('\\', '/');
            // A path has a slash or an extension, or is a file or folder of the repository, or stands
            // alone on its line (justfile) or with a new-file marker ("Justfile (new)"); a first word
            // followed by more words is prose.
            bool looksLikePath = p.IndexOf('/') >= 0 || System.IO.Path.HasExtension(p.TrimEnd('/')) || p.StartsWith(".", StringComparison.Ordinal)
                || (files != null && (files.Files.Contains(p) || files.Folders.Contains(p.TrimEnd('/'))))
                || annotation.Length == 0 || leadingMarker;
            if (!looksLikePath) return new ScopeEntry(written, span, writtenEnd, string.Empty, annotation, markedNew, ScopeEntryKind.Prose);
            string? path = Documents.DocumentInput.ResolveInside(p);
            if (path == null) return new ScopeEntry(written, span, writtenEnd, string.Empty, annotation, markedNew, ScopeEntryKind.Outside);
            if (p.IndexOfAny(new[] { '*', '?', '[' }) >= 0) return new ScopeEntry(written, span, writtenEnd, path, annotation, markedNew, ScopeEntryKind.Glob);
            bool folder = p.EndsWith("/", StringComparison.Ordinal) || (files != null && !files.Files.Contains(path) && files.Folders.Contains(path));
            return new ScopeEntry(written, span, writtenEnd, path, annotation, markedNew, folder ? ScopeEntryKind.Folder : ScopeEntryKind.File);
        }
    }
}
