using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Text;

namespace Orchestrator.Governance.Model.Spec
{
    /// <summary>One path a spec pointer names: a spec file, a folder of module files, or a manifest listing them.</summary>
    public sealed class PointerTarget
    {
        internal PointerTarget(string written, SourceSpan span, string besidePath)
        {
            Written = written;
            Span = span;
            BesidePath = besidePath;
        }

        /// <summary>The file that names it (the pointer or a manifest): a relative path may be read beside it.</summary>
        public string BesidePath { get; }

        /// <summary>The path as written (leading dots and folders kept).</summary>
        public string Written { get; }

        /// <summary>Where it stands in the pointer.</summary>
        public SourceSpan Span { get; }

        /// <summary>
        /// Whether it leads out of the repository: absolute, or climbing out with ".." both from the
        /// root and from the folder of the file that names it (<c>../Spec.md</c> in docs/SPEC_CURRENT.md
        /// is the root's Spec.md, inside). Never looked up.
        /// </summary>
        public bool EscapesRepository => SpecPointer.CandidatesOf(BesidePath, Written).Length == 0;

        /// <summary>Whether it names a manifest (JSON or YAML) that lists the module files.</summary>
        public bool IsManifest => Written.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || Written.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || Written.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// What the spec pointer (SPEC_CURRENT.md) says: which file, folder or list of files is the
    /// current Master Spec (seed 003 Part 2 Step 1: "SPEC_CURRENT points to the latest Master
    /// Spec version"). The pointer is Markdown (the first file name ending in .md, or the first
    /// folder written with a trailing slash, e.g. <c>**Handshake_Master_Spec_v02.123.md**</c>), or
    /// JSON or YAML (told by its extension or by its text starting with <c>{</c> or <c>[</c>):
    /// then the first string value that is a Markdown file or folder path (else the first manifest
    /// path; never a "$schema" or a path leaving the repository) names the spec, and when it stands in an array
    /// every path of that array does (a list of module files), or in an object of an array of
    /// objects, the same key of every object does. A .json/.yml path names a manifest
    /// whose paths are read the same way. Paths keep their leading dots (<c>.GOV/spec/</c>).
    /// </summary>
    public sealed class SpecPointer
    {
        private static readonly Regex FileNamePattern = new Regex(@"(?<name>(?:(?:\.\.?/)+|/)?(?:\.?[A-Za-z0-9_][A-Za-z0-9_.\- ]*/)*\.?[A-Za-z0-9_][A-Za-z0-9_.\- ]*\.md)\b", RegexOptions.CultureInvariant, TaskPacketProfile.RegexTimeout);

        private static readonly Regex FolderPattern = new Regex(@"`(?<name>(?:\./)?(?:\.?[A-Za-z0-9_][A-Za-z0-9_.\-]*/)+)`", RegexOptions.CultureInvariant, TaskPacketProfile.RegexTimeout);

        private static readonly Regex VersionValue = new Regex(@"^v?(?<v>\d+(?:\.\d+)+)$", RegexOptions.CultureInvariant, TaskPacketProfile.RegexTimeout);

        private SpecPointer(string path, IReadOnlyList<PointerTarget> targets, SourceSpan span, bool isData, string? problem, string? version)
        {
            Path = path;
            Targets = targets;
            Span = targets.Count > 0 ? targets[0].Span : span;
            IsData = isData;
            Problem = problem;
            Version = version;
        }

        /// <summary>Repository-relative path of the pointer.</summary>
        public string Path { get; }

        /// <summary>The paths it names, in order (one file, one folder, a manifest, or a list of files).</summary>
        public IReadOnlyList<PointerTarget> Targets { get; }

        /// <summary>The first path it names, as written, or null when it names none.</summary>
        public string? FileName => Targets.Count > 0 ? Targets[0].Written : null;

        /// <summary>Whether the pointer is JSON or YAML.</summary>
        public bool IsData { get; }

        /// <summary>Why a JSON or YAML pointer could not be read, or null.</summary>
        public string? Problem { get; }

        /// <summary>The spec version a JSON or YAML pointer states under a key named like "version" ("02.130"), or null.</summary>
        public string? Version { get; }

        /// <summary>Whether the first named path is absolute or climbs out with "..".</summary>
        public bool EscapesRepository => Targets.Count > 0 && Targets[0].EscapesRepository;

        /// <summary>Where the first name stands (the start of the file when there is none).</summary>
        public SourceSpan Span { get; }

