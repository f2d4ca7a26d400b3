using System;
using System.IO;
using Orchestrator.Governance.Hosting;

namespace Orchestrator.Governance.Mcp.Tools
{
    /// <summary>
    /// A path an agent gives, as a repository-relative path with forward slashes: relative to the
    /// root, or absolute under it, with '/' or '\\' between its parts; "." or "" is the root itself (returned as ""). A path that
    /// leaves the root ("../x", "/etc/passwd", "a/../../b"), or that holds a NUL, is a
    /// <see cref="ToolError"/>: the server reads nothing outside the repository it was started in.
    /// </summary>
    internal static class RepositoryPath
    {
        public static string Normalize(string root, string path, string argument)
        {
            if (path.IndexOf('\0') >= 0) throw new ToolError($"the path '{ToolArguments.Clip(path.Replace("\0", "\\0"))}' in '{argument}' holds a NUL character");
            // A backslash is a separator here as on Windows, so "docs\\..\\..\\x" is judged as the path it means.
            string trimmed = path.Trim().Replace('\\', '/');
            if (trimmed.Length == 0 || trimmed == ".") return string.Empty;
            string full;
            try
            {
                full = Path.GetFullPath(Path.IsPathRooted(trimmed) ? trimmed : Path.Combine(root, trimmed));
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                throw new ToolError($"the path '{ToolArguments.Clip(path)}' in '{argument}' is not a valid path: {e.Message}");
            }

            string relative = RepositoryDocuments.RelativePath(root, full);
            if (relative == ".") return string.Empty;
            if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
                throw new ToolError($"the path '{ToolArguments.Clip(path)}' in '{argument}' is outside the repository ({root})");
            return relative.TrimEnd('/');
        }

        /// <summary>Whether the repository-relative <paramref name="file"/> is <paramref name="scope"/> or under it ("" is the whole repository).</summary>
        public static bool Covers(string scope, string file) =>
            scope.Length == 0 || string.Equals(file, scope, StringComparison.Ordinal) || (file.Length > scope.Length && file[scope.Length] == '/' && file.StartsWith(scope, StringComparison.Ordinal));
    }
}
