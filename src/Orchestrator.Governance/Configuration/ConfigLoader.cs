using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Orchestrator.Governance.Configuration
{
    /// <summary>
    /// Loads the effective configuration: the default profile embedded from rules/*.yml, then a
    /// repository's governance.yml on top (maps merge key by key, lists are replaced). Each source
    /// is validated against the embedded schemas/governance.schema.json with NJsonSchema; a
    /// governance.yml that does not validate yields <see cref="ConfigProblem"/>s and is ignored
    /// whole, so the defaults apply.
    /// </summary>
    public static class ConfigLoader
    {
        private static readonly Lazy<JsonSchema> Schema = new Lazy<JsonSchema>(() =>
            JsonSchema.FromJsonAsync(ReadResource("schemas/governance.schema.json")).GetAwaiter().GetResult());

        /// <summary>
        /// The embedded default profile (rules/*.yml), merged. Not checked against the schema when
        /// loaded: it ships inside the engine and a test checks it (<see cref="DefaultProfileProblems"/>),
        /// and loading the schema costs a short-lived process (the CLI, a build's task) about 0.4 s that
        /// a repository without governance.yml then never pays.
        /// </summary>
        private static readonly Lazy<JObject> Defaults = new Lazy<JObject>(() => LoadDefaults(validate: false));

        /// <summary>The configuration schema text (schemas/governance.schema.json).</summary>
        public static string SchemaText => ReadResource("schemas/governance.schema.json");

        /// <summary>The default configuration (no governance.yml).</summary>
        public static GovernanceConfig Default => Materialize((JObject)Defaults.Value.DeepClone(), new List<ConfigProblem>());

        /// <summary>
        /// The defaults merged with <paramref name="governanceYaml"/> (null when the repository has
        /// none). Problems are filled for invalid YAML, schema violations, invalid regular
        /// expressions and severity keys that <paramref name="isRuleId"/> rejects (the rule catalog
        /// lives above this layer: hosts pass <c>Rules.RuleCatalog.Exists</c>); the returned
        /// configuration is then the default one.
        /// </summary>
        public static GovernanceConfig Load(string? governanceYaml, Func<string, bool> isRuleId, out IReadOnlyList<ConfigProblem> problems)
        {
            var found = new List<ConfigProblem>();
            problems = found;
            var merged = (JObject)Defaults.Value.DeepClone();
            if (governanceYaml is null) return Materialize(merged, found);

            JObject? overrides = Parse(governanceYaml, found);
            if (overrides is null) return Materialize(merged, new List<ConfigProblem>());

            MergeOverrides(merged, overrides);
            var config = Materialize(merged, found, isRuleId);
            if (found.Count > 0) return Materialize((JObject)Defaults.Value.DeepClone(), new List<ConfigProblem>());
            return config;
        }

        /// <summary>
        /// The defaults merged with <paramref name="governanceYaml"/> without the schema check: for a host
        /// that only chooses which files to read (the package's MSBuild task, run in a fresh process by
        /// every <c>dotnet build</c>, where loading the schema costs about 0.4 s). It reports no problems
        /// (the analyzer does); YAML that does not parse, is not a mapping or holds a value of the wrong
        /// type gives the defaults, as <see cref="Load"/> does.
        /// </summary>
        public static GovernanceConfig LoadUnchecked(string? governanceYaml)
        {
            var merged = (JObject)Defaults.Value.DeepClone();
            var problems = new List<ConfigProblem>();
            JObject? overrides = governanceYaml is null ? null : Parse(governanceYaml, problems, validate: false);
            if (overrides != null)
            {
                MergeOverrides(merged, overrides);
                try
                {
                    var config = merged.ToObject<GovernanceConfig>(JsonSerializer.CreateDefault()) ?? new GovernanceConfig();
                    config.Limits.CapAt(LimitsConfig.HostCeiling);
                    return config;
                }
                catch (JsonException)
                {
                    // A value of the wrong type: the defaults, like an invalid configuration in Load.
                }
            }

            return Defaults.Value.ToObject<GovernanceConfig>(JsonSerializer.CreateDefault()) ?? new GovernanceConfig();
        }

        /// <summary>
        /// <paramref name="overrides"/> (the repository's governance.yml) merged into the defaults:
        /// arrays replaced, nulls ignored. A key of taskPacket.statusTransitions is a status, compared
        /// as allowed values are (Text.ComparableValue): a user key that spells a default key otherwise
        /// ("VALIDATED", "In Progress") replaces it rather than standing beside it.
        /// </summary>
        private static void MergeOverrides(JObject merged, JObject overrides)
        {
            if (overrides["taskPacket"]?["statusTransitions"] is JObject user && merged["taskPacket"]?["statusTransitions"] is JObject defaults)
            {
                var spelled = new HashSet<string>(user.Properties().Select(p => Text.ComparableValue.Of(p.Name)), StringComparer.Ordinal);
                foreach (var shadowed in defaults.Properties().Where(p => user.Property(p.Name) == null && spelled.Contains(Text.ComparableValue.Of(p.Name))).ToList())
                    shadowed.Remove();
            }

            merged.Merge(overrides, new JsonMergeSettings { MergeArrayHandling = MergeArrayHandling.Replace, MergeNullValueHandling = MergeNullValueHandling.Ignore });
        }

        private static JObject? Parse(string yaml, List<ConfigProblem> problems, bool validate = true)
        {
            string json;
            try
            {
                json = YamlToJson.Convert(yaml);
            }
            catch (YamlConversionException e)
            {
                problems.Add(new ConfigProblem(e.Message, e.Line, e.Column));
                return null;
            }

            JToken token;
            using (var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, MaxDepth = YamlToJson.MaxDepth + 8 })
            {
                token = JToken.Load(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
            }

            if (token.Type == JTokenType.Null) return new JObject();
            if (!(token is JObject obj))
            {
                problems.Add(new ConfigProblem("governance.yml must be a mapping of keys (limits, documents, severity, taskPacket)", 1, 1));
                return null;
            }

            if (!validate) return obj;
            foreach (var error in SchemaErrors.Flatten(Schema.Value.Validate(obj)).OrderBy(e => e.LineNumber).ThenBy(e => e.Path, StringComparer.Ordinal))
            {
                problems.Add(new ConfigProblem(SchemaErrors.Describe(error), error.HasLineInfo ? error.LineNumber : 1, 1));
            }

            return problems.Count == 0 ? obj : null;
        }


        private static GovernanceConfig Materialize(JObject merged, List<ConfigProblem> problems, Func<string, bool>? isRuleId = null)
        {
            var config = merged.ToObject<GovernanceConfig>(JsonSerializer.CreateDefault()) ?? new GovernanceConfig();
            config.Limits.CapAt(LimitsConfig.HostCeiling);

            // Regular expressions are checked here, where the schema cannot.
            void CheckRegex(string pattern, string key)
            {
                try
                {
                    _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException e)
                {
                    problems.Add(new ConfigProblem($"'{key}' is not a valid regular expression: {e.Message}", FindLine(merged, key), 1));
                }
            }

            CheckRegex(config.TaskPacket.FileNamePattern, "taskPacket.fileNamePattern");
            foreach (var p in config.TaskPacket.Placeholders) CheckRegex(p, "taskPacket.placeholders");
            CheckRegex(config.TaskPacket.SignaturePattern, "taskPacket.signaturePattern");
            CheckRegex(config.TaskPacket.TestReference, "taskPacket.testReference");
            CheckRegex(config.Spec.IdPattern, "spec.idPattern");
            CheckRegex(config.Board.PhaseGates.Heading, "board.phaseGates.heading");
            foreach (var p in config.Scope.NewMarkers) CheckRegex(p, "scope.newMarkers");
            CheckRegex(config.Source.IssueReference, "source.issueReference");
            CheckRegex(config.Board.PhaseGates.StatusLine, "board.phaseGates.statusLine");
            CheckRegex(config.Board.PhaseGates.ClosedLine, "board.phaseGates.closedLine");
            foreach (var p in config.Spec.DoneMeans.GenericGates) CheckRegex(p, "spec.doneMeans.genericGates");
            CheckGlobs(merged, merged, problems);
            if (config.HelpBaseUrl.Trim().Length > 0 && !GovernanceConfig.IsHelpBaseUrl(config.HelpBaseUrl.Trim()))
                problems.Add(new ConfigProblem($"'helpBaseUrl' must be an absolute http or https address without spaces, quotes or parentheses (found '{(config.HelpBaseUrl.Length <= 80 ? config.HelpBaseUrl : config.HelpBaseUrl.Substring(0, 77) + "...")}')", FindLine(merged, "helpBaseUrl"), 1));
            foreach (var entry in config.Severity)
            {
                if (isRuleId != null && !isRuleId(entry.Key))
                    problems.Add(new ConfigProblem($"'severity.{entry.Key}' names no governance rule", FindLine(merged, "severity." + entry.Key), 1));
            }

            return config;
        }

        /// <summary>The keys that hold globs (documents.*.include/exclude, headers.include, spec.files, scope.gate.exempt, ...).</summary>
        private static readonly string[] GlobKeys = { "include", "exclude", "exempt", "files" };

        /// <summary>Every glob of the configuration (<see cref="GlobKeys"/>, at any depth) that cannot be matched, as a problem at its line.</summary>
        private static void CheckGlobs(JToken token, JObject root, List<ConfigProblem> problems)
        {
            if (token is JObject obj)
            {
                foreach (var property in obj.Properties())
                {
                    if (Array.IndexOf(GlobKeys, property.Name) >= 0 && property.Value is JArray globs)
                    {
                        foreach (var glob in globs.OfType<JValue>().Where(v => v.Type == JTokenType.String))
                        {
                            if (GlobPattern.Problem((string)glob!) is string reason)
                            {
                                int line = glob is IJsonLineInfo info && info.HasLineInfo() ? info.LineNumber : FindLine(root, property.Path);
                                problems.Add(new ConfigProblem($"'{property.Path}' glob '{(string)glob!}' cannot be used: {reason}", line, 1));
                            }
                        }
                    }
                    else CheckGlobs(property.Value, root, problems);
                }
            }
            else if (token is JArray array)
            {
                foreach (var item in array) CheckGlobs(item, root, problems);
            }
        }

        private static int FindLine(JObject root, string path)
        {
            var token = root.SelectToken(path);
            return token is IJsonLineInfo info && info.HasLineInfo() ? info.LineNumber : 1;
        }

        /// <summary>The schema problems of the embedded default profile, file by file ("rules/x.yml: 3: message"); empty when it is valid.</summary>
        internal static IReadOnlyList<string> DefaultProfileProblems()
        {
            var found = new List<string>();
            var assembly = typeof(ConfigLoader).GetTypeInfo().Assembly;
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("rules/", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
            {
                var problems = new List<ConfigProblem>();
                Parse(ReadResource(name), problems, validate: true);
                found.AddRange(problems.Select(p => $"{name}: {p.Line}: {p.Message}"));
            }

            return found;
        }

        private static JObject LoadDefaults(bool validate)
        {
            var merged = new JObject();
            var assembly = typeof(ConfigLoader).GetTypeInfo().Assembly;
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("rules/", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
            {
                var problems = new List<ConfigProblem>();
                var obj = Parse(ReadResource(name), problems, validate);
                if (obj is null)
                    throw new InvalidOperationException($"The embedded default profile {name} is invalid: {string.Join("; ", problems.Select(p => p.Line + ": " + p.Message))}");
                merged.Merge(obj, new JsonMergeSettings { MergeArrayHandling = MergeArrayHandling.Replace });
            }

            return merged;
        }

        /// <summary>An embedded resource of the engine (rules/*.yml, schemas/...) as text.</summary>
        internal static string ReadResource(string name)
        {
            var assembly = typeof(ConfigLoader).GetTypeInfo().Assembly;
            using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException("Missing embedded resource " + name);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }
}
