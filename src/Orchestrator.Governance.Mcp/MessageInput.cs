using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Orchestrator.Governance.Mcp
{
    /// <summary>
    /// The server's input: the client's lines, each looked at by <see cref="MessageLines.Problem"/>; a line that is
    /// not a JSON object is answered on <see cref="MessageOutput"/> and not passed on to the SDK.
    /// </summary>
    internal sealed class MessageInput : Stream
    {
        private readonly Stream _inner;
        private readonly MessageOutput _output;
        private readonly byte[] _chunk = new byte[64 * 1024];
        private static readonly byte[] Bom = { 0xEF, 0xBB, 0xBF };
        private readonly MemoryStream _line = new MemoryStream();

        /// <summary>The longest line kept (bytes, 16 MiB): a message is far smaller; a longer line is answered with -32600 and skipped, never held.</summary>
        public const int MaxLineBytes = 16 * 1024 * 1024;

        /// <summary>Whether the line being read is past <see cref="MaxLineBytes"/> (its bytes are dropped as they come).</summary>
        private bool _oversized;
        private int _chunkStart;
        private int _chunkEnd;
        private byte[] _ready = Array.Empty<byte>();
        private int _readyStart;
        private bool _ended;

        public MessageInput(Stream inner, MessageOutput output)
        {
            _inner = inner;
            _output = output;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            while (_readyStart == _ready.Length)
            {
                if (!await NextLineAsync(cancellationToken).ConfigureAwait(false)) return 0;
            }

            int n = Math.Min(buffer.Length, _ready.Length - _readyStart);
            _ready.AsSpan(_readyStart, n).CopyTo(buffer.Span);
            _readyStart += n;
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        /// <summary>Reads the next line that is a JSON object (with its line break) into the ready buffer; false at the end of input.</summary>
        private async Task<bool> NextLineAsync(CancellationToken cancellation)
        {
            while (true)
            {
                if (_chunkStart == _chunkEnd)
                {
                    if (_ended) return false;
                    _chunkStart = 0;
                    // Console streams do not heed a cancellation token: the wait for them does.
                    _chunkEnd = await _inner.ReadAsync(_chunk.AsMemory(), cancellation).AsTask().WaitAsync(cancellation).ConfigureAwait(false);
                    if (_chunkEnd == 0)
                    {
                        _ended = true;
                        if (_line.Length == 0) return false;
                        if (await TakeAsync(cancellation).ConfigureAwait(false)) return true;
                        continue;
                    }
                }

                int newline = Array.IndexOf(_chunk, (byte)'\n', _chunkStart, _chunkEnd - _chunkStart);
                int end = newline < 0 ? _chunkEnd : newline;
                // A line past the cap is not kept: it is read to its end, answered and skipped.
                if (!_oversized && _line.Length + (end - _chunkStart) > MaxLineBytes)
                {
                    _oversized = true;
                    _line.SetLength(0);
                }

                if (!_oversized) _line.Write(_chunk, _chunkStart, end - _chunkStart);
                _chunkStart = newline < 0 ? _chunkEnd : newline + 1;
                if (newline >= 0 && await TakeAsync(cancellation).ConfigureAwait(false)) return true;
            }
        }

        /// <summary>The line gathered so far: passed on when it is a message, else answered; false when nothing is passed on.</summary>
        private async Task<bool> TakeAsync(CancellationToken cancellation)
        {
            string? problem = Take();
            if (problem == null) return true;
            if (problem.Length > 0) await _output.WriteLineAsync(MessageLines.Answer(problem), cancellation).ConfigureAwait(false);
            return false;
        }

        /// <summary>Moves the line gathered so far to the ready buffer when it is a message (null then), else drops it and says what is wrong ("" for a blank line).</summary>
        private string? Take()
        {
            if (_oversized)
            {
                _oversized = false;
                _line.SetLength(0);
                return $"Invalid request: the line is longer than {MaxLineBytes} bytes (16 MiB); it was skipped";
            }

            var content = _line.GetBuffer().AsSpan(0, (int)_line.Length).TrimEnd((byte)'\r');
            // A byte order mark (an editor's, or a client that writes one first) is no part of the message.
            if (content.StartsWith(Bom)) content = content.Slice(Bom.Length);
            string? problem = content.Trim(" \t"u8).Length == 0 ? string.Empty : MessageLines.Problem(content);
            if (problem == null)
            {
                _ready = new byte[content.Length + 1];
                content.CopyTo(_ready);
                // A CR in a JSON text that parsed is whitespace between tokens (a string cannot hold one unescaped);
                // the SDK reads lines as a StreamReader does, which would end the line there.
                _ready.AsSpan(0, content.Length).Replace((byte)'\r', (byte)' ');
                _ready[content.Length] = (byte)'\n';
                _readyStart = 0;
            }

            _line.SetLength(0);
            return problem;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
                _line.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