        /// <summary>Whether <paramref name="written"/> is absolute (/x, ~/x, C:\x): never inside the repository.</summary>
        public static bool IsAbsolute(string written)
        {
            string p = written.Replace('\\', '/');
            return p.StartsWith("/", StringComparison.Ordinal) || p.StartsWith("~", StringComparison.Ordinal) || (p.Length > 1 && p[1] == ':');
        }

        /// <summary>Whether <paramref name="written"/>, named in <paramref name="besidePath"/>, leads out of the repository from the root and from beside that file.</summary>
        public static bool Escapes(string besidePath, string written) => CandidatesOf(besidePath, written).Length == 0;

        /// <summary>Reads the pointer; never throws for any text.</summary>
        public static SpecPointer Read(string path, string text)
        {
            var lines = new LineMap(text);
            string trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
            bool json = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("{", StringComparison.Ordinal) || trimmed.StartsWith("[", StringComparison.Ordinal);
            bool yaml = !json && (path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase));
            if (json || yaml) return ReadData(path, text, lines, yaml);

            // A SPEC_CURRENT.md that holds YAML ("current:\n  spec: .GOV/spec/", a "modules:" list, or
            // a "---" document) rather than Markdown: read as YAML first when the text starts like YAML
            // and parses as YAML naming a spec; else as Markdown.
            if (YamlKeyLine.IsMatch(trimmed) || trimmed.StartsWith("---", StringComparison.Ordinal))
            {
                var asYaml = ReadData(path, text, lines, yaml: true);
                if (asYaml.Problem == null && asYaml.Targets.Count > 0) return asYaml;
            }

            var file = FirstMatch(FileNamePattern, text, ".md");
            var folder = FirstMatch(FolderPattern, text, "/`");
            var m = folder.Success && (!file.Success || folder.Index < file.Index) ? folder : file;

            return m.Success
                ? new SpecPointer(path, new[] { new PointerTarget(m.Groups["name"].Value.Trim(), lines.GetSpan(m.Groups["name"].Index, m.Groups["name"].Length), path) }, default, false, null, null)
                : new SpecPointer(path, Array.Empty<PointerTarget>(), lines.GetSpan(0, 0), false, null, null);
        }

        /// <summary>Longest path a Markdown pointer is searched for (characters before its end).</summary>
        private const int MaxPathLength = 512;

        /// <summary>
        /// The first match of <paramref name="pattern"/> in <paramref name="text"/>, looked for only in a window
        /// of <see cref="MaxPathLength"/> characters before each occurrence of <paramref name="end"/> on its
        /// line: the patterns cannot span lines, and so their time is linear in the text (a 3,000-character
        /// run of path characters made the backtracking pattern time out).
        /// </summary>
        private static Match FirstMatch(Regex pattern, string text, string end)
        {
            int from = 0;
            while (from < text.Length)
            {
                int at = text.IndexOf(end, from, StringComparison.Ordinal);
                if (at < 0) break;
                int lineStart = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
                int start = Math.Max(lineStart, at - MaxPathLength);
                int stop = Math.Min(text.Length, at + end.Length + 1);
                var m = pattern.Match(text, start, stop - start);
                if (m.Success) return m;
                from = at + end.Length;
            }

            return Match.Empty;
        }

