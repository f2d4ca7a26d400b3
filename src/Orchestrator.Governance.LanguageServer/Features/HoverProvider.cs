using System.Collections.Generic;
using System.Linq;
using System.Text;
using Orchestrator.Governance.Model.Spec;

namespace Orchestrator.Governance.LanguageServer.Features
{
    /// <summary>
    /// textDocument/hover, as Markdown: on a diagnostic, the rule's title, description, source (the
    /// seed or standard it comes from), the fixes the engine offers and the rule page; on a
    /// SPEC_ANCHOR, each referenced spec section's number, title, file and line, and its MUST/SHOULD
    /// requirements marked covered or not by the packet's DONE_MEANS (seed 003: every MUST of the
    /// anchored section mapped); on a WP ID, its task packet's file, STATUS and board status, or
    /// its stub's.
    /// </summary>
    internal static class HoverProvider
    {
        /// <summary>The hover's Markdown at <paramref name="offset"/> of <paramref name="path"/>, or null for none.</summary>
        public static string? At(AnalysisSnapshot snapshot, string path, int offset, System.Func<string, string?> helpUri)
        {
            var parts = new List<string>();
            foreach (var d in snapshot.DiagnosticsIn(path).Where(d => d.Span.Start <= offset && offset <= d.Span.End))
            {
                var sb = new StringBuilder();
                sb.Append("**").Append(d.Id).Append(": ").Append(d.Descriptor.Title).Append("**\n\n");
                sb.Append(d.Message).Append("\n\n");
                sb.Append(d.Descriptor.Description).Append("\n\n");
                sb.Append("Source: ").Append(d.Descriptor.Source).Append('.');
                var fixes = d.Fixes.Where(f => !f.IsSuppression).Select(f => f.Title).ToList();
                if (fixes.Count > 0) sb.Append("\n\nFix: ").Append(string.Join("; ", fixes)).Append(" (quick fix).");
                string? page = helpUri(d.Id);
                if (page != null) sb.Append("\n\n[").Append(d.Id).Append(" documentation](").Append(page).Append(')');
                parts.Add(sb.ToString());
            }

            var references = SpecAnchorAt.Find(snapshot, path, offset);
            if (references.Count > 0) parts.Add(Anchors(snapshot, path, references));
            else if (Readiness(snapshot, path, offset) is string readiness) parts.Add(readiness);
            else if (WorkPackage(snapshot, path, offset) is string wp) parts.Add(wp);
            return parts.Count == 0 ? null : string.Join("\n\n---\n\n", parts);
        }

        /// <summary>
        /// On a task packet's STATUS line: whether it may move to its next closing status
        /// (<see cref="Engine.Queries.ReadyToClose.NextClosingStatus"/>: Done, or Validated once it is Done), from the
        /// engine's <see cref="Engine.Queries.ReadyToClose"/> query, the MCP server's <c>ready_to_close</c>: the verdict and
        /// each failed gate with its reason. Named tests and test results are not judged here (the build's GOV703 and
        /// GOV704, <c>governance ready</c> and the MCP server judge them).
        /// </summary>
        private static string? Readiness(AnalysisSnapshot snapshot, string path, int offset)
        {
            var result = snapshot.Result;
            if (!(snapshot.PacketAt(path) is Model.TaskPacket packet) || !(result.Profile.FieldOf(packet, "STATUS") is Model.PacketField status)) return null;
            if (offset < status.KeySpan.Start || offset > status.ValueSpan.End) return null;
            // The closing status STATUS may move to next (Validated once Done); none, no verdict.
            if (!(Engine.Queries.ReadyToClose.NextClosingStatus(result.Config, status.Value.Trim()) is string target)) return null;
            string id = Model.Board.TopologyFacts.NameOf(result.Topology, packet, result.Profile);
            Engine.Queries.Readiness readiness;
            try
            {
                // The packet itself: another packet may declare the same ID.
                readiness = Engine.Queries.ReadyToClose.Judge(result, packet, id, target, new Engine.Queries.ReadinessHost { JudgesTestResults = false });
            }
            catch (Engine.Queries.QueryException)
            {
                return null;
            }

            var failed = readiness.Gates.Where(g => g.Passed == false).ToList();
            var sb = new StringBuilder();
            sb.Append("**Ready to close as ").Append(target).Append("**: ").Append(failed.Count == 0 ? "yes, no gate fails" : "no, " + failed.Count + " gate(s) fail");
            foreach (var gate in failed) sb.Append("\n- **").Append(gate.Name).Append("**: ").Append(Clip(gate.Reason));
            return sb.ToString();
        }

