using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Orchestrator.Governance.LanguageServer.Protocol
{
    /// <summary>
    /// Reads the messages of the LSP base protocol (LSP 3.17, "Base Protocol"): header lines
    /// ("Content-Length: N", optionally "Content-Type"), each ended by CRLF, an empty line, then N
    /// bytes of UTF-8 JSON. A malformed header (no Content-Length, a length that is not a number or
    /// is larger than <see cref="MaxBodyBytes"/>, a header line longer than 8 KiB) is reported
    /// through <see cref="MessageRead.Problem"/> and skipped: the reader then looks for the next
    /// "Content-Length:" in the stream, so one bad message does not end the session.
    /// </summary>
    internal sealed class MessageReader
    {
        /// <summary>The largest body accepted (bytes): a 10 MB document in didOpen fits with room.</summary>
        public const int MaxBodyBytes = 64 * 1024 * 1024;

        private const int MaxHeaderLine = 8 * 1024;
        private const string LengthHeader = "Content-Length:";
        private readonly Stream _input;
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;

        /// <summary>Reads from <paramref name="input"/> (the server's stdin).</summary>
        public MessageReader(Stream input) => _input = input;

        /// <summary>
        /// The next message: its body (UTF-8 bytes), or a problem with the framing, or null at the end
        /// of the stream (the client closed it, or went away).
        /// </summary>
        public async Task<MessageRead?> ReadAsync(CancellationToken cancellation)
        {
            int? length = null;
            string? problem = null;
            bool sawHeader = false;
            while (true)
            {
                var line = await ReadLineAsync(cancellation).ConfigureAwait(false);
                if (line == null) return sawHeader ? new MessageRead(null, "the stream ended inside a message header") : null;
                if (line.Length == 0)
                {
                    // The end of a header block.
                    if (!sawHeader) continue;
                    if (problem != null) return new MessageRead(null, problem);
                    if (length == null) return new MessageRead(null, "a message header without Content-Length");
                    var body = await ReadBodyAsync(length.Value, cancellation).ConfigureAwait(false);
                    return body == null ? new MessageRead(null, $"the stream ended inside a message body of {length.Value} bytes") : new MessageRead(body, null);
                }

                // Resynchronise after garbage: a header may follow the rest of a skipped body on one line.
                int at = line.IndexOf(LengthHeader, StringComparison.OrdinalIgnoreCase);
                if (at >= 0)
                {
                    line = line.Substring(at);
                    length = null;
                    problem = null;
                }

                sawHeader = true;
                int colon = line.IndexOf(':');
                if (colon <= 0)
                {
                    problem ??= $"a malformed header line '{Clip(line)}'";
                    continue;
                }

                string name = line.Substring(0, colon).Trim();
                string value = line.Substring(colon + 1).Trim();
                if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n <= MaxBodyBytes) length = n;
                    else problem ??= $"Content-Length '{Clip(value)}' is not a length from 0 to {MaxBodyBytes} bytes";
                }
            }
        }

        private static string Clip(string s) => s.Length <= 80 ? s : s.Substring(0, 80) + "...";

        /// <summary>One header line without its CRLF (a bare LF is accepted); lines past 8 KiB are cut; null at the end.</summary>
        private async Task<string?> ReadLineAsync(CancellationToken cancellation)
        {
            var line = new StringBuilder();
            while (true)
            {
                if (_start == _end && !await FillAsync(cancellation).ConfigureAwait(false))
                {
                    return line.Length == 0 ? null : line.ToString();
                }

                int newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                int stop = newline < 0 ? _end : newline;
                int take = Math.Min(stop - _start, Math.Max(0, MaxHeaderLine - line.Length));
                if (take > 0) line.Append(Encoding.UTF8.GetString(_buffer, _start, take));
                _start = newline < 0 ? _end : newline + 1;
                if (newline >= 0)
                {
                    if (line.Length > 0 && line[line.Length - 1] == '\r') line.Length--;
                    return line.ToString();
                }
            }
        }

        private async Task<byte[]?> ReadBodyAsync(int length, CancellationToken cancellation)
        {
            var body = new byte[length];
            int filled = 0;
            while (filled < length)
            {
                if (_start == _end && !await FillAsync(cancellation).ConfigureAwait(false)) return null;
                int take = Math.Min(length - filled, _end - _start);
                Buffer.BlockCopy(_buffer, _start, body, filled, take);
                _start += take;
                filled += take;
            }

            return body;
        }

        private async Task<bool> FillAsync(CancellationToken cancellation)
        {
            _start = 0;
            _end = await _input.ReadAsync(_buffer.AsMemory(0, _buffer.Length), cancellation).ConfigureAwait(false);
            return _end > 0;
        }
    }

    /// <summary>What <see cref="MessageReader.ReadAsync"/> read: a body, or why the framing was refused.</summary>
    internal sealed class MessageRead
    {
        public MessageRead(byte[]? body, string? problem)
        {
            Body = body;
            Problem = problem;
        }

        /// <summary>The message's JSON as UTF-8 bytes; null when <see cref="Problem"/> is set.</summary>
        public byte[]? Body { get; }

        /// <summary>Why the message was skipped, for the log.</summary>
        public string? Problem { get; }
    }
}
