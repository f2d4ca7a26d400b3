using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace Orchestrator.Governance.EndToEnd.Tests
{
    /// <summary>Runs the dotnet CLI as a child process and captures its output.</summary>
    internal static class Dotnet
    {
        public static (int ExitCode, string Output) Run(string workingDirectory, IDictionary<string, string> environment, params string[] arguments) =>
            Run(workingDirectory, environment, TimeSpan.FromMinutes(5), arguments);

        public static (int ExitCode, string Output) Run(string workingDirectory, IDictionary<string, string> environment, TimeSpan timeout, params string[] arguments) =>
            RunProgram("dotnet", workingDirectory, environment, timeout, arguments);

        /// <summary>Runs <paramref name="program"/> (dotnet, or a script through bash that runs it) with the settings of <see cref="Run(string, IDictionary{string, string}, TimeSpan, string[])"/>.</summary>
        public static (int ExitCode, string Output) RunProgram(string program, string workingDirectory, IDictionary<string, string> environment, TimeSpan timeout, params string[] arguments)
        {
            var start = new ProcessStartInfo(program)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in arguments) start.ArgumentList.Add(a);
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            // The test host's MSBuild settings must not leak into the child build.
            start.Environment.Remove("MSBuildExtensionsPath");
            start.Environment.Remove("MSBUILD_EXE_PATH");
            start.Environment.Remove("MSBuildSDKsPath");
            foreach (var e in environment) start.Environment[e.Key] = e.Value;

            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException(program + " " + string.Join(' ', arguments) + $" did not finish in {timeout.TotalMinutes} minutes:\n" + output);
            }

            process.WaitForExit();
            return (process.ExitCode, output.ToString());
        }

        /// <summary>The repository root: the folder above the test assembly that holds Orchestrator.sln.</summary>
        public static string RepositoryRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Orchestrator.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Orchestrator.sln not found above " + AppContext.BaseDirectory);
        }

        public static void CopyDirectory(string from, string to)
        {
            foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            {
                string rel = Path.GetRelativePath(from, dir);
                if (rel.Split(Path.DirectorySeparatorChar) is var parts && (Array.IndexOf(parts, "bin") >= 0 || Array.IndexOf(parts, "obj") >= 0)) continue;
                Directory.CreateDirectory(Path.Combine(to, rel));
            }

            Directory.CreateDirectory(to);
            foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            {
                string rel = Path.GetRelativePath(from, file);
                var parts = rel.Split(Path.DirectorySeparatorChar);
                if (Array.IndexOf(parts, "bin") >= 0 || Array.IndexOf(parts, "obj") >= 0) continue;
                File.Copy(file, Path.Combine(to, rel), overwrite: true);
            }
        }
    }
}
