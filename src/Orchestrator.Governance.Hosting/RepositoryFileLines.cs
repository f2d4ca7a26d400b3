using System;
using System.Collections.Concurrent;
using System.IO;

namespace Orchestrator.Governance.Hosting
{
    /// <summary>
    /// The line counts of repository files evidence references cite
    /// (<see cref="Engine.AnalysisOptions.FileLines"/>, GOV114), read through the walk: only files
    /// it lists, through their real path inside the repository; a file it refused (a symbolic link
    /// leading outside, a FIFO, a device) is never opened and its refusal is the answer. A file larger
    /// than the limit is not counted. Each file is counted once (a streaming count of '\n', plus a
    /// last line without one).
    /// </summary>
    internal static class RepositoryFileLines
    {
        /// <summary>The host's answer for <paramref name="tree"/>, counting files of at most <paramref name="maxBytes"/>.</summary>
        public static Func<string, (int? Lines, string? Refusal)> For(RepositoryTree tree, long maxBytes)
        {
            var cache = new ConcurrentDictionary<string, (int?, string?)>(StringComparer.Ordinal);
            return path => cache.GetOrAdd(path, p => Count(tree, p, maxBytes));
        }

        private static (int? Lines, string? Refusal) Count(RepositoryTree tree, string path, long maxBytes)
        {
            if (tree.Refused.TryGetValue(path, out var reason)) return (null, reason);
            string? refusal = tree.Refusal(path, out string? open);
            if (refusal != null || open == null) return (null, null);
            try
            {
                using var stream = new FileStream(open, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024);
                if (stream.Length > maxBytes) return (null, null);
                var buffer = new byte[64 * 1024];
                int lines = 0, read;
                byte last = (byte)'\n';
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    for (int i = 0; i < read; i++)
                    {
                        if (buffer[i] == (byte)'\n') lines++;
                    }

                    last = buffer[read - 1];
                }

                return (last == (byte)'\n' ? lines : lines + 1, null);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return (null, null);
            }
        }
    }
}
