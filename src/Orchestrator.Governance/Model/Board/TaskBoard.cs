using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Text;
using SourceSpan = Orchestrator.Governance.Text.SourceSpan;

namespace Orchestrator.Governance.Model.Board
{
    /// <summary>One WP on the task board, with the spans of its ID and of its status.</summary>
    public sealed class BoardEntry
    {
        internal BoardEntry(string id, SourceSpan idSpan, string status, SourceSpan statusSpan, string section)
        {
            Id = id;
            IdSpan = idSpan;
            Status = status;
            StatusSpan = statusSpan;
            Section = section;
        }

        /// <summary>The WP ID.</summary>
        public string Id { get; }

        /// <summary>Where the ID stands.</summary>
        public SourceSpan IdSpan { get; }

        /// <summary>The board status, normalized (READY_FOR_DEV, IN_PROGRESS, VALIDATED, ...).</summary>
        public string Status { get; }

        /// <summary>Where the status token stands (the ID when the status comes from the section).</summary>
        public SourceSpan StatusSpan { get; }

        /// <summary>The normalized heading of the board section holding the entry.</summary>
        public string Section { get; }
    }

    /// <summary>
    /// The task board (seed 003 §6.1-6.4): every WP entry in its list forms, <c>- **[WP-1-Foo]** -
    /// [IN_PROGRESS]</c>, <c>- [WP-1-Foo]: description</c>, and gate lists with a nested
    /// <c>Status: [READY FOR DEV 🔴]</c>. An entry's status is its own [TOKEN] when that is a known
    /// status, else its section's (board.sections). Entries of unmapped sections count only with a
    /// known token.
    /// </summary>
    public sealed class TaskBoard
    {
        private static readonly Regex WpId = new Regex(@"WP-\d+(?:\.\d+)?-[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        private static readonly Regex Token = new Regex(@"\[(?<t>[A-Za-z][A-Za-z _-]*)", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        private static readonly Regex StatusLine = new Regex(@"Status:\**\s*\[(?<t>[A-Za-z][A-Za-z _-]*)", RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.IgnoreCase);

        private TaskBoard(string path, IReadOnlyList<BoardEntry> entries)
        {
            Path = path;
            Entries = entries;
            var byId = new Dictionary<string, BoardEntry>(StringComparer.Ordinal);
            foreach (var e in entries)
            {
                if (!byId.ContainsKey(e.Id)) byId[e.Id] = e;
            }

            ById = byId;
        }

        /// <summary>Repository-relative path.</summary>
        public string Path { get; }

        /// <summary>Every entry, in board order.</summary>
        public IReadOnlyList<BoardEntry> Entries { get; }

        /// <summary>Every entry of a WP, in board order (a WP may be listed twice, e.g. as STUB and VALIDATED).</summary>
        public IEnumerable<BoardEntry> EntriesOf(string id) => Entries.Where(e => e.Id == id);

        /// <summary>WP ID to its first entry.</summary>
        public IReadOnlyDictionary<string, BoardEntry> ById { get; }

        /// <summary>The WP IDs in a text with their offsets (trailing punctuation left out).</summary>
        public static IEnumerable<(string Id, int Index)> FindIds(string text)
        {
            foreach (Match m in WpId.Matches(text)) yield return (m.Value, m.Index);
        }

        /// <summary>Reads the board.</summary>
        public static TaskBoard Read(ParsedMarkdown doc, BoardConfig config)
        {
            var sections = config.Sections.Select(e => (Prefix: KeyNormalizer.Normalize(e.Key), Status: KeyNormalizer.Normalize(e.Value))).ToList();
            var known = new HashSet<string>(config.Agreement.Keys.Select(KeyNormalizer.Normalize).Concat(sections.Select(s => s.Status)), StringComparer.Ordinal);
            var entries = new List<BoardEntry>();
            string sectionKey = string.Empty;
            string? sectionStatus = null;
            foreach (Block block in doc.Ast)
            {
                if (block is HeadingBlock heading)
                {
                    var (text, _) = doc.HeadingText(heading);
                    sectionKey = KeyNormalizer.Normalize(text);
                    sectionStatus = sections.Where(s => sectionKey.StartsWith(s.Prefix, StringComparison.Ordinal)).Select(s => s.Status).FirstOrDefault();
                    continue;
                }

                if (!(block is ListBlock list)) continue;
                foreach (Block child in list)
                {
                    if (!(child is ListItemBlock item) || item.Span.IsEmpty) continue;
                    int start = item.Count > 0 ? item[0].Span.Start : item.Span.Start;
                    string first = doc.LineFrom(start);
                    var id = WpId.Match(first);
                    if (!id.Success) continue;

                    // The entry's own token after the ID, or a nested "Status: [...]" line.
                    string? status = null;
                    SourceSpan statusSpan = doc.Span(start + id.Index, id.Length);
                    foreach (Match t in Token.Matches(first, id.Index + id.Length))
                    {
                        string key = KeyNormalizer.Normalize(t.Groups["t"].Value);
                        if (!known.Contains(key)) continue;
                        status = key;
                        statusSpan = doc.Span(start + t.Groups["t"].Index, t.Groups["t"].Value.TrimEnd().Length);
                        break;
                    }

                    if (status == null)
                    {
                        int end = Math.Min(doc.Text.Length, item.Span.End + 1);
                        var nested = StatusLine.Match(doc.Text, start, end - start);
                        if (nested.Success && known.Contains(KeyNormalizer.Normalize(nested.Groups["t"].Value)))
                        {
                            status = KeyNormalizer.Normalize(nested.Groups["t"].Value);
                            statusSpan = doc.Span(nested.Groups["t"].Index, nested.Groups["t"].Value.TrimEnd().Length);
                        }
                    }

                    status ??= sectionStatus;
                    if (status == null) continue;
                    entries.Add(new BoardEntry(id.Value, doc.Span(start + id.Index, id.Length), status, statusSpan, sectionKey));
                }
            }

            return new TaskBoard(doc.Path, entries);
        }
    }
}
