using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Orchestrator.Governance.Mcp
{
    /// <summary>
    /// The server's output: the SDK's messages and <see cref="MessageLines"/>' answers, each written whole
    /// (the SDK writes a message and its line break in separate writes; a line is held until its break),
    /// so an answer never lands inside a message.
    /// </summary>
    internal sealed class MessageOutput : Stream
    {
        private readonly Stream _inner;
        private readonly SemaphoreSlim _lock = new SemaphoreSlim(1, 1);
        private readonly MemoryStream _pending = new MemoryStream();

        public MessageOutput(Stream inner) => _inner = inner;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        /// <summary>Writes one whole line of ours (it ends with a line break).</summary>
        public async Task WriteLineAsync(byte[] line, CancellationToken cancellation)
        {
            await _lock.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                await _inner.WriteAsync(line, cancellation).ConfigureAwait(false);
                await _inner.FlushAsync(cancellation).ConfigureAwait(false);
            }
            finally
            {
                _lock.Release();
            }
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            // The SDK's writes come one at a time (it holds its own send lock): _pending is theirs alone.
            int newline = buffer.Span.LastIndexOf((byte)'\n');
            if (newline < 0)
            {
                _pending.Write(buffer.Span);
                return;
            }

            await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_pending.Length > 0)
                {
                    await _inner.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancellationToken).ConfigureAwait(false);
                    _pending.SetLength(0);
                }

                await _inner.WriteAsync(buffer.Slice(0, newline + 1), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _lock.Release();
            }

            _pending.Write(buffer.Span.Slice(newline + 1));
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _inner.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _lock.Release();
            }
        }

        public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
                _lock.Dispose();
                _pending.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
