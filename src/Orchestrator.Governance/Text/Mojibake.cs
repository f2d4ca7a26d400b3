using System;
using System.Collections.Generic;
using System.Text;

namespace Orchestrator.Governance.Text
{
    /// <summary>
    /// Text that was saved through a wrong encoding: UTF-8 bytes read as Windows-1252 and saved
    /// again as UTF-8, so that <c>§</c> (C2 A7) reads <c>Â§</c>, <c>—</c> (E2 80 94) reads <c>â€”</c>
    /// and 🕵 (F0 9F 95 B5) reads <c>ðŸ•µ</c>. <see cref="Find"/> repairs every such sequence: a
    /// run of characters whose Windows-1252 bytes (C1 controls standing for the five bytes
    /// Windows-1252 leaves undefined) form one well-formed UTF-8 multi-byte sequence (RFC 3629 §4)
    /// is replaced by the character it encodes. Everything else is left alone, so a correctly
    /// encoded <c>é</c> or <c>naïve</c> is never changed. The repaired text is shorter; <see
    /// cref="ToOriginal"/> maps its offsets back, so diagnostics point into the file as it is.
    /// Text that went through the wrong encoding twice (<c>Ã‚Â§</c> for <c>§</c>) is repaired
    /// round by round (at most <see cref="MaxRounds"/>). An encoder that drops the bytes
    /// Windows-1252 leaves undefined turns the emoji presentation selector U+FE0F (EF B8 8F) into
    /// <c>ï¸</c> alone; right after a repaired sequence (an emoji) that pair is read as U+FE0F.
    /// </summary>
    public sealed class Mojibake
    {
        private static readonly Dictionary<char, byte> Windows1252High = BuildHigh();

        private readonly int[] _map;

        private Mojibake(string original, string repaired, int[] map, int firstStart, int firstLength)
        {
            Original = original;
            Text = repaired;
            _map = map;
            FirstStart = firstStart;
            FirstLength = firstLength;
        }

        /// <summary>The text as the host read it.</summary>
        public string Original { get; }

        /// <summary>The repaired text the rules read.</summary>
        public string Text { get; }

        /// <summary>Offset in <see cref="Original"/> of the first repaired sequence.</summary>
        public int FirstStart { get; }

        /// <summary>Length in <see cref="Original"/> of the first repaired sequence.</summary>
        public int FirstLength { get; }

        /// <summary>
        /// The first repaired place for a message: the original text from the first sequence to the
        /// end of its word (at most 40 characters), and the same text repaired.
        /// </summary>
        public (string Original, string Repaired) FirstExample()
        {
            // The sequence and what follows it to the end of its word: letters, digits, '.', '§' and
            // further repaired characters, never markup or punctuation after it (at most 40 characters).
            int end = FirstStart + FirstLength;
            while (end < Original.Length && end - FirstStart < 40)
            {
                char c = Original[end];
                if (!(char.IsLetterOrDigit(c) || c == '.' || c == '-' || (c >= '\u0080' && !char.IsWhiteSpace(c)))) break;
                end++;
            }

            while (end > FirstStart + FirstLength && (Original[end - 1] == '.' || Original[end - 1] == '-')) end--;
            string original = Original.Substring(FirstStart, end - FirstStart);
            int from = FromOriginal(FirstStart), to = FromOriginal(end);
            return (original, Text.Substring(from, to - from));
        }

        /// <summary>The offset in <see cref="Original"/> of an offset in <see cref="Text"/> (0 to Text.Length).</summary>
        public int ToOriginal(int offset) => _map[Math.Max(0, Math.Min(offset, _map.Length - 1))];

        /// <summary>The offset in <see cref="Text"/> of an offset in <see cref="Original"/> (a place inside a repaired sequence maps to its start).</summary>
        public int ToRepaired(int offset) => FromOriginal(offset);

        private int FromOriginal(int offset)
        {
            // The first repaired offset whose original offset is at or past it (the map never decreases).
            int lo = 0, hi = _map.Length - 1;
            while (lo < hi)
            {
                int mid = (lo + hi) / 2;
                if (_map[mid] < offset) lo = mid + 1;
                else hi = mid;
            }

            return Math.Min(lo, Text.Length);
        }

        /// <summary>How many times text may have gone through the wrong encoding and still be repaired.</summary>
        public const int MaxRounds = 3;

        /// <summary>The repair of <paramref name="text"/>, or null when it holds no double-encoded sequence.</summary>
        public static Mojibake? Find(string text)
        {
            var first = FindOnce(text);
            if (first == null) return null;
            var result = first;
            for (int round = 1; round < MaxRounds; round++)
            {
                var again = FindOnce(result.Text);
                if (again == null) break;

                // Offsets of the newer repair map through the older one to the file as it is.
                var map = new int[again._map.Length];
                for (int i = 0; i < map.Length; i++) map[i] = result._map[again._map[i]];
                result = new Mojibake(text, again.Text, map, first.FirstStart, first.FirstLength);
            }

            return result;
        }

