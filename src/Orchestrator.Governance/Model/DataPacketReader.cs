using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Orchestrator.Governance.Model
{
    /// <summary>
    /// Reads a task packet kept as data (a JSON or YAML contract, e.g. <c>WP-1-Foo/packet.json</c>)
    /// into the same <see cref="TaskPacket"/> model as a Markdown packet, so that every rule about
    /// fields applies to it. Each field's value is found by the JSON Pointer (RFC 6901)
    /// taskPacket.dataFields maps it to, else by a top-level key in any spelling (<c>task_id</c>,
    /// <c>TASK_ID</c>, <c>taskId</c> ... normalized like Markdown keys). A pointer may name a scalar
    /// (the field's value) or an array (its entries): of scalars, or of objects whose text is their
    /// "text", "description", "criterion", "title", ... property, else their first scalar. Every value keeps the span of its
    /// own text in the file (inside the quotes), so diagnostics point at the value's line and column.
    /// JSON is read with Newtonsoft.Json (64 levels at most, duplicate keys and trailing text refused);
    /// YAML with YamlDotNet after a non-recursive depth check (64 levels), aliases shared, never copied.
    /// </summary>
    public static class DataPacketReader
    {
        /// <summary>Deepest nesting read.</summary>
        public const int MaxDepth = 64;

        /// <summary>Whether a packet path is data (JSON or YAML) rather than Markdown.</summary>
        public static bool IsDataPath(string path) =>
            path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// The packet, or null with <paramref name="problem"/> and its place when the text is not
        /// a JSON or YAML object. Never throws for any text.
        /// </summary>
        public static TaskPacket? Read(TextDocument doc, TaskPacketProfile profile, out string? problem, out SourceSpan problemSpan)
        {
            problem = null;
            problemSpan = doc.Span(0, 0);
            bool yaml = !doc.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
            DataNode? root;
            try
            {
                root = yaml ? ReadYaml(doc.Text) : ReadJson(doc.Text, doc.Lines);
            }
            catch (JsonReaderException e)
            {
                string message = e.Message;
                int cut = message.IndexOf(" Path '", StringComparison.Ordinal);
                if (cut > 0) message = message.Substring(0, cut);
                problem = "it is not valid JSON: " + message;
                problemSpan = Point(doc, e.LineNumber, e.LinePosition);
                return null;
            }
            catch (DataProblem e)
            {
                problem = e.Message;
                problemSpan = e.Line > 0 ? Point(doc, e.Line, e.Column) : doc.Span(0, 0);
                return null;
            }

            if (root == null || root.Kind != DataKind.Object)
            {
                problem = $"a task packet kept as data is an object, not {(root == null ? "an empty document" : root.Kind == DataKind.Array ? "an array" : "a single value")}";
                problemSpan = root == null ? doc.Span(0, 0) : doc.Span(root.Start, 0);
                return null;
            }

            var fields = new List<PacketField>();
            var taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (var mapping in profile.Config.DataFields.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                string key = profile.CanonicalKey(KeyNormalizer.Normalize(mapping.Key));
                if (key.Length == 0 || !taken.Add(key)) continue;
                var node = Resolve(root, mapping.Value);
                if (node != null && ToField(doc, key, mapping.Value, node, profile) is PacketField field) fields.Add(field);
            }

            foreach (var (name, keyStart, node) in root.Properties)
            {
                string normalized = KeyNormalizer.Normalize(SplitCamel(name));
                // A plural spelling of a field ("spec_anchors" for SPEC_ANCHOR), when the singular is one.
                if (!profile.KnownFieldKeys.Contains(normalized) && normalized.EndsWith("S", StringComparison.Ordinal) && profile.KnownFieldKeys.Contains(normalized.Substring(0, normalized.Length - 1)))
                    normalized = normalized.Substring(0, normalized.Length - 1);
                string key = profile.CanonicalKey(normalized);
                if (!profile.KnownFieldKeys.Contains(normalized) && key == normalized) continue;
                if (!taken.Add(key)) continue;
                if (ToField(doc, key, name, node, profile) is PacketField field) fields.Add(field);
            }

            fields.Sort((a, b) => a.KeySpan.Start.CompareTo(b.KeySpan.Start));
            return new TaskPacket(doc, null, Array.Empty<PacketSection>(), fields, null, profile.FileNamePattern) { IsData = true };
        }

        /// <summary>
        /// The JSON Pointers (RFC 6901) of the values of a packet kept as data, in document order:
        /// every scalar and array, the objects above them descended (8 levels at most); read as
        /// <see cref="Read"/> reads the text (the same limits). Null when the text is not a JSON or
        /// YAML object. What <c>governance init</c> names taskPacket.dataFields from.
        /// </summary>
        public static IReadOnlyList<string>? ValuePointers(TextDocument doc)
        {
            DataNode? root;
            try
            {
                root = doc.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ReadJson(doc.Text, doc.Lines) : ReadYaml(doc.Text);
            }
            catch (Exception e) when (e is JsonReaderException || e is DataProblem)
            {
                return null;
            }

            if (root == null || root.Kind != DataKind.Object) return null;
            var pointers = new List<string>();
            void Walk(DataNode node, string at, int depth)
            {
                foreach (var (name, _, value) in node.Properties)
                {
                    string pointer = at + "/" + name.Replace("~", "~0").Replace("/", "~1");
                    if (value.Kind == DataKind.Object && depth < 8) Walk(value, pointer, depth + 1);
                    else if (value.Kind != DataKind.Object) pointers.Add(pointer);
                }
            }

            Walk(root, string.Empty, 0);
            return pointers;
        }

        /// <summary>"taskId" → "task Id", so that camelCase keys normalize like TASK_ID.</summary>
        private static string SplitCamel(string name)
        {
            var sb = new System.Text.StringBuilder(name.Length + 4);
            for (int i = 0; i < name.Length; i++)
            {
                if (i > 0 && char.IsUpper(name[i]) && char.IsLower(name[i - 1])) sb.Append(' ');
                sb.Append(name[i]);
            }

            return sb.ToString();
        }

        /// <summary>
        /// The field of <paramref name="node"/>: a scalar is its value, an array its entries. A value
        /// of the wrong shape is not dropped (the field would look missing, or be silently empty): an
        /// object, or an array where the packet's first section (METADATA: TASK_ID, DATE, STATUS, ...)
        /// holds one text each, is the field's value as written (folded to one line), so the value
        /// rules report it at its place (GOV107 "STATUS '["Done", "Blocked"]' is not an allowed value").
        /// </summary>
        private static PacketField? ToField(TextDocument doc, string key, string rawKey, DataNode node, TaskPacketProfile profile)
        {
            var keySpan = node.KeyStart >= 0 ? doc.Span(node.KeyStart, node.KeyLength) : doc.Span(node.Start, 0);
            if (node.Kind == DataKind.Scalar)
                return new PacketField(key, rawKey, keySpan, node.Value ?? string.Empty, doc.Span(node.Start, node.Length), FieldForm.Data, null);
            bool oneText = profile.Sections.Count > 0 && profile.Sections[0].Fields.Contains(key);
            if (node.Kind == DataKind.Object || (node.Kind == DataKind.Array && oneText))
            {
                int length = Math.Max(0, Math.Min(node.Length, doc.Text.Length - node.Start));
                return new PacketField(key, rawKey, keySpan, Text.WhiteSpace.Fold(doc.Text, node.Start, node.Start + length), doc.Span(node.Start, length), FieldForm.Data, null);
            }

            if (node.Kind != DataKind.Array) return null;
            var field = new PacketField(key, rawKey, keySpan, string.Empty, doc.Span(node.Start, 0), FieldForm.Data, null);
            foreach (var entry in node.Items)
            {
                // An entry is a scalar, or an object whose text is its first property named like a
                // text (TextKeys), else its first scalar property: [{"id": "DM-1", "text": "..."}].
                var item = entry.Kind == DataKind.Object ? TextOf(entry) : entry;
                if (item == null || item.Kind != DataKind.Scalar || (item.Value ?? string.Empty).Trim().Length == 0) continue;
                field.Items.Add(new PacketFieldItem(item.Value!, doc.Span(item.Start, item.Length)));
                field.Extend(item.Start + item.Length);
            }

            return field;
        }

        /// <summary>Keys whose value is an object entry's text, in order of preference.</summary>
        private static readonly string[] TextKeys = { "text", "description", "criterion", "title", "summary", "name", "path", "file", "value", "command" };

        private static DataNode? TextOf(DataNode entry)
        {
            foreach (var key in TextKeys)
            {
                var hit = entry.Properties.FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase) && p.Node.Kind == DataKind.Scalar);
                if (hit.Node != null) return hit.Node;
            }

            return entry.Properties.Select(p => p.Node).FirstOrDefault(n => n.Kind == DataKind.Scalar && !string.IsNullOrWhiteSpace(n.Value));
        }

        /// <summary>The node a JSON Pointer (RFC 6901: "/a/b/0", "~1" for "/", "~0" for "~") names, or null.</summary>
        internal static DataNode? Resolve(DataNode root, string pointer)
        {
            if (pointer.Length == 0) return root;
            if (pointer[0] != '/') return null;
            var node = root;
            foreach (var raw in pointer.Substring(1).Split('/'))
            {
                string token = raw.Replace("~1", "/").Replace("~0", "~");
                if (node.Kind == DataKind.Object)
                {
                    var hit = node.Properties.FirstOrDefault(p => p.Name == token);
                    if (hit.Node == null) return null;
                    node = hit.Node;
                }
                else if (node.Kind == DataKind.Array && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index < node.Items.Count)
                {
                    node = node.Items[index];
                }
                else
                {
                    return null;
                }
            }

            return node;
        }

        private static SourceSpan Point(TextDocument doc, long line, long column)
        {
            if (line < 1) return doc.Span(0, 0);
            int start = doc.Lines.GetLineStart((int)Math.Min(line, doc.Lines.LineCount));
            return doc.Span((int)Math.Min(doc.Text.Length, start + Math.Max(0, column - 1)), 0);
        }

        // ---- JSON: token by token, so that every value keeps its exact place.

        private static DataNode? ReadJson(string text, LineMap lines)
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, MaxDepth = MaxDepth };
            var stack = new Stack<DataNode>();
            DataNode? root = null;
            string? pendingName = null;
            int pendingStart = -1, pendingLength = 0;
            while (reader.Read())
            {
                int at = Math.Min(text.Length - 1, lines.GetLineStart(reader.LineNumber) + Math.Max(0, reader.LinePosition - 1));
                DataNode? node = null;
                switch (reader.TokenType)
                {
                    case JsonToken.PropertyName:
                    {
                        var (start, length) = QuotedBefore(text, at);
                        pendingName = (string?)reader.Value ?? string.Empty;
                        pendingStart = start;
                        pendingLength = length;
                        if (stack.Count > 0 && stack.Peek().Properties.Any(p => p.Name == pendingName))
                        {
                            var (keyLine, keyColumn) = lines.GetPosition(start);
                            throw new DataProblem($"it is not valid JSON: the key '{pendingName}' appears twice in one object", keyLine, keyColumn);
                        }
                        continue;
                    }

                    case JsonToken.StartObject:
                        node = new DataNode(DataKind.Object, null, at, 1);
                        break;
                    case JsonToken.StartArray:
                        node = new DataNode(DataKind.Array, null, at, 1);
                        break;
                    case JsonToken.EndObject:
                    case JsonToken.EndArray:
                    {
                        // An object or array spans its text, brackets included.
                        var done = stack.Pop();
                        done.Length = Math.Max(done.Length, at + 1 - done.Start);
                        continue;
                    }

                    case JsonToken.String:
                    {
                        var (start, length) = QuotedBefore(text, at);
                        node = new DataNode(DataKind.Scalar, (string?)reader.Value ?? string.Empty, start, length);
                        break;
                    }

                    case JsonToken.Comment:
                        continue;
                    default:
                    {
                        int first = at;
                        while (first > 0 && (char.IsLetterOrDigit(text[first - 1]) || text[first - 1] == '.' || text[first - 1] == '-' || text[first - 1] == '+')) first--;
                        node = new DataNode(DataKind.Scalar, Convert.ToString(reader.Value, CultureInfo.InvariantCulture) ?? "null", first, at - first + 1);
                        break;
                    }
                }

                if (stack.Count == 0)
                {
                    if (root != null) throw new DataProblem("it is not valid JSON: additional text after the JSON value", reader.LineNumber, reader.LinePosition);
                    root = node;
                }
                else if (stack.Peek().Kind == DataKind.Object)
                {
                    node.KeyStart = pendingStart;
                    node.KeyLength = pendingLength;
                    stack.Peek().Properties.Add((pendingName ?? string.Empty, pendingStart, node));
                }
                else
                {
                    stack.Peek().Items.Add(node);
                }

                if (node.Kind != DataKind.Scalar) stack.Push(node);
            }

            if (stack.Count > 0)
            {
                var (endLine, endColumn) = lines.GetPosition(text.Length);
                throw new DataProblem("it is not valid JSON: the text ends inside an object or array", endLine, endColumn);
            }

            return root;
        }

        /// <summary>The content of the quoted string whose closing quote (or a ':' after it) is at or just before <paramref name="at"/>.</summary>
        private static (int Start, int Length) QuotedBefore(string text, int at)
        {
            int close = at;
            while (close > 0 && text[close] != '"') close--;
            int open = close - 1;
            while (open >= 0 && !(text[open] == '"' && !State.StateDocument.IsEscaped(text, open))) open--;
            return open < 0 ? (close, 0) : (open + 1, close - open - 1);
        }

        // ---- YAML: depth checked on the event stream first (no recursion), then the node graph.

        private static DataNode? ReadYaml(string text)
        {
            var parser = new Parser(new StringReader(text));
            int depth = 0, documents = 0;
            try
            {
                while (parser.MoveNext())
                {
                    switch (parser.Current)
                    {
                        case DocumentStart _:
                            if (++documents > 1) throw new DataProblem("it is not a task packet: it holds more than one YAML document", parser.Current.Start.Line, parser.Current.Start.Column);
                            break;
                        case MappingStart _:
                        case SequenceStart _:
                            if (++depth > MaxDepth) throw new DataProblem($"it nests more than {MaxDepth} levels", parser.Current.Start.Line, parser.Current.Start.Column);
                            break;
                        case MappingEnd _:
                        case SequenceEnd _:
                            depth--;
                            break;
                    }
                }

                var stream = new YamlStream();
                stream.Load(new StringReader(text));
                if (stream.Documents.Count == 0) return null;
                // Nodes are told apart by reference: YamlDotNet's nodes compare by value, so two equal
                // scalars ("ilja" as requestor and as signature) would share one place. An alias is the
                // node it names, the same reference, and is read once (no alias bomb).
                return FromYaml(text, stream.Documents[0].RootNode, new Dictionary<YamlNode, DataNode>(ByReference.Instance), 0);
            }
            catch (YamlException e)
            {
                throw new DataProblem("it is not valid YAML: " + e.Message.Replace("\r", " ").Replace("\n", " "), e.Start.Line, e.Start.Column);
            }
            catch (Exception e) when (e is InvalidOperationException || e is ArgumentException)
            {
                throw new DataProblem("it is not valid YAML: " + e.Message, 0, 0);
            }
        }

        /// <summary>
        /// The length of a YAML mapping's or sequence's text: to the end of its last entry (YamlDotNet
        /// gives a collection only its start), and its closing bracket when it is written in flow style.
        /// </summary>
        private static int Extent(string text, DataNode node, char closing)
        {
            int end = node.Start;
            foreach (var (_, keyStart, child) in node.Properties) end = Math.Max(end, Math.Max(keyStart, child.Start + child.Length));
            foreach (var item in node.Items) end = Math.Max(end, item.Start + item.Length);
            if (closing != '\0')
            {
                int at = end;
                while (at < text.Length && (text[at] == ' ' || text[at] == '\t' || text[at] == '\r' || text[at] == '\n' || text[at] == ',' || text[at] == '"' || text[at] == '\'')) at++;
                if (at < text.Length && text[at] == closing) end = at + 1;
            }

            return Math.Min(text.Length, end) - node.Start;
        }

        private static DataNode FromYaml(string text, YamlNode node, Dictionary<YamlNode, DataNode> seen, int depth)
        {
            if (seen.TryGetValue(node, out var known)) return known;
            int start = (int)node.Start.Index, end = Math.Max(start, (int)node.End.Index);
            switch (node)
            {
                case YamlMappingNode map:
                {
                    var result = new DataNode(DataKind.Object, null, start, 0);
                    seen[node] = result;
                    if (depth >= MaxDepth) return result;
                    foreach (var entry in map.Children)
                    {
                        if (!(entry.Key is YamlScalarNode key)) continue;
                        var (keyStart, keyLength) = ScalarSpan(key);
                        var child = FromYaml(text, entry.Value, seen, depth + 1);
                        if (child.KeyStart < 0)
                        {
                            child.KeyStart = keyStart;
                            child.KeyLength = keyLength;
                        }

                        result.Properties.Add((key.Value ?? string.Empty, keyStart, child));
                    }

                    result.Length = Extent(text, result, map.Style == MappingStyle.Flow ? '}' : '\0');
                    return result;
                }

                case YamlSequenceNode sequence:
                {
                    var result = new DataNode(DataKind.Array, null, start, 0);
                    seen[node] = result;
                    if (depth >= MaxDepth) return result;
                    foreach (var item in sequence.Children) result.Items.Add(FromYaml(text, item, seen, depth + 1));
                    result.Length = Extent(text, result, sequence.Style == SequenceStyle.Flow ? ']' : '\0');
                    return result;
                }

                case YamlScalarNode scalar:
                {
                    var (s, l) = ScalarSpan(scalar);
                    var result = new DataNode(DataKind.Scalar, scalar.Value ?? string.Empty, s, l);
                    seen[node] = result;
                    return result;
                }

                default:
                    return new DataNode(DataKind.Scalar, string.Empty, start, end - start);
            }
        }

        private static (int Start, int Length) ScalarSpan(YamlScalarNode scalar)
        {
            int start = (int)scalar.Start.Index, end = Math.Max(start, (int)scalar.End.Index);
            if ((scalar.Style == ScalarStyle.SingleQuoted || scalar.Style == ScalarStyle.DoubleQuoted) && end - start >= 2) return (start + 1, end - start - 2);
            return (start, end - start);
        }

        /// <summary>A reason the text is not a packet, with the parser's line and column (1-based; 0 when unknown).</summary>
        private sealed class DataProblem : Exception
        {
            public DataProblem(string message, long line, long column)
                : base(message)
            {
                Line = line;
                Column = column;
            }

            public long Line { get; }

            public long Column { get; }
        }
    }

    /// <summary>The kind of a <see cref="DataNode"/>.</summary>
    internal enum DataKind
    {
        Object,
        Array,
        Scalar,
    }

    /// <summary>Reference equality for YAML nodes (netstandard2.0 has no ReferenceEqualityComparer).</summary>
    internal sealed class ByReference : IEqualityComparer<YamlNode>
    {
        public static readonly ByReference Instance = new ByReference();

        public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

        public int GetHashCode(YamlNode obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    /// <summary>A JSON or YAML value with the span of its text (a scalar's content, inside quotes) and of the key naming it.</summary>
    internal sealed class DataNode
    {
        public DataNode(DataKind kind, string? value, int start, int length)
        {
            Kind = kind;
            Value = value;
            Start = start;
            Length = length;
        }

        public DataKind Kind { get; }

        public string? Value { get; }

        public int Start { get; }

        public int Length { get; set; }

        public int KeyStart { get; set; } = -1;

        public int KeyLength { get; set; }

        public List<(string Name, int KeyStart, DataNode Node)> Properties { get; } = new List<(string, int, DataNode)>();

        public List<DataNode> Items { get; } = new List<DataNode>();
    }
}
