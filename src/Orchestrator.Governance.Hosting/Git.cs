using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace Orchestrator.Governance.Hosting
{
    /// <summary>
    /// git as the hosts ask it (the changed files of a change, the base revision's texts): one
    /// process per question, arguments passed as a list (never through a shell), in the repository
    /// root. Standard input, when given, is written while standard output is read, so neither pipe
    /// fills and stops the other.
    /// </summary>
    internal static class Git
    {
        /// <summary>The outcome of one git command: its exit code, standard output as bytes, and the first line of standard error.</summary>
        internal readonly struct Outcome
        {
            public Outcome(int exitCode, byte[] output, string error)
            {
                ExitCode = exitCode;
                Output = output;
                Error = error;
            }

            public int ExitCode { get; }

            public byte[] Output { get; }

            public string Error { get; }
        }

        /// <summary>
        /// The full path of git from the PATH's absolute folders, in order; never the repository's
        /// or the current folder (a git.exe committed to the repository, which Windows' process
        /// search and .NET's would find there first, is never run). Null when there is none.
        /// </summary>
        internal static string? Executable(string? searchPath = null)
        {
            string[] names = Path.DirectorySeparatorChar == '\\' ? new[] { "git.exe" } : new[] { "git" };
            foreach (var folder in (searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
            {
                string dir = folder.Trim().Trim('"');
                if (dir.Length == 0 || !Path.IsPathRooted(dir)) continue;
                foreach (var name in names)
                {
                    string candidate = Path.Combine(dir, name);
                    if (File.Exists(candidate)) return candidate;
                }
            }

            return null;
        }

        /// <summary>
        /// Runs <c>git ARGS</c> in <paramref name="root"/>, writing <paramref name="input"/> to its
        /// standard input. Null with <paramref name="problem"/> set when git is not on the PATH.
        /// </summary>
        public static Outcome? Run(string root, IReadOnlyList<string> args, string? input, out string? problem)
        {
            problem = null;
            string? executable = Executable();
            if (executable == null)
            {
                problem = "git is not on the PATH";
                return null;
            }

            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardInput = input != null,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = root,
            };
#if NET
            foreach (var arg in args) start.ArgumentList.Add(arg);
#else
            // One command line string: the callers pass no argument with a quote, a backslash or white space.
            start.Arguments = string.Join(" ", args);
#endif
            try
            {
                using var git = Process.Start(start)!;
                var stderrTask = git.StandardError.ReadToEndAsync();
                Task? writer = null;
                if (input != null)
                {
                    writer = Task.Run(() =>
                    {
                        try
                        {
                            git.StandardInput.Write(input);
                        }
                        catch (IOException)
                        {
                            // git stopped reading (it failed); its exit code and message say why.
                        }
                        finally
                        {
                            try
                            {
                                git.StandardInput.Close();
                            }
                            catch (IOException)
                            {
                            }
                        }
                    });
                }

                using var output = new MemoryStream();
                git.StandardOutput.BaseStream.CopyTo(output);
                git.WaitForExit();
                writer?.Wait();
                return new Outcome(git.ExitCode, output.ToArray(), FirstLine(stderrTask.Result));
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                problem = "git is not on the PATH: " + e.Message;
                return null;
            }
        }

        /// <summary>Whether <paramref name="revision"/> may be handed to git as a revision argument (no option, no line break, nothing a command line would split).</summary>
        public static bool IsRevisionArgument(string revision) =>
            revision.Length > 0 && !revision.StartsWith("-", StringComparison.Ordinal) && revision.IndexOfAny(new[] { '\0', '\n', '\r', '"', '\\', ' ', '\t' }) < 0;

        /// <summary>The first non-blank line of <paramref name="text"/>, trimmed ("" when there is none).</summary>
        public static string FirstLine(string text)
        {
            foreach (var line in text.Split('\n'))
            {
                if (line.Trim().Length > 0) return line.Trim();
            }

            return string.Empty;
        }
    }
}
