using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Rules;
using Xunit;

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

        public static GovernanceResult Analyze(params (string Path, string Text)[] documents) =>
            GovernanceEngine.Analyze(documents.Select(d => DocumentInput.FromText(d.Path, d.Text)));

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
        public static void Has(GovernanceResult result, string id, string path, int line, int column, params string[] arguments)
        {
            Assert.True(
                result.Diagnostics.Any(d => d.Id == id && d.Path == path && d.Span.StartLine == line && d.Span.StartColumn == column && d.Arguments.SequenceEqual(arguments)),
                $"expected {id} at {path}({line},{column}) [{string.Join(", ", arguments)}]; got:\n{string.Join("\n", result.Diagnostics.Select(x => x + " [" + string.Join(", ", x.Arguments) + "]"))}");
        }
    }
}
