using Orchestrator.Governance.Text;

namespace Orchestrator.Governance.Documents
{
    /// <summary>
    /// One file handed to the engine by a host: its repository-relative path (forward slashes) and
    /// decoded text, or the reason it could not be read. The engine never reads files itself.
    /// </summary>
    public sealed class DocumentInput
    {
        private DocumentInput(string path, string? text, InvalidUtf8Position? invalidUtf8, string? unreadableReason, long sizeInBytes)
        {
            Path = NormalizePath(path);
            Text = text;
            InvalidUtf8 = invalidUtf8;
            UnreadableReason = unreadableReason;
            SizeInBytes = sizeInBytes;
        }

        /// <summary>Repository-relative path with forward slashes, e.g. docs/task_packets/WP-1-Foo.md.</summary>
        public string Path { get; }

        /// <summary>The decoded text, or null when the host could not read the file.</summary>
        public string? Text { get; }

        /// <summary>Where the file's bytes stop being UTF-8, when they do (see <see cref="TextDecoding"/>).</summary>
        public InvalidUtf8Position? InvalidUtf8 { get; }

        /// <summary>Why the host could not read the file (GOV002), or null.</summary>
        public string? UnreadableReason { get; }

        /// <summary>Size of the file in bytes as the host saw it (the text's length when unknown).</summary>
        public long SizeInBytes { get; }

        /// <summary>A document whose text the host has (already decoded).</summary>
        public static DocumentInput FromText(string path, string text, InvalidUtf8Position? invalidUtf8 = null, long? sizeInBytes = null) =>
            new DocumentInput(path, text ?? string.Empty, invalidUtf8, null, sizeInBytes ?? (text ?? string.Empty).Length);

        /// <summary>A document decoded from bytes with <see cref="TextDecoding.Decode"/>.</summary>
        public static DocumentInput FromBytes(string path, byte[] bytes)
        {
            var decoded = TextDecoding.Decode(bytes);
            return new DocumentInput(path, decoded.Text, decoded.InvalidUtf8, null, bytes.Length);
        }

        /// <summary>A document the host could not read, or chose not to read (too large).</summary>
        public static DocumentInput Unreadable(string path, string reason, long sizeInBytes = 0) =>
            new DocumentInput(path, null, null, reason, sizeInBytes);

        /// <summary>Backslashes to forward slashes, no leading "./".</summary>
        public static string NormalizePath(string path)
        {
            string p = (path ?? string.Empty).Replace('\\', '/');
            while (p.StartsWith("./", System.StringComparison.Ordinal)) p = p.Substring(2);
            return p;
        }

        /// <summary>
        /// A path written in a document, made repository-relative with "." and ".." segments and
        /// empty segments resolved (no trailing slash), or null when it is absolute (/x, C:\x, ~/x)
        /// or climbs out of the repository. Never touches the disk.
        /// </summary>
        public static string? ResolveInside(string path)
        {
            string p = NormalizePath(path);
            if (p.StartsWith("/", System.StringComparison.Ordinal) || p.StartsWith("~", System.StringComparison.Ordinal) || (p.Length > 1 && p[1] == ':')) return null;
            var parts = new System.Collections.Generic.List<string>();
            foreach (var segment in p.Split('/'))
            {
                if (segment.Length == 0 || segment == ".") continue;
                if (segment == "..")
                {
                    if (parts.Count == 0) return null;
                    parts.RemoveAt(parts.Count - 1);
                    continue;
                }

                parts.Add(segment);
            }

            return string.Join("/", parts);
        }
    }
}
