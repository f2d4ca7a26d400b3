using System;
using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Model;
using Orchestrator.Governance.Model.Board;
using Orchestrator.Governance.Model.Scope;

namespace Orchestrator.Governance.Engine.Queries
{
    /// <summary>
    /// Which of the files someone means to touch a task packet allows, as the CI scope gate (GOV505, <see cref="ScopeGate"/>;
    /// seed 003 §5.3 [CX-603], [CX-600B]) would judge them with this packet alone: in its IN_SCOPE_PATHS, covered by one
    /// of its unexpired waivers, named in its OUT_OF_SCOPE, or outside. The MCP server's <c>scope_check</c> asks it.
    /// </summary>
    public static class ScopeCheck
    {
        /// <summary>
        /// Judges <paramref name="files"/> (repository-relative, forward slashes, each once in the answer) against the
        /// packet <paramref name="id"/> names (<see cref="PacketLookup.Resolve"/>), with the repository's file list
        /// (<paramref name="repositoryFiles"/>, for globs and new files) and the day waivers expire against.
        /// </summary>
        /// <exception cref="QueryException">No packet has that ID.</exception>
        public static ScopeAnswer Judge(GovernanceResult result, RepositoryFiles? repositoryFiles, string id, IReadOnlyList<string> files, DateTime today)
        {
            var (packet, wp) = PacketLookup.Resolve(result, id);
            var profile = result.Profile;
            var scope = result.Config.Scope;
            var gate = new ScopeGate(new[] { packet }, p => ScopeFacts.InScope(p, profile, repositoryFiles, scope.NewMarkers), scope, today);
            var distinct = files.Distinct(StringComparer.Ordinal).ToList();
            var outside = gate.Outside(distinct, withWaived: true).ToDictionary(o => o.File, o => o.Waiver, StringComparer.Ordinal);
            var outField = profile.FieldOf(packet, "OUT_OF_SCOPE");
            var excluded = outField == null ? new List<ScopeEntry>() : ScopeEntry.ReadMentions(outField, packet, repositoryFiles);

            var verdicts = new List<FileVerdict>();
            foreach (var file in distinct)
            {
                var named = excluded.FirstOrDefault(e => e.Path.Length > 0 && Covers(e.Path, file));
                if (named != null) verdicts.Add(new FileVerdict(file, "outOfScope", null, named.Span.StartLine));
                else if (!outside.TryGetValue(file, out var waiver)) verdicts.Add(new FileVerdict(file, "inScope", null, null));
                else verdicts.Add(new FileVerdict(file, waiver != null ? "waived" : "outside", waiver, null));
            }

            var status = profile.FieldOf(packet, "STATUS");
            return new ScopeAnswer(wp, packet.Path, status?.Value.Trim(), status != null && TopologyFacts.IsOneOf(status.Value, scope.Gate.ActiveStatuses), verdicts);
        }

        /// <summary>Whether the repository-relative <paramref name="file"/> is <paramref name="scope"/> or under it ("" is the whole repository).</summary>
        public static bool Covers(string scope, string file) =>
            scope.Length == 0 || string.Equals(file, scope, StringComparison.Ordinal) || (file.Length > scope.Length && file[scope.Length] == '/' && file.StartsWith(scope, StringComparison.Ordinal));
    }

    /// <summary>The answer of <see cref="ScopeCheck.Judge"/>: the packet, its status, whether it bounds a change in CI, and each file's verdict.</summary>
    public sealed class ScopeAnswer
    {
        /// <summary>Creates the answer.</summary>
        public ScopeAnswer(string id, string file, string? status, bool activeForGate, IReadOnlyList<FileVerdict> files)
        {
            Id = id;
            File = file;
            Status = status;
            ActiveForGate = activeForGate;
            Files = files;
        }

        /// <summary>The WP ID the packet goes by.</summary>
        public string Id { get; }

        /// <summary>The packet's repository-relative path.</summary>
        public string File { get; }

        /// <summary>The packet's STATUS, trimmed; null when it has none.</summary>
        public string? Status { get; }

        /// <summary>Its STATUS is one of scope.gate.activeStatuses: only such packets bound a change in CI (GOV505).</summary>
        public bool ActiveForGate { get; }

        /// <summary>Each file asked about, once, in the order asked.</summary>
        public IReadOnlyList<FileVerdict> Files { get; }

        /// <summary>The files outside the scope or named in OUT_OF_SCOPE.</summary>
        public int Outside => Files.Count(f => f.Verdict == "outOfScope" || f.Verdict == "outside");
    }

    /// <summary>One file of <see cref="ScopeAnswer"/>: inScope, waived (with the waiver), outOfScope (with OUT_OF_SCOPE's line) or outside.</summary>
    public sealed class FileVerdict
    {
        /// <summary>Creates the verdict.</summary>
        public FileVerdict(string file, string verdict, PacketWaiver? waiver, int? outOfScopeLine)
        {
            File = file;
            Verdict = verdict;
            Waiver = waiver;
            OutOfScopeLine = outOfScopeLine;
        }

        /// <summary>The repository-relative path.</summary>
        public string File { get; }

        /// <summary>inScope, waived, outOfScope or outside.</summary>
        public string Verdict { get; }

        /// <summary>The unexpired waiver that covers it (waived), else null.</summary>
        public PacketWaiver? Waiver { get; }

        /// <summary>The line of the OUT_OF_SCOPE entry that names it (outOfScope), else null.</summary>
        public int? OutOfScopeLine { get; }
    }
}
