using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Orchestrator.Governance.Configuration;

namespace Orchestrator.Governance.Model.Locks
{
    /// <summary>
    /// The lock of a task packet (seed 003 §5.6 [CX-607]: "Lock packets with USER_SIGNATURE after
    /// creation; prevent edits"): whether a packet is locked, and the hash that pins its text.
    /// </summary>
    public static class PacketLock
    {
        /// <summary>
        /// The packet's lock line: the first USER_SIGNATURE field (or alias, e.g. <c>**User
        /// Signature Locked:**</c>) whose value is a signature with its date or timestamp
        /// (<see cref="IsSigned"/>); null when the packet is not locked.
        /// </summary>
        public static PacketField? Signature(TaskPacket packet, TaskPacketProfile profile) =>
            LockLines(packet, profile).FirstOrDefault(f => IsSigned(f.Value, profile));

        /// <summary>
        /// Every lock line of the packet: USER_SIGNATURE fields and their aliases, in document order. A
        /// field whose value is a list (a data packet's array, <c>signature: [ilja120120260900]</c>, or a
        /// nested Markdown list) gives one lock line per entry, at the entry.
        /// </summary>
        public static IEnumerable<PacketField> LockLines(TaskPacket packet, TaskPacketProfile profile)
        {
            var names = new[] { TaskPacketProfile.SignatureField }.Concat(profile.AliasesOf(TaskPacketProfile.SignatureField)).ToArray();
            foreach (var field in packet.Fields.Where(f => names.Contains(f.Key)))
            {
                if (field.Value.Trim().Length > 0 || field.Items.Count == 0)
                {
                    yield return field;
                    continue;
                }

                foreach (var item in field.Items)
                    yield return new PacketField(field.Key, field.RawKey, field.KeySpan, item.Text, item.Span, field.Form, field.Section);
            }
        }

        /// <summary>
        /// True when <paramref name="value"/> locks the packet: not a placeholder, and (without
        /// backticks and asterisks around it) matching taskPacket.signaturePattern, by default a
        /// name with a date or timestamp (seed 003 §8: "USER_SIGNATURE locked with date/timestamp";
        /// its example <c>ilja251220250328</c>). A bare name (<c>ilja</c>) is not a lock.
        /// </summary>
        /// <remarks>
        /// The pattern says the shape; the date is checked too: the first run of eight or more digits
        /// must begin with a date in one of the layouts signatures use (DDMMYYYY, YYYYMMDD, YYMMDD,
        /// DDMMYY; years 1970-2099), so <c>ilja251220250328</c> and <c>ilja251225041502</c> lock and
        /// <c>ilja99999999</c> does not.
        /// </remarks>
        public static bool IsSigned(string value, TaskPacketProfile profile)
        {
            if (IsPlaceholder(value, profile)) return false;
            string bare = Bare(value);
            return profile.SignaturePattern.IsMatch(bare) && DigitsHoldADate(bare);
        }

        /// <summary>
        /// Why <paramref name="value"/> (not a placeholder) does not lock the packet, as the end of a
        /// sentence starting "USER_SIGNATURE 'value' ..."; null when it locks.
        /// </summary>
        public static string? WhyNotSigned(string value, TaskPacketProfile profile)
        {
            string bare = Bare(value);
            if (!profile.SignaturePattern.IsMatch(bare))
            {
                return profile.Config.SignaturePattern == DefaultSignaturePattern.Value
                    ? "has no date or timestamp in a form taskPacket.signaturePattern accepts (a name, then a date of 8 or more digits such as 'ilja251220250328' or an ISO 8601 date such as 'ilja 2025-12-25')"
                    : $"does not match taskPacket.signaturePattern '{profile.Config.SignaturePattern}'";
            }

            return DigitsHoldADate(bare) ? null : "has digits that begin with no date (DDMMYYYY, YYYYMMDD, YYMMDD or DDMMYY, years 1970-2099)";
        }

        private static readonly Lazy<string> DefaultSignaturePattern = new Lazy<string>(() => Configuration.ConfigLoader.Default.TaskPacket.SignaturePattern);

        /// <summary>True when <paramref name="value"/> has no run of 8+ digits, or its first one begins with a plausible date.</summary>
        internal static bool DigitsHoldADate(string value)
        {
            int start = -1;
            for (int i = 0; i <= value.Length; i++)
            {
                bool digit = i < value.Length && value[i] >= '0' && value[i] <= '9';
                if (digit && start < 0) start = i;
                if (digit || start < 0) continue;
                if (i - start >= 8)
                {
                    string d = value.Substring(start, i - start);
                    int N(int at, int length) => int.Parse(d.Substring(at, length), System.Globalization.CultureInfo.InvariantCulture);
                    bool Day(int v) => v >= 1 && v <= 31;
                    bool Month(int v) => v >= 1 && v <= 12;
                    bool Year(int v) => v >= 1970 && v <= 2099;
                    return (Day(N(0, 2)) && Month(N(2, 2)) && Year(N(4, 4)))     // DDMMYYYY
                        || (Year(N(0, 4)) && Month(N(4, 2)) && Day(N(6, 2)))      // YYYYMMDD
                        || (Month(N(2, 2)) && Day(N(4, 2)))                       // YYMMDD
                        || (Day(N(0, 2)) && Month(N(2, 2)));                      // DDMMYY
                }

                start = -1;
            }

            return true;
        }

