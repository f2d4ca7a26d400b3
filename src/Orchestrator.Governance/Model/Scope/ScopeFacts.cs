using System.Collections.Generic;
using Microsoft.Extensions.FileSystemGlobbing;
using System.Linq;
using System.Text.RegularExpressions;

namespace Orchestrator.Governance.Model.Scope
{
    /// <summary>A packet's IN_SCOPE_PATHS entries (seed 003 §5.3); the index reads them once per packet for GOV501-GOV505.</summary>
    public static class ScopeFacts
    {
        /// <summary>
        /// The IN_SCOPE_PATHS entries of <paramref name="packet"/> (empty without the field), read
        /// against the repository's files when the host handed them over, with
        /// <paramref name="newMarkers"/> (scope.newMarkers, regular expressions matched
        /// case-insensitively against an entry's annotation).
        /// </summary>
        public static IReadOnlyList<ScopeEntry> InScope(TaskPacket packet, TaskPacketProfile profile, RepositoryFiles? files, IEnumerable<string> newMarkers)
        {
            var field = profile.FieldOf(packet, "IN_SCOPE_PATHS");
            if (field == null) return new ScopeEntry[0];
            return ScopeEntry.Read(field, packet, files, NewMarkerTest(newMarkers));
        }

        /// <summary>
        /// Whether a text carries one of <paramref name="newMarkers"/> (scope.newMarkers, regular
        /// expressions matched case-insensitively; a match that times out is no match).
        /// </summary>
        public static System.Func<string, bool> NewMarkerTest(IEnumerable<string> newMarkers)
        {
            var markers = newMarkers.Select(m => TaskPacketProfile.Pattern(m, RegexOptions.IgnoreCase)).ToList();
            return text => markers.Any(m => IsMatch(m, text));
        }

        private static bool IsMatch(Regex regex, string text)
        {
            try
            {
                return regex.IsMatch(text);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }

        private const string GlobRoot = "/repo";

        /// <summary>
        /// The paths two IN_SCOPE_PATHS entries both own, in ordinal order (GOV801): the same file, a
        /// file inside a folder, the inner of two nested folders, what a glob reaches of a file or
        /// folder, or the repository files two globs both match (only with <paramref name="files"/>).
        /// Empty when they do not overlap, or when it cannot be told; prose owns nothing.
        /// </summary>
        public static List<string> SharedPaths(ScopeEntry a, ScopeEntry b, Text.StringSet? files)
        {
            if (a.Kind == ScopeEntryKind.Glob && b.Kind == ScopeEntryKind.Glob)
            {
                if (files == null) return new List<string>();
                var both = new HashSet<string>(GlobMatch(a.Path, files), System.StringComparer.Ordinal);
                both.IntersectWith(GlobMatch(b.Path, files));
                return both.OrderBy(p => p, System.StringComparer.Ordinal).ToList();
            }

            if (a.Kind == ScopeEntryKind.Glob || b.Kind == ScopeEntryKind.Glob)
            {
                var (glob, path) = a.Kind == ScopeEntryKind.Glob ? (a, b) : (b, a);
                if (path.Kind == ScopeEntryKind.File) return GlobMatches(glob.Path, path.Path) ? new List<string> { path.Path } : new List<string>();
                // A glob and a folder: the files in the folder the glob matches, when the files are known; else the folder, when the glob reaches into it.
                string folder = Folder(path.Path);
                if (files != null) return GlobMatch(glob.Path, files).Where(f => f.StartsWith(folder + "/", System.StringComparison.Ordinal)).OrderBy(f => f, System.StringComparer.Ordinal).ToList();
                return GlobMatches(glob.Path, folder + "/x") ? new List<string> { folder + "/" } : new List<string>();
            }

            if (a.Kind == ScopeEntryKind.File && b.Kind == ScopeEntryKind.File)
                return string.Equals(a.Path, b.Path, System.StringComparison.Ordinal) ? new List<string> { a.Path } : new List<string>();
            if (a.Kind == ScopeEntryKind.Folder && b.Kind == ScopeEntryKind.Folder)
            {
                string fa = Folder(a.Path), fb = Folder(b.Path);
                if (Inside(fa, fb)) return new List<string> { fa + "/" };
                if (Inside(fb, fa)) return new List<string> { fb + "/" };
                return new List<string>();
            }

            var (file, dir) = a.Kind == ScopeEntryKind.File ? (a, b) : (b, a);
            return Inside(file.Path, Folder(dir.Path)) ? new List<string> { file.Path } : new List<string>();
        }

        private static string Folder(string path) => path.TrimEnd('/');

        /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or inside it.</summary>
        private static bool Inside(string path, string folder) =>
            folder.Length == 0 || string.Equals(path, folder, System.StringComparison.Ordinal) || path.StartsWith(folder + "/", System.StringComparison.Ordinal);

        /// <summary>Whether <paramref name="glob"/> matches the repository-relative <paramref name="path"/>.</summary>
        internal static bool GlobMatches(string glob, string path) => GlobMatch(glob, new[] { path }).Any();

        /// <summary>The paths of <paramref name="paths"/> that <paramref name="glob"/> matches (none for a glob the matcher cannot take).</summary>
        internal static IEnumerable<string> GlobMatch(string glob, IEnumerable<string> paths)
        {
            // A glob the matcher cannot take matches nothing (GOV501 judges how it is written).
            var matcher = new Matcher(System.StringComparison.Ordinal);
            try
            {
                matcher.AddInclude(glob);
            }
            catch (System.ArgumentException)
            {
                return Enumerable.Empty<string>();
            }

            return matcher.Match(GlobRoot, paths.Select(p => GlobRoot + "/" + p)).Files.Select(f => f.Path);
        }
    }
}
