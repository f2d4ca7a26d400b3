using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;

namespace Orchestrator.Governance.Tests.Rules.Change
{
    /// <summary>
    /// One change to the shared valid packet: its text at the base revision and now, analyzed as
    /// the CLI hands a change over (the changed files, and the base text of each that existed).
    /// </summary>
    internal static class ChangeFixture
    {
        public static GovernanceResult Analyze(string before, string now, string? config = null, bool baseGiven = true, bool touched = true)
        {
            var inputs = Packets.SpecInputs().Append(DocumentInput.FromText(Packets.Path, now));
            if (config != null) inputs = inputs.Append(DocumentInput.FromText("governance.yml", config));
            var options = new AnalysisOptions
            {
                ChangedFiles = touched ? new[] { Packets.Path } : new[] { "src/storage/mod.rs" },
                BaseDocuments = !baseGiven ? null : touched && before != null ? new[] { DocumentInput.FromText(Packets.Path, before) } : new DocumentInput[0],
            };
            return GovernanceEngine.Analyze(inputs, options);
        }

        /// <summary>The valid packet with STATUS (line 9) set to <paramref name="status"/> and other lines replaced.</summary>
        public static string WithStatus(string status, params (int Line, string Replacement)[] lines) =>
            Packets.WithLines(lines.Append((9, "- STATUS: " + status)).ToArray());

        public static string Found(GovernanceResult result, string id) => string.Join("\n", result.Of(id)
            .Select(d => $"{d.Path}({d.Span.StartLine},{d.Span.StartColumn}) [{string.Join(" | ", d.Arguments)}]"));
    }
}
