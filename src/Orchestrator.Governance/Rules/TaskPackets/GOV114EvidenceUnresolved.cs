using System;
using System.Globalization;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Model;

namespace Orchestrator.Governance.Rules.TaskPackets
{
    /// <summary>
    /// GOV114: an evidence reference in a task packet (<see cref="EvidenceReference"/>:
    /// <c>path:line</c>, <c>path:line-line</c>, <c>path#Lnn</c>, wherever it stands) names no file of
    /// the repository, several, one the host refuses to read, or a line past the file's end. The
    /// file list and the line counts are data the host hands over
    /// (<see cref="Engine.AnalysisOptions.RepositoryFiles"/>, <see cref="Engine.AnalysisOptions.FileLines"/>);
    /// without the list the rule does not run, without line counts it checks the files alone.
    /// </summary>
    public sealed class GOV114EvidenceUnresolved : TaskPacketRule
    {
        /// <summary>GOV114: evidence that does not resolve.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV114", "Evidence references must resolve",
            "Evidence '{0}' {1}",
            "Governance.TaskPacket", GovernanceSeverity.Error,
            "A packet proves its work with file:line evidence (EVIDENCE_MAPPING, validation reports). A reference to a file that is not in the repository, or to a line past its end, is evidence that is not there: the claim it backs is unproven.",
            "seed 003 Part 1 [CX-600B] (Anti-Vibe Guard), §8");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var files = context.Index.Files;
            if (files == null) return;
            var lines = context.Index.FileLines;
            string? specShape = context.Spec.Spec == null ? null : VersionShape(context.Spec.Spec.Path);
            foreach (var reference in EvidenceReference.Of(context.Packet))
            {
                // A line of another version of the spec ("Handshake_Master_Spec_v02.113.md:46286") cites
                // the spec the packet was written against, not evidence: GOV205 judges spec versions.
                if (specShape != null && VersionShape(reference.Path) == specShape && context.Spec.Spec!.Path != reference.Path) continue;

                string? resolved = DocumentInput.ResolveInside(reference.Path);
                if (resolved == null || resolved.Length == 0)
                {
                    context.Report(reference.Span, reference.Text, "is outside the repository (absolute, or climbing out with '..'); not read");
                    continue;
                }

                var named = files.Named(resolved);
                if (named.Count == 0)
                {
                    string? refusal = lines?.Invoke(resolved).Refusal;
                    context.Report(reference.Span, reference.Text, refusal != null ? $"names a file that is not read: {refusal}" : "names no file of the repository");
                    continue;
                }

                if (named.Count > 1)
                {
                    context.Report(reference.Span, reference.Text, string.Format(CultureInfo.InvariantCulture, "names {0} files of the repository ({1}, {2}{3}); write its path from the root",
                        named.Count, named[0], named[1], named.Count > 2 ? ", ..." : string.Empty));
                    continue;
                }

                if (lines == null) continue;
                var (count, _) = lines(named[0]);
                // An empty file's lines are not judged in a checkout that keeps paths without their contents (evidence.judgeEmptyFiles).
                if (count == 0 && !context.Index.JudgesEmptyFiles(context.Packet)) continue;
                if (count is int n && (reference.Line > n || reference.EndLine > n || reference.Line == 0 || reference.EndLine < reference.Line))
                {
                    string what = reference.EndLine < reference.Line ? $"cites lines {reference.Line}-{reference.EndLine}, which end before they start"
                        : reference.Line == 0 ? "cites line 0 (lines count from 1)"
                        : $"cites line {Math.Max(reference.Line, reference.EndLine)}, past the end of {named[0]} ({n} line{(n == 1 ? string.Empty : "s")})";
                    context.Report(reference.Span, reference.Text, what);
                }
            }
        }

        /// <summary>The file name with its digits, dots, underscores and hyphens taken out ("HandshakeMasterSpecvmd.md"), to tell versions of one file.</summary>
        private static string VersionShape(string path)
        {
            int slash = path.LastIndexOf('/');
            var name = new System.Text.StringBuilder();
            for (int i = slash + 1; i < path.Length; i++)
            {
                char c = path[i];
                if (!char.IsDigit(c) && c != '.' && c != '_' && c != '-') name.Append(c);
            }

            return name.ToString() + System.IO.Path.GetExtension(path);
        }
    }
}