        /// <summary>A first line that is a YAML mapping key ("spec:", "current_spec: x").</summary>
        private static readonly Regex YamlKeyLine = new Regex(@"\A[A-Za-z_][A-Za-z0-9_.-]*:(?:[ \t]|\r?\n|\z)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        private static SpecPointer ReadData(string path, string text, LineMap lines, bool yaml)
        {
            JToken root;
            try
            {
                string json = yaml ? Configuration.YamlToJson.Convert(text) : text;
                using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
                root = JToken.Load(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
            }
            catch (Exception e) when (e is JsonException || e is Configuration.YamlConversionException || e is InvalidOperationException)
            {
                string message = e.Message;
                int cut = message.IndexOf(" Path '", StringComparison.Ordinal);
                if (cut > 0) message = message.Substring(0, cut);
                return new SpecPointer(path, Array.Empty<PointerTarget>(), lines.GetSpan(0, 0), true, (yaml ? "it is not valid YAML: " : "it is not valid JSON: ") + message, null);
            }

            string? version = null;
            var targets = new List<PointerTarget>();
            var all = (root is JContainer container ? container.DescendantsAndSelf() : new[] { root }).OfType<JValue>().Where(t => t.Type == JTokenType.String).ToList();
            var candidates = new List<JValue>();
            foreach (var token in all)
            {
                string value = ((string?)token.Value ?? string.Empty).Trim();
                string key = (token.Parent as JProperty)?.Name ?? string.Empty;
                if (version == null && key.IndexOf("version", StringComparison.OrdinalIgnoreCase) >= 0 && VersionValue.Match(value) is Match v && v.Success) version = v.Groups["v"].Value;
                if (key.StartsWith("$", StringComparison.Ordinal) || !LooksLikePath(value) || Escapes(path, value)) continue;
                candidates.Add(token);
            }

            // The spec itself (a Markdown file or a folder) before a manifest that lists it; "$schema" and
            // paths that leave the repository are never the spec.
            var first = candidates.FirstOrDefault(t => !IsManifestPath(((string?)t.Value ?? string.Empty).Trim())) ?? candidates.FirstOrDefault();
            if (first != null)
            {
                string value = ((string?)first.Value ?? string.Empty).Trim();
                if (first.Parent is JArray array)
                {
                    foreach (var item in array.OfType<JValue>().Where(i => i.Type == JTokenType.String))
                    {
                        string s = ((string?)item.Value ?? string.Empty).Trim();
                        if (LooksLikePath(s)) targets.Add(new PointerTarget(s, SpanOf(item, s, text, lines), path));
                    }
                }
                else if (first.Parent is JProperty property && property.Parent is JObject entry && entry.Parent is JArray entries)
                {
                    // A list of objects ("modules": [{"file": "01.md", "title": ...}, ...]): the same key of each.
                    foreach (var item in entries.OfType<JObject>())
                    {
                        if (!(item[property.Name] is JValue listed) || listed.Type != JTokenType.String) continue;
                        string s = ((string?)listed.Value ?? string.Empty).Trim();
                        if (LooksLikePath(s)) targets.Add(new PointerTarget(s, SpanOf(listed, s, text, lines), path));
                    }
                }
                else
                {
                    targets.Add(new PointerTarget(value, SpanOf(first, value, text, lines), path));
                }
            }

            return new SpecPointer(path, targets, lines.GetSpan(0, 0), true, null, version);
        }

        private static bool IsManifestPath(string value) =>
            value.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || value.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || value.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);

        /// <summary>A string that names a file or folder: no white space, and a folder separator or a document extension.</summary>
        private static bool LooksLikePath(string value)
        {
            if (value.Length == 0 || value.Length > 400 || value.Any(char.IsWhiteSpace) || value.Contains("://")) return false;
            return value.Contains("/") || value.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || value.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                || value.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || value.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The value's place: found on the token's line (JSON escapes aside), else the line's start.</summary>
        private static SourceSpan SpanOf(JToken token, string value, string text, LineMap lines)
        {
            var info = (IJsonLineInfo)token;
            if (!info.HasLineInfo()) return lines.GetSpan(0, 0);
            int line = Math.Max(1, Math.Min(info.LineNumber, lines.LineCount));
            int start = lines.GetLineStart(line);
            int end = line < lines.LineCount ? lines.GetLineStart(line + 1) : text.Length;
            int at = text.IndexOf(value, start, end - start, StringComparison.Ordinal);
            return at >= 0 ? lines.GetSpan(at, value.Length) : lines.GetSpan(start, 0);
        }

        /// <summary>
        /// The repository-relative paths a written path may have, most likely first: as written
        /// from the root, then beside the document that names it; none when it escapes.
        /// </summary>
        public static string[] CandidatesOf(string besidePath, string written)
        {
            if (IsAbsolute(written)) return new string[0];
            bool folder = written.EndsWith("/", StringComparison.Ordinal);
            string? name = DocumentInput.ResolveInside(written);
            int slash = besidePath.LastIndexOf('/');
            string? beside = slash < 0 ? name : DocumentInput.ResolveInside(besidePath.Substring(0, slash + 1) + written);
            var list = new List<string>();
            if (name != null && name.Length > 0) list.Add(name);
            if (beside != null && beside.Length > 0 && beside != name) list.Add(beside);
            return folder ? list.Select(p => p + "/").ToArray() : list.ToArray();
        }

        /// <summary>The repository-relative paths the first named file may have (see <see cref="CandidatesOf"/>).</summary>
        public string[] CandidatePaths() => FileName == null ? new string[0] : CandidatesOf(Path, FileName);
    }
}
