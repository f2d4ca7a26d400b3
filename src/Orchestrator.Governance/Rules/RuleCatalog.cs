using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules
{
    /// <summary>
    /// Every rule, found in this assembly and listed by the kind of document it reads, and every descriptor: the engine's own
    /// (<see cref="EngineDiagnostics"/>) and each rule's, which the rule declares beside its code
    /// (<c>Rules/&lt;Category&gt;/GOVnnnName.cs</c>, as StyleCop.Analyzers names its rules). The README's
    /// rule table, AnalyzerReleases.Unshipped.md and the .globalconfig presets are checked against this
    /// catalog by tests (CatalogDerivedFilesTests). IDs are stable once shipped. Ranges: GOV0xx engine
    /// and configuration, GOV1xx task packet structure (seed 003 §4-5, §8), GOV2xx spec anchors and
    /// traceability (seed 003 Part 1, §5.2, §5.4), GOV3xx task board, dependencies and state files,
    /// GOV4xx metadata headers (seed 000 §3), GOV5xx scope paths (seed 003 §5.3), GOV6xx decisions
    /// and waivers (seed 003 Part 1), GOV7xx source, GOV8xx change-aware (seeds 001, 003: what one
    /// change does to packets and the spec, and what packets in progress at once share).
    /// </summary>
    public static class RuleCatalog
    {
        /// <summary>The task packet rules, in ID order; each runs once per packet.</summary>
        public static IReadOnlyList<TaskPacketRule> TaskPacketRules { get; } = Discover<TaskPacketRule>(r => r.Descriptor);

        /// <summary>The repository rules (spec, board, dependencies, decisions), in ID order; each runs once per analysis.</summary>
        public static IReadOnlyList<RepositoryRule> RepositoryRules { get; } = Discover<RepositoryRule>(r => r.Descriptor);

        /// <summary>The orchestration state file rules (seeds 000, 002, 004), in ID order; each runs on the state files of its kind.</summary>
        public static IReadOnlyList<StateFileRule> StateFileRules { get; } = Discover<StateFileRule>(r => r.Descriptor);

        /// <summary>The metadata header rules (seed 000 §3), in ID order; each runs on every file headers.include names.</summary>
        public static IReadOnlyList<HeaderRule> HeaderRules { get; } = Discover<HeaderRule>(r => r.Descriptor);

        /// <summary>
        /// The rules over C# source, which the Roslyn analyzer runs (the engine reads no C#), in ID
        /// order: every static class of <c>Rules/Source/</c> that declares a public static
        /// <c>Rule</c> descriptor, found as the engine's rules are.
        /// </summary>
        public static IReadOnlyList<RuleDescriptor> SourceRules { get; } =
            typeof(RuleCatalog).GetTypeInfo().Assembly.DefinedTypes
                .Where(t => t.IsAbstract && t.IsSealed && t.Namespace == typeof(RuleCatalog).Namespace + ".Source")
                .Select(t => t.GetDeclaredField("Rule"))
                .Where(f => f != null && f.IsStatic && f.IsPublic && f.FieldType == typeof(RuleDescriptor))
                .Select(f => (RuleDescriptor)f!.GetValue(null)!)
                .OrderBy(d => d.Id, StringComparer.Ordinal)
                .ToArray();

        /// <summary>All descriptors, ordered by ID.</summary>
        public static IReadOnlyList<RuleDescriptor> All { get; } = EngineDiagnostics.All
            .Concat(TaskPacketRules.Select(r => r.Descriptor))
            .Concat(RepositoryRules.Select(r => r.Descriptor))
            .Concat(StateFileRules.Select(r => r.Descriptor))
            .Concat(HeaderRules.Select(r => r.Descriptor))
            .Concat(SourceRules)
            .OrderBy(d => d.Id, System.StringComparer.Ordinal)
            .ToArray();

        /// <summary>
        /// Every concrete rule class of this assembly deriving from <typeparamref name="T"/>, one
        /// instance each, ordered by rule ID: as Roslyn finds analyzers by their type, a rule is
        /// run because it exists, with no list to keep (RuleCatalogTests check each is named and
        /// filed after its ID). Rules hold no state, so one instance serves every analysis.
        /// </summary>
        private static T[] Discover<T>(Func<T, RuleDescriptor> descriptor)
            where T : class =>
            typeof(RuleCatalog).GetTypeInfo().Assembly.DefinedTypes
                .Where(t => !t.IsAbstract && typeof(T).GetTypeInfo().IsAssignableFrom(t) && t.DeclaredConstructors.Any(c => c.IsPublic && c.GetParameters().Length == 0))
                .Select(t => (T)Activator.CreateInstance(t.AsType())!)
                .OrderBy(r => descriptor(r).Id, StringComparer.Ordinal)
                .ToArray();

        private static readonly Dictionary<string, RuleDescriptor> ById = All.ToDictionary(d => d.Id, System.StringComparer.OrdinalIgnoreCase);

        /// <summary>The descriptor with this ID (case-insensitive), or null.</summary>
        public static RuleDescriptor? Find(string id) => ById.TryGetValue(id, out var d) ? d : null;

        /// <summary>Whether a rule has this ID (case-insensitive): what <see cref="Configuration.ConfigLoader.Load"/> checks severity keys with.</summary>
        public static bool Exists(string id) => ById.ContainsKey(id);
    }
}
