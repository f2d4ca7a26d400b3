using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Orchestrator.Governance.Mcp.Tools;

namespace Orchestrator.Governance.Mcp
{
    /// <summary>
    /// Checks the shape of each request's params before the SDK reads them into its types, so that a malformed
    /// request is answered with JSON-RPC's -32602 (invalid params) and a message that names what is wrong, where the
    /// SDK would answer -32603 "An error occurred.". The shapes are the MCP schema's (2025-06-18): params, where a
    /// request has them, is an object, its _meta, when given, an object whose progressToken is a string or an
    /// integer; tools/call's name is a string and its arguments, when given, an object; resources/read's,
    /// resources/subscribe's and resources/unsubscribe's uri is a string.
    /// </summary>
    internal static class RequestShape
    {
        /// <summary>The incoming message filter: a request whose params are malformed gets an error, and its handler is not run.</summary>
        public static McpMessageHandler Filter(McpMessageHandler next) => (context, cancellation) =>
        {
            if (context.JsonRpcMessage is JsonRpcRequest request)
            {
                string? problem = Problem(request.Method, request.Params);
                if (problem != null) throw new McpProtocolException(problem, McpErrorCode.InvalidParams);
            }

            return next(context, cancellation);
        };

        /// <summary>What is wrong with <paramref name="parameters"/> for <paramref name="method"/>, or null when nothing is.</summary>
        internal static string? Problem(string method, JsonNode? parameters)
        {
            if (parameters == null) return method == "tools/call" || method.StartsWith("resources/", System.StringComparison.Ordinal) && method != "resources/list" && method != "resources/templates/list"
                ? $"{method} needs params (an object)"
                : null;
            if (parameters is not JsonObject body) return $"the params of {method} must be an object, not {Kind(parameters)}";
            if (body.TryGetPropertyValue("_meta", out var meta) && meta != null)
            {
                if (meta is not JsonObject metaBody) return $"the '_meta' of {method} must be an object, not {Kind(meta)}";
                if (metaBody.TryGetPropertyValue("progressToken", out var token) && token != null && !IsString(token) && !IsInteger(token))
                    return $"the '_meta.progressToken' of {method} must be a string or an integer (no fraction or exponent, within 64 bits), not {Kind(token)}";
            }

            switch (method)
            {
                case "tools/call":
                    if (!body.TryGetPropertyValue("name", out var name) || name == null) return "tools/call needs 'name', the tool's name (a string)";
                    if (!IsString(name)) return $"the 'name' of tools/call must be a string, not {Kind(name)}";
                    if (body.TryGetPropertyValue("arguments", out var arguments) && arguments != null && arguments is not JsonObject)
                        return $"the 'arguments' of tools/call must be an object (argument names to values), not {Kind(arguments)}";
                    return null;
                case "resources/read":
                case "resources/subscribe":
                case "resources/unsubscribe":
                    if (!body.TryGetPropertyValue("uri", out var uri) || uri == null) return $"{method} needs 'uri' (a string)";
                    return IsString(uri) ? null : $"the 'uri' of {method} must be a string, not {Kind(uri)}";
                default:
                    return null;
            }
        }

        private static bool IsInteger(JsonNode node) => node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number && MessageLines.IsInteger(System.Text.Encoding.UTF8.GetBytes(value.ToJsonString()));

        private static bool IsString(JsonNode node) => node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String;

        private static string Kind(JsonNode node) => node switch
        {
            JsonObject => "an object",
            JsonArray => "an array",
            JsonValue value => value.GetValueKind() switch
            {
                System.Text.Json.JsonValueKind.String => "the string '" + ToolArguments.Clip(value.GetValue<string>()) + "'",
                System.Text.Json.JsonValueKind.Number => "the number " + ToolArguments.Clip(value.ToJsonString()),
                System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => "a boolean",
                _ => "null",
            },
            _ => "null",
        };
    }
}
