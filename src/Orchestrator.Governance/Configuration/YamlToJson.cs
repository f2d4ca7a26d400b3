using System;
using System.Globalization;
using System.IO;
using System.Text;
using Newtonsoft.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Orchestrator.Governance.Configuration
{
    /// <summary>Why a YAML document could not be turned into JSON.</summary>
    public sealed class YamlConversionException : Exception
    {
        internal YamlConversionException(string message, int line, int column)
            : base(message)
        {
            Line = line;
            Column = column;
        }

        /// <summary>1-based line of the problem.</summary>
        public int Line { get; }

        /// <summary>1-based column of the problem.</summary>
        public int Column { get; }
    }

    /// <summary>
    /// Turns a YAML document (parsed with YamlDotNet) into JSON text in which every value starts on
    /// the same line as it does in the YAML, so that a JSON Schema validator's line numbers are the
    /// YAML file's line numbers. Aliases are expanded within a budget of nodes, characters and
    /// depth, so that an alias bomb ("billion laughs", or fewer aliases of one long string) is an
    /// error at its place, not gigabytes of memory: what is written is at most
    /// <see cref="MaxNodes"/> nodes and <see cref="MaxCharacters"/> characters of keys and values.
    /// </summary>
    internal static class YamlToJson
    {
        /// <summary>Most nodes written after alias expansion.</summary>
        public const int MaxNodes = 100_000;

        /// <summary>
        /// Most characters of keys and scalar values written after alias expansion, besides the
        /// document's own length twice over: a document without aliases always fits, one whose
        /// aliases multiply its text does not.
        /// </summary>
        public const int MaxExpansionCharacters = 1_000_000;

        /// <summary>The character budget of a document of <paramref name="length"/> characters.</summary>
        public static long MaxCharacters(int length) => MaxExpansionCharacters + 2L * length;

        /// <summary>Deepest nesting.</summary>
        public const int MaxDepth = 64;

        /// <summary>Converts; an empty document becomes "{}".</summary>
        /// <exception cref="YamlConversionException">Invalid YAML, several documents, or over the budget.</exception>
        public static string Convert(string yaml)
        {
            // Depth is checked on the event stream first, without recursion: YamlDotNet's loader
            // recurses once a level, so 50,000 '[' overflowed the stack before any check ran.
            var events = new Parser(new StringReader(yaml));
            int depth = 0;
            try
            {
                while (events.MoveNext())
                {
                    var e = events.Current;
                    if (e is YamlDotNet.Core.Events.MappingStart || e is YamlDotNet.Core.Events.SequenceStart)
                    {
                        if (++depth > MaxDepth) throw new YamlConversionException($"the document is nested deeper than {MaxDepth} levels", (int)e.Start.Line, (int)e.Start.Column);
                    }
                    else if (e is YamlDotNet.Core.Events.MappingEnd || e is YamlDotNet.Core.Events.SequenceEnd)
                    {
                        depth--;
                    }
                }
            }
            catch (Exception e) when (YamlParseFailure.IsBadInput(e))
            {
                var (message, at) = YamlParseFailure.Describe(e, events, yaml);
                throw new YamlConversionException("invalid YAML: " + message, (int)at.Line, (int)at.Column);
            }

            var stream = new YamlStream();
            var parser = new Parser(new StringReader(yaml));
            try
            {
                stream.Load(parser);
            }
            catch (Exception e) when (YamlParseFailure.IsBadInput(e))
            {
                var (message, at) = YamlParseFailure.Describe(e, parser, yaml);
                throw new YamlConversionException("invalid YAML: " + message, (int)at.Line, (int)at.Column);
            }

            if (stream.Documents.Count == 0) return "{}";
            if (stream.Documents.Count > 1)
            {
                var start = stream.Documents[1].RootNode.Start;
                throw new YamlConversionException("governance.yml must hold one YAML document", (int)start.Line, (int)start.Column);
            }

            var writer = new PositionedWriter();
            var budget = new Budget(MaxCharacters(yaml.Length));
            Write(stream.Documents[0].RootNode, writer, 0, budget);
            return writer.ToString();
        }

        /// <summary>What is left to write of one document: nodes and characters.</summary>
        private sealed class Budget
        {
            public Budget(long characters) => Characters = characters;

            public int Nodes { get; set; }

            public long Characters { get; set; }
        }

        /// <summary>Spends <paramref name="length"/> characters of the budget at <paramref name="node"/>.</summary>
        private static void Spend(Budget budget, int length, YamlNode node)
        {
            budget.Characters -= length;
            if (budget.Characters < 0)
                throw new YamlConversionException("the document expands to more characters than it holds, through its aliases (alias bomb?)", (int)node.Start.Line, (int)node.Start.Column);
        }

        private static void Write(YamlNode node, PositionedWriter writer, int depth, Budget budget)
        {
            if (++budget.Nodes > MaxNodes)
                throw new YamlConversionException($"the document expands to more than {MaxNodes} nodes (alias bomb?)", (int)node.Start.Line, (int)node.Start.Column);
            if (depth > MaxDepth)
                throw new YamlConversionException($"the document is nested deeper than {MaxDepth} levels", (int)node.Start.Line, (int)node.Start.Column);

            writer.MoveTo((int)node.Start.Line);
            switch (node)
            {
                case YamlMappingNode map:
                    writer.Append("{");
                    bool first = true;
                    foreach (var entry in map.Children)
                    {
                        if (!first) writer.Append(",");
                        first = false;
                        writer.MoveTo((int)entry.Key.Start.Line);
                        string key = entry.Key is YamlScalarNode k ? k.Value ?? string.Empty : throw new YamlConversionException("mapping keys must be plain values", (int)entry.Key.Start.Line, (int)entry.Key.Start.Column);
                        Spend(budget, key.Length, entry.Key);
                        writer.Append(JsonConvert.ToString(key));
                        writer.Append(":");
                        Write(entry.Value, writer, depth + 1, budget);
                    }

                    writer.Append("}");
                    break;
                case YamlSequenceNode seq:
                    writer.Append("[");
                    for (int i = 0; i < seq.Children.Count; i++)
                    {
                        if (i > 0) writer.Append(",");
                        Write(seq.Children[i], writer, depth + 1, budget);
                    }

                    writer.Append("]");
                    break;
                case YamlScalarNode scalar:
                    Spend(budget, scalar.Value?.Length ?? 0, scalar);
                    writer.Append(ScalarToJson(scalar));
                    break;
                default:
                    writer.Append("null");
                    break;
            }
        }

        private static string ScalarToJson(YamlScalarNode scalar)
        {
            string value = scalar.Value ?? string.Empty;
            if (scalar.Style != ScalarStyle.Plain) return JsonConvert.ToString(value);

            // YAML 1.2 core schema for plain scalars.
            switch (value)
            {
                case "":
                case "~":
                case "null":
                case "Null":
                case "NULL":
                    return "null";
                case "true":
                case "True":
                case "TRUE":
                    return "true";
                case "false":
                case "False":
                case "FALSE":
                    return "false";
            }

            if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
                return l.ToString(CultureInfo.InvariantCulture);
            if (value.IndexOfAny(new[] { '.', 'e', 'E' }) >= 0 && char.IsDigit(value[value.Length - 1]) &&
                double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && !double.IsInfinity(d))
                return d.ToString("R", CultureInfo.InvariantCulture);
            return JsonConvert.ToString(value);
        }

        /// <summary>Writes JSON, inserting line breaks so each token starts on a given line.</summary>
        private sealed class PositionedWriter
        {
            private readonly StringBuilder _builder = new StringBuilder();
            private int _line = 1;

            public void MoveTo(int line)
            {
                while (_line < line)
                {
                    _builder.Append('\n');
                    _line++;
                }
            }

            public void Append(string text) => _builder.Append(text);

            public override string ToString() => _builder.ToString();
        }
    }
}
