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
        /// <summary>
        /// <paramref name="path"/> as a repository-relative path. <paramref name="realRoot"/> is the root with its
        /// symbolic links resolved (<see cref="RealPath"/>): an absolute path under it is taken as under the root, so
        /// a server started through a link accepts the paths an agent resolved itself.
        /// </summary>
        public static string Normalize(string root, string path, string argument, string? realRoot = null)
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
            if (realRoot != null && Path.IsPathRooted(trimmed) && Leaves(relative) && !Leaves(RepositoryDocuments.RelativePath(realRoot, full)))
                relative = RepositoryDocuments.RelativePath(realRoot, full);
            if (relative == ".") return string.Empty;
            if (Leaves(relative))
                throw new ToolError($"the path '{ToolArguments.Clip(path)}' in '{argument}' is outside the repository ({root})");
            return relative.TrimEnd('/');
        }

        private static bool Leaves(string relative) => relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative);

        /// <summary>
        /// The folder <paramref name="directory"/> (a full path) with every symbolic link on its way resolved, as
        /// realpath(3) gives it (<see cref="Links.ResolvePath"/>, as the repository walk resolves its root); the path
        /// as it is when it cannot be resolved (a loop, a folder that does not exist).
        /// </summary>
        public static string RealPath(string directory) => Links.ResolvePath(Path.GetFullPath(directory)).Path ?? directory;

        /// <summary>Whether the repository-relative <paramref name="file"/> is <paramref name="scope"/> or under it ("" is the whole repository).</summary>
        public static bool Covers(string scope, string file) => Engine.Queries.ScopeCheck.Covers(scope, file);
    }
}
