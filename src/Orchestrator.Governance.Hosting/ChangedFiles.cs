using System;
using System.Collections.Generic;
using System.IO;
using Orchestrator.Governance.Documents;

namespace Orchestrator.Governance.Hosting
{
    /// <summary>
    /// The files a change touches, for the CI scope gate (GOV505): read from a list (one
    /// repository-relative path per line; blank lines and lines starting with '#' are skipped), or
    /// asked of git (<c>git diff --name-only -z REF...HEAD</c>: the files changed on this branch
    /// since it left REF, as a pull request shows them).
    /// </summary>
    internal static class ChangedFiles
    {
        /// <summary>The changed files (null when neither source is given), or a problem to report as a usage error.</summary>
        public static (IReadOnlyCollection<string>? Files, string? Problem) Read(string root, string? listFile, string? since)
        {
            if (listFile != null && since != null) return (null, "give --changed-files or --changed-since, not both");
            if (listFile != null) return FromList(listFile);
            if (since != null) return FromGit(root, since);
            return (null, null);
        }

        private static (IReadOnlyCollection<string>?, string?) FromList(string listFile)
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(listFile);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return (null, $"--changed-files '{listFile}' cannot be read: {e.Message}");
            }

            var files = new List<string>();
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].Trim();
                if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal)) continue;
                string? inside = DocumentInput.ResolveInside(line);
                if (inside == null || inside.Length == 0)
                    return (null, $"--changed-files '{listFile}' line {i + 1}: '{line}' is not a path inside the repository (absolute, or climbing out with '..')");
                files.Add(inside);
            }

            return (files, null);
        }

        internal static (IReadOnlyCollection<string>?, string?) FromGit(string root, string since, string option = "--changed-since") =>
            Diff(root, since, since + "...HEAD", option);

        /// <summary>
        /// The files that differ between <paramref name="revision"/> and HEAD (<c>git diff
        /// --name-only REV HEAD</c>): the change whose base is given as it is (<c>--base</c> without
        /// <c>--changed-since</c>).
        /// </summary>
        internal static (IReadOnlyCollection<string>?, string?) SinceBase(string root, string revision, string option = "--base") =>
            Diff(root, revision, revision, option, "HEAD");

        private static (IReadOnlyCollection<string>?, string?) Diff(string root, string revision, string range, string option, string? to = null)
        {
            if (!Git.IsRevisionArgument(revision)) return (null, $"{option} '{revision}' is not a git revision");
            var args = new List<string> { "diff", "--name-only", "--relative", "--no-renames", "-z", range };
            if (to != null) args.Add(to);
            args.Add("--");
            var git = Git.Run(root, args, null, out var problem);
            if (git == null) return (null, $"{option} needs git: {problem}");
            // git's first line says what is wrong; the usage text that may follow is left out (one line for MSBuild's log).
            if (git.Value.ExitCode != 0) return (null, $"{option} '{revision}': git diff failed: {git.Value.Error}");
            var files = new List<string>();
            foreach (var name in System.Text.Encoding.UTF8.GetString(git.Value.Output).Split(new[] { '\0' }, StringSplitOptions.RemoveEmptyEntries))
            {
                string? inside = DocumentInput.ResolveInside(name);
                if (inside != null && inside.Length > 0) files.Add(inside);
            }

            return (files, null);
        }
    }
}
