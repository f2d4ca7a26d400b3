#nullable enable
using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Hosting;
using Orchestrator.Governance.Reports;

namespace Orchestrator.Governance.Tasks
{
    /// <summary>
    /// The engine on the repository on disk, for the projects the Roslyn analyzer cannot run in
    /// (a project that compiles no C# or VB: Microsoft.Build.NoTargets, F#, traversal projects, the
    /// Orchestrator.Governance.Sdk). It reads the repository as the CLI does
    /// (<see cref="RepositoryDocuments.Load"/>: governance.yml, the documents it selects, the file
    /// list, the project files' package references), with the same severities, inline suppressions
    /// and baseline, and logs each diagnostic through MSBuild's logger with its code, help link,
    /// full path, line, column, end line and end column: an error as an error, a warning as a
    /// warning, a suggestion as a message. Every failure of its own (a root that is not a folder, a
    /// revision git cannot answer for, a bug) is one MSBuild error naming it, never an exception.
    /// </summary>
    public sealed class GovernanceCheck : Microsoft.Build.Utilities.Task
    {
        /// <summary>The repository root (GovernanceRoot): an existing folder.</summary>
        [Required]
        public string Root { get; set; } = string.Empty;

        /// <summary>The configuration (GovernanceConfigFile); governance.yml at the root when empty. A missing file is the defaults.</summary>
        public string? ConfigFile { get; set; }

        /// <summary>The date waivers expire against, YYYY-MM-DD (GovernanceToday); none when empty (GOV609 off).</summary>
        public string? Today { get; set; }

        /// <summary>A git revision (GovernanceChangedSince): the files changed since it (git diff REV...HEAD) are checked against the scope of the packets in progress (GOV505).</summary>
        public string? ChangedSince { get; set; }

        /// <summary>
        /// A git revision (GovernanceBaseRef): the base of the change, whose texts the change-aware
        /// rules (GOV802, GOV803, GOV804) compare the changed documents with. Default: the merge base of
        /// <see cref="ChangedSince"/>. Alone, the change is the files that differ between it and HEAD.
        /// </summary>
        public string? BaseRef { get; set; }

        /// <summary>"false" to ignore inline suppressions (GovernanceInlineConfig); the configuration's inlineConfig otherwise.</summary>
        public string? InlineConfig { get; set; }

        /// <summary>
        /// GovernanceMaxDocumentBytes: the most bytes of one document this build reads (1024 to
        /// 33554432); governance.yml's limits.maxDocumentBytes may lower it, never raise it. Empty: 33554432.
        /// </summary>
        public string? MaxDocumentBytes { get; set; }

        /// <summary>
        /// GovernanceTestResults: test result files, TRX or JUnit XML (';'-separated globs relative
        /// to <see cref="Root"/>): a test a DONE_MEANS item names must have passed in them (GOV704).
        /// Empty: GOV704 does not run.
        /// </summary>
        public string? TestResults { get; set; }

        /// <summary>
        /// GovernanceHelpFolder: the absolute folder of the rule pages (the package's docs/rules/). Each error and
        /// warning's help link is the file URI of its page there, unless governance.yml's <c>helpBaseUrl</c> gives an
        /// address (<see cref="Configuration.GovernanceConfig.HelpLinkOf"/>). Empty or relative: the page's path in
        /// this repository's layout, docs/rules/GOVnnn.md.
        /// </summary>
        public string? HelpFolder { get; set; }

        /// <summary>The number of error diagnostics logged.</summary>
        [Output]
        public int ErrorCount { get; private set; }

        /// <summary>The number of warning diagnostics logged.</summary>
        [Output]
        public int WarningCount { get; private set; }

        /// <inheritdoc />
        public override bool Execute()
        {
            try
            {
                return Check();
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                Log.LogError("GovernanceCheck: internal error: {0}: {1}", e.GetType().Name, e.Message);
                return false;
            }
        }

