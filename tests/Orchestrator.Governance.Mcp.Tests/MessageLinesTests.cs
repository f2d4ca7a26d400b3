using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Orchestrator.Governance.Mcp.Tests
{
    /// <summary>
    /// The stdio lines before the SDK reads them (<see cref="MessageLines"/>): what is a JSON-RPC message, what is
    /// answered with -32700 or -32600, and that the streams pass messages on whole, however the bytes arrive.
    /// </summary>
    public sealed class MessageLinesTests
    {
        [Theory]
        [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", null)]
        [InlineData("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", null)]
        [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}", null)]
        [InlineData("{ \"id\": 1, \"jsonrpc\": \"2.0\", \"method\": \"ping\" }  ", null)]
        [InlineData("not json", "Parse error: the line is not JSON at offset 1: 'not json' is an invalid JSON literal. Expected the literal 'null'")]
        [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"", "Parse error: the line is not JSON at offset 39: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed")]
        [InlineData("{\"jsonrpc\":\"2.0\",\"method\":\"a\"} {}", "Parse error: the line is not JSON at offset 31: '{' is invalid after a single JSON value. Expected end of data")]
        [InlineData("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]", "Invalid request: a message is a JSON object, not an array (MCP 2025-06-18 sends no batches)")]
        [InlineData("42", "Invalid request: a message is a JSON object, not a number")]
        [InlineData("{\"id\":1,\"method\":\"ping\"}", "Invalid request: a message says \"jsonrpc\": \"2.0\"")]
        [InlineData("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}", "Invalid request: a message says \"jsonrpc\": \"2.0\", not '1.0'")]
        [InlineData("{\"jsonrpc\":2,\"id\":1,\"method\":\"ping\"}", "Invalid request: a message says \"jsonrpc\": \"2.0\", not a value that is not a string")]
        [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1}", "Invalid request: a message has a 'method' (a request or notification) or a 'result' or 'error' (a response)")]
        [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":{}}", "Invalid request: the 'method' must be a string, not an object")]
        [InlineData("{\"jsonrpc\":\"2.0\",\"id\":\"a-1\",\"method\":\"ping\"}", null)]
        [InlineData("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}", "Invalid request: the 'id' must be a string or an integer, not an object")]
        [InlineData("{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"ping\"}", "Invalid request: the 'id' must be a string or an integer, not a boolean")]
        [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}", "Invalid request: the 'id' must be a string or an integer, not the number 1.5")]
        [InlineData("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}", "Invalid request: the 'id' must be a string or an integer, not null")]
        [InlineData("{\"\\ud800\":1,\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"ping\"}", "Parse error: the string at offset 1 escapes a lone surrogate, which is not Unicode text")]
        [InlineData("{\"jsonrpc\":\"2.\\udc00\",\"id\":10,\"method\":\"ping\"}", "Parse error: the string at offset 11 escapes a lone surrogate, which is not Unicode text")]
        [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":[\"\\ud83d\\ude00\",\"\\udc00\"]}}", "Parse error: the string at offset 70 escapes a lone surrogate, which is not Unicode text")]
        public void A_line_is_a_message_or_says_what_is_wrong(string line, string? problem)
        {
            Assert.Equal(problem, MessageLines.Problem(Encoding.UTF8.GetBytes(line)));
        }

        [Fact]
        public void Deep_nesting_and_bytes_that_are_not_UTF8_are_parse_errors_naming_where()
        {
            string deep = "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":" + new string('[', 10_000) + new string(']', 10_000) + "}";
            Assert.Equal("Parse error: the line is not JSON at offset 102: The maximum configured depth of 64 has been exceeded. Cannot read next JSON array", MessageLines.Problem(Encoding.UTF8.GetBytes(deep)));
            var bytes = Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"method\":\"é?\"}");
            bytes[Array.IndexOf(bytes, (byte)'?')] = 0xFF;
            Assert.Equal("Parse error: the line is not UTF-8 (byte 0xFF at offset 29)", MessageLines.Problem(bytes));
        }

        [Fact]
        public void The_answer_is_a_JSON_RPC_error_with_a_null_id_on_one_line()
        {
            var answer = Encoding.UTF8.GetString(MessageLines.Answer("Invalid request: a message is a JSON object, not a number"));
            Assert.EndsWith("\n", answer);
            Assert.Equal(1, answer.Split('\n').Length - 1);
            using var json = JsonDocument.Parse(answer);
            Assert.Equal("2.0", json.RootElement.GetProperty("jsonrpc").GetString());
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("id").ValueKind);
            Assert.Equal(-32600, json.RootElement.GetProperty("error").GetProperty("code").GetInt32());
            Assert.Equal(-32700, JsonDocument.Parse(MessageLines.Answer("Parse error: x")).RootElement.GetProperty("error").GetProperty("code").GetInt32());
        }

        [Fact]
        public async Task Messages_are_passed_on_whole_without_a_byte_order_mark_or_bare_CR_and_other_lines_answered_however_the_bytes_arrive()
        {
            string input =
                "\uFEFF{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n" +
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}\r\n" +
                "\n  \n" +
                "oops\n" +
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\",\"params\":{\"x\":\"" + new string('a', 200_000) + "\"}}\n" +
                "{\"jsonrpc\":\"2.0\",\r\"id\":4,\"method\":\"ping\"}";
            var written = new MemoryStream();
            var output = new MessageOutput(written);
            var messages = new MessageInput(new Trickle(Encoding.UTF8.GetBytes(input), 7), output);
            var passed = new MemoryStream();
            var buffer = new byte[5];
            int n;
            while ((n = await messages.ReadAsync(buffer.AsMemory(), CancellationToken.None)) > 0) passed.Write(buffer, 0, n);

            string[] lines = Encoding.UTF8.GetString(passed.ToArray()).Split('\n');
            Assert.Equal(5, lines.Length);
            Assert.Equal("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", lines[0]);
            Assert.Equal("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}", lines[1]);
            Assert.Equal(200_064, lines[2].Length);
            // A bare CR between tokens is whitespace to JSON, a line break to the SDK's reader: passed on as a space.
            Assert.Equal("{\"jsonrpc\":\"2.0\", \"id\":4,\"method\":\"ping\"}", lines[3]);
            Assert.Equal(string.Empty, lines[4]);
            Assert.Equal(Encoding.UTF8.GetString(MessageLines.Answer("Parse error: the line is not JSON at offset 0: 'o' is an invalid start of a value")), Encoding.UTF8.GetString(written.ToArray()));
        }

        [Fact]
        public async Task A_line_past_16_MiB_is_answered_and_skipped_without_being_held_and_the_next_message_passes()
        {
            // 2 GiB on one line killed the server (issue 31, L4): the line is dropped as it arrives.
            var written = new MemoryStream();
            var output = new MessageOutput(written);
            var huge = new ChunkedLine(MessageInput.MaxLineBytes + 1_000_000, "\n{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}\n");
            var messages = new MessageInput(huge, output);
            var passed = new MemoryStream();
            var buffer = new byte[4096];
            int n;
            while ((n = await messages.ReadAsync(buffer.AsMemory(), CancellationToken.None)) > 0) passed.Write(buffer, 0, n);
            Assert.Equal("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}\n", Encoding.UTF8.GetString(passed.ToArray()));
            var answer = JsonDocument.Parse(written.ToArray()).RootElement;
            Assert.Equal(-32600, answer.GetProperty("error").GetProperty("code").GetInt32());
            Assert.Equal("Invalid request: the line is longer than 16777216 bytes (16 MiB); it was skipped", answer.GetProperty("error").GetProperty("message").GetString());
            Assert.True(huge.LargestRead <= 1 << 20);
        }

        /// <summary>A stream of <c>length</c> bytes of 'a' and then a tail, made as it is read (nothing that size is held).</summary>
        private sealed class ChunkedLine : Stream
        {
            private readonly long _length;
            private readonly byte[] _tail;
            private long _position;

            public ChunkedLine(long length, string tail)
            {
                _length = length;
                _tail = Encoding.UTF8.GetBytes(tail);
            }

            public int LargestRead { get; private set; }

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => _length + _tail.Length;
            public override long Position { get => _position; set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count)
            {
                int n = 0;
                while (n < count && _position < _length + _tail.Length)
                {
                    buffer[offset + n++] = _position < _length ? (byte)'a' : _tail[_position - _length];
                    _position++;
                }

                LargestRead = Math.Max(LargestRead, n);
                return n;
            }

            public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            {
                var array = new byte[buffer.Length];
                int n = Read(array, 0, array.Length);
                array.AsSpan(0, n).CopyTo(buffer.Span);
                return new ValueTask<int>(n);
            }

            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }

        [Fact]
        public async Task An_answer_written_while_a_message_is_half_written_goes_after_the_message()
        {
            var written = new MemoryStream();
            var output = new MessageOutput(written);
            await output.WriteAsync(Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":1,"));
            await output.WriteLineAsync(Encoding.UTF8.GetBytes("ANSWER\n"), CancellationToken.None);
            await output.WriteAsync(Encoding.UTF8.GetBytes("\"result\":{}}"));
            await output.WriteAsync(Encoding.UTF8.GetBytes("\n"));
            await output.FlushAsync();
            Assert.Equal("ANSWER\n{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n", Encoding.UTF8.GetString(written.ToArray()));
        }

        /// <summary>A stream that gives at most <c>size</c> bytes a read, as a pipe may.</summary>
        private sealed class Trickle : MemoryStream
        {
            private readonly int _size;

            public Trickle(byte[] bytes, int size)
                : base(bytes) => _size = size;

            public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
                base.ReadAsync(buffer.Slice(0, Math.Min(buffer.Length, _size)), cancellationToken);
        }
    }
}
