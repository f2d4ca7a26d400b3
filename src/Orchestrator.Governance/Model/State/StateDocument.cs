using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Text;

namespace Orchestrator.Governance.Model.State
{
    /// <summary>The kinds of orchestration state file (seeds 000, 002, 004), each with its schema in schemas/state/.</summary>
    public enum StateKind
    {
        /// <summary>plan.json: the planner's task DAG (seed 002).</summary>
        Plan,

        /// <summary>session.json: Phase, Task, GapCount (seed 002).</summary>
        Session,

        /// <summary>PROGRESS.json: sequential phases with validation gates (seed 004).</summary>
        Progress,

        /// <summary>.agent/state/active_phase.json: layers and human gates (seed 000).</summary>
        ActivePhase,

        /// <summary>docs/idempotency_contracts/phase_XX.json (seed 000 LAYER_E).</summary>
        IdempotencyContract,

        /// <summary>governance.lock.json: the locked task packets' hashes (seed 003 §5.6; GOV607).</summary>
        LockManifest,

        /// <summary>governance.baseline.json: the accepted findings (schemas/baseline.schema.json; GOV007, GOV008).</summary>
        Baseline,
    }

    /// <summary>A problem found while reading a state file: a message and where it stands.</summary>
    public sealed class StateProblem
    {
        internal StateProblem(bool isSyntax, string message, SourceSpan span)
        {
            IsSyntax = isSyntax;
            Message = message;
            Span = span;
        }

        /// <summary>True for a JSON syntax or depth error (GOV310), false for a schema violation (GOV311).</summary>
        public bool IsSyntax { get; }

        /// <summary>What is wrong, naming the JSON path.</summary>
        public string Message { get; }

        /// <summary>Where: the offending value.</summary>
        public SourceSpan Span { get; }
    }

    /// <summary>
    /// One orchestration state file, parsed once with Newtonsoft.Json (line information kept,
    /// dates left as strings, nesting limited to limits.maxJsonDepth) and validated against its
    /// embedded JSON Schema with NJsonSchema. The schemas have no external $ref, and NJsonSchema is
    /// never asked to resolve one: nothing is fetched. <see cref="Root"/> is null when the file is
    /// not JSON; schema violations still leave it set so the semantic rules check what is there.
    /// </summary>
    public sealed class StateDocument
    {
        private static readonly ConcurrentDictionary<StateKind, JsonSchema> Schemas = new ConcurrentDictionary<StateKind, JsonSchema>();

        private StateDocument(string path, StateKind kind, string text, JToken? root, IReadOnlyList<StateProblem> problems)
        {
            Path = path;
            Kind = kind;
            Text = text;
            Lines = new LineMap(text);
            Root = root;
            Problems = problems;
        }

        /// <summary>Repository-relative path.</summary>
        public string Path { get; }

        /// <summary>The kind, from the configured globs.</summary>
        public StateKind Kind { get; }

        /// <summary>The text the spans refer to.</summary>
        public string Text { get; }

        /// <summary>Offsets to lines and columns.</summary>
        public LineMap Lines { get; }

        /// <summary>The parsed JSON (with line information), or null when it is not valid JSON.</summary>
        public JToken? Root { get; }

        /// <summary>Syntax and schema problems, in document order.</summary>
        public IReadOnlyList<StateProblem> Problems { get; }

        /// <summary>The embedded schema resource of a kind.</summary>
        public static string SchemaResource(StateKind kind) => kind switch
        {
            StateKind.Plan => "schemas/state/plan.schema.json",
            StateKind.Session => "schemas/state/session.schema.json",
            StateKind.Progress => "schemas/state/progress.schema.json",
            StateKind.ActivePhase => "schemas/state/active-phase.schema.json",
            StateKind.LockManifest => "schemas/state/lock-manifest.schema.json",
            StateKind.Baseline => "schemas/baseline.schema.json",
            _ => "schemas/state/idempotency-contract.schema.json",
        };

