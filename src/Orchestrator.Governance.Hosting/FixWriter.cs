using System;
using System.IO;
using Orchestrator.Governance.Documents;

namespace Orchestrator.Governance.Hosting
{
    /// <summary>
    /// How a host writes a file a fix changed (<c>governance fix</c>, the MCP server's apply_fix):
    /// only a document that was read, is valid UTF-8 (not UTF-16) and that the walk allows to be
    /// written (inside the root, not through a link that leaves it,
    /// <see cref="RepositoryScanner.WriteRefusal"/>); written whole by <see cref="SafeFile"/>,
    /// keeping its byte order mark and permissions, and only while it holds what was read.
    /// </summary>
    internal static class FixWriter
    {
        /// <summary>
        /// Why <paramref name="path"/> (repository-relative) is left as it is ("it was not read",
        /// "it is not valid UTF-8 ...", "it is UTF-16", the walk's refusal), or null; then
        /// <paramref name="full"/> is the file to write and <paramref name="bom"/> whether it starts
        /// with a UTF-8 byte order mark.
        /// </summary>
        public static string? Refusal(RepositoryTree tree, string root, string path, DocumentInput? input, out string full, out bool bom)
        {
            full = tree.Refusal(path, out var real) == null && real != null ? real : Path.Combine(root, path);
            bom = false;
            if (input?.Text == null) return "it was not read";
            if (input.InvalidUtf8 != null) return "it is not valid UTF-8 (GOV004): save it as UTF-8 first";
            if (RepositoryScanner.WriteRefusal(tree, path) is string refusal) return "it " + refusal;
            byte[] head = new byte[3];
            int read;
            try
            {
                using (var stream = File.OpenRead(full)) read = stream.Read(head, 0, 3);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return "it cannot be read: " + e.Message;
            }

            if (read >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF))) return "it is UTF-16";
            bom = read == 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF;
            return null;
        }

        /// <summary>
        /// Writes <paramref name="text"/> to <paramref name="full"/> (UTF-8, with a BOM when
        /// <paramref name="bom"/>) through <see cref="SafeFile"/>, when the file still holds
        /// <paramref name="original"/> (what the fix was computed on); null, or why not.
        /// </summary>
        public static string? Write(string full, string text, bool bom, string original) => SafeFile.Write(full, text, bom, original);
    }
}
