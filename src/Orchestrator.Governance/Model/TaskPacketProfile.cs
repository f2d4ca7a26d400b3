using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Orchestrator.Governance.Configuration;

namespace Orchestrator.Governance.Model
{
    /// <summary>
    /// The task packet part of the configuration, compiled once: names normalized with
    /// <see cref="KeyNormalizer"/>, regular expressions built (with a match timeout), lookups indexed.
    /// </summary>
    public sealed class TaskPacketProfile
    {
        /// <summary>Regex match timeout: a pathological user pattern cannot hang a build.</summary>
        public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(250);

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, RegexOptions), Regex> Compiled =
            new System.Collections.Concurrent.ConcurrentDictionary<(string, RegexOptions), Regex>();

        /// <summary>
        /// A configured pattern, compiled once per process and shared by every analysis (the
        /// configuration loader has checked that it parses); it keeps the match timeout.
        /// </summary>
        public static Regex Pattern(string pattern, RegexOptions options = RegexOptions.None) =>
            Compiled.GetOrAdd((pattern, options), key => new Regex(key.Item1, key.Item2 | RegexOptions.CultureInvariant | RegexOptions.Compiled, RegexTimeout));

        /// <summary>
        /// Compiles <paramref name="config"/> (which the loader has already validated);
        /// <paramref name="moreFieldKeys"/> are further keys read as fields (the dependency fields).
        /// </summary>
        public TaskPacketProfile(TaskPacketConfig config, IEnumerable<string>? moreFieldKeys = null)
        {
            Config = config;
            FileNamePattern = Pattern(config.FileNamePattern);
            IgnoredSectionPrefixes = config.IgnoredSections.Select(KeyNormalizer.Normalize).Where(s => s.Length > 0).ToArray();
            WaiverSectionKeys = new Text.StringSet(config.WaiverSections.Select(KeyNormalizer.Normalize).Where(s => s.Length > 0));
            _noneMarkers = new HashSet<string>(config.NoneMarkers.Select(m => m.Trim()), StringComparer.OrdinalIgnoreCase);
            Sections = config.Sections.Select(s => new SectionRule(
                KeyNormalizer.Normalize(s.Name),
                s.Required,
                new[] { KeyNormalizer.Normalize(s.Name) }.Concat(s.Aliases.Select(KeyNormalizer.Normalize)).Where(a => a.Length > 0).Distinct().ToArray(),
                s.Fields.Select(KeyNormalizer.Normalize).Where(f => f.Length > 0).ToArray())).ToArray();
            FieldAliases = config.FieldAliases.ToDictionary(
                e => KeyNormalizer.Normalize(e.Key),
                e => (IReadOnlyList<string>)e.Value.Select(KeyNormalizer.Normalize).ToArray(),
                StringComparer.Ordinal);
            Placeholders = config.Placeholders.Select(p => Pattern(p)).ToArray();
            SignaturePattern = Pattern(config.SignaturePattern);
            CommandWords = new Text.StringSet(config.CommandWords);

            var known = new HashSet<string>(StringComparer.Ordinal) { SignatureField };
            foreach (var s in Sections) known.UnionWith(s.Fields);
            foreach (var e in FieldAliases) { known.Add(e.Key); known.UnionWith(e.Value); }
            known.UnionWith(config.AllowedValues.Keys.Select(KeyNormalizer.Normalize));
            known.UnionWith(config.Counts.Keys.Select(KeyNormalizer.Normalize));
            if (moreFieldKeys != null) known.UnionWith(moreFieldKeys.Select(KeyNormalizer.Normalize));
            // A heading named like a section is the section, even when a field alias shares its name.
            SectionNames = new Text.StringSet(Sections.SelectMany(sec => sec.Names));
            KnownFieldKeys = new Text.StringSet(known);
        }

        private readonly HashSet<string> _noneMarkers;

        /// <summary>Normalized keys of the sections where waivers are recorded (taskPacket.waiverSections).</summary>
        public Text.StringSet WaiverSectionKeys { get; }

        /// <summary>Whether an entry says there is nothing (taskPacket.noneMarkers: "NONE", "N/A"; trailing "." ignored).</summary>
        public bool IsNoneMarker(string text) => _noneMarkers.Contains(text.Trim().TrimEnd('.'));

        /// <summary>Normalized names and aliases of every template section.</summary>
        public Text.StringSet SectionNames { get; }

        /// <summary>The field that locks a packet (seed 003 §5.6).</summary>
        public const string SignatureField = "USER_SIGNATURE";

        /// <summary>The configuration it was compiled from.</summary>
        public TaskPacketConfig Config { get; }

        /// <summary>File name pattern (GOV101).</summary>
        public Regex FileNamePattern { get; }

        /// <summary>Normalized prefixes of report sections not searched for fields.</summary>
        public IReadOnlyList<string> IgnoredSectionPrefixes { get; }

        /// <summary>Sections in order.</summary>
        public IReadOnlyList<SectionRule> Sections { get; }

        /// <summary>Normalized field key to its normalized aliases.</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<string>> FieldAliases { get; }

        /// <summary>Placeholder patterns (GOV110).</summary>
        public IReadOnlyList<Regex> Placeholders { get; }

        /// <summary>What a USER_SIGNATURE that locks the packet looks like (taskPacket.signaturePattern; GOV111).</summary>
        public Regex SignaturePattern { get; }

        /// <summary>First words of command lines (GOV112).</summary>
        public Text.StringSet CommandWords { get; }

        /// <summary>Every key that names a field, so that "## DONE_MEANS" is read as a field.</summary>
        public Text.StringSet KnownFieldKeys { get; }

        /// <summary>The aliases of a normalized field key (empty when none).</summary>
        public IReadOnlyList<string> AliasesOf(string key) =>
            FieldAliases.TryGetValue(key, out var a) ? a : Array.Empty<string>();

        /// <summary>
        /// The packet's field <paramref name="key"/> (a normalized key: "STATUS"), found under the
        /// key or one of its aliases (taskPacket.fieldAliases), or null when the packet has none.
        /// </summary>
        public PacketField? FieldOf(TaskPacket packet, string key) => packet.FindField(key, AliasesOf(key));

        /// <summary>The canonical key of a key or alias.</summary>
        public string CanonicalKey(string key)
        {
            foreach (var e in FieldAliases)
            {
                if (e.Value.Contains(key)) return e.Key;
            }

            return key;
        }

        /// <summary>Whether a normalized section key is a report/log section.</summary>
        public bool IsIgnoredSection(string key)
        {
            foreach (var prefix in IgnoredSectionPrefixes)
            {
                if (key.StartsWith(prefix, StringComparison.Ordinal)) return true;
            }

            return false;
        }

        /// <summary>One section of the template.</summary>
        public sealed class SectionRule
        {
            internal SectionRule(string name, bool required, IReadOnlyList<string> names, IReadOnlyList<string> fields)
            {
                Name = name;
                Required = required;
                Names = names;
                Fields = fields;
            }

            /// <summary>Normalized name.</summary>
            public string Name { get; }

            /// <summary>Whether it must be present.</summary>
            public bool Required { get; }

            /// <summary>Name and aliases, normalized.</summary>
            public IReadOnlyList<string> Names { get; }

            /// <summary>Required fields, normalized.</summary>
            public IReadOnlyList<string> Fields { get; }
        }
    }
}
