using System;
using System.Collections.Generic;
using System.Linq;
using Orchestrator.Governance.Documents;

namespace Orchestrator.Governance.Hosting
{
    /// <summary>
    /// The test result files (TRX, JUnit XML) a host was pointed at, read for GOV704
    /// (<see cref="Engine.AnalysisOptions.TestResults"/>): the CLI's <c>--test-results</c>, the
    /// MSBuild task's <c>GovernanceTestResults</c>, ready_to_close's <c>testResults</c>. Globs are
    /// matched against the walk's files (<see cref="GlobSet"/>: repository-relative, '**', '*', '?'),
    /// and each match is read as every document is (<see cref="RepositoryTree.ReadDocument"/>: inside
    /// the repository, never through a symbolic link out of it, at most <c>maxBytes</c>).
    /// </summary>
    internal static class TestResultFiles
    {
        /// <summary>
        /// The files of <paramref name="tree"/> that <paramref name="globs"/> match, in path order,
        /// read; null with <paramref name="problem"/> when a glob is empty, absolute or climbs out
        /// of the repository with "..". Matching no file is no problem: every named test is then in
        /// none of the results (GOV704).
        /// </summary>
        public static List<DocumentInput>? Read(RepositoryTree tree, IEnumerable<string> globs, long maxBytes, out string? problem)
        {
            var list = globs.ToList();
            problem = Problem(list);
            if (problem != null) return null;

            var set = new GlobSet(list);
            return tree.Files.Where(set.IsMatch).OrderBy(p => p, StringComparer.Ordinal).Select(p => tree.ReadDocument(p, maxBytes)).ToList();
        }

        /// <summary>Why <paramref name="globs"/> cannot be used ("'../x' is not a glob inside the repository ..."), or null.</summary>
        public static string? Problem(IEnumerable<string> globs)
        {
            foreach (var glob in globs)
            {
                if (GlobSet.ToRegex(glob) == null) return $"'{glob}' is not a glob inside the repository (empty, absolute, or climbing out with '..')";
            }

            return null;
        }
    }
}