        /// <summary>
        /// On a WP ID: its task packet (file, title line, STATUS, the board's status) or, for a WP
        /// whose only document is a stub (documents.taskPacketStubs, issue 33), the stub (file, its
        /// status, its replacement): what the MCP server's <c>packet</c> tool answers, in short.
        /// </summary>
        private static string? WorkPackage(AnalysisSnapshot snapshot, string path, int offset)
        {
            string? text = snapshot.TextOf(path);
            if (text == null || !(DefinitionProvider.WordAt(text, offset) is string word)) return null;
            var result = snapshot.Result;
            if (snapshot.PacketWithId(word) is Model.TaskPacket packet)
            {
                var status = result.Profile.FieldOf(packet, "STATUS");
                var entry = Model.Board.TopologyFacts.BoardEntryOf(result.Topology, result.Config.Board, packet);
                return "**" + word + "**: task packet `" + packet.Path + "` line " + packet.AnchorSpan.StartLine + "  \n"
                    + "STATUS: " + (status == null ? "(none)" : status.Value.Trim()) + " · board: " + (entry == null ? "not listed" : entry.Status);
            }

            var stub = result.Stubs.FirstOrDefault(s => string.Equals(s.Id, word, System.StringComparison.Ordinal));
            if (stub == null) return null;
            return "**" + word + "**: stub `" + stub.Path + "`, status " + (stub.Status == null ? "(none)" : stub.Status.Value.Trim())
                + (stub.ReplacementId != null ? ", replaced by " + stub.ReplacementId : string.Empty)
                + "  \nNo task packet: a stub is activated into a packet before work starts.";
        }

        private static string Anchors(AnalysisSnapshot snapshot, string path, IReadOnlyList<ResolvedReference> references)
        {
            var spec = snapshot.Result.Spec;
            var packet = snapshot.PacketAt(path)!;
            var coverage = spec.CoverageOf(packet, snapshot.Result.Profile);
            var sb = new StringBuilder();
            foreach (var reference in references)
            {
                if (sb.Length > 0) sb.Append("\n\n");
                var section = reference.Target;
                if (reference.IsAmbiguous)
                {
                    // GOV213: the number names several sections and the anchor picks none.
                    sb.Append("**").Append(reference.Reference.Display).Append("** is ambiguous: the spec numbers ").Append(reference.Alternatives.Count).Append(" sections alike:\n\n");
                    foreach (var alternative in reference.Alternatives)
                    {
                        var (alternativeFile, alternativeSpan) = spec.Locate(alternative.HeadingSpan);
                        sb.Append("- **").Append(alternative.Display).Append("** `").Append(alternativeFile).Append("` line ").Append(alternativeSpan.StartLine).Append('\n');
                    }

                    sb.Append("\nWrite the title after the number, or anchor a requirement ID.");
                    continue;
                }

                if (section == null)
                {
                    sb.Append("**").Append(reference.Reference.Display).Append("**: not found in the spec");
                    if (spec.Spec != null) sb.Append(" (").Append(spec.Spec.Path).Append(')');
                    continue;
                }

                var (file, span) = spec.Locate(section.HeadingSpan);
                sb.Append("**").Append(section.Display).Append("**");
                if (reference.Section == null) sb.Append(" (nearest to ").Append(reference.Reference.Display).Append(')');
                sb.Append(section.IsMainBody ? string.Empty : " (not Main Body)");
                sb.Append("  \n`").Append(file).Append("` line ").Append(span.StartLine);
                var requirements = spec.Spec!.RequirementsWithin(section);
                if (requirements.Count == 0)
                {
                    sb.Append("\n\nNo MUST/SHOULD requirement in this section.");
                    continue;
                }

                sb.Append("\n\n");
                foreach (var requirement in requirements.Take(20))
                {
                    var covering = coverage?.CoveringOf(requirement);
                    sb.Append("- ").Append(covering is var (item, why) ? $"covered by line {item.Item.Span.StartLine} ({why}): " : "not covered: ").Append("**").Append(requirement.Keyword).Append("** ").Append(Clip(requirement.Text)).Append('\n');
                }

                if (requirements.Count > 20) sb.Append("- ... and ").Append(requirements.Count - 20).Append(" more\n");
                if (coverage != null) sb.Append("\nDONE_MEANS covers ").Append(requirements.Count(coverage.Covered.Contains)).Append(" of ").Append(requirements.Count).Append('.');
            }

            return sb.ToString();
        }

        private static string Clip(string text)
        {
            string one = string.Join(" ", text.Split(new[] { '\r', '\n' }, System.StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
            return one.Length <= 160 ? one : one.Substring(0, 160) + "...";
        }
    }
}
