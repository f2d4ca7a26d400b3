using System;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.Extensions.FileSystemGlobbing;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Rules;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Analyzers
{
    /// <summary>
    /// What the source rules (GOV7xx) need from governance.yml, read once per configuration text:
    /// which C# files they check (source.include / source.exclude, matched against the path
    /// relative to GovernanceRoot), the TODO keywords and issue reference pattern, and the
    /// severities the configuration sets. Files outside GovernanceRoot are not checked. The
    /// configuration is an additional file; nothing is read from disk (RS1035).
    /// </summary>
    internal sealed class SourceRuleScope
    {
        private static readonly object Gate = new object();
        private static (string Key, SourceRuleScope Scope)? _last;

        private readonly Matcher _matcher;
        private readonly Matcher? _headers;
        private readonly string? _root;
        private readonly GovernanceConfig _config;

        private SourceRuleScope(GovernanceConfig config, string? root)
        {
            _config = config;
            _root = root;
            _matcher = new Matcher(StringComparison.Ordinal);
            _matcher.AddIncludePatterns(config.Source.Include);
            _matcher.AddExcludePatterns(config.Source.Exclude);
            if (config.Headers.Include.Count > 0)
            {
                _headers = new Matcher(StringComparison.OrdinalIgnoreCase);
                _headers.AddIncludePatterns(config.Headers.Include);
                _headers.AddExcludePatterns(config.Headers.Exclude);
            }
            Keyword = config.Source.TodoKeywords.Count == 0
                ? null
                : new Regex(@"\b(?:" + string.Join("|", config.Source.TodoKeywords.Select(Regex.Escape)) + @")\b", RegexOptions.CultureInvariant, Model.TaskPacketProfile.RegexTimeout);
            IssueReference = Model.TaskPacketProfile.Pattern(config.Source.IssueReference);
        }

        /// <summary>Whole-word TODO keywords, or null when none are configured.</summary>
        public Regex? Keyword { get; }

        /// <summary>What must follow a keyword (source.issueReference).</summary>
        public Regex IssueReference { get; }

        /// <summary>The pattern as configured, for messages.</summary>
        public string IssueReferenceText => _config.Source.IssueReference;

        /// <summary>headers.* of the configuration (GOV401/GOV402).</summary>
        public HeadersConfig Headers => _config.Headers;

        /// <summary>Whether <paramref name="id"/> is one of the source rules, which these analyzers (not the document analyzer) report.</summary>
        public static bool IsSourceRule(string id) => RuleCatalog.SourceRules.Any(d => d.Id == id);

        /// <summary>The scope for a compilation: governance.yml among its additional files (at the root), else the defaults.</summary>
        public static SourceRuleScope For(AnalyzerOptions options)
        {
            options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(GovernanceAnalyzer.RootProperty, out var root);
            var configFile = options.AdditionalFiles.FirstOrDefault(f => string.Equals(GovernanceAnalyzer.Relative(f.Path, root), "governance.yml", StringComparison.OrdinalIgnoreCase));
            string? text = configFile?.GetText()?.ToString();
            string key = (root ?? string.Empty) + "\0" + (text ?? string.Empty);
            lock (Gate)
            {
                if (_last is { } last && last.Key == key) return last.Scope;
            }

            // Problems in governance.yml are GOV001 at the file, from the document analyzer; the defaults apply.
            var scope = new SourceRuleScope(ConfigLoader.Load(text, Orchestrator.Governance.Rules.RuleCatalog.Exists, out _), root);
            lock (Gate) _last = (key, scope);
            return scope;
        }

        /// <summary>Whether the source rules check <paramref name="tree"/>.</summary>
        public bool Includes(SyntaxTree tree) => Matches(_matcher, tree);

        /// <summary>Whether headers.include names <paramref name="tree"/>'s file (and headers.exclude does not); false while headers are off.</summary>
        public bool HeaderIncludes(SyntaxTree tree) => _headers != null && Matches(_headers, tree);

        private bool Matches(Matcher matcher, SyntaxTree tree)
        {
            if (string.IsNullOrEmpty(tree.FilePath) || string.IsNullOrWhiteSpace(_root)) return false;
            string path = tree.FilePath.Replace('\\', '/');
            string relative = GovernanceAnalyzer.Relative(path, _root);
            if (relative == path) return false; // outside the repository root
            return matcher.Match(relative).HasMatches;
        }

        /// <summary>The diagnostic with the severity governance.yml gives the rule, or null when it turns the rule off.</summary>
        public Diagnostic? Create(RuleDescriptor rule, Location location, params object[] arguments) => Create(rule, location, null, arguments);

        /// <summary>The same, carrying <paramref name="properties"/> for a code fix.</summary>
        public Diagnostic? Create(RuleDescriptor rule, Location location, System.Collections.Immutable.ImmutableDictionary<string, string?>? properties, params object[] arguments)
        {
            // The help link governance.yml's helpBaseUrl gives the rule, else the plain descriptor's.
            var descriptor = _config.HelpLinkOf(rule.Id) is string link ? GovernanceAnalyzer.DescriptorLinkedTo(rule.Id, link) : GovernanceAnalyzer.Descriptors[rule.Id];
            var severity = _config.SeverityOf(rule);
            if (severity == GovernanceSeverity.None) return null;
            return Diagnostic.Create(descriptor, location, GovernanceAnalyzer.ToRoslyn(severity), additionalLocations: null, properties: properties, arguments);
        }
    }
}
