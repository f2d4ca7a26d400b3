using System;

namespace Orchestrator.Governance.Engine
{
    /// <summary>Host choices for one analysis.</summary>
    public sealed class AnalysisOptions
    {
        /// <summary>
        /// Repository-relative path of the configuration document among the inputs. Default
        /// "governance.yml" (at the repository root).
        /// </summary>
        public string ConfigPath { get; set; } = "governance.yml";

        /// <summary>
        /// The host's ceiling on limits.maxDocumentBytes (bytes; the CLI's --max-document-bytes,
        /// MSBuild's GovernanceMaxDocumentBytes): the repository's governance.yml may lower the limit
        /// below it, never raise it above. Null: <see cref="Configuration.LimitsConfig.HostCeiling"/> alone.
        /// </summary>
        public long? MaxDocumentBytes { get; set; }

        /// <summary>
        /// Tests only: called with a document's path before its reader runs, and with "(index)"
        /// before the index is built; an exception it throws stands for a bug there (GOV003).
        /// </summary>
        internal Action<string>? FaultInjection { get; set; }

        /// <summary>When false, governance-disable comments are ignored (CLI --no-inline-config); null keeps the configuration's choice.</summary>
        public bool? InlineConfig { get; set; }

        /// <summary>
        /// Reuse the parsed spec from an earlier analysis when its text is unchanged (default). The
        /// benchmarks switch it off to measure a cold analysis.
        /// </summary>
        public bool ReuseParsedSpec { get; set; } = true;

        /// <summary>
        /// Every file of the repository (repository-relative, forward slashes), gathered by the host:
        /// the MSBuild targets write it to an additional file, the CLI lists the folder. Null when the
        /// host did not gather it; then the rules that need it (GOV320) do not run.
        /// </summary>
        public System.Collections.Generic.IReadOnlyCollection<string>? RepositoryFiles { get; set; }

        /// <summary>
        /// The files a change touches (repository-relative, forward slashes), for the CI scope gate
        /// (GOV505): the CLI reads them from --changed-files or asks git for --changed-since. Null
        /// (the default, and always in the analyzer) means there is no change to gate.
        /// </summary>
        public System.Collections.Generic.IReadOnlyCollection<string>? ChangedFiles { get; set; }

        /// <summary>
        /// The base revision of the change under review, for the change-aware rules (GOV802, GOV803, GOV804):
        /// the text, at the base, of every governance document the change touches that existed
        /// there. A document in <see cref="ChangedFiles"/> with no base document here is one the
        /// change creates; one not in <see cref="ChangedFiles"/> is the same at both revisions
        /// (without <see cref="ChangedFiles"/>, the documents here are the touched ones). The CLI
        /// (<c>--base</c>, or the merge base of <c>--changed-since</c>) and the MSBuild task
        /// (<c>GovernanceBaseRef</c>) ask git; the engine reads no git. Null (the default, and always
        /// in the analyzer and the language server): those rules do not run.
        /// </summary>
        public System.Collections.Generic.IReadOnlyCollection<Documents.DocumentInput>? BaseDocuments { get; set; }

        /// <summary>
        /// Test result files (TRX, JUnit XML) the host read (the CLI's <c>--test-results GLOB</c>,
        /// MSBuild's <c>GovernanceTestResults</c>, the MCP tool ready_to_close's <c>testResults</c>),
        /// repository-relative with their text: a test a DONE_MEANS item names must have passed in
        /// them (GOV704). A file that is no test result file is GOV002 at its path. Null (the default,
        /// and always in the analyzer and the language server): GOV704 does not run.
        /// </summary>
        public System.Collections.Generic.IReadOnlyList<Documents.DocumentInput>? TestResults { get; set; }

        /// <summary>
        /// The host's answer about one repository file an evidence reference cites (GOV114):
        /// its number of lines, or null when it cannot tell (not a file, larger than it reads), and
        /// why it refuses to read it (a symbolic link leading outside the repository, a FIFO), or
        /// null. Called with repository-relative paths of <see cref="RepositoryFiles"/> and of
        /// cited paths that are not among them; the host reads through its safe walk and caches.
        /// Null (the analyzer): evidence is checked against <see cref="RepositoryFiles"/> alone.
        /// </summary>
        public Func<string, (int? Lines, string? Refusal)>? FileLines { get; set; }

        /// <summary>
        /// Today's date, from the host (the engine reads no clock): waivers whose Expires date is
        /// before it no longer cover anything. Null when the host gives none; then no waiver has
        /// expired.
        /// </summary>
        public System.DateTime? Today { get; set; }

        /// <summary>
        /// The NuGet packages the building project references (GOV611), as the host evaluated
        /// them: the package's targets write @(PackageReference) to governance.packages.txt. Null
        /// when the host did not hand them over (the CLI reads project files named in
        /// documents.ossManifests instead).
        /// </summary>
        public System.Collections.Generic.IReadOnlyList<Model.Oss.PackageReference>? PackageReferences { get; set; }

        /// <summary>
        /// True when <see cref="PackageReferences"/> are one building project's (the analyzer: each
        /// project's build sees its own), not the whole repository's (the CLI reads every project file).
        /// A baseline entry for a package reference (GOV611 at the OSS register) is then never reported
        /// stale (GOV007): another project's build is where it is found.
        /// </summary>
        public bool PackageReferencesOfOneProject { get; set; }

        /// <summary>
        /// Repository-relative path of the baseline among the inputs (default
        /// governance.baseline.json at the root). When that document is there, the diagnostics it
        /// covers are moved to <see cref="GovernanceResult.Baselined"/>.
        /// </summary>
        public string BaselinePath { get; set; } = Baseline.GovernanceBaseline.DefaultPath;

        /// <summary>
        /// What an earlier analysis of the same repository read and found that is still true
        /// (<see cref="AnalysisCache"/>): a host that analyses again after every edit (the language
        /// server) keeps one and hands it to each analysis. Null (the default): nothing is kept.
        /// Collections handed over (<see cref="RepositoryFiles"/>) are compared by reference: a host
        /// that lists the repository again hands over a new collection, never the old one changed.
        /// </summary>
        public AnalysisCache? Cache { get; set; }

        /// <summary>
        /// False to ignore the baseline (<c>governance baseline</c> records every current finding);
        /// true by default.
        /// </summary>
        public bool ApplyBaseline { get; set; } = true;

        /// <summary>
        /// How many threads read task packets (parse and read their Markdown) and run the task packet
        /// rules at once, the calling thread among them: null (the default) for the processors, up
        /// to 8; 1 to work on the calling thread alone. With a <see cref="Cache"/>, packets are read
        /// on the calling thread (the cache's reads are kept as they are made); their rules still run
        /// on several, each packet's cache entry touched by one thread only. The result, diagnostics
        /// and their order are the same whatever the number (issue 33).
        /// </summary>
        public int? Threads { get; set; }
    }
}