        private bool Check()
        {
            if (string.IsNullOrWhiteSpace(Root) || !Directory.Exists(Root))
            {
                Log.LogError("GovernanceCheck: the repository root '{0}' (GovernanceRoot) is not a folder", Root);
                return false;
            }

            string root = Path.GetFullPath(Root);
            var options = new AnalysisOptions();
            if (!string.IsNullOrEmpty(InlineConfig)) options.InlineConfig = !string.Equals(InlineConfig, "false", StringComparison.OrdinalIgnoreCase);
            if (!string.IsNullOrWhiteSpace(MaxDocumentBytes))
            {
                if (!long.TryParse(MaxDocumentBytes!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long max) || max < 1024 || max > Configuration.LimitsConfig.HostCeiling)
                {
                    Log.LogError("GovernanceCheck: GovernanceMaxDocumentBytes '{0}' must be a number of bytes from 1024 to {1}", MaxDocumentBytes, Configuration.LimitsConfig.HostCeiling);
                    return false;
                }

                options.MaxDocumentBytes = max;
            }
            if (!string.IsNullOrWhiteSpace(Today))
            {
                if (!DateTime.TryParseExact(Today!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    Log.LogError("GovernanceCheck: GovernanceToday '{0}' is not a date (YYYY-MM-DD)", Today);
                    return false;
                }

                options.Today = day;
            }

            string? since = string.IsNullOrWhiteSpace(ChangedSince) ? null : ChangedSince!.Trim();
            string? baseRef = string.IsNullOrWhiteSpace(BaseRef) ? null : BaseRef!.Trim();
            if (since != null)
            {
                var (changed, problem) = ChangedFiles.FromGit(root, since, "GovernanceChangedSince");
                if (problem != null)
                {
                    Log.LogError("GovernanceCheck: {0}", problem);
                    return false;
                }

                options.ChangedFiles = changed;
            }

            var (baseCommit, baseProblem) = BaseDocuments.Resolve(root, baseRef, since, "GovernanceBaseRef", "GovernanceChangedSince");
            if (baseProblem == null && baseCommit != null && options.ChangedFiles == null) (options.ChangedFiles, baseProblem) = ChangedFiles.SinceBase(root, baseRef!, "GovernanceBaseRef");
            if (baseProblem != null)
            {
                Log.LogError("GovernanceCheck: {0}", baseProblem);
                return false;
            }

            // GovernanceConfigFile defaults to <root>/governance.yml, which a repository may not have (the
            // defaults then apply, as for the analyzer); another file that does not exist is an error.
            string? config = string.IsNullOrWhiteSpace(ConfigFile) ? null : Path.GetFullPath(ConfigFile);
            if (config != null && !File.Exists(config))
            {
                if (!string.Equals(config, Path.Combine(root, "governance.yml"), StringComparison.Ordinal))
                {
                    Log.LogError("GovernanceCheck: the configuration '{0}' (GovernanceConfigFile) does not exist", ConfigFile);
                    return false;
                }

                config = null;
            }

            var documents = RepositoryDocuments.Load(root, config, options, out var tree, out var loadProblem);
            if (documents == null)
            {
                Log.LogError("GovernanceCheck: {0}", loadProblem);
                return false;
            }

            var resultGlobs = (TestResults ?? string.Empty).Split(';').Select(g => g.Trim()).Where(g => g.Length > 0).ToList();
            if (resultGlobs.Count > 0 && tree != null)
            {
                options.TestResults = TestResultFiles.Read(tree, resultGlobs, options.MaxDocumentBytes ?? Configuration.LimitsConfig.HostCeiling, out string? resultsProblem);
                if (resultsProblem != null)
                {
                    Log.LogError("GovernanceCheck: GovernanceTestResults: {0}", resultsProblem);
                    return false;
                }
            }

            if (baseCommit != null)
            {
                // The base revision's texts the change-aware rules compare with.
                var (texts, problem) = BaseDocuments.ForChange(root, baseCommit, options.ChangedFiles!, documents, options);
                if (problem != null)
                {
                    Log.LogError("GovernanceCheck: {0}", problem);
                    return false;
                }

                options.BaseDocuments = texts;
            }

            var result = GovernanceEngine.Analyze(documents, options);
            foreach (var d in result.Diagnostics) LogDiagnostic(root, d, result.Config.HelpLinkOf(d.Id) ?? PageLink(d.Descriptor));
            Log.LogMessage(MessageImportance.High, "Governance: {0}", ResultSummary.Write(result));
            return !Log.HasLoggedErrors;
        }

        /// <summary>The file URI of the rule's page in <see cref="HelpFolder"/>, or its path in this repository's layout.</summary>
        private string PageLink(RuleDescriptor rule)
        {
            string folder = (HelpFolder ?? string.Empty).Trim();
            if (folder.Length == 0 || !Path.IsPathRooted(folder)) return rule.HelpLink;
            try
            {
                return new Uri(Path.Combine(folder, rule.Id + ".md")).AbsoluteUri;
            }
            catch (Exception e) when (e is UriFormatException || e is ArgumentException)
            {
                return rule.HelpLink;
            }
        }

        private void LogDiagnostic(string root, GovernanceDiagnostic d, string helpLink)
        {
            string file = Path.Combine(root, d.Path.Replace('/', Path.DirectorySeparatorChar));
            var span = d.Span;
            switch (d.Severity)
            {
                case GovernanceSeverity.Error:
                    ErrorCount++;
                    Log.LogError(null, d.Id, d.Id, helpLink, file, span.StartLine, span.StartColumn, span.EndLine, span.EndColumn, "{0}", d.Message);
                    break;
                case GovernanceSeverity.Warning:
                    WarningCount++;
                    Log.LogWarning(null, d.Id, d.Id, helpLink, file, span.StartLine, span.StartColumn, span.EndLine, span.EndColumn, "{0}", d.Message);
                    break;
                case GovernanceSeverity.Info:
                    Log.LogMessage(null, d.Id, d.Id, file, span.StartLine, span.StartColumn, span.EndLine, span.EndColumn, MessageImportance.Normal, "{0}", d.Message);
                    break;
            }
        }
    }
}
