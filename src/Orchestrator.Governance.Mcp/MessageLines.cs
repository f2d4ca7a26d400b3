using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Orchestrator.Governance.Mcp
{
    /// <summary>
    /// The stdio transport's lines (MCP 2025-06-18, "Transports": stdio, one JSON-RPC message per line),
    /// looked at before the SDK reads them. A line that is not UTF-8 JSON is answered with JSON-RPC 2.0's
    /// parse error (-32700), and JSON that is not a JSON-RPC 2.0 message with the invalid-request error
    /// (-32600), both with a null id and a message naming the problem, where the SDK would skip the line
    /// without a word; the line is not passed on, and the server goes on with the next one. Blank lines
    /// are skipped.
    /// </summary>
    internal static class MessageLines
    {
        /// <summary>How deep a message may nest: System.Text.Json's default, which the SDK reads with.</summary>
        public const int MaxDepth = 64;

        /// <summary>
        /// What is wrong with one line (UTF-8, without its line break), or null when it is a JSON-RPC message: a
        /// JSON object with "jsonrpc": "2.0" and a "method" (a request or notification) or a "result" or "error"
        /// (a response), whose "id", when given, is a string or an integer (MCP 2025-06-18: never null), and whose
        /// strings are Unicode text (an escaped lone surrogate, "\ud800", is JSON but no text the SDK can read).
        /// The line is read once, token by token.
        /// </summary>
        internal static string? Problem(ReadOnlySpan<byte> line)
        {
            if (!Utf8.IsValid(line)) return $"Parse error: the line is not UTF-8 (byte 0x{line[InvalidAt(line)]:X2} at offset {InvalidAt(line)})";
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = MaxDepth });
            try
            {
                if (!reader.Read()) return null;
                if (reader.TokenType != JsonTokenType.StartObject)
                    return $"Invalid request: a message is a JSON object, not {Kind(reader.TokenType)}" + (reader.TokenType == JsonTokenType.StartArray ? " (MCP 2025-06-18 sends no batches)" : string.Empty);
                string? member = null;
                string? version = null;
                JsonTokenType? method = null;
                string? badId = null;
                bool response = false;
                while (reader.Read())
                {
                    var token = reader.TokenType;
                    if ((token == JsonTokenType.String || token == JsonTokenType.PropertyName) && reader.ValueIsEscaped && !IsText(ref reader))
                        return $"Parse error: the string at offset {reader.TokenStartIndex} escapes a lone surrogate, which is not Unicode text";
                    if (token == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                    {
                        member = reader.ValueTextEquals("jsonrpc") ? "jsonrpc" : reader.ValueTextEquals("method") ? "method" : reader.ValueTextEquals("id") ? "id"
                            : reader.ValueTextEquals("result") || reader.ValueTextEquals("error") ? "response" : null;
                        continue;
                    }

                    switch (member)
                    {
                        case "jsonrpc":
                            version = token != JsonTokenType.String ? "?" : reader.ValueTextEquals("2.0") ? "2.0" : Encoding.UTF8.GetString(reader.ValueSpan);
                            break;
                        case "method":
                            method = token;
                            break;
                        case "id":
                            if (token != JsonTokenType.String && !(token == JsonTokenType.Number && IsInteger(reader.ValueSpan))) badId = Kind(token, reader.ValueSpan);
                            break;
                        case "response":
                            response = true;
                            break;
                    }

                    member = null;
                }

                if (version != "2.0") return "Invalid request: a message says \"jsonrpc\": \"2.0\"" + (version == null ? string.Empty : ", not " + (version == "?" ? "a value that is not a string" : "'" + Tools.ToolArguments.Clip(version) + "'"));
                if (method == null && !response) return "Invalid request: a message has a 'method' (a request or notification) or a 'result' or 'error' (a response)";
                if (method != null && method != JsonTokenType.String) return $"Invalid request: the 'method' must be a string, not {Kind(method.Value)}";
                if (badId != null) return $"Invalid request: the 'id' must be a string or an integer, not {badId}";
                return null;
            }
            catch (JsonException e)
            {
                return $"Parse error: the line is not JSON at offset {e.BytePositionInLine ?? 0}: {Reason(e)}";
            }
        }

        /// <summary>Whether a JSON number is an integer the SDK reads (no fraction, no exponent, within 64 bits).</summary>
        internal static bool IsInteger(ReadOnlySpan<byte> number) => System.Buffers.Text.Utf8Parser.TryParse(number, out long _, out int used) && used == number.Length;

        /// <summary>Whether an escaped string decodes to Unicode text (no lone surrogate).</summary>
        private static bool IsText(ref Utf8JsonReader reader)
        {
            try
            {
                reader.GetString();
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }

        /// <summary>The offset of the first byte of <paramref name="line"/> that does not start a valid UTF-8 sequence.</summary>
        private static int InvalidAt(ReadOnlySpan<byte> line)
        {
            int at = 0;
            while (at < line.Length && Rune.DecodeFromUtf8(line.Slice(at), out _, out int used) == System.Buffers.OperationStatus.Done) at += used;
            return Math.Min(at, line.Length - 1);
        }

        /// <summary>The error answer for a line: a JSON-RPC response with a null id.</summary>
        internal static byte[] Answer(string problem)
        {
            int code = problem.StartsWith("Invalid request", StringComparison.Ordinal) ? -32600 : -32700;
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("jsonrpc", "2.0");
                json.WriteNull("id");
                json.WritePropertyName("error");
                json.WriteStartObject();
                json.WriteNumber("code", code);
                json.WriteString("message", problem);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
            return buffer.ToArray();
        }

        private static string Kind(JsonTokenType token, ReadOnlySpan<byte> value) =>
            token == JsonTokenType.Number ? "the number " + Tools.ToolArguments.Clip(Encoding.UTF8.GetString(value)) : Kind(token);

        private static string Kind(JsonTokenType token) => token switch
        {
            JsonTokenType.StartArray => "an array",
            JsonTokenType.StartObject => "an object",
            JsonTokenType.String => "a string",
            JsonTokenType.Number => "a number",
            JsonTokenType.True or JsonTokenType.False => "a boolean",
            _ => "null",
        };

        // System.Text.Json's message, without the position it appends (the offset is given) and the path.
        private static string Reason(JsonException e)
        {
            string message = e.Message;
            foreach (string tail in new[] { " LineNumber:", " Path:" })
            {
                int at = message.IndexOf(tail, StringComparison.Ordinal);
                if (at > 0) message = message.Substring(0, at);
            }

            return message.Trim().TrimEnd('.');
        }
    }
}