        private static string Bare(string value) => value.Trim().Trim('`', '*').Trim();

        /// <summary>
        /// True when <paramref name="value"/> is not a signature: empty, a template's
        /// <c>{signature}</c>, or one of taskPacket.signaturePlaceholders (<c>&lt;pending&gt;</c>).
        /// </summary>
        public static bool IsPlaceholder(string value, TaskPacketProfile profile)
        {
            string v = Bare(value);
            if (v.Length == 0 || v.IndexOf('{') >= 0) return true;
            return profile.Config.SignaturePlaceholders.Any(p => string.Equals(p, v, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>
        /// The text the lock pins: the packet with line ends made LF, a leading byte order mark
        /// dropped, the lines of locks.mutableFields and locks.mutableSections left out (the
        /// protocol writes those after the lock), trailing white space of each line and blank
        /// lines at the end removed. Editing anything else changes it.
        /// </summary>
        public static string NormalizedText(TaskPacket packet, TaskPacketProfile profile, LocksConfig config)
        {
            var lines = packet.Document.Lines;
            var skip = new bool[lines.LineCount + 2];
            void Skip(int from, int to)
            {
                for (int line = Math.Max(from, 1); line <= Math.Min(to, lines.LineCount); line++) skip[line] = true;
            }

            var fields = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in config.MutableFields)
            {
                string key = KeyNormalizer.Normalize(name);
                fields.Add(key);
                foreach (var alias in profile.AliasesOf(key)) fields.Add(alias);
            }

            foreach (var field in packet.Fields.Where(f => fields.Contains(f.Key)))
            {
                int end = Math.Max(field.KeySpan.EndLine, field.ValueSpan.EndLine);
                foreach (var item in field.Items) end = Math.Max(end, item.Span.EndLine);
                Skip(field.KeySpan.StartLine, end);
            }

            var prefixes = config.MutableSections.Select(KeyNormalizer.Normalize).Where(p => p.Length > 0).ToList();
            var sections = packet.Sections;
            for (int i = 0; i < sections.Count; i++)
            {
                if (!prefixes.Any(p => sections[i].Key.StartsWith(p, StringComparison.Ordinal))) continue;
                int next = i + 1;
                while (next < sections.Count && sections[next].Level > sections[i].Level) next++;
                int end = next < sections.Count ? sections[next].HeadingSpan.StartLine - 1 : lines.LineCount;
                Skip(sections[i].HeadingSpan.StartLine, end);
            }

            var kept = new List<string>(lines.LineCount);
            for (int line = 1; line <= lines.LineCount; line++)
            {
                if (skip[line]) continue;
                string content = packet.Document.GetLineText(line);
                if (line == 1 && content.Length > 0 && content[0] == '\uFEFF') content = content.Substring(1);
                kept.Add(content.TrimEnd(' ', '\t'));
            }

            int count = kept.Count;
            while (count > 0 && kept[count - 1].Length == 0) count--;
            return string.Join("\n", kept.Take(count));
        }

        /// <summary>SHA-256 of <see cref="NormalizedText"/> in UTF-8, as 64 lower-case hex digits.</summary>
        public static string Hash(TaskPacket packet, TaskPacketProfile profile, LocksConfig config)
        {
            using var sha = SHA256.Create();
            var digest = sha.ComputeHash(Encoding.UTF8.GetBytes(NormalizedText(packet, profile, config)));
            var hex = new StringBuilder(64);
            foreach (byte b in digest) hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            return hex.ToString();
        }

        private static readonly Regex VersionSuffix = new Regex(@"-v(?<n>[0-9]{1,6})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        /// <summary>
        /// The name of the variant packet to create instead of editing (seed 003 §5.6):
        /// <c>WP-1-X</c> → <c>WP-1-X-v2</c>, <c>WP-1-X-v2</c> → <c>WP-1-X-v3</c>.
        /// </summary>
        public static string VariantOf(string taskId)
        {
            var match = VersionSuffix.Match(taskId);
            if (!match.Success) return taskId + "-v2";
            return taskId.Substring(0, match.Index) + "-v" + (long.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
