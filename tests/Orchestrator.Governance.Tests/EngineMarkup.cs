using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Xunit;

namespace Orchestrator.Governance.Tests
{
    /// <summary>
    /// Engine tests with the expected diagnostics marked where they stand, as the analyzer tests do
    /// with Microsoft.CodeAnalysis.Testing: <c>{|GOV107:text|}</c> expects a GOV107 exactly over
    /// <c>text</c>; <c>{|#0:text|}</c> marks location 0, which <see cref="Expect"/> gives an ID and the
    /// message arguments. A marked span of no characters (<c>{|GOV104:|}</c>) fixes only where the
    /// diagnostic starts. Markup nests. <see cref="Verify"/> strips the markup, analyzes the documents
    /// (with the shared spec and SPEC_CURRENT.md, as <see cref="Packets.Analyze(ValueTuple{string, string}[])"/>
    /// adds them) and asserts the diagnostics are exactly the expected ones.
    /// </summary>
    internal sealed class EngineMarkup
    {
        private readonly List<Document> _documents;
        private readonly List<(int Location, string Id, string[] Arguments)> _numbered = new List<(int, string, string[])>();

        private EngineMarkup(List<Document> documents) => _documents = documents;

        /// <summary>Documents at repository-relative paths, written with markup.</summary>
        public static EngineMarkup Documents(params (string Path, string Markup)[] documents) =>
            new EngineMarkup(documents.Select(d => Parse(d.Path, d.Markup)).ToList());

        /// <summary>One task packet at <see cref="Packets.Path"/>, written with markup.</summary>
        public static EngineMarkup Packet(string markup) => Documents((Packets.Path, markup));

        /// <summary>Expects a diagnostic <paramref name="id"/> over the span marked <c>{|#location:...|}</c>, with exactly these message arguments.</summary>
        public EngineMarkup Expect(int location, string id, params string[] arguments)
        {
            _numbered.Add((location, id, arguments));
            return this;
        }

        /// <summary>The stripped text of the document at <paramref name="path"/>.</summary>
        public string TextOf(string path) => _documents.Single(d => d.Path == path).Text;

        /// <summary>The expected diagnostics, from the markup and <see cref="Expect"/>.</summary>
        public IReadOnlyList<ExpectedDiagnostic> Expected
        {
            get
            {
                var expected = new List<ExpectedDiagnostic>();
                foreach (var span in _documents.SelectMany(d => d.Spans))
                {
                    if (span.Location is int location)
                    {
                        var given = _numbered.Where(n => n.Location == location).ToList();
                        if (given.Count == 0) throw new InvalidOperationException($"location #{location} is marked in {span.Path} but no Expect({location}, ...) gives its diagnostic");
                        expected.AddRange(given.Select(g => new ExpectedDiagnostic(g.Id, span, g.Arguments)));
                    }
                    else
                    {
                        expected.Add(new ExpectedDiagnostic(span.Id!, span, null));
                    }
                }

                foreach (var n in _numbered)
                {
                    int count = _documents.SelectMany(d => d.Spans).Count(s => s.Location == n.Location);
                    if (count != 1) throw new InvalidOperationException($"Expect({n.Location}, {n.Id}, ...) needs location #{n.Location} marked once; it is marked {count} times");
                }

                return expected;
            }
        }

        /// <summary>
        /// Analyzes the stripped documents, with the host's data in <paramref name="options"/> when
        /// given (the repository's files, line counts, test results, a change), and asserts the
        /// diagnostics are exactly the expected ones; returns the result for further checks.
        /// </summary>
        public GovernanceResult Verify(AnalysisOptions? options = null)
        {
            var expected = Expected;
            var inputs = Packets.WithSpec(_documents.Select(d => (d.Path, d.Text)));
            var documents = inputs.Select(d => DocumentInput.FromText(d.Path, d.Text));
            var result = GovernanceEngine.Analyze(documents, options);
            AssertMatch(expected, result.Diagnostics);
            return result;
        }

        /// <summary>Asserts <paramref name="actual"/> is exactly <paramref name="expected"/> (in any order), listing both sides when not.</summary>
        public static void AssertMatch(IReadOnlyList<ExpectedDiagnostic> expected, IReadOnlyList<GovernanceDiagnostic> actual)
        {
            var unmatched = actual.ToList();
            var missing = new List<ExpectedDiagnostic>();

            // The ones that name their arguments first, so that an ID-only mark does not take their diagnostic.
            foreach (var e in expected.OrderBy(e => e.Arguments == null ? 1 : 0))
            {
                var found = unmatched.FirstOrDefault(e.Matches);
                if (found == null) missing.Add(e);
                else unmatched.Remove(found);
            }

            if (missing.Count == 0 && unmatched.Count == 0) return;

            var message = new StringBuilder("The diagnostics differ from the markup.\n");
            if (missing.Count > 0) message.Append("Expected but not reported:\n").Append(string.Concat(missing.Select(m => "  " + m + "\n")));
            if (unmatched.Count > 0) message.Append("Reported but not expected:\n").Append(string.Concat(unmatched.Select(u => "  " + Describe(u) + "\n")));
            message.Append("All expected:\n").Append(expected.Count == 0 ? "  (none)\n" : string.Concat(expected.Select(x => "  " + x + "\n")));
            message.Append("All reported:\n").Append(actual.Count == 0 ? "  (none)\n" : string.Concat(actual.Select(x => "  " + Describe(x) + "\n")));
            Assert.Fail(message.ToString());
        }

