using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Rules;
using Xunit;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Tests
{
    /// <summary>The valid packet (tests/Shared/ValidPacket.cs) and helpers to analyze variants of it.</summary>
    internal static class Packets
    {
        public const string Path = Testing.ValidPacket.Path;

        public const string Valid = Testing.ValidPacket.Text;

        /// <summary>The valid packet with one line (1-based) replaced; "" removes nothing but blanks the line.</summary>
        public static string WithLine(int line, string replacement)
        {
            var lines = Valid.Split('\n').ToList();
            lines[line - 1] = replacement;
            return string.Join("\n", lines);
        }

        /// <summary>The valid packet with several lines (1-based, as in <see cref="Valid"/>) replaced.</summary>
        public static string WithLines(params (int Line, string Replacement)[] replacements)
        {
            var lines = Valid.Split('\n').ToList();
            foreach (var (line, replacement) in replacements) lines[line - 1] = replacement;
            return string.Join("\n", lines);
        }

        /// <summary>The valid packet's title line with its text marked (<c># {|mark:Task Packet: ...|}</c>), for the rules that report at the title.</summary>
        public static string MarkedTitle(string mark) => "# {|" + mark + ":Task Packet: WP-1-Storage-Layer|}";

        /// <summary>
        /// Analyzes the documents, with the shared spec and SPEC_CURRENT.md added unless the test
        /// brings its own (or passes a document at SPEC_CURRENT's path with a null text to leave both out).
        /// </summary>
        public static GovernanceResult Analyze(params (string Path, string Text)[] documents) =>
            GovernanceEngine.Analyze(WithSpec(documents).Select(d => DocumentInput.FromText(d.Path, d.Text)));

        /// <summary>The shared spec and SPEC_CURRENT.md as engine inputs, for tests that build their own inputs.</summary>
        public static DocumentInput[] SpecInputs() => new[]
        {
            DocumentInput.FromText(Testing.ValidPacket.PointerPath, Testing.ValidPacket.PointerText),
            DocumentInput.FromText(Testing.ValidPacket.SpecPath, Testing.ValidPacket.SpecText),
        };

        public static IEnumerable<(string Path, string Text)> WithSpec(IEnumerable<(string Path, string Text)> documents)
        {
            var list = documents.ToList();
            bool ownPointer = list.Any(d => d.Path == Testing.ValidPacket.PointerPath);
            if (!ownPointer) list.Add((Testing.ValidPacket.PointerPath, Testing.ValidPacket.PointerText));
            if (!ownPointer && list.All(d => d.Path != Testing.ValidPacket.SpecPath)) list.Add((Testing.ValidPacket.SpecPath, Testing.ValidPacket.SpecText));
            return list.Where(d => d.Text != null);
        }

        public static GovernanceResult Analyze(string text) => Analyze((Path, text));

        /// <summary>The diagnostics of one rule.</summary>
        public static List<GovernanceDiagnostic> Of(this GovernanceResult result, string id) =>
            result.Diagnostics.Where(d => d.Id == id).ToList();

        /// <summary>Asserts exactly one diagnostic of <paramref name="id"/> with this place and these message arguments.</summary>
        public static GovernanceDiagnostic Single(GovernanceResult result, string id, string path, int line, int column, params string[] arguments)
        {
            var found = result.Of(id);
            Assert.True(found.Count == 1, $"expected one {id}, got {found.Count}: {string.Join(" | ", result.Diagnostics)}");
            var d = found[0];
            Assert.Equal(path, d.Path);
            Assert.Equal((line, column), (d.Span.StartLine, d.Span.StartColumn));
            Assert.Equal(arguments, d.Arguments.ToArray());
            return d;
        }

        /// <summary>Asserts a diagnostic with this ID, place and arguments is among the results.</summary>
        public static GovernanceDiagnostic Has(GovernanceResult result, string id, string path, int line, int column, params string[] arguments)
        {
            var found = result.Diagnostics.FirstOrDefault(d => d.Id == id && d.Path == path && d.Span.StartLine == line && d.Span.StartColumn == column && d.Arguments.SequenceEqual(arguments));
            Assert.True(
                found != null,
                $"expected {id} at {path}({line},{column}) [{string.Join(", ", arguments)}]; got:\n{string.Join("\n", result.Diagnostics.Select(x => x + " [" + string.Join(", ", x.Arguments) + "]"))}");
            return found!;
        }
    }
}
