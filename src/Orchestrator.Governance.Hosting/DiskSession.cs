using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;

namespace Orchestrator.Governance.Hosting
{
    /// <summary>What <see cref="DiskSession.FindChanges"/> found on disk since the session last read it.</summary>
    internal enum DiskChange
    {
        /// <summary>Nothing: the last analysis still holds.</summary>
        None,

        /// <summary>Governance documents changed in place: marked stale, read again alone by <see cref="DiskSession.RereadStale"/>.</summary>
        Documents,

        /// <summary>A file created, deleted or renamed beside a governance document, or the configuration changed: read everything again.</summary>
        Structure,
    }

    /// <summary>
    /// The repository on disk as a long-lived host holds it between analyses: the language server
    /// (<c>governance lsp</c>, which lays the editor's open documents over it) and the MCP server
    /// (<c>governance mcp</c>) share this one incremental session. It is read whole
    /// (<see cref="RepositoryDocuments.Load"/>: the walk, governance.yml, the documents it selects, as the CLI
    /// and the MSBuild task read them), then kept current a document at a time: a document marked stale (by the
    /// host, or by <see cref="FindChanges"/> when its length or last write time changed) is read again alone, as
    /// the last walk judged it (<see cref="RepositoryTree.ReadDocument"/>). One <see cref="AnalysisCache"/>
    /// serves every analysis, so a packet whose inputs did not change is not analysed again. Not thread-safe:
    /// the host serializes calls, except <see cref="ReadDisk"/>, which touches no field.
    /// </summary>
    internal sealed class DiskSession
    {
        private readonly SortedSet<string> _stale = new SortedSet<string>(StringComparer.Ordinal);
        private DiskRead _read;

        /// <summary>A session on the folder <paramref name="root"/> (made a full path); nothing is read until <see cref="SetLoaded"/>.</summary>
        public DiskSession(string root)
        {
            Root = Path.GetFullPath(root);
            _read = DiskRead.Empty;
        }

        /// <summary>The repository root (a full path).</summary>
        public string Root { get; }

        /// <summary>What each analysis of the session hands to the next (the documents and packet rule results whose inputs did not change).</summary>
        public AnalysisCache Cache { get; } = new AnalysisCache();

        /// <summary>Whether the repository was read at least once.</summary>
        public bool IsLoaded { get; private set; }

        /// <summary>The selected governance documents as last read, by repository-relative path (in the walk's order).</summary>
        public IReadOnlyList<DocumentInput> Documents => _read.Documents;

        /// <summary>The last walk (which files exist and may be read or written), or null before the first or when it failed.</summary>
        public RepositoryTree? Tree => _read.Tree;

        /// <summary>The configuration's repository-relative path (governance.yml unless the load found another).</summary>
        public string ConfigPath => _read.Options.ConfigPath;

        /// <summary>The repository's files as the scope rules read them (null when the walk failed).</summary>
        public IReadOnlyCollection<string>? RepositoryFiles => _read.Options.RepositoryFiles;

        /// <summary>The largest document read again (bytes): limits.maxDocumentBytes of the last analysis's configuration, which the host sets.</summary>
        public long MaxDocumentBytes { get; set; } = Configuration.ConfigLoader.Default.Limits.MaxDocumentBytes;

        /// <summary>
        /// Reads the repository from disk: the walk, governance.yml, the selected documents, and the length and write
        /// time of each (and of their folders). Touches no field of the session, so a host may run it outside its
        /// lock and hand the result to <see cref="SetLoaded"/>. An I/O failure of the walk reads as an empty repository.
        /// </summary>
        public DiskRead ReadDisk()
        {
            var options = new AnalysisOptions();
            RepositoryTree? tree = null;
            List<DocumentInput>? documents;
            try
            {
                documents = Directory.Exists(Root) ? RepositoryDocuments.Load(Root, null, options, out tree, out _) : null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                documents = null;
                tree = null;
            }

            documents ??= new List<DocumentInput>();
            var stamps = new Dictionary<string, FileStamp>(StringComparer.Ordinal);
            foreach (var document in documents) stamps[document.Path] = Stamp(document.Path);
            stamps[options.ConfigPath] = Stamp(options.ConfigPath);
            var folders = new Dictionary<string, DateTime>(StringComparer.Ordinal);
            foreach (var path in stamps.Keys)
            {
                for (int slash = path.LastIndexOf('/'); ; slash = path.LastIndexOf('/', slash - 1))
                {
                    string folder = slash < 0 ? string.Empty : path.Substring(0, slash);
                    if (!folders.ContainsKey(folder)) folders[folder] = FolderStamp(folder);
                    if (slash <= 0) break;
                }
            }

            return new DiskRead(documents, options, tree, stamps, folders);
        }

        /// <summary>Keeps what <see cref="ReadDisk"/> read; nothing is stale after it.</summary>
        public void SetLoaded(DiskRead read)
        {
            _read = read ?? throw new ArgumentNullException(nameof(read));
            _stale.Clear();
            IsLoaded = true;
        }

        /// <summary>Reads the repository again now (<see cref="ReadDisk"/> then <see cref="SetLoaded"/>).</summary>
        public void Reload() => SetLoaded(ReadDisk());

        /// <summary>Whether <paramref name="path"/> (repository-relative) is one of the selected governance documents.</summary>
        public bool IsGoverned(string path) => _read.Governed.Contains(path);