        /// <summary>A reported diagnostic as the failure message lists it, written as an <see cref="ExpectedDiagnostic"/> would be.</summary>
        public static string Describe(GovernanceDiagnostic d) =>
            $"{d.Id} {d.Path}({d.Span.StartLine},{d.Span.StartColumn})-({d.Span.EndLine},{d.Span.EndColumn}) {FormatArguments(d.Arguments)}";

        private static string FormatArguments(IEnumerable<string> arguments) =>
            "[" + string.Join(", ", arguments.Select(a => "\"" + a + "\"")) + "]";

        private static readonly Regex Open = new Regex(@"\G\{\|(?:#(?<n>[0-9]+)|(?<id>[A-Z]+[0-9]+)):", RegexOptions.CultureInvariant);

        /// <summary>Strips the markup of one document and records its marked spans (lines and 1-based columns of the stripped text; the end is exclusive, as SourceSpan's).</summary>
        public static Document Parse(string path, string markup)
        {
            var text = new StringBuilder(markup.Length);
            var spans = new List<MarkedSpan>();
            var open = new Stack<(int? Location, string? Id, int Start)>();
            int i = 0;
            while (i < markup.Length)
            {
                var m = Open.Match(markup, i);
                if (m.Success)
                {
                    open.Push((m.Groups["n"].Success ? int.Parse(m.Groups["n"].Value) : (int?)null, m.Groups["id"].Success ? m.Groups["id"].Value : null, text.Length));
                    i += m.Length;
                }
                else if (open.Count > 0 && string.CompareOrdinal(markup, i, "|}", 0, 2) == 0)
                {
                    var (location, id, start) = open.Pop();
                    spans.Add(new MarkedSpan(path, location, id, start, text.Length - start));
                    i += 2;
                }
                else
                {
                    text.Append(markup[i]);
                    i++;
                }
            }

            if (open.Count > 0) throw new ArgumentException($"{path}: markup {{|{(open.Peek().Id ?? "#" + open.Peek().Location)}: is not closed with |}}", nameof(markup));

            string stripped = text.ToString();
            var lineStarts = LineStarts(stripped);
            foreach (var span in spans)
            {
                (span.StartLine, span.StartColumn) = Position(lineStarts, span.Start);
                (span.EndLine, span.EndColumn) = Position(lineStarts, span.Start + span.Length);
            }

            return new Document(path, stripped, spans.OrderBy(s => s.Start).ToList());
        }

        // Lines end at "\r\n", "\r" or "\n" (CommonMark's line endings).
        private static List<int> LineStarts(string text)
        {
            var starts = new List<int> { 0 };
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'))) starts.Add(i + 1);
            }

            return starts;
        }

        private static (int Line, int Column) Position(List<int> lineStarts, int offset)
        {
            int line = lineStarts.Count - 1;
            while (lineStarts[line] > offset) line--;
            return (line + 1, offset - lineStarts[line] + 1);
        }

        /// <summary>One document: its path, its text without markup and the spans marked in it.</summary>
        public sealed class Document
        {
            public Document(string path, string text, IReadOnlyList<MarkedSpan> spans)
            {
                Path = path;
                Text = text;
                Spans = spans;
            }

            public string Path { get; }

            public string Text { get; }

            public IReadOnlyList<MarkedSpan> Spans { get; }
        }

        /// <summary>A span marked <c>{|ID:...|}</c> (Id set) or <c>{|#n:...|}</c> (Location set), in the stripped text.</summary>
        public sealed class MarkedSpan
        {
            public MarkedSpan(string path, int? location, string? id, int start, int length)
            {
                Path = path;
                Location = location;
                Id = id;
                Start = start;
                Length = length;
            }

            public string Path { get; }

            public int? Location { get; }

            public string? Id { get; }

            public int Start { get; }

            public int Length { get; }

            public int StartLine { get; set; }

            public int StartColumn { get; set; }

            public int EndLine { get; set; }

            public int EndColumn { get; set; }
        }

        /// <summary>What one marked span expects: the ID, the place (the end only when the span has characters) and, for a numbered one, the arguments.</summary>
        public sealed class ExpectedDiagnostic
        {
            public ExpectedDiagnostic(string id, MarkedSpan span, string[]? arguments)
            {
                Id = id;
                Span = span;
                Arguments = arguments;
            }

            public string Id { get; }

            public MarkedSpan Span { get; }

            /// <summary>The message arguments; null when the markup gave only the ID.</summary>
            public string[]? Arguments { get; }

            public bool Matches(GovernanceDiagnostic d) =>
                d.Id == Id
                && d.Path == Span.Path
                && d.Span.StartLine == Span.StartLine && d.Span.StartColumn == Span.StartColumn
                && (Span.Length == 0 || (d.Span.EndLine == Span.EndLine && d.Span.EndColumn == Span.EndColumn))
                && (Arguments == null || d.Arguments.SequenceEqual(Arguments));

            public override string ToString() =>
                $"{Id} {Span.Path}({Span.StartLine},{Span.StartColumn})"
                + (Span.Length == 0 ? string.Empty : $"-({Span.EndLine},{Span.EndColumn})")
                + (Arguments == null ? " [any arguments]" : " " + FormatArguments(Arguments));
        }
    }
}
