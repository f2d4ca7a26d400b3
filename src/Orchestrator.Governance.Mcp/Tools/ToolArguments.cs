using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace Orchestrator.Governance.Mcp.Tools
{
    /// <summary>
    /// A tool call's arguments, checked as they are read: an argument the tool does not declare,
    /// one of the wrong JSON type, a string longer than its limit or a list longer than its limit is
    /// a <see cref="ToolError"/> naming it. The SDK hands the arguments over unvalidated.
    /// </summary>
    internal sealed class ToolArguments
    {
        /// <summary>The longest string argument read (characters), unless a tool says otherwise.</summary>
        public const int MaxString = 4096;

        private readonly IDictionary<string, JsonElement> _arguments;

        public ToolArguments(IDictionary<string, JsonElement>? arguments, GovernanceTool tool)
        {
            _arguments = arguments ?? new Dictionary<string, JsonElement>();
            foreach (var name in _arguments.Keys.OrderBy(k => k, StringComparer.Ordinal))
            {
                if (!tool.ArgumentNames.Contains(name))
                    throw new ToolError($"{tool.Name} takes no argument '{Clip(name)}'; its arguments are {string.Join(", ", tool.ArgumentNames.Select(n => "'" + n + "'"))}");
            }
        }

        /// <summary>A string argument; null when absent (or JSON null) and not <paramref name="required"/>.</summary>
        public string? String(string name, bool required = false, int maxLength = MaxString)
        {
            if (!_arguments.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required) throw new ToolError($"the argument '{name}' is required");
                return null;
            }

            if (value.ValueKind != JsonValueKind.String) throw new ToolError($"the argument '{name}' must be a string, not {Kind(value)}");
            string text = value.GetString()!;
            if (text.Length > maxLength) throw new ToolError($"the argument '{name}' is {text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long; at most {maxLength.ToString("N0", CultureInfo.InvariantCulture)} are read");
            if (required && text.Trim().Length == 0) throw new ToolError($"the argument '{name}' is empty");
            return text;
        }

        /// <summary>A list of strings; empty when absent.</summary>
        public IReadOnlyList<string> Strings(string name, int maxItems = 1000, int maxLength = MaxString)
        {
            if (!_arguments.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null) return Array.Empty<string>();
            if (value.ValueKind != JsonValueKind.Array) throw new ToolError($"the argument '{name}' must be an array of strings, not {Kind(value)}");
            int count = value.GetArrayLength();
            if (count > maxItems) throw new ToolError($"the argument '{name}' has {count.ToString("N0", CultureInfo.InvariantCulture)} items; at most {maxItems.ToString("N0", CultureInfo.InvariantCulture)} are read");
            var items = new List<string>(count);
            int i = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String) throw new ToolError($"item {i} of '{name}' must be a string, not {Kind(item)}");
                string text = item.GetString()!;
                if (text.Length > maxLength) throw new ToolError($"item {i} of '{name}' is {text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long; at most {maxLength.ToString("N0", CultureInfo.InvariantCulture)} are read");
                items.Add(text);
                i++;
            }

            return items;
        }

        /// <summary>A boolean argument, <paramref name="otherwise"/> when absent.</summary>
        public bool Bool(string name, bool otherwise = false)
        {
            if (!_arguments.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null) return otherwise;
            if (value.ValueKind == JsonValueKind.True) return true;
            if (value.ValueKind == JsonValueKind.False) return false;
            throw new ToolError($"the argument '{name}' must be true or false, not {Kind(value)}");
        }

        /// <summary>An integer argument within [<paramref name="min"/>, <paramref name="max"/>], <paramref name="otherwise"/> when absent.</summary>
        public int Int(string name, int otherwise, int min, int max)
        {
            if (!_arguments.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null) return otherwise;
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int number)) throw new ToolError($"the argument '{name}' must be an integer, not {Kind(value)}");
            if (number < min || number > max) throw new ToolError($"the argument '{name}' is {number}; expected {min} to {max}");
            return number;
        }

        private static string Kind(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "the number " + Clip(value.GetRawText()),
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            JsonValueKind.Array => "an array",
            JsonValueKind.Object => "an object",
            _ => "null",
        };

        /// <summary>A value as a message quotes it: at most 80 characters.</summary>
        public static string Clip(string text) => Engine.Queries.QueryText.Clip(text);
    }
}
