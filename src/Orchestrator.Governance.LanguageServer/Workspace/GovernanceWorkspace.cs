using System;
using System.Collections.Generic;
using System.IO;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Hosting;

namespace Orchestrator.Governance.LanguageServer.Workspace
{
    /// <summary>
    /// The repository as the server analyses it: the incremental session of the files on disk
    /// (<see cref="DiskSession"/>, the one the MCP server runs on: the documents governance.yml selects,
    /// read as the CLI and the MSBuild task read them, one analysis cache), with the text of each open
    /// document in place of its file. Which files are governance documents follows the configuration on
    /// disk: an edit to governance.yml counts once it is saved. Not thread-safe; the server holds its lock.
    /// </summary>
    internal sealed class GovernanceWorkspace
    {
        private readonly Dictionary<string, OpenDocument> _open = new Dictionary<string, OpenDocument>(StringComparer.Ordinal);
        private readonly DiskSession _disk;

        /// <summary>The repository root (a full path).</summary>
        public string Root => _disk.Root;

        /// <summary>Creates the workspace of the folder <paramref name="root"/>; nothing is read until <see cref="ReadDisk"/>.</summary>
        public GovernanceWorkspace(string root) => _disk = new DiskSession(root);

        /// <summary>Set when the files on disk may have changed (start, didSave, didClose, watched files).</summary>
        public bool DiskChanged { get; set; } = true;

        /// <summary>The open documents, by repository-relative path.</summary>
        public IReadOnlyDictionary<string, OpenDocument> Open => _open;

        /// <summary>
        /// Reads the repository from disk (the walk, governance.yml, the selected documents). Runs on the
        /// analysis thread, outside the server's lock: it touches no field until <see cref="SetLoaded"/>.
        /// </summary>
        public DiskRead ReadDisk() => _disk.ReadDisk();

        /// <summary>Keeps what <see cref="ReadDisk"/> read; nothing is stale after it.</summary>
        public void SetLoaded(DiskRead read) => _disk.SetLoaded(read);

        /// <summary>What each analysis of this workspace hands to the next (the documents and packet rule results whose inputs did not change).</summary>
        public AnalysisCache Cache => _disk.Cache;

        /// <summary>The largest document read again (limits.maxDocumentBytes of the last analysis's configuration).</summary>
        public long MaxDocumentBytes
        {
            get => _disk.MaxDocumentBytes;
            set => _disk.MaxDocumentBytes = value;
        }

        /// <summary>
        /// A governance document whose file changed (didClose, a watched change): read again, alone,
        /// before the next analysis, as the last walk judged it (<see cref="RepositoryTree.ReadDocument"/>).
        /// A file created or deleted, or the configuration, needs <see cref="DiskChanged"/> instead.
        /// </summary>
        public void MarkStale(string path) => _disk.MarkStale(path);

        /// <summary>Reads the stale documents again; returns how many. Under the server's lock (a few files).</summary>
        public int RereadStale() => _disk.RereadStale();

        /// <summary>The configuration's repository-relative path (governance.yml unless the load found another).</summary>
        public string ConfigPath => _disk.ConfigPath;

        /// <summary>
        /// The repository-relative path of a file URI under the root, or null (another scheme, another
        /// folder, a path with ".." leaving the root).
        /// </summary>
        public string? PathOf(string uri)
        {
            if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile) return null;
            string full;
            try
            {
                full = Path.GetFullPath(parsed.LocalPath);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                return null;
            }

            string relative = RepositoryDocuments.RelativePath(Root, full);
            return relative == "." || relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? null : relative;
        }

        /// <summary>The file URI of a repository-relative path: the client's own spelling when the document is open.</summary>
        public string UriOf(string path)
        {
            if (_open.TryGetValue(path, out var open)) return open.Uri;
            if (!_uris.TryGetValue(path, out var uri)) _uris[path] = uri = new Uri(Path.Combine(Root, path)).AbsoluteUri;
            return uri;
        }

        // The file URI of each path asked for, built once (every analysis asks for every document with findings).
        private readonly Dictionary<string, string> _uris = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>didOpen: the client's text now stands for the file.</summary>
        public void OpenDocument(OpenDocument document) => _open[document.Path] = document;

        /// <summary>didClose: the file on disk counts again (read anew before the next analysis).</summary>
        public bool CloseDocument(string path)
        {
            if (!_open.Remove(path)) return false;
            if (IsGoverned(path)) MarkStale(path);
            else DiskChanged = true;
            return true;
        }

        /// <summary>
        /// The engine's input now: every selected document, the open text in place of the disk text,
        /// and fresh options with what the load found (configuration path, repository files, package
        /// references) and today's date; with the version of each open document, by its path.
        /// </summary>
        public (List<DocumentInput> Documents, AnalysisOptions Options, Dictionary<string, int> Versions) Snapshot(DateTime today)
        {
            var documents = new List<DocumentInput>(_disk.Documents.Count);
            var versions = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var document in _disk.Documents)
            {
                if (_open.TryGetValue(document.Path, out var open))
                {
                    documents.Add(DocumentInput.FromText(open.Path, open.Text));
                    versions[open.Path] = open.Version;
                }
                else
                {
                    documents.Add(document);
                }
            }

            return (documents, _disk.Options(today), versions);
        }

        /// <summary>Whether the analysis covers <paramref name="path"/> (a selected document).</summary>
        public bool IsGoverned(string path) => _disk.IsGoverned(path);
    }
}
