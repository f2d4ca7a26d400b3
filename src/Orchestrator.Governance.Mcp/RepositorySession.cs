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
    /// The repository the server was started in, analysed as the language server analyses it: on the
    /// same incremental session (<see cref="DiskSession"/>), read once, then only what changed. Before
    /// each tool call the session looks at the disk (<see cref="DiskSession.FindChanges"/>): every
    /// governance document whose length or last write time changed is read again alone, and the whole
    /// repository is read again when a file or folder was created, deleted or renamed (in a folder that
    /// holds a governance document, by the folder's write time; anywhere, by a
    /// <see cref="FileSystemWatcher"/>; where none can be started, at every call) or the configuration
    /// changed. An analysis runs only when something changed, with the session's one
    /// <see cref="AnalysisCache"/>, so a call on an unchanged repository costs no analysis and a call
    /// after one packet changed costs that packet's rules. Thread-safe: calls are serialized.
    /// </summary>
    internal sealed class RepositorySession : IDisposable
    {
        private readonly object _gate = new object();
        private readonly DateTime? _today;
        private readonly DiskSession _disk;
        private FileSystemWatcher? _watcher;
        private volatile bool _structureChanged = true;
        private SessionSnapshot? _snapshot;

        /// <summary>A session on the folder <paramref name="root"/> (made a full path); nothing is read until <see cref="Current"/>.</summary>
        public RepositorySession(string root, DateTime? today)
        {
            _disk = new DiskSession(root);
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
        public string Root => _disk.Root;

        /// <summary>The root with its symbolic links resolved (the same as <see cref="Root"/> when it has none).</summary>
        public string RealRoot => _realRoot ??= Tools.RepositoryPath.RealPath(Root);

        private string? _realRoot;

        /// <summary>The date waivers expire against: the one the server was started with, else today (UTC).</summary>
        public DateTime Today => _today ?? DateTime.UtcNow.Date;

        /// <summary>Held by a tool that writes, from the analysis it reads to its last write: two writes never interleave.</summary>
        public object WriteGate { get; } = new object();

        /// <summary>The last walk of the repository (which files may be written), or null before the first or when it failed.</summary>
        public RepositoryTree? Tree
        {
            get
            {
                lock (_gate) return _disk.Tree;
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
                bool changed = true;
                if (_structureChanged || _watcher == null || _disk.Tree == null)
                {
                    _structureChanged = false;
                    _disk.Reload();
                }
                else
                {
                    switch (_disk.FindChanges())
                    {
                        case DiskChange.Structure:
                            _disk.Reload();
                            break;
                        case DiskChange.Documents:
                            _disk.RereadStale();
                            break;
                        default:
                            changed = false;
                            break;
                    }
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

        private SessionSnapshot Analyze()
        {
            var documents = _disk.Documents.ToList();
            var result = GovernanceEngine.Analyze(documents, _disk.Options(Today));
            _disk.MaxDocumentBytes = result.Config.Limits.MaxDocumentBytes;
            Analyses++;
            return new SessionSnapshot(result, documents, _disk.RepositoryFiles);
        }

        /// <summary>
        /// The engine on the session's documents with <paramref name="testResults"/> handed over
        /// (GOV704), as the CLI's --test-results and the MSBuild task run it: the same severities,
        /// inline suppressions and baseline. Parses come from the session's content cache.
        /// </summary>
        public GovernanceResult AnalyzeWithTestResults(IReadOnlyList<DocumentInput> testResults)
        {
            lock (_gate)
            {
                var options = _disk.Options(Today);
                options.TestResults = testResults;
                return GovernanceEngine.Analyze(_disk.Documents.ToList(), options);
            }
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