        /// <summary>Parses and validates <paramref name="text"/>; never throws for any content.</summary>
        public static StateDocument Read(string path, StateKind kind, string text, int maxDepth)
        {
            var problems = new List<StateProblem>();
            var lines = new LineMap(text);
            JToken? root = null;
            if (text.Trim().Length == 0)
            {
                problems.Add(new StateProblem(true, "The file is empty; a JSON value is required.", lines.GetSpan(0, 0)));
                return new StateDocument(path, kind, text, null, problems);
            }

            try
            {
                using var reader = new JsonTextReader(new StringReader(text))
                {
                    DateParseHandling = DateParseHandling.None,
                    FloatParseHandling = FloatParseHandling.Decimal,
                    MaxDepth = maxDepth,
                };
                root = JToken.Load(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
                if (reader.Read() && reader.TokenType != JsonToken.Comment)
                    throw new JsonReaderException("Additional text after the JSON value.", reader.Path, reader.LineNumber, reader.LinePosition, null);
            }
            catch (JsonReaderException e)
            {
                root = null;
                string message = e.Message;
                int cut = message.IndexOf(" Path '", StringComparison.Ordinal);
                if (cut > 0) message = message.Substring(0, cut);
                // Where the reader stopped, moved past whitespace onto the offending character.
                var point = PointSpan(lines, text, e.LineNumber, e.LinePosition);
                int at = point.Start;
                while (at < text.Length && char.IsWhiteSpace(text[at])) at++;
                problems.Add(new StateProblem(true, message, lines.GetSpan(at, at < text.Length ? 1 : 0)));
            }

            // An integer past 64 bits (JSON.NET reads it as a BigInteger) is refused here, at its place:
            // no schema this engine uses allows one, and the schema validator throws on it.
            if (root != null)
            {
                var tokens = root is JContainer container ? container.DescendantsAndSelf() : new[] { root };
                foreach (var huge in tokens.OfType<JValue>().Where(v => v.Type == JTokenType.Integer && !(v.Value is long)))
                {
                    problems.Add(new StateProblem(false, "The integer " + Shorten(huge.ToString(Formatting.None)) + " is out of range (at most 64 bits).", ((IJsonLineInfo)huge).HasLineInfo() ? TokenSpan(lines, text, ((IJsonLineInfo)huge).LineNumber, ((IJsonLineInfo)huge).LinePosition) : new SourceSpan(0, 0, 1, 1, 1, 1)));
                    root = null;
                }
            }

            if (root != null)
            {
                var schema = Schemas.GetOrAdd(kind, k => JsonSchema.FromJsonAsync(ConfigLoader.ReadResource(SchemaResource(k))).GetAwaiter().GetResult());
                foreach (var error in SchemaErrors.Flatten(schema.Validate(root)))
                {
                    var span = error.HasLineInfo ? TokenSpan(lines, text, error.LineNumber, error.LinePosition) : new SourceSpan(0, 0, 1, 1, 1, 1);
                    problems.Add(new StateProblem(false, SchemaErrors.Describe(error), span));
                }
            }

            var ordered = problems.OrderBy(p => p.Span.Start).ThenBy(p => p.Message, StringComparer.Ordinal).ToList();
            return new StateDocument(path, kind, text, root, ordered);
        }

        private static string Shorten(string number) => number.Length <= 40 ? number : number.Substring(0, 20) + "..." + number.Substring(number.Length - 10);

        /// <summary>The span of a token read with line information: the whole value (a string with its quotes, a number, the opening brace of an object), or the name of a property.</summary>
        public SourceSpan SpanOf(JToken token)
        {
            var info = (IJsonLineInfo)token;
            return info.HasLineInfo() ? TokenSpan(Lines, Text, info.LineNumber, info.LinePosition) : new SourceSpan(0, 0, 1, 1, 1, 1);
        }

        /// <summary>
        /// Newtonsoft.Json reports a token at its last character (1-based column): the closing quote
        /// of a string, the last digit of a number, the opening brace or bracket of a container, the
        /// colon after a property name. This walks back to where the token starts.
        /// </summary>
        private static SourceSpan TokenSpan(LineMap lines, string text, int line, int position)
        {
            if (line < 1 || line > lines.LineCount) return PointSpan(lines, text, line, position);
            int at = lines.GetLineStart(line) + Math.Max(0, position - 1);
            if (at >= text.Length) return PointSpan(lines, text, line, position);
            char c = text[at];
            if (c == ':')
            {
                // A property: its name, before the colon.
                int end = at - 1;
                while (end >= 0 && char.IsWhiteSpace(text[end])) end--;
                if (end < 0 || text[end] != '"') return lines.GetSpan(at, 1);
                at = end;
                c = '"';
            }

            if (c == '"')
            {
                int start = at - 1;
                while (start >= 0 && !(text[start] == '"' && !IsEscaped(text, start))) start--;
                return start < 0 ? lines.GetSpan(at, 1) : lines.GetSpan(start, at - start + 1);
            }

            if (c == '{' || c == '[') return lines.GetSpan(at, 1);
            int first = at;
            while (first > 0 && (char.IsLetterOrDigit(text[first - 1]) || text[first - 1] == '.' || text[first - 1] == '-' || text[first - 1] == '+')) first--;
            return lines.GetSpan(first, at - first + 1);
        }

        /// <summary>Whether the quote at <paramref name="quote"/> is escaped by an odd number of backslashes before it.</summary>
        internal static bool IsEscaped(string text, int quote)
        {
            int backslashes = 0;
            for (int i = quote - 1; i >= 0 && text[i] == '\\'; i--) backslashes++;
            return backslashes % 2 == 1;
        }

        private static SourceSpan PointSpan(LineMap lines, string text, int line, int position)
        {
            if (line < 1) return lines.GetSpan(0, 0);
            int start = lines.GetLineStart(Math.Min(line, lines.LineCount)) + Math.Max(0, position - 1);
            return lines.GetSpan(Math.Min(start, text.Length), 0);
        }
    }
}
