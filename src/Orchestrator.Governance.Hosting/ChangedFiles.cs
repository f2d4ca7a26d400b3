using System;
using System.Collections.Generic;
using System.Diagnostics;
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

        internal static (IReadOnlyCollection<string>?, string?) FromGit(string root, string since, string option = "--changed-since")
        {
            if (since.Length == 0 || since.StartsWith("-", StringComparison.Ordinal) || since.IndexOfAny(new[] { '\0', '\n', '\r' }) >= 0)
                return (null, $"{option} '{since}' is not a git revision");

            var start = new ProcessStartInfo("git")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = root,
            };
#if NET
            foreach (var arg in new[] { "diff", "--name-only", "--relative", "--no-renames", "-z", since + "...HEAD", "--" }) start.ArgumentList.Add(arg);
#else
            // One command line string: a revision with a quote, a backslash or white space is refused
            // rather than quoted (git revision names hold none of them).
            if (since.IndexOfAny(new[] { '"', '\\', ' ', '\t' }) >= 0) return (null, $"{option} '{since}' is not a git revision");
            start.Arguments = "diff --name-only --relative --no-renames -z " + since + "...HEAD --";
#endif
            try
            {
                using var git = Process.Start(start)!;
                var stderrTask = git.StandardError.ReadToEndAsync();
                string output = git.StandardOutput.ReadToEnd();
                git.WaitForExit();
                // git's first line says what is wrong; the usage text that may follow is left out (one line for MSBuild's log).
                string error = FirstLine(stderrTask.Result);
                if (git.ExitCode != 0) return (null, $"{option} '{since}': git diff failed: {error}");
                var files = new List<string>();
                foreach (var name in output.Split(new[] { '\0' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    string? inside = DocumentInput.ResolveInside(name);
                    if (inside != null && inside.Length > 0) files.Add(inside);
                }

                return (files, null);
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                return (null, $"{option} needs git on the PATH: {e.Message}");
            }
        }

        private static string FirstLine(string text)
        {
            foreach (var line in text.Split('\n'))
            {
                if (line.Trim().Length > 0) return line.Trim();
            }

            return string.Empty;
        }
    }
}
