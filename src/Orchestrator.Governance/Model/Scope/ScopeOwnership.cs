using System;
using System.Collections.Generic;
using System.Linq;

namespace Orchestrator.Governance.Model.Scope
{
    /// <summary>
    /// Who owns which paths among the packets in progress at once (GOV801), indexed once so that
    /// each entry finds the entries it overlaps without comparing every pair of packets: files and
    /// folders by path (a file is owned by an entry naming it or a folder above it, found by walking
    /// its ancestors; a folder's files by a range of the sorted paths), globs expanded once against
    /// the repository's files. A file a packet marks new (scope.newMarkers) is owned like any file,
    /// and so is the first folder above it that the repository does not have: two packets that
    /// will create files in the same new folder both create that folder. Source: seed 001 §2
    /// (parallelize only non-overlapping ownership), seed 003 §5.3.
    /// </summary>
    public sealed class ScopeOwnership
    {
        /// <summary>One owner's claim: an IN_SCOPE_PATHS entry and the path it claims.</summary>
        public sealed class Claim
        {
            internal Claim(string owner, string status, TaskPacket packet, ScopeEntry entry, string path, ClaimKind kind, int order)
            {
                Order = order;
                Owner = owner;
                Status = status;
                Packet = packet;
                Entry = entry;
                Path = path;
                Kind = kind;
            }

            /// <summary>The WP ID that owns it (two files of one WP are one owner).</summary>
            public string Owner { get; }

            /// <summary>The owner's status (the board's where it lists the WP, else the packet's).</summary>
            public string Status { get; }

            /// <summary>The packet the entry stands in.</summary>
            public TaskPacket Packet { get; }

            /// <summary>The entry.</summary>
            public ScopeEntry Entry { get; }

            /// <summary>The path claimed: a file, a folder (no trailing slash) or a glob.</summary>
            public string Path { get; }

            /// <summary>What <see cref="Path"/> is.</summary>
            public ClaimKind Kind { get; }

            /// <summary>The claim's place among all claims, in the order they were made.</summary>
            internal int Order { get; }
        }

        /// <summary>What a claim names.</summary>
        public enum ClaimKind
        {
            /// <summary>A file (it may not exist yet).</summary>
            File,

            /// <summary>A folder and everything in it.</summary>
            Folder,

            /// <summary>A folder the repository does not have, which a new file of the entry creates.</summary>
            NewFolder,

            /// <summary>A glob.</summary>
            Glob,
        }

        /// <summary>What overlaps one entry: each other owner's first overlapping claim, and the paths the entry shares with any of them.</summary>
        public sealed class EntryOverlap
        {
            internal EntryOverlap(IReadOnlyList<Claim> others, SortedSet<string> shared)
            {
                Others = others;
                Shared = shared;
            }

            /// <summary>Each other owner's first overlapping claim (in the order the claims were found), sorted by owner ID.</summary>
            public IReadOnlyList<Claim> Others { get; }

            /// <summary>The paths the entry shares with one or more of <see cref="Others"/>, sorted (ordinal).</summary>
            public SortedSet<string> Shared { get; }

            /// <summary>Whether nothing overlaps the entry.</summary>
            public bool IsEmpty => Others.Count == 0;
        }

        private static readonly EntryOverlap None = new EntryOverlap(Array.Empty<Claim>(), new SortedSet<string>(StringComparer.Ordinal));

        private readonly Dictionary<string, List<Claim>> _byPath = new Dictionary<string, List<Claim>>(StringComparer.Ordinal);
        private readonly string[] _sorted;
        private readonly List<Claim> _globs = new List<Claim>();
        private readonly Dictionary<Claim, HashSet<string>?> _globFiles = new Dictionary<Claim, HashSet<string>?>();
        private readonly List<Claim> _unlisted = new List<Claim>();
        private readonly Dictionary<(string Glob, string Path), bool> _globTests = new Dictionary<(string Glob, string Path), bool>();