        /// <summary>
        /// A governance document whose file changed: read again, alone, before the next analysis
        /// (<see cref="RereadStale"/>). A file created or deleted, or the configuration, needs a reload instead.
        /// </summary>
        public void MarkStale(string path)
        {
            if (IsGoverned(path)) _stale.Add(path);
        }

        /// <summary>Reads the stale documents again; returns how many.</summary>
        public int RereadStale()
        {
            if (_stale.Count == 0) return 0;
            if (_read.Tree == null)
            {
                _stale.Clear();
                return 0;
            }

            int read = 0;
            for (int i = 0; i < _read.Documents.Count; i++)
            {
                string path = _read.Documents[i].Path;
                if (!_stale.Contains(path)) continue;
                _read.Documents[i] = _read.Tree.ReadDocument(path, MaxDocumentBytes);
                _read.Stamps[path] = Stamp(path);
                read++;
            }

            _stale.Clear();
            return read;
        }

        /// <summary>
        /// Looks at the disk without reading any document: <see cref="DiskChange.Structure"/> when the folder of a
        /// governance document (or of the configuration) was written since the load (a file created, deleted or
        /// renamed beside it: seen at once, where a file-system watcher's event may still be on its way) or the
        /// configuration changed; else marks stale each document whose length or last write time changed and
        /// answers <see cref="DiskChange.Documents"/>, or <see cref="DiskChange.None"/>. About a millisecond for the
        /// corpus's 123 packets.
        /// </summary>
        public DiskChange FindChanges()
        {
            if (!IsLoaded) return DiskChange.Structure;
            foreach (var folder in _read.Folders)
                if (FolderStamp(folder.Key) != folder.Value) return DiskChange.Structure;
            if (_read.Stamps.TryGetValue(ConfigPath, out var config) && !Stamp(ConfigPath).Equals(config)) return DiskChange.Structure;

            bool changed = false;
            foreach (var document in _read.Documents)
            {
                if (_read.Stamps.TryGetValue(document.Path, out var before) && before.Equals(Stamp(document.Path))) continue;
                _stale.Add(document.Path);
                changed = true;
            }

            return changed ? DiskChange.Documents : DiskChange.None;
        }

        /// <summary>
        /// The engine's options for an analysis now: what the load found (configuration path, repository files, package
        /// references), <paramref name="today"/>, the session's cache, and line counts of cited files (GOV114) counted
        /// afresh for this analysis, since a source file may change without the walk seeing it.
        /// </summary>
        public AnalysisOptions Options(DateTime today) => new AnalysisOptions
        {
            ConfigPath = _read.Options.ConfigPath,
            RepositoryFiles = _read.Options.RepositoryFiles,
            FileLines = _read.Tree == null ? null : RepositoryFileLines.For(_read.Tree, MaxDocumentBytes),
            PackageReferences = _read.Options.PackageReferences,
            Today = today,
            Cache = Cache,
        };

        private FileStamp Stamp(string relative)
        {
            try
            {
                var info = new FileInfo(Path.Combine(Root, relative));
                return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc) : new FileStamp(-1, DateTime.MinValue);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return new FileStamp(-1, DateTime.MinValue);
            }
        }

        private DateTime FolderStamp(string relative)
        {
            try
            {
                return Directory.GetLastWriteTimeUtc(relative.Length == 0 ? Root : Path.Combine(Root, relative));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return DateTime.MinValue;
            }
        }
    }

    /// <summary>A file's length (bytes; -1 when it does not exist or cannot be read) and last write time (UTC).</summary>
    internal readonly struct FileStamp : IEquatable<FileStamp>
    {
        /// <summary>A stamp of <paramref name="length"/> bytes written at <paramref name="written"/>.</summary>
        public FileStamp(long length, DateTime written)
        {
            Length = length;
            Written = written;
        }

        /// <summary>The length in bytes, or -1.</summary>
        public long Length { get; }

        /// <summary>The last write time (UTC).</summary>
        public DateTime Written { get; }

        /// <inheritdoc />
        public bool Equals(FileStamp other) => Length == other.Length && Written == other.Written;

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is FileStamp other && Equals(other);

        /// <inheritdoc />
        public override int GetHashCode() => Length.GetHashCode() ^ Written.GetHashCode();
    }

    /// <summary>One read of the repository by <see cref="DiskSession.ReadDisk"/>, for <see cref="DiskSession.SetLoaded"/>.</summary>
    internal sealed class DiskRead
    {
        internal static readonly DiskRead Empty = new DiskRead(new List<DocumentInput>(), new AnalysisOptions(), null,
            new Dictionary<string, FileStamp>(StringComparer.Ordinal), new Dictionary<string, DateTime>(StringComparer.Ordinal));

        internal DiskRead(List<DocumentInput> documents, AnalysisOptions options, RepositoryTree? tree, Dictionary<string, FileStamp> stamps, Dictionary<string, DateTime> folders)
        {
            Documents = documents;
            Options = options;
            Tree = tree;
            Stamps = stamps;
            Folders = folders;
            Governed = new HashSet<string>(documents.Select(d => d.Path), StringComparer.Ordinal);
        }

        internal List<DocumentInput> Documents { get; }

        internal AnalysisOptions Options { get; }

        internal RepositoryTree? Tree { get; }

        internal Dictionary<string, FileStamp> Stamps { get; }

        internal Dictionary<string, DateTime> Folders { get; }

        internal HashSet<string> Governed { get; }
    }
}
