using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Rules;
using Orchestrator.Governance.Text;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Analyzers
{
    /// <summary>
    /// Reports governance diagnostics inside the repository's governance documents, which the
    /// package's build targets add as AdditionalFiles. The whole set is analyzed once per
    /// compilation, and reused across compilations while no document changes (keyed by the texts'
    /// checksums); when some change, the engine's <see cref="AnalysisCache"/> of that repository
    /// root reads and checks again only what changed (issue 34). Each file's diagnostics are reported from <c>RegisterAdditionalFileAction</c> so
    /// IDEs show them without full-solution analysis (dotnet/roslyn#11750). The analyzer reads no
    /// files itself: texts come from <see cref="AdditionalText.GetText"/> (RS1035).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
    public sealed class GovernanceAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>MSBuild property (made compiler-visible by the package) naming the repository root.</summary>
        public const string RootProperty = "build_property.GovernanceRoot";

        /// <summary>MSBuild property: false switches inline suppression comments off.</summary>
        public const string InlineConfigProperty = "build_property.GovernanceInlineConfig";

        /// <summary>MSBuild property GovernanceMaxDocumentBytes: the build's ceiling on limits.maxDocumentBytes (characters here).</summary>
        public const string MaxDocumentBytesProperty = "build_property.GovernanceMaxDocumentBytes";

        /// <summary>The build's date (YYYY-MM-DD) that waiver expiry (GOV609) is judged against; the package's targets set it.</summary>
        public const string TodayProperty = "build_property.GovernanceToday";

        /// <summary>
        /// The folder of the rule pages (GOVnnn.md) on this machine: the package's docs/rules/, which
        /// its props set (GovernanceHelpFolder); each diagnostic's help link is the file URI of its
        /// page there. Unset: the link is the page's path in this repository (docs/rules/GOVnnn.md).
        /// </summary>
        public const string HelpFolderProperty = "build_property.GovernanceHelpFolder";

        /// <summary>
        /// MSBuild property GovernanceUseTask: "true" when the project's GovernanceCheck task checks
        /// the documents; the analyzer then reports nothing on them (it still reads governance.yml
        /// for the rules over C# source), so no diagnostic is reported twice.
        /// </summary>
        public const string UseTaskProperty = "build_property.GovernanceUseTask";

        /// <summary>
        /// MSBuild property GovernanceTestProject: "true" in a test project that references the
        /// package to have the tests its packets' DONE_MEANS name checked (GOV703,
        /// <see cref="GOV703DoneMeansTestAnalyzer"/>). Its documents are read, but their diagnostics are
        /// left to the project (or task) that checks them, so none is reported twice.
        /// </summary>
        public const string TestProjectProperty = "build_property.GovernanceTestProject";

        /// <summary>Every rule's Roslyn descriptor, by ID (shared with the source rule analyzers).</summary>
        internal static readonly ImmutableDictionary<string, DiagnosticDescriptor> Descriptors =
            RuleCatalog.All.ToImmutableDictionary(d => d.Id, ToRoslyn);

        // The last few analyses by content key, so an unchanged set is not analyzed again.
        private static readonly ContentCache<Snapshot> Cache = new ContentCache<Snapshot>(capacity: 4);

        // What the engine keeps between analyses (AnalysisCache), one per repository root and build
        // settings, the last few used: in a compiler server or an IDE, a compilation after one packet
        // changed reads and checks that packet again, not every document.
        private static readonly ContentCache<Session> Sessions = new ContentCache<Session>(capacity: 4);

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            RuleCatalog.All.Where(d => !SourceRuleScope.IsSourceRule(d.Id)).Select(d => Descriptors[d.Id]).ToImmutableArray();

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var files = start.Options.AdditionalFiles;
                if (files.IsDefaultOrEmpty) return;
                var global = start.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
                if (global.TryGetValue(UseTaskProperty, out var useTask) && string.Equals(useTask, "true", StringComparison.OrdinalIgnoreCase)) return;
                if (IsTestProject(start.Options)) return;
                var snapshot = new Lazy<Snapshot>(() => SnapshotOf(start.Options), isThreadSafe: true);
                start.RegisterAdditionalFileAction(fileContext =>
                {
                    var current = snapshot.Value;
                    if (!current.ByPath.TryGetValue(fileContext.AdditionalFile.Path, out var diagnostics)) return;
                    foreach (var d in diagnostics) fileContext.ReportDiagnostic(d);
                });
            });
        }

        /// <summary>Whether the project sets GovernanceTestProject=true.</summary>
        internal static bool IsTestProject(AnalyzerOptions options) =>
            options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(TestProjectProperty, out var value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// The engine's analysis of the compilation's governance documents (its additional files),
        /// shared by every analyzer of the package and reused while no document changes.
        /// </summary>
        internal static Snapshot SnapshotOf(AnalyzerOptions options)
        {
            var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
            global.TryGetValue(RootProperty, out var root);
            global.TryGetValue(InlineConfigProperty, out var inline);
            global.TryGetValue(TodayProperty, out var today);
            global.TryGetValue(MaxDocumentBytesProperty, out var max);
            global.TryGetValue(HelpFolderProperty, out var help);
            return Analyze(options.AdditionalFiles, root, inline, today, max, help);
        }

        private static Snapshot Analyze(ImmutableArray<AdditionalText> files, string? root, string? inlineConfig, string? today, string? maxDocumentBytes, string? helpFolder)
        {
            var relevant = files
                .Where(f => IsGovernanceFile(f.Path))
                .Select(f => (File: f, Relative: Relative(f.Path, root)))
                .OrderBy(f => f.Relative, StringComparer.Ordinal)
                .ToList();
            var texts = new List<(AdditionalText File, string Relative, SourceText? Text)>(relevant.Count);
            var key = new StringBuilder(root ?? string.Empty).Append('|').Append(inlineConfig).Append('|').Append(today).Append('|').Append(maxDocumentBytes).Append('|').Append(helpFolder).Append('|');
            var session = Sessions.GetOrAdd(key.ToString(), () => new Session());

            // The repository's file list, written by the package's targets (GovernanceFileList): data, not a document.
            var listFile = files.FirstOrDefault(f => f.Path.Replace('\\', '/').EndsWith("/" + FileListName, StringComparison.OrdinalIgnoreCase));
            var listText = listFile?.GetText();
            int listStart = key.Length;
            if (listText != null) foreach (byte b in listText.GetChecksum()) key.Append(b.ToString("x2"));
            string listChecksum = key.ToString(listStart, key.Length - listStart);
            key.Append('|');

            // The project's package references, written by the targets (GovernancePackageList): data too (GOV611).
            var packagesFile = files.FirstOrDefault(f => f.Path.Replace('\\', '/').EndsWith("/" + PackageListName, StringComparison.OrdinalIgnoreCase));
            var packagesText = packagesFile?.GetText();
            if (packagesText != null) foreach (byte b in packagesText.GetChecksum()) key.Append(b.ToString("x2"));
            key.Append('|');

            // The line counts of the files packets cite as evidence ('count|path' a line, GOV114): data.
            var linesFile = files.FirstOrDefault(f => f.Path.Replace('\\', '/').EndsWith("/" + EvidenceLinesName, StringComparison.OrdinalIgnoreCase));
            var linesText = linesFile?.GetText();
            if (linesText != null) foreach (byte b in linesText.GetChecksum()) key.Append(b.ToString("x2"));
            key.Append('|');

            // The files the targets refused to hand to the compiler ('path|reason' a line): data, reported as GOV002 at their paths.
            var refusedFile = files.FirstOrDefault(f => f.Path.Replace('\\', '/').EndsWith("/" + RefusedListName, StringComparison.OrdinalIgnoreCase));
            var refusedText = refusedFile?.GetText();
            if (refusedText != null) foreach (byte b in refusedText.GetChecksum()) key.Append(b.ToString("x2"));
            key.Append('|');
            foreach (var (file, relative) in relevant)
            {
                var text = file.GetText();
                texts.Add((file, relative, text));
                key.Append(relative).Append(':');
                if (text != null) foreach (byte b in text.GetChecksum()) key.Append(b.ToString("x2"));
                key.Append(';');
            }

            // The test result files the targets found for GovernanceTestResults ('path' a line, GOV704):
            // those additional files are results, not documents.
            var resultsFile = files.FirstOrDefault(f => f.Path.Replace('\\', '/').EndsWith("/" + TestResultListName, StringComparison.OrdinalIgnoreCase));
            var resultsList = resultsFile?.GetText();
            List<(AdditionalText File, string Relative, SourceText? Text)>? results = null;
            if (resultsList != null)
            {
                var wanted = new HashSet<string>(resultsList.Lines.Select(l => l.ToString().Trim()).Where(l => l.Length > 0), StringComparer.Ordinal);
                results = files.Select(f => (File: f, Relative: Relative(f.Path, root)))
                    .Where(f => wanted.Contains(f.Relative))
                    .OrderBy(f => f.Relative, StringComparer.Ordinal)
                    .Select(f => (f.File, f.Relative, f.File.GetText()))
                    .ToList();
                key.Append("results:");
                foreach (var (_, relative, text) in results)
                {
                    key.Append(relative).Append(':');
                    if (text != null) foreach (byte b in text.GetChecksum()) key.Append(b.ToString("x2"));
                    key.Append(';');
                }
            }

            var refused = refusedFile != null && refusedText != null ? (File: refusedFile, Text: refusedText) : ((AdditionalText File, SourceText Text)?)null;
            return Cache.GetOrAdd(key.ToString(), () => Run(texts, inlineConfig, listText == null ? null : session.FilesOf(listChecksum, listText), packagesText, refused, root, today, maxDocumentBytes, linesText, results, helpFolder, session.Cache));
        }

        /// <summary>
        /// What is kept between the analyses of one repository root with the same build settings:
        /// the engine's <see cref="AnalysisCache"/> (each document's reads and each packet's rule
        /// results, reused while its text is the same; analyses that share it take turns) and the
        /// repository's file list, the same list object while its checksum is the same (the cache
        /// reuses the rules' results only for the same list).
        /// </summary>
        internal sealed class Session
        {
            private readonly object _gate = new object();
            private (string Checksum, List<string> Files)? _files;

            /// <summary>The engine's cache for this repository and these settings.</summary>
            public AnalysisCache Cache { get; } = new AnalysisCache();

            /// <summary>The paths the file list gives (one a line), the same object as last time when <paramref name="checksum"/> is the same.</summary>
            public List<string> FilesOf(string checksum, SourceText list)
            {
                lock (_gate)
                {
                    if (_files is { } kept && string.Equals(kept.Checksum, checksum, StringComparison.Ordinal)) return kept.Files;
                    var files = list.Lines.Select(l => l.ToString().Trim()).Where(l => l.Length > 0).ToList();
                    _files = (checksum, files);
                    return files;
                }
            }
        }

        private static Snapshot Run(List<(AdditionalText File, string Relative, SourceText? Text)> texts, string? inlineConfig, List<string>? repositoryFiles, SourceText? packageList, (AdditionalText File, SourceText Text)? refused, string? root, string? today, string? maxDocumentBytes, SourceText? evidenceLines = null, List<(AdditionalText File, string Relative, SourceText? Text)>? testResults = null, string? helpFolder = null, AnalysisCache? cache = null)
        {
            var inputs = new List<DocumentInput>(texts.Count);
            var pathByRelative = new Dictionary<string, string>(StringComparer.Ordinal);
            var sourceByRelative = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (file, relative, text) in texts)
            {
                pathByRelative[relative] = file.Path;
                if (text == null)
                {
                    inputs.Add(DocumentInput.Unreadable(relative, "the compiler could not read it"));
                    continue;
                }

                var input = ToInput(relative, text);
                inputs.Add(input);
                if (input.Text != null) sourceByRelative[relative] = input.Text;
            }

            // Refused files are no additional files: their GOV002 is reported from the refused list's own
            // action, located at the refused file's path.
            var reportedFrom = new Dictionary<string, string>(StringComparer.Ordinal);
            if (refused is (AdditionalText refusedFile, SourceText refusedText) && !string.IsNullOrWhiteSpace(root))
            {
                foreach (var (relative, reason) in ParseRefused(refusedText))
                {
                    if (pathByRelative.ContainsKey(relative)) continue;
                    pathByRelative[relative] = FullPath(root!, relative);
                    reportedFrom[relative] = refusedFile.Path;
                    inputs.Add(DocumentInput.Unreadable(relative, reason));
                }
            }

            var options = new AnalysisOptions { Cache = cache };
            if (DateTime.TryParseExact(today?.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)) options.Today = date;
            if (string.Equals(inlineConfig?.Trim(), "false", StringComparison.OrdinalIgnoreCase)) options.InlineConfig = false;
            if (long.TryParse(maxDocumentBytes?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long max)) options.MaxDocumentBytes = max;
            if (repositoryFiles != null) options.RepositoryFiles = repositoryFiles;
            if (evidenceLines != null)
            {
                // As the CLI's walk answers: a count for a cited file it read, a refusal for one it refused.
                var counts = ParseEvidenceLines(evidenceLines);
                var refusals = refused is (AdditionalText, SourceText refusedList) ? ParseRefused(refusedList).GroupBy(r => r.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Reason, StringComparer.Ordinal) : new Dictionary<string, string>(StringComparer.Ordinal);
                // Cited files the walk refused ('refused|path|reason' lines): no documents, so not in the refused list.
                foreach (var (path, reason) in ParseRefusedEvidence(evidenceLines))
                {
                    if (!refusals.ContainsKey(path)) refusals[path] = reason;
                }

                options.FileLines = path => (counts.TryGetValue(path, out int n) ? n : (int?)null, refusals.TryGetValue(path, out var why) ? why : null);
            }
            if (testResults != null)
            {
                // Read as the CLI reads them; a result file's GOV002 is reported at the file.
                options.TestResults = testResults.Select(r => r.Text == null ? DocumentInput.Unreadable(r.Relative, "the compiler could not read it") : DocumentInput.FromText(r.Relative, r.Text.ToString())).ToList();
                foreach (var (file, relative, _) in testResults)
                {
                    if (!pathByRelative.ContainsKey(relative)) pathByRelative[relative] = file.Path;
                }
            }

            if (packageList != null)
            {
                options.PackageReferences = Model.Oss.PackageReference.ParseList(packageList.Lines.Select(l => l.ToString()));
                options.PackageReferencesOfOneProject = true;
            }

            GovernanceResult result;
            try
            {
                result = GovernanceEngine.Analyze(inputs, options);
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                // The engine isolates rules already; this guards the build against an engine bug (no AD0001).
                var failure = Descriptors[EngineDiagnostics.RuleFailed.Id];
                var all = pathByRelative.ToImmutableDictionary(
                    p => p.Value,
                    p => ImmutableArray.Create(Diagnostic.Create(failure, Location.Create(p.Value, default, default), "engine", e.GetType().Name + ": " + e.Message)));
                return new Snapshot(all, ImmutableArray<(string, Model.TestReference)>.Empty, GovernanceSeverity.None);
            }

            var byPath = new Dictionary<string, ImmutableArray<Diagnostic>.Builder>(StringComparer.Ordinal);
            foreach (var d in result.Diagnostics)
            {
                if (!pathByRelative.TryGetValue(d.Path, out var fullPath)) continue;
                string reporter = reportedFrom.TryGetValue(d.Path, out var from) ? from : fullPath;
                if (!byPath.TryGetValue(reporter, out var list)) byPath[reporter] = list = ImmutableArray.CreateBuilder<Diagnostic>();
                list.Add(ToDiagnostic(d, fullPath, helpFolder, result.Config.HelpLinkOf(d.Id)));
            }

            var tests = result.TestReferences
                .Where(t => pathByRelative.ContainsKey(t.Path))
                .Select(t => (pathByRelative[t.Path], t))
                .ToImmutableArray();
            return new Snapshot(byPath.ToImmutableDictionary(e => e.Key, e => e.Value.ToImmutable(), StringComparer.Ordinal), tests, result.TestReferenceSeverity, result.Config.HelpLinkOf(Rules.Source.GOV703DoneMeansTestMissing.Rule.Id))
            {
                DocumentsReused = cache?.DocumentsReused ?? 0,
                RuleResultsReused = cache?.RuleResultsReused ?? 0,
            };
        }

        /// <summary>
        /// The compiler decodes an additional file as UTF-8; when the bytes are not UTF-8 it either
        /// falls back to a single-byte encoding for the whole file (then the original bytes are
        /// recovered and decoded as every host does, <see cref="TextDecoding"/>, so GOV004 names the
        /// first bad byte) or replaces the bad bytes with U+FFFD (then GOV004 points at the first
        /// U+FFFD, the only trace left of them).
        /// </summary>
        internal static DocumentInput ToInput(string relative, SourceText text)
        {
            string content = text.ToString();
            var encoding = text.Encoding;
            if (encoding != null && !(encoding is UTF8Encoding) && encoding.CodePage != Encoding.Unicode.CodePage && encoding.CodePage != Encoding.BigEndianUnicode.CodePage)
            {
                try
                {
                    return DocumentInput.FromBytes(relative, encoding.GetBytes(content));
                }
                catch (EncoderFallbackException)
                {
                    // Not reversible: keep the compiler's text.
                }
            }

            return DocumentInput.FromText(relative, content, InvalidUtf8Position.FromReplacementCharacter(content));
        }

        private static Diagnostic ToDiagnostic(GovernanceDiagnostic d, string fullPath, string? helpFolder, string? helpLink)
        {
            var descriptor = helpLink != null ? DescriptorLinkedTo(d.Id, helpLink) : DescriptorFor(d.Id, helpFolder);
            var span = new TextSpan(d.Span.Start, d.Span.Length);
            var lines = new LinePositionSpan(
                new LinePosition(d.Span.StartLine - 1, d.Span.StartColumn - 1),
                new LinePosition(d.Span.EndLine - 1, d.Span.EndColumn - 1));
            var location = Location.Create(fullPath, span, lines);
            var severity = ToRoslyn(d.Severity);
            object[] args = d.Arguments.Cast<object>().ToArray();
            return severity == descriptor.DefaultSeverity
                ? Diagnostic.Create(descriptor, location, args)
                : Diagnostic.Create(descriptor, location, severity, additionalLocations: null, properties: null, args);
        }

        /// <summary>The additional file that lists the repository's files, one relative path a line.</summary>
        internal const string FileListName = "governance.files.txt";

        /// <summary>The additional file that lists the project's package references, ID|VERSION|PROJECT a line.</summary>
        internal const string PackageListName = "governance.packages.txt";

        /// <summary>The additional file that gives the line counts of the files packets cite as evidence, 'count|path' a line, and the cited files the walk refused, 'refused|path|reason' (GOV114).</summary>
        internal const string EvidenceLinesName = "governance.lines.txt";

        /// <summary>The 'refused|path|reason' lines of governance.lines.txt: cited files the targets' walk refused to read.</summary>
        internal static IEnumerable<(string Path, string Reason)> ParseRefusedEvidence(SourceText text)
        {
            foreach (var line in text.Lines)
            {
                string s = line.ToString().Trim();
                if (!s.StartsWith("refused|", StringComparison.Ordinal)) continue;
                int bar = s.IndexOf('|', "refused|".Length);
                if (bar <= "refused|".Length || bar == s.Length - 1) continue;
                yield return (s.Substring("refused|".Length, bar - "refused|".Length), s.Substring(bar + 1));
            }
        }

        /// <summary>'count|path' lines: a path may hold '|', a count does not.</summary>
        internal static Dictionary<string, int> ParseEvidenceLines(SourceText text)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var line in text.Lines)
            {
                string s = line.ToString().Trim();
                int bar = s.IndexOf('|');
                if (bar <= 0 || !int.TryParse(s.Substring(0, bar), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n)) continue;
                counts[s.Substring(bar + 1)] = n;
            }

            return counts;
        }

        /// <summary>The additional file that lists the files the targets would not hand to the compiler, 'path|reason' a line.</summary>
        internal const string RefusedListName = "governance.refused.txt";

        /// <summary>The test result files the targets found for GovernanceTestResults, one repository-relative path a line (GOV704): the additional files so named are test results.</summary>
        internal const string TestResultListName = "governance.testresults.txt";

        /// <summary>'path|reason' lines (the path repository-relative; a path may hold '|', a reason does not).</summary>
        internal static IEnumerable<(string Path, string Reason)> ParseRefused(SourceText text)
        {
            foreach (var line in text.Lines)
            {
                string entry = line.ToString();
                int bar = entry.LastIndexOf('|');
                if (bar <= 0 || bar == entry.Length - 1) continue;
                yield return (DocumentInput.NormalizePath(entry.Substring(0, bar)), entry.Substring(bar + 1).Trim());
            }
        }

        /// <summary>The root joined with a repository-relative path, in the root's separator style.</summary>
        private static string FullPath(string root, string relative)
        {
            string r = root.Trim();
            char separator = r.IndexOf('\\') >= 0 && r.IndexOf('/') < 0 ? '\\' : '/';
            if (!r.EndsWith("/", StringComparison.Ordinal) && !r.EndsWith("\\", StringComparison.Ordinal)) r += separator;
            return r + relative.Replace('/', separator);
        }

        private static bool IsGovernanceFile(string path)
        {
            string name = path.Replace('\\', '/');
            // Markdown documents, the configuration and JSON state files (the engine's globs decide which are which),
            // and files of a type with a comment syntax, for metadata headers (GovernanceHeaderFiles). C# files
            // are not documents: MetadataHeaderAnalyzer checks them on the compilation's syntax trees.
            return name.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith("/governance.yml", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "governance.yml", StringComparison.OrdinalIgnoreCase)
                || Model.Oss.DependencyManifest.IsManifest(name)
                || (!name.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && Model.Headers.CommentStyle.ForPath(name) != null);
        }

        /// <summary>The path relative to the repository root, with forward slashes.</summary>
        internal static string Relative(string path, string? root)
        {
            string p = path.Replace('\\', '/');
            if (string.IsNullOrWhiteSpace(root)) return p;
            string r = root!.Trim().Replace('\\', '/');
            if (!r.EndsWith("/", StringComparison.Ordinal)) r += "/";
            return p.StartsWith(r, StringComparison.OrdinalIgnoreCase) ? p.Substring(r.Length) : p;
        }

        private static DiagnosticDescriptor ToRoslyn(RuleDescriptor d) => ToRoslyn(d, d.HelpLink);

        private static DiagnosticDescriptor ToRoslyn(RuleDescriptor d, string helpLink) => new DiagnosticDescriptor(
            d.Id, d.Title, d.MessageFormat, d.Category, ToRoslyn(d.DefaultSeverity), isEnabledByDefault: true,
            description: d.Description + " Source: " + d.Source + ".", helpLinkUri: helpLink);

        // Descriptors whose help link is a page in a help folder, by folder and rule: the same rule as
        // SupportedDiagnostics (the compiler matches a reported diagnostic to them by ID).
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Folder, string Id), DiagnosticDescriptor> WithHelp =
            new System.Collections.Concurrent.ConcurrentDictionary<(string Folder, string Id), DiagnosticDescriptor>();

        /// <summary>
        /// The descriptor of rule <paramref name="id"/> whose help link is the file URI of its page in
        /// <paramref name="helpFolder"/> (an absolute folder, GovernanceHelpFolder); the plain one when
        /// the folder is unset or not an absolute path. No file is read: the package ships the pages.
        /// </summary>
        internal static DiagnosticDescriptor DescriptorFor(string id, string? helpFolder)
        {
            var plain = Descriptors[id];
            string folder = (helpFolder ?? string.Empty).Trim();
            if (folder.Length == 0) return plain;
            return WithHelp.GetOrAdd((folder, id), key =>
            {
                try
                {
                    if (!System.IO.Path.IsPathRooted(key.Folder)) return plain;
                    string page = System.IO.Path.Combine(key.Folder, key.Id + ".md");
                    return ToRoslyn(RuleCatalog.Find(key.Id)!, new Uri(page).AbsoluteUri);
                }
                catch (Exception e) when (e is UriFormatException || e is ArgumentException)
                {
                    return plain;
                }
            });
        }

        /// <summary>
        /// The descriptor of rule <paramref name="id"/> whose help link is <paramref name="helpLink"/>: the address
        /// governance.yml's <c>helpBaseUrl</c> gives the rule (<see cref="Configuration.GovernanceConfig.HelpLinkOf"/>),
        /// which takes the place of the page shipped with the package.
        /// </summary>
        internal static DiagnosticDescriptor DescriptorLinkedTo(string id, string helpLink)
        {
            // An address typed into governance.yml in an IDE is a new one at every keystroke: the descriptors kept are
            // bounded (a descriptor made again is equal to the one dropped).
            if (WithHelp.Count > 4096) WithHelp.Clear();
            return WithHelp.GetOrAdd(("link:" + helpLink, id), key => ToRoslyn(RuleCatalog.Find(key.Id)!, helpLink));
        }

        internal static DiagnosticSeverity ToRoslyn(GovernanceSeverity severity) => severity switch
        {
            GovernanceSeverity.Error => DiagnosticSeverity.Error,
            GovernanceSeverity.Warning => DiagnosticSeverity.Warning,
            GovernanceSeverity.Info => DiagnosticSeverity.Info,
            _ => DiagnosticSeverity.Hidden,
        };

        /// <summary>Diagnostics of one analysis, by the additional file's full path.</summary>
        internal sealed class Snapshot
        {
            public Snapshot(ImmutableDictionary<string, ImmutableArray<Diagnostic>> byPath, ImmutableArray<(string FullPath, Model.TestReference Reference)> tests, GovernanceSeverity testSeverity, string? testHelpLink = null)
            {
                TestHelpLink = testHelpLink;
                ByPath = byPath;
                Tests = tests;
                TestSeverity = testSeverity;
            }

            public ImmutableDictionary<string, ImmutableArray<Diagnostic>> ByPath { get; }

            /// <summary>The tests DONE_MEANS items name, with the packet's full path (GOV703).</summary>
            public ImmutableArray<(string FullPath, Model.TestReference Reference)> Tests { get; }

            /// <summary>GOV703's severity from governance.yml.</summary>
            public GovernanceSeverity TestSeverity { get; }

            /// <summary>GOV703's help link as governance.yml's helpBaseUrl gives it, or null for the plain descriptor's.</summary>
            public string? TestHelpLink { get; }

            /// <summary>How many documents the analysis took from its repository's <see cref="AnalysisCache"/> (read in an earlier compilation, text unchanged).</summary>
            public int DocumentsReused { get; internal set; }

            /// <summary>How many (packet, rule) results the analysis took from that cache.</summary>
            public int RuleResultsReused { get; internal set; }
        }
    }
}