        private static Mojibake? FindOnce(string text)
        {
            if (text == null) return null;
            var bytes = new byte[4];
            var decoder = new UTF8Encoding(false, true);
            int first = FirstCandidate(text, 0);
            while (first >= 0 && Decode(text, first, bytes, decoder).Decoded == null) first = FirstCandidate(text, first + 1);
            if (first < 0) return null;
            var repaired = new StringBuilder(text.Length);
            var map = new List<int>(text.Length + 1);
            int firstStart = -1, firstLength = 0, lastRepairEnd = -1;
            int i = 0;
            while (i < text.Length)
            {
                int next = FirstCandidate(text, i);
                if (next < 0) next = text.Length;
                for (; i < next; i++)
                {
                    repaired.Append(text[i]);
                    map.Add(i);
                }

                if (i >= text.Length) break;
                var (decoded, length) = Decode(text, i, bytes, decoder);
                if (decoded == null && lastRepairEnd == i && LostSelector(text, i))
                    (decoded, length) = ("\uFE0F", 2);
                if (decoded == null)
                {
                    repaired.Append(text[i]);
                    map.Add(i);
                    i++;
                    continue;
                }

                if (firstStart < 0)
                {
                    firstStart = i;
                    firstLength = length;
                }

                foreach (char c in decoded)
                {
                    repaired.Append(c);
                    map.Add(i);
                }

                i += length;
                lastRepairEnd = i;
            }

            if (firstStart < 0) return null;
            map.Add(text.Length);
            return new Mojibake(text, repaired.ToString(), map.ToArray(), firstStart, firstLength);
        }

        /// <summary>
        /// "ï¸" (EF B8) at <paramref name="at"/> with no third byte: U+FE0F whose 8F an encoder dropped.
        /// Read so only right after a repaired sequence (the caller checks), where an emoji stood.
        /// </summary>
        private static bool LostSelector(string text, int at)
        {
            if (at + 1 >= text.Length || text[at] != '\u00EF' || text[at + 1] != '\u00B8') return false;
            if (at + 2 >= text.Length) return true;
            int b = ByteOf(text[at + 2]);
            return b < 0x80 || b > 0xBF;
        }

        /// <summary>The character a sequence at <paramref name="at"/> encodes and its length, or (null, 0) when there is none.</summary>
        private static (string? Decoded, int Length) Decode(string text, int at, byte[] bytes, UTF8Encoding decoder)
        {
            int length = SequenceAt(text, at, bytes);
            if (length == 0) return (null, 0);
            string decoded;
            try
            {
                decoded = decoder.GetString(bytes, 0, length);
            }
            catch (ArgumentException)
            {
                return (null, 0); // overlong or surrogate code point: not UTF-8
            }

            // A C1 control (C2 80-C2 9F) is no character anyone wrote.
            if (decoded.Length == 0 || (decoded.Length == 1 && decoded[0] < '\u00A0')) return (null, 0);
            return (decoded, length);
        }

        /// <summary>The next offset from <paramref name="from"/> holding a Windows-1252 reading of a UTF-8 lead byte, or -1.</summary>
        private static int FirstCandidate(string text, int from)
        {
            for (int i = from; i < text.Length; i++)
            {
                char c = text[i];
                if (c >= '\u00C2' && c <= '\u00F4') return i;
            }

            return -1;
        }

        /// <summary>The number of characters at <paramref name="at"/> whose bytes form one UTF-8 sequence (filling <paramref name="bytes"/>), or 0.</summary>
        private static int SequenceAt(string text, int at, byte[] bytes)
        {
            int lead = ByteOf(text[at]);
            int continuation = lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2 : lead >= 0xF0 && lead <= 0xF4 ? 3 : -1;
            if (continuation < 0) return 0;
            bytes[0] = (byte)lead;
            for (int k = 1; k <= continuation; k++)
            {
                if (at + k >= text.Length) return 0;
                int b = ByteOf(text[at + k]);
                if (b < 0x80 || b > 0xBF) return 0;
                bytes[k] = (byte)b;
            }

            return continuation + 1;
        }

        /// <summary>The Windows-1252 byte a character was read from, or -1 when it is not one.</summary>
        private static int ByteOf(char c)
        {
            if (c < '\u0080') return c;
            if (c <= '\u00FF') return c; // 0xA0-0xFF, and C1 controls for the five undefined bytes
            return Windows1252High.TryGetValue(c, out byte b) ? b : -1;
        }

        private static Dictionary<char, byte> BuildHigh()
        {
            // Windows-1252 0x80-0x9F (the WHATWG index); 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined.
            const string high = "\u20AC\0\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\0\u017D\0\0\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\0\u017E\u0178";
            var map = new Dictionary<char, byte>();
            for (int i = 0; i < high.Length; i++)
                if (high[i] != '\0') map[high[i]] = (byte)(0x80 + i);
            return map;
        }
    }
}
