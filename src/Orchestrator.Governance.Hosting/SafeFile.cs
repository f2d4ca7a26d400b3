using System;
using System.IO;
using System.Text;

namespace Orchestrator.Governance.Hosting
{
    /// <summary>
    /// How every host writes a file of the repository (<c>governance baseline</c>, <c>lock</c>,
    /// <c>fix</c>, the MCP server's apply_fix): whole, so that a kill or a full disk at any moment
    /// leaves the old file or the new one, never a part (docs/security.md). The new text goes to a
    /// temporary file beside the target (random name, created exclusively, so neither an existing
    /// file nor a link planted at its name is opened), is flushed to the disk, takes the target's
    /// permissions, and replaces the target by a rename, but only when the target still holds what
    /// was read: a file an editor or a second run changed meanwhile is left alone, with the reason.
    /// A target that is a symbolic link is never written through.
    /// </summary>
    internal static class SafeFile
    {
        /// <summary>Why a file that changed since it was read is left alone.</summary>
        public const string ChangedSinceRead = "it changed since it was read; run the command again";

        /// <summary>
        /// Writes <paramref name="text"/> (UTF-8; a byte order mark when <paramref name="bom"/>) to
        /// <paramref name="full"/>. <paramref name="expected"/> is the text the caller read there
        /// (a byte order mark aside), or null when there was no file: the write is refused when the
        /// file now holds anything else. Null when written, else why not (nothing changed then).
        /// </summary>
        public static string? Write(string full, string text, bool bom, string? expected)
        {
            string folder = Path.GetDirectoryName(full)!;
            if (IsLink(full)) return "it is a symbolic link; it is not written through (replace the link by a file first)";
            if (!Holds(full, expected)) return ChangedSinceRead;
            string temporary = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".governance.tmp");
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    byte[] bytes = new UTF8Encoding(false).GetBytes(text);
                    if (bom) stream.Write(new byte[] { 0xEF, 0xBB, 0xBF }, 0, 3);
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(flushToDisk: true);
                }

                KeepMode(full, temporary);

                // The last look before the rename: what an editor saved during the run is not overwritten.
                if (!Holds(full, expected) || IsLink(full))
                {
                    Delete(temporary);
                    return ChangedSinceRead;
                }

#if NET
                File.Move(temporary, full, overwrite: true);
#else
                if (File.Exists(full)) File.Replace(temporary, full, null);
                else File.Move(temporary, full);
#endif
                return null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                Delete(temporary);
                return e.Message;
            }
        }

        /// <summary>Whether <paramref name="full"/> is a symbolic link (or another reparse point).</summary>
        private static bool IsLink(string full)
        {
            try
            {
                return (File.GetAttributes(full) & FileAttributes.ReparsePoint) != 0;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return false;
            }
        }

        /// <summary>Whether the file holds <paramref name="expected"/> (decoded as UTF-8, a byte order mark aside), or is absent when it is null.</summary>
        private static bool Holds(string full, string? expected)
        {
            if (!File.Exists(full)) return expected == null;
            if (expected == null) return false;
            try
            {
                byte[] bytes = File.ReadAllBytes(full);
                int skip = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
                return string.Equals(new UTF8Encoding(false).GetString(bytes, skip, bytes.Length - skip), expected, StringComparison.Ordinal);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return false;
            }
        }

        /// <summary>Gives <paramref name="temporary"/> the permissions of <paramref name="full"/>, when it exists (a 0755 script stays 0755).</summary>
        private static void KeepMode(string full, string temporary)
        {
#if NET
            if (OperatingSystem.IsWindows() || !File.Exists(full)) return;
            File.SetUnixFileMode(temporary, File.GetUnixFileMode(full));
#endif
        }

        private static void Delete(string path)
        {
            try
            {
                if (File.Exists(path)) File.Delete(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
            }
        }
    }
}
