using System;
using System.Text;

namespace Orchestrator.Governance.Text
{
    /// <summary>
    /// The position of the first byte sequence that is not valid UTF-8 (RFC 3629) in a document.
    /// </summary>
    public sealed class InvalidUtf8Position
    {
        /// <summary>Creates the position.</summary>
        public InvalidUtf8Position(long byteOffset, int line, int column, byte value)
        {
            ByteOffset = byteOffset;
            Line = line;
            Column = column;
            Value = value;
        }

        /// <summary>0-based offset of the bad byte in the file; -1 when the host only had decoded text.</summary>
        public long ByteOffset { get; }

        /// <summary>1-based line holding the bad byte.</summary>
        public int Line { get; }

        /// <summary>1-based column (in decoded characters) of the bad byte.</summary>
        public int Column { get; }

        /// <summary>The bad byte itself, e.g. 0x97 (a Windows-1252 em dash); meaningless when <see cref="ByteOffset"/> is -1.</summary>
        public byte Value { get; }

        /// <summary>What a message says of it: "Byte 0x97 at offset 1234", or "The character U+FFFD" when the bytes are unknown.</summary>
        public string Describe() => ByteOffset < 0
            ? "The character U+FFFD (a byte the compiler could not decode)"
            : string.Format(System.Globalization.CultureInfo.InvariantCulture, "Byte 0x{0:X2} at offset {1}", Value, ByteOffset);

        /// <summary>
        /// The first U+FFFD of a text that a host decoded leniently, when the original bytes are no
        /// longer available (the compiler hands analyzers decoded text); null when there is none.
        /// </summary>
        public static InvalidUtf8Position? FromReplacementCharacter(string text)
        {
            int at = text.IndexOf('\uFFFD');
            if (at < 0) return null;
            var (line, column) = new LineMap(text).GetPosition(at);
            return new InvalidUtf8Position(-1, line, column, 0);
        }
    }

    /// <summary>Text decoded from a file's bytes, with where the bytes stopped being UTF-8.</summary>
    public sealed class DecodedText
    {
        internal DecodedText(string text, InvalidUtf8Position? invalidUtf8)
        {
            Text = text;
            InvalidUtf8 = invalidUtf8;
        }

        /// <summary>The text; each byte that is not part of a valid UTF-8 sequence became U+FFFD.</summary>
        public string Text { get; }

        /// <summary>The first invalid byte, or null when the file is valid UTF-8 (or UTF-16 with a BOM).</summary>
        public InvalidUtf8Position? InvalidUtf8 { get; }
    }

    /// <summary>
    /// Decodes governance documents the same way in every host. Files are read as UTF-8 (a BOM is
    /// dropped; a UTF-16 BOM switches to UTF-16). Bytes that are not valid UTF-8, such as the
    /// Windows-1252 bytes that editors mix into UTF-8 files, each decode to U+FFFD so that the
    /// valid UTF-8 around them (a "§" or "→") keeps its meaning and lines keep their numbers.
    /// </summary>
    public static class TextDecoding
    {
        private static readonly UTF8Encoding LenientUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

        /// <summary>Decodes <paramref name="bytes"/>; never throws on bad input.</summary>
        public static DecodedText Decode(byte[] bytes)
        {
            if (bytes is null) throw new ArgumentNullException(nameof(bytes));
            if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
                return new DecodedText(Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2), null);
            if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
                return new DecodedText(Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2), null);

            int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            int invalid = FindFirstInvalidUtf8(bytes, start);
            string text = LenientUtf8.GetString(bytes, start, bytes.Length - start);
            if (invalid < 0) return new DecodedText(text, null);

            // Everything before the bad byte is valid UTF-8, so decoding it gives the exact prefix.
            string prefix = LenientUtf8.GetString(bytes, start, invalid - start);
            var map = new LineMap(prefix);
            int line = map.LineCount;
            int column = prefix.Length - map.GetLineStart(line) + 1;
            return new DecodedText(text, new InvalidUtf8Position(invalid, line, column, bytes[invalid]));
        }

        /// <summary>
        /// 0-based offset of the first byte that starts an invalid UTF-8 sequence (overlong forms,
        /// surrogates and code points above U+10FFFF are invalid), or -1 when all bytes are valid.
        /// </summary>
        public static int FindFirstInvalidUtf8(byte[] bytes, int start = 0)
        {
            int i = start;
            while (i < bytes.Length)
            {
                byte b = bytes[i];
                if (b < 0x80) { i++; continue; }

                int needed;
                int min;
                if (b >= 0xC2 && b <= 0xDF) { needed = 1; min = 0x80; }
                else if (b >= 0xE0 && b <= 0xEF) { needed = 2; min = 0x800; }
                else if (b >= 0xF0 && b <= 0xF4) { needed = 3; min = 0x10000; }
                else return i;

                if (i + needed >= bytes.Length) return i; // truncated sequence at the end of the file
                int codePoint = b & (0x3F >> needed);
                for (int k = 1; k <= needed; k++)
                {
                    byte c = bytes[i + k];
                    if ((c & 0xC0) != 0x80) return i;
                    codePoint = (codePoint << 6) | (c & 0x3F);
                }

                if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) return i;
                i += needed + 1;
            }

            return -1;
        }
    }
}
