using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Documents;
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
    /// A phase gate on the board (seed 003 §6.4): a "PHASE N CLOSURE GATES" section and/or a
    /// "Phase N: CLOSED" line. <see cref="ClosedSpan"/> is set when the phase is marked closed.
    /// </summary>
    public sealed class PhaseGate
    {
        internal PhaseGate(string phase) => Phase = phase;

        /// <summary>The phase number as written ("1").</summary>
        public string Phase { get; }

        /// <summary>Whether the board has a gate section for the phase.</summary>
        public bool HasSection { get; internal set; }

        /// <summary>The WPs listed in the gate section, in order, with the span of each ID (first listing only).</summary>
        public List<(string Id, SourceSpan Span)> Wps { get; } = new List<(string, SourceSpan)>();

        internal HashSet<string> Listed { get; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>The closure marker as written ("CLOSED", "PASSED"), or null when the phase is open.</summary>
        public string? ClosedText { get; internal set; }

        /// <summary>Where the closure marker stands.</summary>
        public SourceSpan ClosedSpan { get; internal set; }

        /// <summary>Whether the phase is marked closed.</summary>
        public bool IsClosed => ClosedText != null;
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
        private static readonly Regex CellWords = new Regex(@"[A-Za-z](?:[A-Za-z _-]*[A-Za-z])?", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        private static readonly Regex StatusLine = new Regex(@"Status:\**\s*\[(?<t>[A-Za-z][A-Za-z _-]*)", RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.IgnoreCase);

        private TaskBoard(string path, IReadOnlyList<BoardEntry> entries, IReadOnlyList<PhaseGate> gates)
        {
            Path = path;
            Entries = entries;
            PhaseGates = gates;
            var byId = new Dictionary<string, BoardEntry>(StringComparer.Ordinal);
            foreach (var e in entries)
            {
                if (!byId.ContainsKey(e.Id)) byId[e.Id] = e;
                if (!_all.TryGetValue(e.Id, out var list)) _all[e.Id] = list = new List<BoardEntry>(1);
                list.Add(e);
            }

            ById = byId;
        }

        /// <summary>Repository-relative path.</summary>
        public string Path { get; }

        /// <summary>Every entry, in board order.</summary>
        public IReadOnlyList<BoardEntry> Entries { get; }

        /// <summary>The phase gates, ordered by phase number.</summary>
        public IReadOnlyList<PhaseGate> PhaseGates { get; }

        /// <summary>Every entry of a WP, in board order (a WP may be listed twice, e.g. as STUB and VALIDATED).</summary>
        public IReadOnlyList<BoardEntry> EntriesOf(string id) => _all.TryGetValue(id, out var list) ? list : (IReadOnlyList<BoardEntry>)Array.Empty<BoardEntry>();

        private readonly Dictionary<string, List<BoardEntry>> _all = new Dictionary<string, List<BoardEntry>>(StringComparer.Ordinal);

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
            var gateConfig = config.PhaseGates;
            var gateHeading = Pattern(gateConfig.Heading);
            var gateStatus = Pattern(gateConfig.StatusLine);
            var closedLine = Pattern(gateConfig.ClosedLine);
            var gates = new Dictionary<string, PhaseGate>(StringComparer.Ordinal);
            PhaseGate GateOf(string phase) => gates.TryGetValue(phase, out var g) ? g : gates[phase] = new PhaseGate(phase);

            var entries = new List<BoardEntry>();
            string sectionKey = string.Empty;
            string? sectionStatus = null;
            PhaseGate? gate = null;
            int gateStart = 0;
            void CloseGateSection(int end)
            {
                if (gate == null || gate.IsClosed || gateStatus == null) return;
                var m = Match(gateStatus, doc.Text, gateStart, end - gateStart);
                if (m == null) return;
                string said = m.Groups["status"].Value;
                string? closed = gateConfig.ClosedStatuses
                    .Where(c => Comparable(c).Length > 0 && Comparable(said).StartsWith(Comparable(c), StringComparison.Ordinal))
                    .OrderByDescending(c => c.Length).FirstOrDefault();
                if (closed != null)
                {
                    // The status word(s) as written ("CLOSED" of "CLOSED - all gates passed").
                    gate.ClosedText = said.Substring(0, Math.Min(said.Length, closed.Length)).Trim();
                    gate.ClosedSpan = doc.Span(m.Groups["status"].Index, gate.ClosedText.Length);
                }
            }

            foreach (Block block in doc.Ast)
            {
                if (block is HeadingBlock heading)
                {
                    CloseGateSection(heading.Span.Start);
                    var (text, _) = doc.HeadingText(heading);
                    sectionKey = KeyNormalizer.Normalize(text);
                    sectionStatus = sections.Where(s => sectionKey.StartsWith(s.Prefix, StringComparison.Ordinal)).Select(s => s.Status).FirstOrDefault();
                    var g = gateHeading == null ? null : Match(gateHeading, text, 0, text.Length);
                    gate = g == null ? null : GateOf(g.Groups["phase"].Value);
                    if (gate != null) gate.HasSection = true;
                    gateStart = Math.Min(doc.Text.Length, heading.Span.End + 1);
                    continue;
                }

                if (block is Markdig.Extensions.Tables.Table table)
                {
                    ReadTable(doc, table, known, sectionStatus, sectionKey, gate, entries);
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
                    if (gate != null && gate.Listed.Add(id.Value)) gate.Wps.Add((id.Value, doc.Span(start + id.Index, id.Length)));

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

            CloseGateSection(doc.Text.Length);

            // "Phase N: CLOSED" anywhere on the board closes phase N (first marker wins).
            if (closedLine != null)
            {
                try
                {
                    foreach (Match m in closedLine.Matches(doc.Text))
                    {
                        var g = GateOf(m.Groups["phase"].Value);
                        if (g.IsClosed || !m.Groups["phase"].Success) continue;
                        int lead = 0;
                        while (lead < m.Value.Length && !char.IsLetterOrDigit(m.Value[lead])) lead++;
                        g.ClosedText = m.Value.Substring(lead).Trim();
                        g.ClosedSpan = doc.Span(m.Index + lead, g.ClosedText.Length);
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                    // A configured pattern that runs away finds no marker (the loader checked it parses).
                }
            }

            var ordered = gates.Values.OrderBy(g => g.Phase.Length).ThenBy(g => g.Phase, StringComparer.Ordinal).ToList();
            return new TaskBoard(doc.Path, entries, ordered);
        }

        /// <summary>
        /// A Markdown table: each body row with a WP ID is an entry; its status is the first cell
        /// after the ID's cell whose words are a known status (emphasis, brackets and emoji
        /// ignored: "**VALIDATED**", "[IN_PROGRESS]", "READY FOR DEV 🔴"), else the section's.
        /// </summary>
        private static void ReadTable(ParsedMarkdown doc, Markdig.Extensions.Tables.Table table, HashSet<string> known, string? sectionStatus, string sectionKey, PhaseGate? gate, List<BoardEntry> entries)
        {
            foreach (Block child in table)
            {
                if (!(child is Markdig.Extensions.Tables.TableRow row) || row.IsHeader || row.Span.IsEmpty) continue;
                int start = row.Span.Start;
                string line = doc.LineFrom(start);
                var id = WpId.Match(line);
                if (!id.Success) continue;
                if (gate != null && gate.Listed.Add(id.Value)) gate.Wps.Add((id.Value, doc.Span(start + id.Index, id.Length)));

                string? status = null;
                SourceSpan statusSpan = doc.Span(start + id.Index, id.Length);
                int cellStart = line.IndexOf('|', id.Index + id.Length);
                while (status == null && cellStart >= 0 && cellStart + 1 < line.Length)
                {
                    int cellEnd = line.IndexOf('|', cellStart + 1);
                    if (cellEnd < 0) cellEnd = line.Length;
                    var word = CellWords.Match(line, cellStart + 1, cellEnd - cellStart - 1);
                    if (word.Success && known.Contains(KeyNormalizer.Normalize(word.Value)))
                    {
                        status = KeyNormalizer.Normalize(word.Value);
                        statusSpan = doc.Span(start + word.Index, word.Length);
                    }

                    cellStart = cellEnd;
                }

                status ??= sectionStatus;
                if (status != null) entries.Add(new BoardEntry(id.Value, doc.Span(start + id.Index, id.Length), status, statusSpan, sectionKey));
            }
        }

        private static Regex? Pattern(string pattern) =>
            string.IsNullOrEmpty(pattern) ? null : TaskPacketProfile.Pattern(pattern, RegexOptions.IgnoreCase | RegexOptions.Multiline);

        private static Match? Match(Regex regex, string text, int start, int length)
        {
            try
            {
                var m = regex.Match(text, start, Math.Max(0, length));
                return m.Success ? m : null;
            }
            catch (RegexMatchTimeoutException)
            {
                return null;
            }
        }

        private static string Comparable(string status) => PacketFacts.Comparable(status);
    }
}
