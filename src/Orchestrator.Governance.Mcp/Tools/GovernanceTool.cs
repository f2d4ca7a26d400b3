using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;

namespace Orchestrator.Governance.Mcp.Tools
{
    /// <summary>
    /// One MCP tool of the server: its name, description, JSON Schema of its input and of its
    /// structured output, and the call. A call that cannot be answered (an unknown WP ID, a path
    /// outside the repository, an argument of the wrong type or too long) throws
    /// <see cref="ToolError"/>, which the client receives as a tool result with <c>isError</c> and
    /// the message (MCP 2025-06-18, "Error Handling": tool execution errors).
    /// </summary>
    internal abstract class GovernanceTool
    {
        /// <summary>The tool's name (snake_case, as MCP clients show it).</summary>
        public abstract string Name { get; }

        /// <summary>A short title for people.</summary>
        public abstract string Title { get; }

        /// <summary>What the tool does and when an agent should call it.</summary>
        public abstract string Description { get; }

        /// <summary>The JSON Schema (draft 2020-12 subset) of the arguments, an object schema.</summary>
        public abstract string InputSchema { get; }

        /// <summary>The JSON Schema of the structured result.</summary>
        public abstract string OutputSchema { get; }

        /// <summary>Whether the tool only reads (every tool but apply_fix).</summary>
        public virtual bool ReadOnly => true;

        /// <summary>The names of the arguments the input schema declares.</summary>
        public IReadOnlyCollection<string> ArgumentNames => _names ??= JsonNode.Parse(InputSchema)!["properties"]!.AsObject().Select(p => p.Key).ToList();

        private IReadOnlyCollection<string>? _names;

        /// <summary>Runs the tool; the structured result.</summary>
        public abstract JsonObject Call(ToolArguments arguments, RepositorySession session);

        /// <summary>The tool as tools/list describes it.</summary>
        public Tool Describe() => new Tool
        {
            Name = Name,
            Title = Title,
            Description = Description,
            InputSchema = JsonDocument.Parse(InputSchema).RootElement.Clone(),
            OutputSchema = JsonDocument.Parse(OutputSchema).RootElement.Clone(),
            Annotations = new ToolAnnotations { Title = Title, ReadOnlyHint = ReadOnly, IdempotentHint = ReadOnly, OpenWorldHint = false, DestructiveHint = false },
        };
    }

    /// <summary>A tool call that cannot be answered: the message names the bad value and what was expected.</summary>
    internal sealed class ToolError : System.Exception
    {
        public ToolError(string message)
            : base(message)
        {
        }
    }
}
