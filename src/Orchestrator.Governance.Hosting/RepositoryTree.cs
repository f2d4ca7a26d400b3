// The one file walker of every host that lists or reads a repository's files (the CLI and the
// package's MSBuild tasks). Built for .NET Standard 2.0 (the tasks run in Visual Studio's .NET
// Framework MSBuild too: newer APIs through reflection there) and .NET 8. It walks the repository
// once, never follows a link to a folder, and refuses what a host must not open.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Orchestrator.Governance.Hosting
{
    /// <summary>
    /// The files under a repository root that a host may read, and the ones it refuses with the
    /// reason (GOV002), from one walk. Policy: only regular files whose real path is inside the
    /// root are read; a symbolic link to a regular file inside the root is read (through its real
    /// path), one that leads outside, into .git, obj or node_modules, nowhere or round a loop is
    /// refused; a FIFO, socket or device is refused and never opened; a symbolic link to a folder
    /// is never followed and not listed (so no walk leaves the root or goes round in circles); a
    /// folder that cannot be listed is skipped. Paths are repository-relative with forward slashes.
    /// </summary>
    internal sealed class RepositoryTree
    {
        /// <summary>Folders never walked: their files are no file of the repository for any host.</summary>
        internal static readonly string[] PrunedFolders = { ".git", "node_modules", "obj" };

        private readonly Dictionary<string, string> _open = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly SortedDictionary<string, string> _refused = new SortedDictionary<string, string>(StringComparer.Ordinal);
        private readonly bool _refuseUncheckedEmptyFiles;

        private RepositoryTree(string root, bool refuseUncheckedEmptyFiles)
        {
            Root = root;
            _refuseUncheckedEmptyFiles = refuseUncheckedEmptyFiles;
        }

        /// <summary>The real path of the root (links resolved), without a trailing separator.</summary>
        public string Root { get; }

        /// <summary>Every readable file, sorted (ordinal).</summary>
        public IReadOnlyList<string> Files { get; private set; } = new string[0];

        /// <summary>Every refused file with its reason, sorted (ordinal).</summary>
        public IReadOnlyDictionary<string, string> Refused => _refused;

        /// <summary>
        /// Walks <paramref name="root"/> once. <paramref name="refuseUncheckedEmptyFiles"/>: where the
        /// file type cannot be asked (Unix other than Linux), refuse empty files, which is what a
        /// FIFO looks like (a host that reads them itself need not: it skips reading an empty file).
        /// </summary>
        public static RepositoryTree Walk(string root, bool refuseUncheckedEmptyFiles = false)
        {
            string full = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            if (full.Length == 0 || (full.Length == 2 && full[1] == ':')) full += Path.DirectorySeparatorChar;
            string real = Links.ResolvePath(full).Path ?? full;
            FileKinds.Check(real);
            var tree = new RepositoryTree(real, refuseUncheckedEmptyFiles);
            var files = new List<string>();
            var pending = new Stack<string>();
            pending.Push(string.Empty);
            while (pending.Count > 0)
            {
                string folder = pending.Pop();
                string folderPath = folder.Length == 0 ? real : Path.Combine(real, folder);
                List<FileSystemInfo> entries;
                try
                {
                    entries = new DirectoryInfo(folderPath).EnumerateFileSystemInfos().ToList();
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is System.Security.SecurityException)
                {
                    continue; // a folder that cannot be listed has no files for any host
                }

                foreach (var entry in entries)
                {
                    // A line break in a name would break every line-based list (file list, refused list, text output).
                    if (entry.Name.IndexOf('\n') >= 0 || entry.Name.IndexOf('\r') >= 0) continue;
                    string relative = folder.Length == 0 ? entry.Name : folder + "/" + entry.Name;
                    FileAttributes attributes;
                    try
                    {
                        attributes = entry.Attributes;
                    }
                    catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                    {
                        continue;
                    }

                    // Editors' lock, swap and backup files, and our own temporary files: no file of the repository.
                    if ((attributes & FileAttributes.Directory) == 0 && ScratchFiles.IsScratch(entry.Name)) continue;
                    bool isLink = (attributes & FileAttributes.ReparsePoint) != 0 && (!Links.CanRead || Links.Read(entry.FullName) != null);
                    if ((attributes & FileAttributes.Directory) != 0)
                    {
                        // Folder links are never followed (in or out of the root, loop or not); pruned folders are not walked.
                        if (!isLink && Array.IndexOf(PrunedFolders, entry.Name) < 0) pending.Push(relative);
                        continue;
                    }

                    string? reason = tree.Classify(folderPath, entry.Name, isLink, out string? open);
                    if (reason != null) tree._refused[relative] = reason;
                    else if (open != null)
                    {
                        tree._open[relative] = open;
                        files.Add(relative);
                    }
                }
            }

            files.Sort(StringComparer.Ordinal);
            tree.Files = files;
            return tree;
        }

        /// <summary>
        /// One file of the repository as a document, by the walk's verdict: refused (GOV002 with the
        /// reason), larger than <paramref name="maxBytes"/>, or its bytes read through its real path
        /// and decoded (<see cref="Orchestrator.Governance.Documents.DocumentInput.FromBytes"/>). An empty file is never
        /// opened: a FIFO or device that the type check cannot tell (on a system without statx) looks
        /// like one, and an empty file's text is known without reading it. The CLI and the MSBuild
        /// task read every file through here.
        /// </summary>
        public Orchestrator.Governance.Documents.DocumentInput ReadDocument(string relative, long maxBytes)
        {
            string? reason = Refusal(relative, out string? open);
            if (reason != null || open == null) return Orchestrator.Governance.Documents.DocumentInput.Unreadable(relative, reason ?? "cannot be read");
            try
            {
                var info = new FileInfo(open);
                if (info.Length > maxBytes)
                    return Orchestrator.Governance.Documents.DocumentInput.Unreadable(relative, $"{info.Length} bytes is more than limits.maxDocumentBytes ({maxBytes})", info.Length);
                if (info.Length == 0) return Orchestrator.Governance.Documents.DocumentInput.FromBytes(relative, Array.Empty<byte>());
                return Orchestrator.Governance.Documents.DocumentInput.FromBytes(relative, File.ReadAllBytes(open));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return Orchestrator.Governance.Documents.DocumentInput.Unreadable(relative, "cannot be read: " + e.Message);
            }
        }

        /// <summary>
        /// Why <paramref name="relative"/> must not be read, or null when it may; then
        /// <paramref name="open"/> is the real path to open. Any path, walked or not (a host that
        /// looks a file up by name, on a file system that ignores case, gets the same answer).
        /// </summary>
        public string? Refusal(string relative, out string? open)
        {
            if (_open.TryGetValue(relative, out open)) return null;
            if (_refused.TryGetValue(relative, out var known)) return known;
            open = null;
            var parts = relative.Replace('\\', '/').Split('/').Where(p => p.Length > 0 && p != ".").ToList();
            if (parts.Count == 0 || parts.Contains("..") || Path.IsPathRooted(relative)) return "is outside the repository; not read";
            string folder = Root;
            for (int i = 0; i < parts.Count - 1; i++)
            {
                folder = Path.Combine(folder, parts[i]);
                if (Links.Read(folder) != null) return "is in a folder reached through a symbolic link, which is not followed; not read";
                if (Array.IndexOf(PrunedFolders, parts[i]) >= 0) return "is in " + parts[i] + "/, which is never read; not read";
            }

            string name = parts[parts.Count - 1];
            string full = Path.Combine(folder, name);
            bool isLink = Links.Read(full) != null;
            if (!isLink && Directory.Exists(full)) return "is a folder, not a file; not read";
            if (!isLink && !File.Exists(full)) return "does not exist";
            return Classify(folder, name, isLink, out open);
        }

        /// <summary><paramref name="realPath"/> relative to the root (forward slashes), or null when it is not inside it.</summary>
        internal string? RelativeInside(string realPath)
        {
            var comparison = Links.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            string prefix = Root.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? Root : Root + Path.DirectorySeparatorChar;
            if (!realPath.StartsWith(prefix, comparison)) return null;
            return realPath.Substring(prefix.Length).Replace(Path.DirectorySeparatorChar, '/');
        }

        /// <summary>One file entry (not a real folder, not a folder link) in a real folder.</summary>
        private string? Classify(string realFolder, string name, bool isLink, out string? open)
        {
            open = null;
            string path = Path.Combine(realFolder, name);
            if (isLink)
            {
                if (!Links.CanRead) return "is a symbolic link, which this host cannot resolve; not read";
                var resolved = Links.Resolve(realFolder, name);
                if (resolved.Loop) return "is a symbolic link that goes round in a loop; not read";
                if (resolved.Path == null) return "is a symbolic link to a file that does not exist; not read";
                string? inside = RelativeInside(resolved.Path);
                if (inside == null) return "is a symbolic link to a file outside the repository; not read";
                var segments = inside.Split('/');
                for (int i = 0; i < segments.Length - 1; i++)
                {
                    if (Array.IndexOf(PrunedFolders, segments[i]) >= 0) return "is a symbolic link to a file in " + segments[i] + "/, which is never read; not read";
                }

                var targetKind = FileKinds.Of(resolved.Path);
                if (targetKind == FileKind.Directory) return "is a symbolic link to a folder; not followed";
                string? special = Special(targetKind, "a symbolic link to ");
                if (special != null) return special;
                if (targetKind == FileKind.Unknown && _refuseUncheckedEmptyFiles && IsEmpty(resolved.Path)) return UncheckedEmpty;
                open = resolved.Path;
                return null;
            }

            var kind = FileKinds.Of(path);
            string? reason = Special(kind, string.Empty);
            if (reason != null) return reason;
            if (kind == FileKind.Unknown && _refuseUncheckedEmptyFiles && IsEmpty(path)) return UncheckedEmpty;
            open = path;
            return null;
        }

        private const string UncheckedEmpty = "is empty and its file type cannot be checked on this system (it may be a FIFO); not opened";

        private static bool IsEmpty(string path)
        {
            try
            {
                return new FileInfo(path).Length == 0;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return true;
            }
        }

        private static string? Special(FileKind kind, string prefix) => kind switch
        {
            FileKind.Fifo => "is " + prefix + "a FIFO, not a regular file; not opened",
            FileKind.Socket => "is " + prefix + "a socket, not a regular file; not opened",
            FileKind.CharacterDevice => "is " + prefix + "a character device, not a regular file; not opened",
            FileKind.BlockDevice => "is " + prefix + "a block device, not a regular file; not opened",
            _ => null,
        };
    }

    /// <summary>What lstat(2) says a path is.</summary>
    internal enum FileKind
    {
        /// <summary>The type cannot be asked on this system.</summary>
        Unknown,
        Regular,
        Directory,
        SymbolicLink,
        Fifo,
        Socket,
        CharacterDevice,
        BlockDevice,
        Missing,
    }

    /// <summary>
    /// File types without opening the file: statx(2) through libc on Linux (AT_SYMLINK_NOFOLLOW,
    /// STATX_TYPE; struct statx has the same layout on every architecture). Elsewhere, or when the
    /// call is not there (glibc before 2.28, a kernel before 4.11, a sandbox that forbids it), Unknown.
    /// </summary>
    internal static class FileKinds
    {
        private const int AtFdCwd = -100;
        private const int AtSymlinkNoFollow = 0x100;
        private const uint StatxType = 0x1;
        private static bool _disabled = !RuntimeInformation.IsOSPlatform(OSPlatform.Linux);

        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        private static extern int Statx(int dirfd, string path, int flags, uint mask, byte[] buffer);

        /// <summary>Whether types can be asked here.</summary>
        public static bool Available => !_disabled;

        /// <summary>Turns the check off unless a folder known to exist comes out as a folder.</summary>
        public static void Check(string folder)
        {
            if (!_disabled && Of(folder) != FileKind.Directory) _disabled = true;
        }

        /// <summary>The type of <paramref name="path"/> itself (a link is not followed).</summary>
        public static FileKind Of(string path)
        {
            if (_disabled) return FileKind.Unknown;
            var buffer = new byte[256];
            int result;
            try
            {
                result = Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, buffer);
            }
            catch (Exception e) when (e is EntryPointNotFoundException || e is DllNotFoundException || e is MarshalDirectiveException)
            {
                _disabled = true;
                return FileKind.Unknown;
            }

            if (result != 0)
            {
                int errno = Marshal.GetLastWin32Error();
                if (errno == 2 || errno == 20) return FileKind.Missing; // ENOENT, ENOTDIR
                if (errno == 38 || errno == 1) _disabled = true; // ENOSYS, EPERM (seccomp)
                return FileKind.Unknown;
            }

            if ((BitConverter.ToUInt32(buffer, 0) & StatxType) == 0) return FileKind.Unknown;
            return (BitConverter.ToUInt16(buffer, 28) & 0xF000) switch
            {
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Directory,
                0xA000 => FileKind.SymbolicLink,
                0x1000 => FileKind.Fifo,
                0xC000 => FileKind.Socket,
                0x2000 => FileKind.CharacterDevice,
                0x6000 => FileKind.BlockDevice,
                _ => FileKind.Unknown,
            };
        }
    }

    /// <summary>Symbolic links, resolved component by component like realpath(3), without opening anything.</summary>
    internal static class Links
    {
        /// <summary>More links than this in one resolution is a loop (Linux's limit).</summary>
        public const int MaxLinks = 40;

#if !NET
        private static readonly PropertyInfo? LinkTargetProperty = typeof(FileSystemInfo).GetProperty("LinkTarget");
#endif

        /// <summary>Whether this runtime can read a link's target (.NET 6 and later; not .NET Framework).</summary>
#if NET
        public static bool CanRead => true;
#else
        public static bool CanRead => LinkTargetProperty != null;
#endif

        /// <summary>Whether paths compare without case here (Windows, macOS).</summary>
        public static bool IgnoreCase { get; } = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX);

        /// <summary>The target of the link at <paramref name="path"/> as stored, or null when it is no link (or does not exist).</summary>
        public static string? Read(string path)
        {
            try
            {
#if NET
                return new FileInfo(path).LinkTarget;
#else
                return LinkTargetProperty?.GetValue(new FileInfo(path)) as string;
#endif
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is TargetInvocationException || e is ArgumentException)
            {
                return null;
            }
        }

        /// <summary>The real path of <paramref name="name"/> in the real folder <paramref name="realFolder"/>.</summary>
        public static (string? Path, bool Loop) Resolve(string realFolder, string name)
        {
            var pending = new Stack<string>();
            Push(pending, name);
            return Walk(realFolder, pending);
        }

        /// <summary>The real path of an absolute path.</summary>
        public static (string? Path, bool Loop) ResolvePath(string fullPath)
        {
            string root = Path.GetPathRoot(fullPath) ?? string.Empty;
            var pending = new Stack<string>();
            Push(pending, fullPath.Substring(root.Length));
            return Walk(root, pending);
        }

        private static (string? Path, bool Loop) Walk(string current, Stack<string> pending)
        {
            int links = 0;
            while (pending.Count > 0)
            {
                string part = pending.Pop();
                if (part.Length == 0 || part == ".") continue;
                if (part == "..")
                {
                    current = Path.GetDirectoryName(current) ?? current;
                    continue;
                }

                string next = Path.Combine(current, part);
                string? target = Read(next);
                if (target == null)
                {
                    if (!File.Exists(next) && !Directory.Exists(next)) return (null, false);
                    current = next;
                    continue;
                }

                if (++links > MaxLinks) return (null, true);
                if (Path.IsPathRooted(target))
                {
                    string root = Path.GetPathRoot(target) ?? string.Empty;
                    current = root;
                    target = target.Substring(root.Length);
                }

                Push(pending, target);
            }

            return (current, false);
        }

        private static void Push(Stack<string> pending, string path)
        {
            var parts = path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            for (int i = parts.Length - 1; i >= 0; i--) pending.Push(parts[i]);
        }
    }

    /// <summary>
    /// MSBuild-style globs matched against repository-relative paths (no disk access): '**' as a
    /// whole segment is any number of folders, '*' any characters within a segment, '?' one.
    /// Case-sensitive on Linux, as MSBuild's own globs there.
    /// </summary>
    internal sealed class GlobSet
    {
        private readonly List<Regex> _patterns = new List<Regex>();

        public GlobSet(IEnumerable<string> globs)
        {
            foreach (var glob in globs)
            {
                var regex = ToRegex(glob);
                if (regex != null) _patterns.Add(regex);
            }
        }

        public bool IsEmpty => _patterns.Count == 0;

        public bool IsMatch(string relative)
        {
            foreach (var pattern in _patterns)
            {
                if (pattern.IsMatch(relative)) return true;
            }

            return false;
        }

        /// <summary>A glob relative to the root (after <c>./</c>), or null for an empty one or one that climbs out.</summary>
        internal static Regex? ToRegex(string glob)
        {
            string g = glob.Trim().Replace('\\', '/');
            while (g.StartsWith("./", StringComparison.Ordinal)) g = g.Substring(2);
            if (g.Length == 0 || g.StartsWith("/", StringComparison.Ordinal) || ("/" + g + "/").Contains("/../")) return null;
            var segments = g.Split('/').Where(s => s.Length > 0 && s != ".").ToArray();
            var regex = new StringBuilder("^");
            for (int i = 0; i < segments.Length; i++)
            {
                bool last = i == segments.Length - 1;
                if (segments[i] == "**")
                {
                    regex.Append(last ? ".*" : "(?:[^/]*/)*");
                    continue;
                }

                foreach (char c in segments[i])
                {
                    regex.Append(c == '*' ? "[^/]*" : c == '?' ? "[^/]" : Regex.Escape(c.ToString()));
                }

                if (!last) regex.Append('/');
            }

            regex.Append('$');
            var options = RegexOptions.CultureInvariant | RegexOptions.Singleline | (Links.IgnoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
            return new Regex(regex.ToString(), options);
        }
    }
}
