using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Orchestrator.Governance.Documents;

namespace Orchestrator.Governance.Model.Spec
{
    /// <summary>
    /// The earlier versions of a single-file spec that a repository keeps beside it: files in the
    /// same folder named as the current spec with another version
    /// (<c>Handshake_Master_Spec_v02.122.md</c> beside <c>Handshake_Master_Spec_v02.123.md</c>).
    /// Each is parsed with the current spec's profile on first use, once per analysis (GOV805).
    /// </summary>
    public sealed class SpecVersions
    {
        private static readonly Regex Version = new Regex(@"(?<=v)\d+(?:\.\d+)+", RegexOptions.CultureInvariant);

        private readonly Dictionary<string, Lazy<SpecDocument?>> _byVersion;

        private SpecVersions(Dictionary<string, Lazy<SpecDocument?>> byVersion)
        {
            _byVersion = byVersion;
        }

        /// <summary>No earlier versions.</summary>
        public static SpecVersions None { get; } = new SpecVersions(new Dictionary<string, Lazy<SpecDocument?>>(StringComparer.Ordinal));

        /// <summary>
        /// The paths among <paramref name="files"/> (repository-relative) in the folder of
        /// <paramref name="specPath"/> whose names differ from its name only in the version
        /// (<c>v</c> then dotted digits), in ordinal order; none when its name holds no version.
        /// </summary>
        public static IEnumerable<string> Siblings(string specPath, IEnumerable<string> files)
        {
            int slash = specPath.LastIndexOf('/');
            string folder = specPath.Substring(0, slash + 1), name = specPath.Substring(slash + 1);
            var versions = Version.Matches(name);
            if (versions.Count == 0) return Array.Empty<string>();
            var last = versions[versions.Count - 1];
            var pattern = new Regex("^" + Regex.Escape(name.Substring(0, last.Index)) + @"\d+(?:\.\d+)+" + Regex.Escape(name.Substring(last.Index + last.Length)) + "$", RegexOptions.CultureInvariant);
            return files
                .Where(f => f != specPath && f.StartsWith(folder, StringComparison.Ordinal) && f.IndexOf('/', folder.Length) < 0 && pattern.IsMatch(f.Substring(folder.Length)))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>
        /// The earlier versions of <paramref name="spec"/>'s single-file spec among
        /// <paramref name="inputs"/>, each read (admitted as any document, against
        /// <paramref name="maxBytes"/>) when first asked for.
        /// </summary>
        internal static SpecVersions Of(SpecContext spec, IReadOnlyList<DocumentInput> inputs, long maxBytes)
        {
            if (spec.Spec == null || spec.IsModular) return None;
            var byPath = inputs.ToDictionary(i => i.Path, StringComparer.Ordinal);
            var found = new Dictionary<string, Lazy<SpecDocument?>>(StringComparer.Ordinal);
            foreach (var path in Siblings(spec.Spec.Path, byPath.Keys))
            {
                string? version = SpecReader.VersionOf(path.Substring(path.LastIndexOf('/') + 1));
                if (version == null || found.ContainsKey(version)) continue;
                var input = byPath[path];
                found[version] = new Lazy<SpecDocument?>(() => DocumentAdmission.Refusal(input, maxBytes, "Markdown") != null
                    ? null
                    : DocumentAdmission.ParseMarkdown(() => SpecContext.ReadVersion(input, spec.Profile, version), out _));
            }

            return new SpecVersions(found);
        }

        /// <summary>Compares dotted versions numerically ("02.98" &lt; "02.123"); a missing or non-numeric part counts as 0.</summary>
        public static int Compare(string a, string b)
        {
            var x = a.Split('.');
            var y = b.Split('.');
            for (int i = 0; i < Math.Max(x.Length, y.Length); i++)
            {
                long xi = i < x.Length && long.TryParse(x[i], out var p) ? p : 0;
                long yi = i < y.Length && long.TryParse(y[i], out var q) ? q : 0;
                if (xi != yi) return xi.CompareTo(yi);
            }

            return 0;
        }

        /// <summary>The earlier version <paramref name="version"/> ("02.122"), parsed; null when the repository does not keep it or it cannot be read.</summary>
        public SpecDocument? Find(string version)
        {
            if (_byVersion.TryGetValue(version, out var spec)) return spec.Value;
            // Spelled otherwise ("1.1" for the kept "01.1"): the same version by number.
            foreach (var kept in _byVersion.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                if (Compare(kept.Key, version) == 0) return kept.Value.Value;
            }

            return null;
        }

        private static readonly System.Text.RegularExpressions.Regex BareVersion = new System.Text.RegularExpressions.Regex(
            @"(?<![\w.])v(?<ver>\d+(?:\.\d+)+)(?![\w]|\.\d)", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TaskPacketProfile.RegexTimeout);

        /// <summary>
        /// The first version a SPEC_BASELINE value names by itself, "v02.122" → "02.122" (a file
        /// name or "Master Spec v02.122" is read by <see cref="SpecAnchorParser"/>); null for none.
        /// </summary>
        public static string? BareVersionIn(string text)
        {
            var match = BareVersion.Match(text);
            return match.Success ? match.Groups["ver"].Value : null;
        }
    }
}
