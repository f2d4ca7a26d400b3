using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Orchestrator.Governance.LanguageServer.Protocol
{
    /// <summary>
    /// Writes LSP base-protocol messages ("Content-Length: N\r\n\r\n" and N bytes of UTF-8 JSON) to
    /// the server's stdout, one whole message at a time from any thread.
    /// </summary>
    internal sealed class MessageWriter
    {
        private readonly Stream _output;
        private readonly object _gate = new object();

        /// <summary>Writes to <paramref name="output"/> (the server's stdout).</summary>
        public MessageWriter(Stream output) => _output = output;

        /// <summary>Set when a write failed (the client went away); later writes are dropped.</summary>
        public bool Broken { get; private set; }

        /// <summary>Writes one message whose JSON <paramref name="write"/> produces; false when the stream is gone.</summary>
        public bool Write(Action<Utf8JsonWriter> write)
        {
            var body = new ArrayBufferWriter<byte>(256);
            using (var json = new Utf8JsonWriter(body))
            {
                write(json);
            }

            byte[] header = Encoding.ASCII.GetBytes("Content-Length: " + body.WrittenCount.ToString(CultureInfo.InvariantCulture) + "\r\n\r\n");
            lock (_gate)
            {
                if (Broken) return false;
                try
                {
                    _output.Write(header, 0, header.Length);
                    _output.Write(body.WrittenSpan);
                    _output.Flush();
                    return true;
                }
                catch (Exception e) when (e is IOException || e is ObjectDisposedException)
                {
                    Broken = true;
                    return false;
                }
            }
        }
    }
}
