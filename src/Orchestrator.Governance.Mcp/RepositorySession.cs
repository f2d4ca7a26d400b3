using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Hosting;

namespace Orchestrator.Governance.Mcp
{
    /// <summary>
    /// The repository the server was started in, analysed as the language server analyses it. It is
    /// read once (<see cref="RepositoryDocuments.Load"/>, as the CLI reads it); before each tool
    /// call, every governance document whose file changed (length or last write time) is read again
    /// alone, and the whole repository is read again when a file or folder was created, deleted or
    /// renamed (in a folder that holds a governance document, by the folder's write time; anywhere,
    /// by a <see cref="FileSystemWatcher"/>; where none can be started, at every call) or the
    /// configuration changed. An analysis runs only when something changed, with one
    /// <see cref="AnalysisCache"/> across analyses, so a call on an unchanged repository costs no
    /// analysis and a call after one packet changed costs that packet's rules. Thread-safe: calls
    /// are serialized.
    /// </summary>
    internal sealed class RepositorySession : IDisposable
    {
        private readonly object _gate = new object();
        private readonly DateTime? _today;
        private readonly AnalysisCache _cache = new AnalysisCache();
        private FileSystemWatcher? _watcher;
        private volatile bool _structureChanged = true;
        private List<DocumentInput> _documents = new List<DocumentInput>();
        private AnalysisOptions _loaded = new AnalysisOptions();
        private RepositoryTree? _tree;
        private Dictionary<string, (long Length, DateTime Written)> _stamps = new Dictionary<string, (long, DateTime)>(StringComparer.Ordinal);
        private Dictionary<string, DateTime> _folders = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        private SessionSnapshot? _snapshot;

        /// <summary>A session on the folder <paramref name="root"/> (made a full path); nothing is read until <see cref="Current"/>.</summary>
        public RepositorySession(string root, DateTime? today)
        {
            Root = Path.GetFullPath(root);
            _today = today;
            try
            {
                _watcher = new FileSystemWatcher(Root) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName };
                _watcher.Created += (_, e) => Structure(e.FullPath);
                _watcher.Deleted += (_, e) => Structure(e.FullPath);
                _watcher.Renamed += (_, e) => Structure(e.FullPath);
                _watcher.Error += (_, _) => _structureChanged = true;
                _watcher.EnableRaisingEvents = true;
            }
            catch (Exception e) when (e is IOException || e is ArgumentException || e is PlatformNotSupportedException || e is UnauthorizedAccessException)
            {
                // No watcher (inotify's limit reached, a file system without notifications): every call walks again.
                _watcher?.Dispose();
                _watcher = null;
            }
        }

        /// <summary>The repository root (a full path).</summary>
        public string Root { get; }

        /// <summary>The date waivers expire against: the one the server was started with, else today (UTC).</summary>
        public DateTime Today => _today ?? DateTime.UtcNow.Date;

        /// <summary>Held by a tool that writes, from the analysis it reads to its last write: two writes never interleave.</summary>
        public object WriteGate { get; } = new object();

        /// <summary>The last walk of the repository (which files may be written), or null before the first or when it failed.</summary>
        public RepositoryTree? Tree
        {
            get
            {
                lock (_gate) return _tree;
            }
        }

        /// <summary>How many analyses the session ran (for tests and the log).</summary>
        public int Analyses { get; private set; }

        /// <summary>
        /// The analysis of the repository as it is now on disk: the last one when nothing changed
        /// since, else a new one. Never throws for the repository's content (the engine reports
        /// bad documents as diagnostics); an I/O failure of the walk reads as an empty repository.
        /// </summary>
        public SessionSnapshot Current()
        {
            lock (_gate)
            {
                bool changed;
                if (_structureChanged || _watcher == null || _tree == null)
                {
                    _structureChanged = false;
                    Load();
                    changed = true;
                }
                else
                {
                    changed = RereadChanged();
                }

                if (changed || _snapshot == null) _snapshot = Analyze();
                return _snapshot;
            }
        }

        private void Structure(string fullPath)
        {
            // Git's own files, build output and node_modules change all the time and are not the
            // repository's files as the rules read them (RepositoryScanner.RepositoryFiles).
            string relative = RepositoryDocuments.RelativePath(Root, fullPath);
            if (!RepositoryScanner.Lists(relative)) return;
            _structureChanged = true;
        }

