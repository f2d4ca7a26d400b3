using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Orchestrator.Governance.Model.State;
using Orchestrator.Governance.Text;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Baseline
{
    /// <summary>One entry of the baseline: <see cref="Count"/> diagnostics of one rule in one file with one fingerprint.</summary>
    public sealed class BaselineEntry
    {
        /// <summary>Creates an entry.</summary>
        public BaselineEntry(string path, string ruleId, string fingerprint, int count, string? message, SourceSpan span = default)
        {
            Path = path;
            RuleId = ruleId;
            Fingerprint = fingerprint;
            Count = count;
            Message = message;
            Span = span;
        }

        /// <summary>Repository-relative path of the document the diagnostics are in.</summary>
        public string Path { get; }

        /// <summary>The rule ID, e.g. "GOV107".</summary>
        public string RuleId { get; }

        /// <summary><see cref="DiagnosticFingerprint"/>: 16 lower-case hex digits.</summary>
        public string Fingerprint { get; }

        /// <summary>How many diagnostics the entry stands for (at least 1).</summary>
        public int Count { get; }

        /// <summary>The message when it was recorded, for readers; never compared.</summary>
        public string? Message { get; }

        /// <summary>Where the entry stands in the baseline file (its opening brace); default for an entry not read from a file.</summary>
        public SourceSpan Span { get; }

        /// <summary>The matching key: path, rule and fingerprint.</summary>
        public string Key => KeyOf(Path, RuleId, Fingerprint);

        internal static string KeyOf(string path, string ruleId, string fingerprint) => path + "\u0000" + ruleId + "\u0000" + fingerprint;
    }

    /// <summary>
    /// governance.baseline.json: the findings a repository accepted when it adopted the analyzer,
    /// so that only new ones fail (PHPStan's baseline, ESLint's bulk suppressions). Shape
    /// (schemas/baseline.schema.json): <c>{"version": 1, "entries": [{"path", "rule",
    /// "fingerprint", "count", "message"}]}</c>, entries sorted by path, rule and fingerprint
    /// (ordinal), so that the file is the same for the same findings and diffs stay small.
    /// </summary>
    public sealed class GovernanceBaseline
    {
        /// <summary>The baseline's path at the repository root, where every host looks for it.</summary>
        public const string DefaultPath = "governance.baseline.json";

        private GovernanceBaseline(IReadOnlyList<BaselineEntry> entries, string? comment)
        {
            Entries = entries;
            Comment = comment;
        }

        /// <summary>The entries, in file order.</summary>
        public IReadOnlyList<BaselineEntry> Entries { get; }

        /// <summary>
        /// Each entry with the path, rule and fingerprint of an earlier one, with that earlier entry:
        /// the file is then not used (GOV008), since two entries for one finding would cover more
        /// diagnostics than either says. <c>governance baseline</c> writes one entry per key.
        /// </summary>
        public IReadOnlyList<(BaselineEntry Repeat, BaselineEntry First)> Duplicates
        {
            get
            {
                var first = new Dictionary<string, BaselineEntry>(StringComparer.Ordinal);
                var repeats = new List<(BaselineEntry, BaselineEntry)>();
                foreach (var entry in Entries)
                {
                    if (first.TryGetValue(entry.Key, out var earlier)) repeats.Add((entry, earlier));
                    else first[entry.Key] = entry;
                }

                return repeats;
            }
        }

        /// <summary>The top-level <c>$comment</c>, kept when the file is rewritten; null when there is none.</summary>
        public string? Comment { get; }

        /// <summary>
        /// Reads a baseline: JSON with line information (duplicate keys, more than
        /// <paramref name="maxDepth"/> levels and trailing text refused) validated against its schema.
        /// <paramref name="problems"/> lists what is wrong, each at its place; when it is not empty
        /// the returned baseline is null and nothing may be suppressed. Never throws for any text.
        /// </summary>
        public static GovernanceBaseline? Read(string path, string text, int maxDepth, out IReadOnlyList<StateProblem> problems)
        {
            // Parsed once per content: an IDE or a build server analyzes the same baseline again and again.
            var (baseline, found) = Cache.GetOrAdd(
                ContentCache<(GovernanceBaseline?, IReadOnlyList<StateProblem>)>.KeyOf(path + "|" + maxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture), text),
                () => (ReadUncached(path, text, maxDepth, out var p), p));
            problems = found;
            return baseline;
        }

        private static readonly ContentCache<(GovernanceBaseline?, IReadOnlyList<StateProblem>)> Cache = new ContentCache<(GovernanceBaseline?, IReadOnlyList<StateProblem>)>(2);

        /// <summary>The most diagnostics one entry may cover (schemas/baseline.schema.json).</summary>
        public const int MaxCount = 1000000;

        private static GovernanceBaseline? ReadUncached(string path, string text, int maxDepth, out IReadOnlyList<StateProblem> problems)
        {
            var document = StateDocument.Read(path, StateKind.Baseline, text, maxDepth);
            problems = document.Problems;
            if (document.Problems.Count > 0 || !(document.Root is JObject root) || !(root["entries"] is JArray array)) return null;
            var entries = new List<BaselineEntry>(array.Count);
            foreach (var item in array.OfType<JObject>())
            {
                // The schema bounds count (1 to 1,000,000); a value it let through that is no 32-bit integer still refuses the baseline, never throws.
                if (!(item["count"] is JValue count) || count.Type != JTokenType.Integer || !(count.Value is long n) || n < 1 || n > MaxCount)
                {
                    problems = new[] { new StateProblem(false, "count must be an integer from 1 to 1,000,000", document.SpanOf(item)) };
                    return null;
                }

                entries.Add(new BaselineEntry(
                    (string)item["path"]!, (string)item["rule"]!, (string)item["fingerprint"]!, (int)n,
                    item["message"]?.Type == JTokenType.String ? (string?)item["message"] : null, document.SpanOf(item)));
            }

            return new GovernanceBaseline(entries, root["$comment"]?.Type == JTokenType.String ? (string?)root["$comment"] : null);
        }

        /// <summary>
        /// The baseline that records <paramref name="diagnostics"/>: one entry per path, rule and
        /// fingerprint, with their count and the first one's message. Diagnostics without a
        /// fingerprint and those about the baseline itself (GOV007, GOV008) are not recorded.
        /// </summary>
        public static IReadOnlyList<BaselineEntry> Record(IEnumerable<GovernanceDiagnostic> diagnostics)
        {
            return diagnostics
                .Where(d => d.Fingerprint != null && d.Id != EngineDiagnostics.BaselineEntryStale.Id && d.Id != EngineDiagnostics.BaselineInvalid.Id)
                .GroupBy(d => BaselineEntry.KeyOf(d.Path, d.Id, d.Fingerprint!), StringComparer.Ordinal)
                .Select(g => new BaselineEntry(g.First().Path, g.First().Id, g.First().Fingerprint!, g.Count(), g.First().Message))
                .OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.RuleId, StringComparer.Ordinal).ThenBy(e => e.Fingerprint, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>
        /// <paramref name="existing"/>'s entries (none when null) with <paramref name="diagnostic"/>
        /// recorded too: its entry's count one higher, or a new entry with count 1; sorted as
        /// <see cref="Record"/> sorts. The editor's "add to baseline" action. Throws
        /// <see cref="ArgumentException"/> for a diagnostic without a fingerprint.
        /// </summary>
        public static IReadOnlyList<BaselineEntry> Add(GovernanceBaseline? existing, GovernanceDiagnostic diagnostic)
        {
            if (diagnostic.Fingerprint == null) throw new ArgumentException($"{diagnostic.Id} at {diagnostic.Path} has no fingerprint", nameof(diagnostic));
            var entries = new List<BaselineEntry>(existing?.Entries ?? Array.Empty<BaselineEntry>());
            string key = BaselineEntry.KeyOf(diagnostic.Path, diagnostic.Id, diagnostic.Fingerprint);
            int at = entries.FindIndex(e => string.Equals(e.Key, key, StringComparison.Ordinal));
            if (at >= 0) entries[at] = new BaselineEntry(entries[at].Path, entries[at].RuleId, entries[at].Fingerprint, entries[at].Count + 1, entries[at].Message);
            else entries.Add(new BaselineEntry(diagnostic.Path, diagnostic.Id, diagnostic.Fingerprint, 1, diagnostic.Message));
            return entries.OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.RuleId, StringComparer.Ordinal).ThenBy(e => e.Fingerprint, StringComparer.Ordinal).ToList();
        }

        /// <summary>
        /// <paramref name="existing"/> with each entry's count lowered to what still matches in
        /// <paramref name="current"/> (the diagnostics of an analysis without the baseline), and
        /// entries that match nothing removed. Nothing is added: <c>governance baseline --prune</c>.
        /// </summary>
        public static IReadOnlyList<BaselineEntry> Prune(GovernanceBaseline existing, IEnumerable<GovernanceDiagnostic> current)
        {
            var counts = Record(current).ToDictionary(e => e.Key, e => e.Count, StringComparer.Ordinal);
            var kept = new List<BaselineEntry>();
            foreach (var entry in existing.Entries)
            {
                if (!counts.TryGetValue(entry.Key, out int now) || now == 0) continue;
                int keep = Math.Min(now, entry.Count);
                counts[entry.Key] = now - keep;
                kept.Add(new BaselineEntry(entry.Path, entry.RuleId, entry.Fingerprint, keep, entry.Message));
            }

            // Repeated entries (GOV008) become one, with the sum of what they kept.
            return kept.GroupBy(e => e.Key, StringComparer.Ordinal)
                .Select(g => new BaselineEntry(g.First().Path, g.First().RuleId, g.First().Fingerprint, g.Sum(e => e.Count), g.First().Message))
                .OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.RuleId, StringComparer.Ordinal).ThenBy(e => e.Fingerprint, StringComparer.Ordinal).ToList();
        }

        /// <summary>
        /// The file's text for <paramref name="entries"/>: two-space indented JSON, one property per
        /// line, LF line ends and a final newline, so the same entries always give the same bytes.
        /// </summary>
        public static string Write(IReadOnlyList<BaselineEntry> entries, string? comment = null)
        {
            var sb = new StringBuilder();
            using (var writer = new JsonTextWriter(new StringWriter(sb) { NewLine = "\n" }) { Formatting = Formatting.Indented, Indentation = 2 })
            {
                writer.WriteStartObject();
                if (comment != null)
                {
                    writer.WritePropertyName("$comment");
                    writer.WriteValue(comment);
                }

                writer.WritePropertyName("version");
                writer.WriteValue(1);
                writer.WritePropertyName("entries");
                writer.WriteStartArray();
                foreach (var e in entries)
                {
                    writer.WriteStartObject();
                    writer.WritePropertyName("path");
                    writer.WriteValue(e.Path);
                    writer.WritePropertyName("rule");
                    writer.WriteValue(e.RuleId);
                    writer.WritePropertyName("fingerprint");
                    writer.WriteValue(e.Fingerprint);
                    writer.WritePropertyName("count");
                    writer.WriteValue(e.Count);
                    if (e.Message != null)
                    {
                        writer.WritePropertyName("message");
                        writer.WriteValue(e.Message);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            return sb.Replace("\r\n", "\n").Append('\n').ToString();
        }

        /// <summary>
        /// Splits <paramref name="diagnostics"/> (sorted) into the new ones and those the baseline
        /// covers: an entry covers up to its count of diagnostics with its key, in document order.
        /// <paramref name="stale"/> gets each entry that covers fewer than its count, with how many it matched.
        /// </summary>
        public void Apply(IReadOnlyList<GovernanceDiagnostic> diagnostics, out List<GovernanceDiagnostic> fresh, out List<GovernanceDiagnostic> baselined, out List<(BaselineEntry Entry, int Matched)> stale)
        {
            var remaining = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var entry in Entries)
            {
                remaining.TryGetValue(entry.Key, out int n);
                remaining[entry.Key] = n + entry.Count;
            }

            fresh = new List<GovernanceDiagnostic>();
            baselined = new List<GovernanceDiagnostic>();
            var matched = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var d in diagnostics)
            {
                string? key = d.Fingerprint == null ? null : BaselineEntry.KeyOf(d.Path, d.Id, d.Fingerprint);
                if (key != null && remaining.TryGetValue(key, out int left) && left > 0)
                {
                    remaining[key] = left - 1;
                    matched.TryGetValue(key, out int m);
                    matched[key] = m + 1;
                    baselined.Add(d);
                }
                else
                {
                    fresh.Add(d);
                }
            }

            // Matches are handed to entries with the same key in file order (normally there is one).
            stale = new List<(BaselineEntry, int)>();
            foreach (var entry in Entries)
            {
                matched.TryGetValue(entry.Key, out int m);
                int take = Math.Min(m, entry.Count);
                matched[entry.Key] = m - take;
                if (take < entry.Count) stale.Add((entry, take));
            }
        }
    }
}
