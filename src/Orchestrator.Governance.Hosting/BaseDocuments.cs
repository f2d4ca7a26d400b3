using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Orchestrator.Governance.Documents;

namespace Orchestrator.Governance.Hosting
{
    /// <summary>
    /// The base revision of a change and the texts its governance documents had there, asked of git
    /// for the change-aware rules (<see cref="Engine.AnalysisOptions.BaseDocuments"/>; GOV802,
    /// GOV804): the revision given (<c>--base</c>, <c>GovernanceBaseRef</c>), else the merge base
    /// of the branch the change is compared with (<c>--changed-since</c>, as a pull request's diff
    /// is). The texts come from one <c>git cat-file --batch</c> and are decoded as the files on
    /// disk are (<see cref="DocumentInput.FromBytes"/>).
    /// </summary>
    internal static class BaseDocuments
    {
        /// <summary>
        /// The commit the change is compared with: <paramref name="baseRef"/> when given, else the
        /// merge base of <paramref name="changedSince"/> and HEAD; null (and no problem) when neither
        /// is given.
        /// </summary>
        public static (string? Commit, string? Problem) Resolve(string root, string? baseRef, string? changedSince, string baseOption = "--base", string sinceOption = "--changed-since")
        {
            if (baseRef != null)
            {
                if (!Git.IsRevisionArgument(baseRef)) return (null, $"{baseOption} '{baseRef}' is not a git revision");
                return Commit(root, new[] { "rev-parse", "--verify", "--quiet", baseRef + "^{commit}" }, $"{baseOption} '{baseRef}'", "is not a commit git knows");
            }

            if (changedSince == null) return (null, null);
            if (!Git.IsRevisionArgument(changedSince)) return (null, $"{sinceOption} '{changedSince}' is not a git revision");
            return Commit(root, new[] { "merge-base", changedSince, "HEAD" }, $"{sinceOption} '{changedSince}'", "has no merge base with HEAD");
        }

        private static (string?, string?) Commit(string root, string[] args, string what, string failure)
        {
            var git = Git.Run(root, args, null, out var problem);
            if (git == null) return (null, $"{what} needs git: {problem}");
            string commit = Encoding.UTF8.GetString(git.Value.Output).Trim();
            if (git.Value.ExitCode != 0 || commit.Length == 0) return (null, $"{what} {failure}" + (git.Value.Error.Length > 0 ? ": " + git.Value.Error : string.Empty));
            return (commit, null);
        }

        /// <summary>
        /// What the engine needs of the base revision (<see cref="Engine.AnalysisOptions.BaseDocuments"/>):
        /// the base text of each changed document among <paramref name="documents"/> (the ones the
        /// check reads), and, when the change touches the spec pointer (spec.currentPointer), the
        /// spec its base text named, so that a change to a new spec version is compared with the
        /// version before (GOV803).
        /// </summary>
        public static (IReadOnlyCollection<DocumentInput>? Documents, string? Problem) ForChange(string root, string commit, IReadOnlyCollection<string> changed, IReadOnlyList<DocumentInput> documents, Engine.AnalysisOptions options)
        {
            var read = new HashSet<string>(documents.Select(d => d.Path), StringComparer.Ordinal);
            var (found, problem) = Read(root, commit, changed.Where(read.Contains), MaxBytes);
            if (found == null) return (null, problem);

            var configText = documents.FirstOrDefault(d => d.Path == options.ConfigPath)?.Text;
            string pointerPath = DocumentInput.NormalizePath(Configuration.ConfigLoader.LoadUnchecked(configText).Spec.CurrentPointer);
            var basePointer = found.FirstOrDefault(d => d.Path == pointerPath && d.Text != null);
            if (basePointer == null) return (found, null);
            var pointer = Model.Spec.SpecPointer.Read(pointerPath, basePointer.Text!);
            var have = new HashSet<string>(found.Select(d => d.Path), StringComparer.Ordinal);
            var named = pointer.Targets.Where(t => !t.IsManifest).SelectMany(t => Model.Spec.SpecPointer.CandidatesOf(t.BesidePath, t.Written)).Where(p => !have.Contains(p));
            var (spec, specProblem) = Read(root, commit, named, MaxBytes);
            if (spec == null) return (null, specProblem);
            return (found.Concat(spec).ToList(), null);
        }

        /// <summary>Base texts larger than this are not decoded (the engine's own limit, limits.maxDocumentBytes, is at most this in practice).</summary>
        private const long MaxBytes = 64L * 1024 * 1024;

        /// <summary>
        /// The text at <paramref name="commit"/> of each of <paramref name="paths"/>
        /// (repository-relative to <paramref name="root"/>) that existed there and is a file; a path
        /// absent at the base is left out (the change creates it). A blob larger than
        /// <paramref name="maxBytes"/> is handed over unread (the engine admits base texts as it
        /// admits files).
        /// </summary>
        private static (IReadOnlyCollection<DocumentInput>? Documents, string? Problem) Read(string root, string commit, IEnumerable<string> paths, long maxBytes)
        {
            var wanted = paths.Where(p => p.IndexOf('\n') < 0).Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToList();
            var documents = new List<DocumentInput>();
            if (wanted.Count == 0) return (documents, null);

            // Paths in "<commit>:<path>" are from the top of the work tree; the root may be a folder inside it.
            var prefixRun = Git.Run(root, new[] { "rev-parse", "--show-prefix" }, null, out var problem);
            if (prefixRun == null) return (null, "the base revision needs git: " + problem);
            if (prefixRun.Value.ExitCode != 0) return (null, "the base revision: git rev-parse failed: " + prefixRun.Value.Error);
            string prefix = Encoding.UTF8.GetString(prefixRun.Value.Output).Trim();

            var input = new StringBuilder();
            foreach (var path in wanted) input.Append(commit).Append(':').Append(prefix).Append(path).Append('\n');
            var git = Git.Run(root, new[] { "cat-file", "--batch" }, input.ToString(), out problem);
            if (git == null) return (null, "the base revision needs git: " + problem);
            if (git.Value.ExitCode != 0) return (null, "the base revision: git cat-file failed: " + git.Value.Error);

            // Each answer: "<object> <type> <size>\n<content>\n", or "<name> missing\n" (or "ambiguous").
            byte[] output = git.Value.Output;
            int at = 0;
            foreach (var path in wanted)
            {
                int end = Array.IndexOf(output, (byte)'\n', at);
                if (end < 0) return (null, "the base revision: git cat-file stopped before '" + path + "'");
                string[] header = Encoding.UTF8.GetString(output, at, end - at).Split(' ');
                at = end + 1;
                if (header.Length != 3 || !long.TryParse(header[2], NumberStyles.None, CultureInfo.InvariantCulture, out long size)) continue;
                if (at + size > output.Length) return (null, "the base revision: git cat-file's answer for '" + path + "' is cut short");
                if (header[1] == "blob")
                {
                    documents.Add(size > maxBytes
                        ? DocumentInput.Unreadable(path, string.Format(CultureInfo.InvariantCulture, "{0} bytes at the base revision is more than limits.maxDocumentBytes ({1})", size, maxBytes), size)
                        : DocumentInput.FromBytes(path, Slice(output, at, (int)size)));
                }

                at += (int)size + 1;
            }

            return (documents, null);
        }

        private static byte[] Slice(byte[] bytes, int start, int length)
        {
            var slice = new byte[length];
            Buffer.BlockCopy(bytes, start, slice, 0, length);
            return slice;
        }
    }
}