        private void Load()
        {
            var options = new AnalysisOptions();
            RepositoryTree? tree = null;
            List<DocumentInput>? documents = null;
            try
            {
                documents = Directory.Exists(Root) ? RepositoryDocuments.Load(Root, null, options, out tree, out _) : null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                documents = null;
            }

            _documents = documents ?? new List<DocumentInput>();
            _loaded = options;
            _tree = tree;
            _stamps = new Dictionary<string, (long, DateTime)>(StringComparer.Ordinal);
            foreach (var document in _documents) _stamps[document.Path] = Stamp(document.Path);
            _stamps[_loaded.ConfigPath] = Stamp(_loaded.ConfigPath);
            _folders = new Dictionary<string, DateTime>(StringComparer.Ordinal);
            foreach (var path in _stamps.Keys)
            {
                for (int slash = path.LastIndexOf('/'); ; slash = path.LastIndexOf('/', slash - 1))
                {
                    string folder = slash < 0 ? string.Empty : path.Substring(0, slash);
                    if (!_folders.ContainsKey(folder)) _folders[folder] = FolderStamp(folder);
                    if (slash <= 0) break;
                }
            }
        }

        private (long Length, DateTime Written) Stamp(string relative)
        {
            try
            {
                var info = new FileInfo(Path.Combine(Root, relative));
                return info.Exists ? (info.Length, info.LastWriteTimeUtc) : (-1, DateTime.MinValue);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return (-1, DateTime.MinValue);
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

        private bool RereadChanged()
        {
            // A file created, deleted or renamed beside a governance document (a new packet in the
            // packets folder) changes its folder's write time: seen at once, where the watcher's
            // event may still be on its way.
            if (_folders.Any(f => FolderStamp(f.Key) != f.Value))
            {
                Load();
                return true;
            }

            if (_stamps.TryGetValue(_loaded.ConfigPath, out var config) && Stamp(_loaded.ConfigPath) != config)
            {
                // The configuration decides which files are governance documents: read everything again.
                Load();
                return true;
            }

            bool changed = false;
            long maxBytes = _snapshot?.Result.Config.Limits.MaxDocumentBytes ?? Configuration.ConfigLoader.Default.Limits.MaxDocumentBytes;
            for (int i = 0; i < _documents.Count; i++)
            {
                string path = _documents[i].Path;
                var now = Stamp(path);
                if (_stamps.TryGetValue(path, out var before) && before == now) continue;
                _documents[i] = _tree!.ReadDocument(path, maxBytes);
                _stamps[path] = now;
                changed = true;
            }

            return changed;
        }

        private SessionSnapshot Analyze()
        {
            var options = new AnalysisOptions
            {
                ConfigPath = _loaded.ConfigPath,
                RepositoryFiles = _loaded.RepositoryFiles,
                PackageReferences = _loaded.PackageReferences,
                Today = Today,
                Cache = _cache,
            };
            var documents = _documents.ToList();
            var result = GovernanceEngine.Analyze(documents, options);
            Analyses++;
            return new SessionSnapshot(result, documents, _loaded.RepositoryFiles);
        }

        /// <inheritdoc />
        public void Dispose() => _watcher?.Dispose();
    }

    /// <summary>One analysis of the session: the engine's result and the documents it read, by repository-relative path.</summary>
    internal sealed class SessionSnapshot
    {
        private readonly Lazy<Model.Scope.RepositoryFiles?> _files;

        public SessionSnapshot(GovernanceResult result, IReadOnlyList<DocumentInput> documents, IReadOnlyCollection<string>? repositoryFiles)
        {
            Result = result;
            Documents = documents;
            _files = new Lazy<Model.Scope.RepositoryFiles?>(() => repositoryFiles == null ? null : new Model.Scope.RepositoryFiles(repositoryFiles));
        }

        /// <summary>The repository's files as the scope rules read them (null when the walk failed).</summary>
        public Model.Scope.RepositoryFiles? Files => _files.Value;

        /// <summary>The engine's result.</summary>
        public GovernanceResult Result { get; }

        /// <summary>The documents analysed.</summary>
        public IReadOnlyList<DocumentInput> Documents { get; }
    }
}
