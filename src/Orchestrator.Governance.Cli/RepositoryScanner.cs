using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Documents;

namespace Orchestrator.Governance.Cli
{
    /// <summary>
    /// Gathers the documents the engine needs from a folder on disk: the configuration file and
    /// every file the configured globs name. Files larger than limits.maxDocumentBytes are not read;
    /// files that cannot be read are handed over as unreadable, so the engine reports GOV002.
    /// </summary>
    internal static class RepositoryScanner
    {
        private static readonly string[] AlwaysExcluded = { "**/bin/**", "**/obj/**", "**/.git/**", "**/node_modules/**" };

        public static List<DocumentInput> Scan(string root, GovernanceConfig config, DocumentInput? configDocument)
        {
            var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
            foreach (var include in config.Documents.TaskPackets.Include) matcher.AddInclude(include);
            foreach (var exclude in config.Documents.TaskPackets.Exclude.Concat(AlwaysExcluded)) matcher.AddExclude(exclude);

            var documents = new List<DocumentInput>();
            if (configDocument != null) documents.Add(configDocument);
            var result = matcher.Execute(new DirectoryInfoWrapper(new DirectoryInfo(root)));
            foreach (var file in result.Files.Select(f => f.Path).OrderBy(p => p, StringComparer.Ordinal))
            {
                documents.Add(Read(root, file, config.Limits.MaxDocumentBytes));
            }

            return documents;
        }

        public static DocumentInput Read(string root, string relativePath, long maxBytes)
        {
            string full = Path.Combine(root, relativePath);
            try
            {
                var info = new FileInfo(full);
                if (info.Length > maxBytes)
                    return DocumentInput.Unreadable(relativePath, $"{info.Length} bytes is more than limits.maxDocumentBytes ({maxBytes})", info.Length);
                return DocumentInput.FromBytes(relativePath, File.ReadAllBytes(full));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return DocumentInput.Unreadable(relativePath, "cannot be read: " + e.Message);
            }
        }
    }
}