        // Globs by their text: packets in progress often write the same glob, which is expanded once,
        // and a file of the repository finds the globs that match it without testing each.
        private readonly Dictionary<string, List<Claim>> _patterns = new Dictionary<string, List<Claim>>(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<string>?> _patternFiles = new Dictionary<string, HashSet<string>?>(StringComparer.Ordinal);
        private readonly Dictionary<string, List<string>> _patternsOfFile = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        private readonly Dictionary<ScopeEntry, List<Claim>> _claimsOf = new Dictionary<ScopeEntry, List<Claim>>();
        private readonly RepositoryFiles? _repository;

        /// <summary>
        /// Indexes the claims of <paramref name="owners"/>: each packet in progress with its WP ID,
        /// its status and its IN_SCOPE_PATHS entries. <paramref name="repository"/>, when known,
        /// expands globs and tells which folders exist.
        /// </summary>
        public ScopeOwnership(IEnumerable<(TaskPacket Packet, string Owner, string Status, IReadOnlyList<ScopeEntry> Entries)> owners, RepositoryFiles? repository)
        {
            _repository = repository;
            int order = 0;
            foreach (var (packet, owner, status, entries) in owners)
            {
                foreach (var entry in Owned(entries))
                {
                    var claims = new List<Claim>();
                    switch (entry.Kind)
                    {
                        case ScopeEntryKind.File:
                            claims.Add(new Claim(owner, status, packet, entry, entry.Path, ClaimKind.File, order++));
                            if (repository != null && !repository.Files.Contains(entry.Path) && FirstMissingFolder(entry.Path) is string created)
                                claims.Add(new Claim(owner, status, packet, entry, created, ClaimKind.NewFolder, order++));
                            break;
                        case ScopeEntryKind.Folder:
                            claims.Add(new Claim(owner, status, packet, entry, entry.Path.TrimEnd('/'), ClaimKind.Folder, order++));
                            break;
                        case ScopeEntryKind.Glob:
                            claims.Add(new Claim(owner, status, packet, entry, entry.Path, ClaimKind.Glob, order++));
                            break;
                    }

                    _claimsOf[entry] = claims;
                    foreach (var claim in claims)
                    {
                        if (claim.Kind == ClaimKind.Glob)
                        {
                            _globs.Add(claim);
                            _globFiles[claim] = Expand(claim.Path);
                            if (!_patterns.TryGetValue(claim.Path, out var same)) _patterns[claim.Path] = same = new List<Claim>();
                            same.Add(claim);
                            continue;
                        }

                        if (claim.Kind == ClaimKind.File && (repository == null || !repository.Files.Contains(claim.Path))) _unlisted.Add(claim);
                        if (!_byPath.TryGetValue(claim.Path, out var list)) _byPath[claim.Path] = list = new List<Claim>();
                        list.Add(claim);
                    }
                }
            }

            _sorted = _byPath.Keys.OrderBy(p => p, StringComparer.Ordinal).ToArray();
        }

        /// <summary>The repository's files <paramref name="glob"/> matches (null without a file list), expanded once per glob text.</summary>
        private HashSet<string>? Expand(string glob)
        {
            if (_patternFiles.TryGetValue(glob, out var known)) return known;
            var files = _repository == null ? null : new HashSet<string>(ScopeFacts.GlobMatch(glob, _repository.Files), StringComparer.Ordinal);
            _patternFiles[glob] = files;
            if (files != null)
            {
                foreach (var file in files)
                {
                    if (!_patternsOfFile.TryGetValue(file, out var patterns)) _patternsOfFile[file] = patterns = new List<string>();
                    patterns.Add(glob);
                }
            }

            return files;
        }

        /// <summary>The entries that own files: files, folders and globs (one per path).</summary>
        public static List<ScopeEntry> Owned(IReadOnlyList<ScopeEntry> entries) => entries
            .Where(e => e.Path.Length > 0 && (e.Kind == ScopeEntryKind.File || e.Kind == ScopeEntryKind.Folder || e.Kind == ScopeEntryKind.Glob))
            .GroupBy(e => e.Path, StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();

        /// <summary>
        /// The other owners whose claims overlap <paramref name="entry"/> (an entry of
        /// <paramref name="owner"/>) and the paths shared. Each other owner is kept once, with the
        /// claim found first, and the shared paths once for all owners: an entry that a thousand
        /// packets in progress also claim costs a dictionary entry per packet, not a set per packet.
        /// </summary>
        public EntryOverlap OverlapsOf(string owner, ScopeEntry entry)
        {
            if (!_claimsOf.TryGetValue(entry, out var mine)) return None;
            var firstOf = new Dictionary<string, Claim>(StringComparer.Ordinal);
            var shared = new HashSet<string>(StringComparer.Ordinal);

            void Add(Claim other, string path)
            {
                if (string.Equals(other.Owner, owner, StringComparison.Ordinal)) return;
                if (!firstOf.ContainsKey(other.Owner)) firstOf[other.Owner] = other;
                shared.Add(path);
            }

            foreach (var claim in mine)
            {
                switch (claim.Kind)
                {
                    case ClaimKind.File:
                        FileOverlaps(claim.Path, Add, includeNewFiles: true);
                        break;
                    case ClaimKind.Folder:
                    case ClaimKind.NewFolder:
                        FolderOverlaps(claim, Add);
                        break;
                    case ClaimKind.Glob:
                        GlobOverlaps(claim, Add);
                        break;
                }
            }

            if (firstOf.Count == 0) return None;
            var others = firstOf.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => o.Value).ToList();
            return new EntryOverlap(others, new SortedSet<string>(shared, StringComparer.Ordinal));
        }

        /// <summary>Claims on the file <paramref name="path"/>: the same file, a folder above it, a glob that matches it.</summary>
        private void FileOverlaps(string path, Action<Claim, string> add, bool includeNewFiles)
        {
            if (_byPath.TryGetValue(path, out var same))
            {
                foreach (var c in same)
                {
                    if (c.Kind == ClaimKind.File) add(c, path);
                }
            }

            foreach (var folder in Ancestors(path))
            {
                if (!_byPath.TryGetValue(folder, out var above)) continue;
                // A folder another packet owns holds the file; a new folder another packet's new file
                // creates does not (the two share the folder, found from the folder claims).
                foreach (var c in above)
                {
                    if (c.Kind == ClaimKind.Folder) add(c, path);
                }
            }

            // The globs that match it: from the expansion for a file of the repository; tested, once per
            // glob text, for a file the list does not hold (a new one, with includeNewFiles) or without a list.
            var matching = new List<Claim>();
            if (_repository != null && _patternsOfFile.TryGetValue(path, out var patterns))
            {
                foreach (var pattern in patterns) matching.AddRange(_patterns[pattern]);
            }
            else if (_repository == null || (includeNewFiles && !_repository.Files.Contains(path)))
            {
                foreach (var pattern in _patterns)
                {
                    if (Matches(pattern.Key, path)) matching.AddRange(pattern.Value);
                }
            }

            // In the order the claims were made, as every glob was once tested in turn.
            if (matching.Count > 1) matching.Sort((a, b) => a.Order.CompareTo(b.Order));
            foreach (var glob in matching) add(glob, path);
        }

        /// <summary>Claims on the folder: the same folder or one above it, and whatever is claimed inside it.</summary>
        private void FolderOverlaps(Claim claim, Action<Claim, string> add)
        {
            string folder = claim.Path;
            if (_byPath.TryGetValue(folder, out var same))
            {
                foreach (var c in same)
                {
                    if (c.Kind == ClaimKind.Folder || (c.Kind == ClaimKind.NewFolder && claim.Kind == ClaimKind.NewFolder) || (c.Kind == ClaimKind.NewFolder && claim.Kind == ClaimKind.Folder))
                        add(c, folder + "/");
                }
            }

            // A new folder is claimed by the new files in it, which the folder above them already finds.
            if (claim.Kind == ClaimKind.Folder)
            {
                foreach (var above in Ancestors(folder))
                {
                    if (!_byPath.TryGetValue(above, out var list)) continue;
                    foreach (var c in list)
                    {
                        if (c.Kind == ClaimKind.Folder) add(c, folder + "/");
                    }
                }

                // Everything claimed inside the folder: a range of the sorted paths.
                string prefix = folder.Length == 0 ? string.Empty : folder + "/";
                int start = Array.BinarySearch(_sorted, prefix, StringComparer.Ordinal);
                if (start < 0) start = ~start;
                for (int i = start; i < _sorted.Length && _sorted[i].StartsWith(prefix, StringComparison.Ordinal); i++)
                {
                    foreach (var c in _byPath[_sorted[i]])
                        add(c, c.Kind == ClaimKind.File ? c.Path : c.Path + "/");
                }

                foreach (var glob in _globs)
                {
                    var matched = _globFiles[glob];
                    if (matched != null)
                    {
                        foreach (var file in matched)
                        {
                            if (file.StartsWith(prefix, StringComparison.Ordinal)) add(glob, file);
                        }
                    }
                    else if (Matches(glob.Path, prefix + "x"))
                    {
                        add(glob, prefix);
                    }
                }
            }
        }

        /// <summary>Claims on what a glob matches: the repository's files it matches, and files that do not exist yet.</summary>
        private void GlobOverlaps(Claim claim, Action<Claim, string> add)
        {
            var matched = _globFiles[claim];
            if (matched != null)
            {
                foreach (var file in matched) FileOverlaps(file, add, includeNewFiles: false);
            }

            // Files claimed that the file list does not hold (new ones), or every file claim without a list.
            foreach (var file in _unlisted)
            {
                if (Matches(claim.Path, file.Path)) add(file, file.Path);
            }

            // Folders the glob reaches into, without a file list.
            if (matched == null)
            {
                foreach (var path in _sorted)
                {
                    foreach (var c in _byPath[path])
                    {
                        if (c.Kind == ClaimKind.Folder && Matches(claim.Path, c.Path + "/x")) add(c, c.Path + "/");
                    }
                }
            }
        }

        /// <summary>Whether the glob matches the path, each pair decided once (the matcher is costly to build).</summary>
        private bool Matches(string glob, string path)
        {
            var key = (glob, path);
            lock (_globTests)
            {
                if (!_globTests.TryGetValue(key, out bool matches)) _globTests[key] = matches = ScopeFacts.GlobMatches(glob, path);
                return matches;
            }
        }

        /// <summary>The folders above <paramref name="path"/>, nearest first ("" for the root is not one).</summary>
        private static IEnumerable<string> Ancestors(string path)
        {
            for (int slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
                yield return path.Substring(0, slash);
        }

        /// <summary>The first folder above <paramref name="path"/>, from the root down, that the repository does not have; null when all exist.</summary>
        private string? FirstMissingFolder(string path)
        {
            var folders = Ancestors(path).Reverse();
            foreach (var folder in folders)
            {
                if (!_repository!.Folders.Contains(folder)) return folder;
            }

            return null;
        }
    }
}
