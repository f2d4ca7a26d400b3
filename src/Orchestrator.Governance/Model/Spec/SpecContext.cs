using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Text;

namespace Orchestrator.Governance.Model.Spec
{
    /// <summary>A SPEC_ANCHOR reference and the spec section it leads to.</summary>
    public sealed class ResolvedReference
    {
        internal ResolvedReference(AnchorLine line, AnchorReference reference, SpecSection? section, SpecSection? nearest, IReadOnlyList<SpecSection>? alternatives = null)
        {
            Line = line;
            Reference = reference;
            Section = section;
            Nearest = nearest;
            Alternatives = alternatives ?? System.Array.Empty<SpecSection>();
        }

        /// <summary>
        /// When the spec's own numbering has several sections of this number and nothing written
        /// with the reference picks one (a title after the number): those sections, in document
        /// order, and <see cref="Section"/> is null. Neither is silently chosen (GOV213).
        /// </summary>
        public IReadOnlyList<SpecSection> Alternatives { get; }

        /// <summary>Whether the reference names several sections and picks none (<see cref="Alternatives"/>).</summary>
        public bool IsAmbiguous => Alternatives.Count > 1;

        /// <summary>The anchor line it stands on.</summary>
        public AnchorLine Line { get; }

        /// <summary>The reference.</summary>
        public AnchorReference Reference { get; }

        /// <summary>The section it names in the current spec, or null.</summary>
        public SpecSection? Section { get; }

        /// <summary>When the number names no heading: the nearest heading whose number is a prefix of it.</summary>
        public SpecSection? Nearest { get; }

        /// <summary>Section, else nearest ancestor.</summary>
        public SpecSection? Target => Section ?? Nearest;
    }

    /// <summary>A packet's SPEC_ANCHOR lines, resolved against the current spec.</summary>
    public sealed class PacketAnchors
    {
        internal PacketAnchors(PacketField? field, IReadOnlyList<AnchorLine> lines, IReadOnlyList<ResolvedReference> references, IReadOnlyList<SpecSection>? withinRanges = null)
        {
            Field = field;
            Lines = lines;
            References = references;
            WithinRanges = withinRanges ?? Array.Empty<SpecSection>();
        }

        /// <summary>
        /// The sections strictly between the two ends of each range the anchor writes
        /// ("2.3.10.6-2.3.10.8" anchors §2.3.10.7 too), at the depth of its ends, in document order;
        /// the ends themselves are among <see cref="References"/>.
        /// </summary>
        public IReadOnlyList<SpecSection> WithinRanges { get; }

        /// <summary>The SPEC_ANCHOR field, or null when the packet has none.</summary>
        public PacketField? Field { get; }

        /// <summary>Each anchor line (the value, or each entry).</summary>
        public IReadOnlyList<AnchorLine> Lines { get; }

        /// <summary>Every reference with its resolution (empty when there is no current spec).</summary>
        public IReadOnlyList<ResolvedReference> References { get; }

        /// <summary>Whether any reference leads into the Main Body.</summary>
        public bool AnchorsMainBody => References.Any(r => r.Target != null && r.Target.IsMainBody);
    }

    /// <summary>One file of the spec and where it starts in the text the rules read.</summary>
    public sealed class SpecModule
    {
        internal SpecModule(string path, int start, int length, LineMap lines)
        {
            Path = path;
            Start = start;
            Length = length;
            Lines = lines;
        }

        /// <summary>Repository-relative path.</summary>
        public string Path { get; }

        /// <summary>0-based offset of its first character in the spec's text.</summary>
        public int Start { get; }

        /// <summary>Its length in characters.</summary>
        public int Length { get; }

        /// <summary>Its own line map.</summary>
        public LineMap Lines { get; }
    }

    /// <summary>
    /// The repository's spec facts, built once per analysis: the SPEC_CURRENT pointer, the spec it
    /// names (parsed once, and reused across analyses while its text is unchanged), and each
    /// packet's anchors resolved against it.
    /// </summary>
    public sealed class SpecContext
    {
        private static readonly ContentCache<SpecDocument> Cache = new ContentCache<SpecDocument>(2);
        // By packet object (a language server reuses the context across analyses, and an unchanged
        // packet is the same object); an edited packet's old object and its entries are collected.
        private readonly System.Runtime.CompilerServices.ConditionalWeakTable<TaskPacket, PacketAnchors> _anchors = new System.Runtime.CompilerServices.ConditionalWeakTable<TaskPacket, PacketAnchors>();
        private readonly System.Runtime.CompilerServices.ConditionalWeakTable<TaskPacket, DoneMeansCoverage> _coverage = new System.Runtime.CompilerServices.ConditionalWeakTable<TaskPacket, DoneMeansCoverage>();
        private readonly HashSet<string> _idPrefixes;

        internal SpecContext(SpecProfile profile, DocumentInput? pointerDocument, SpecPointer? pointer, SpecDocument? spec, string? specPath, string? problem = null)
        {
            Problem = problem;
            Profile = profile;
            PointerDocument = pointerDocument;
            Pointer = pointer;
            Spec = spec;
            NamedSpecPath = specPath;
            _idPrefixes = new HashSet<string>(spec?.ById.Keys.Select(Prefix) ?? Enumerable.Empty<string>(), StringComparer.Ordinal);
        }

        /// <summary>The compiled spec profile.</summary>
        public SpecProfile Profile { get; }

        /// <summary>The SPEC_CURRENT.md input, or null when the repository has none.</summary>
        public DocumentInput? PointerDocument { get; }

        /// <summary>What SPEC_CURRENT.md says, or null.</summary>
        public SpecPointer? Pointer { get; }

        /// <summary>The current spec, or null when it could not be found.</summary>
        public SpecDocument? Spec { get; }

        /// <summary>Why the named spec, though present, could not be used (too large, binary, refused by the parser), or null.</summary>
        public string? Problem { get; }

        /// <summary>The path of the named spec among the inputs, or null.</summary>
        public string? NamedSpecPath { get; }

        /// <summary>
        /// The spec's files and where each starts in the text the rules read: one file at offset 0,
        /// or, for a spec in modules, each module in reading order, joined by a blank line.
        /// </summary>
        public IReadOnlyList<SpecModule> Modules { get; private set; } = Array.Empty<SpecModule>();

        /// <summary>Whether the spec is a set of modules read as one text (its path is then their folder, e.g. ".GOV/spec/").</summary>
        public bool IsModular => Modules.Count > 1 || (Modules.Count == 1 && Spec != null && Modules[0].Path != Spec.Path);

        /// <summary>Manifests the pointer named to list the modules.</summary>
        public IReadOnlyList<string> Manifests { get; private set; } = Array.Empty<string>();

        /// <summary>
        /// The file and span of a span in the spec's text: for a spec in modules, the module it falls
        /// in and the span within it; otherwise the spec's path and the span itself.
        /// </summary>
        public (string Path, SourceSpan Span) Locate(SourceSpan span)
        {
            if (Spec == null || !IsModular) return (Spec?.Path ?? string.Empty, span);
            var module = ModuleAt(span.Start);
            int start = Math.Max(0, span.Start - module.Start);
            int end = Math.Min(module.Length, Math.Max(start, span.End - module.Start));
            return (module.Path, module.Lines.GetSpan(start, end - start));
        }

        /// <summary>A spec line for messages: "120", or for a spec in modules "12 of .GOV/spec/02_storage.md".</summary>
        public string LineLabel(SourceSpan span)
        {
            if (!IsModular) return span.StartLine.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var (path, local) = Locate(span);
            return local.StartLine.ToString(System.Globalization.CultureInfo.InvariantCulture) + " of " + path;
        }

        private SpecModule ModuleAt(int offset)
        {
            var found = Modules[0];
            foreach (var m in Modules)
            {
                if (m.Start > offset) break;
                found = m;
            }

            return found;
        }

        /// <summary>Builds the context from the inputs; the spec is read from the cache when its text is unchanged.</summary>
        internal static SpecContext Build(IReadOnlyList<DocumentInput> inputs, SpecProfile profile, long maxBytes, bool reuseParsedSpec = true, IReadOnlyCollection<string>? repositoryFiles = null)
        {
            string pointerPath = DocumentInput.NormalizePath(profile.Config.CurrentPointer);
            var pointerDoc = inputs.FirstOrDefault(d => d.Path == pointerPath && d.Text != null);
            var pointer = pointerDoc == null ? null : SpecPointer.Read(pointerDoc.Path, pointerDoc.Text!);
            var byPath = new Dictionary<string, DocumentInput>(StringComparer.Ordinal);
            foreach (var input in inputs) byPath[input.Path] = input;
            // The files the host knows: its documents, and the repository's file list when it has one
            // (a folder of modules is told from a missing one by the files in it).
            var known = new HashSet<string>(byPath.Keys, StringComparer.Ordinal);
            if (repositoryFiles != null) known.UnionWith(repositoryFiles.Select(DocumentInput.NormalizePath));
            var modules = SpecModules.Resolve(pointer, profile.Config, known.OrderBy(p => p, StringComparer.Ordinal).ToList(), p => byPath.TryGetValue(p, out var d) ? d.Text : null);
            if (pointer == null && !modules.IsModular) return new SpecContext(profile, null, null, null, null);
            if (modules.Problem != null && modules.Paths.Count > 0)
                return new SpecContext(profile, pointerDoc, pointer, null, null) { ModulesProblem = modules.Problem, Manifests = modules.Manifests };
            if (modules.Paths.Count == 0)
            {
                // A single named file not among the inputs keeps the old lookup by unique file name.
                // Never when the pointer names a manifest: the manifest itself is no spec.
                var named = pointer == null || modules.IsModular || modules.Manifests.Count > 0 || pointer.Targets.Any(t => t.IsManifest) ? null : FindNamed(inputs, pointer);
                if (named == null) return new SpecContext(profile, pointerDoc, pointer, null, null) { ModulesProblem = modules.Problem, Manifests = modules.Manifests };
                return Single(profile, pointerDoc, pointer, named, maxBytes, reuseParsedSpec);
            }

            foreach (var path in modules.Paths.Where(p => !byPath.ContainsKey(p)))
                byPath[path] = DocumentInput.Unreadable(path, "the host did not hand it over as a document");
            if (!modules.IsModular) return Single(profile, pointerDoc, pointer, byPath[modules.Paths[0]], maxBytes, reuseParsedSpec);

            // A spec in modules: each admitted like any document, then read as one text.
            string folder = CommonFolder(modules.Paths);
            var texts = new List<(string Path, string Text)>();
            foreach (var path in modules.Paths)
            {
                var input = byPath[path];
                string? problem = DocumentAdmission.Refusal(input, maxBytes, "Markdown");
                if (problem != null)
                    return new SpecContext(profile, pointerDoc, pointer, null, folder, $"its module '{path}' {problem}") { Manifests = modules.Manifests };
                texts.Add((path, input.Text!));
            }

            var combined = new StringBuilder();
            var layout = new List<SpecModule>();
            foreach (var (path, text) in texts)
            {
                if (combined.Length > 0)
                {
                    if (combined[combined.Length - 1] != '\n') combined.Append('\n');
                    combined.Append('\n');
                }

                layout.Add(new SpecModule(path, combined.Length, text.Length, new LineMap(text)));
                combined.Append(text);
            }

            var virtualInput = DocumentInput.FromText(folder, combined.ToString());
            var spec = DocumentAdmission.ParseMarkdown(() => reuseParsedSpec ? Cached(virtualInput, profile, pointer?.Version) : SpecReader.Read(new TextDocument(folder, virtualInput.Text!), profile, pointer?.Version), out var refused);
            if (spec == null) return new SpecContext(profile, pointerDoc, pointer, null, folder, refused) { Manifests = modules.Manifests };

            return new SpecContext(profile, pointerDoc, pointer, spec, folder) { Modules = layout, Manifests = modules.Manifests };
        }

        /// <summary>
        /// Whether <paramref name="other"/>, built in another analysis under the same configuration,
        /// holds the same facts: the same parsed spec (the same object, as the content cache hands
        /// it), the same pointer text, path, problems, modules and manifests. A rule that read only a
        /// packet and this context finds the same in both.
        /// </summary>
        public bool SameFactsAs(SpecContext other)
        {
            if (ReferenceEquals(this, other)) return true;
            if (!ReferenceEquals(Spec, other.Spec)) return false;
            if (!string.Equals(PointerDocument?.Path, other.PointerDocument?.Path, StringComparison.Ordinal)
                || !string.Equals(PointerDocument?.Text, other.PointerDocument?.Text, StringComparison.Ordinal)
                || !string.Equals(NamedSpecPath, other.NamedSpecPath, StringComparison.Ordinal)
                || !string.Equals(Problem, other.Problem, StringComparison.Ordinal)
                || !string.Equals(ModulesProblem, other.ModulesProblem, StringComparison.Ordinal)
                || !Manifests.SequenceEqual(other.Manifests, StringComparer.Ordinal)
                || Modules.Count != other.Modules.Count)
                return false;
            for (int i = 0; i < Modules.Count; i++)
            {
                if (Modules[i].Path != other.Modules[i].Path || Modules[i].Start != other.Modules[i].Start || Modules[i].Length != other.Modules[i].Length) return false;
            }

            return true;
        }

        /// <summary>Why no module could be found although the pointer or spec.files names some (GOV210), or null.</summary>
        public string? ModulesProblem { get; private set; }

        private static SpecContext Single(SpecProfile profile, DocumentInput? pointerDoc, SpecPointer? pointer, DocumentInput specDoc, long maxBytes, bool reuseParsedSpec)
        {
            string? problem = DocumentAdmission.Refusal(specDoc, maxBytes, "Markdown");
            if (problem != null) return new SpecContext(profile, pointerDoc, pointer, null, specDoc.Path, problem);
            var spec = DocumentAdmission.ParseMarkdown(() => reuseParsedSpec ? Cached(specDoc, profile, pointer?.Version) : SpecReader.Read(new TextDocument(specDoc.Path, specDoc.Text!), profile, pointer?.Version), out var refused);
            if (spec == null) return new SpecContext(profile, pointerDoc, pointer, null, specDoc.Path, refused);

            return new SpecContext(profile, pointerDoc, pointer, spec, specDoc.Path) { Modules = new[] { new SpecModule(spec.Path, 0, spec.Document.Text.Length, spec.Document.Lines) } };
        }

        /// <summary>The folder the paths share, with a trailing slash ("" at the root).</summary>
        private static string CommonFolder(IReadOnlyList<string> paths)
        {
            string common = paths[0].Substring(0, paths[0].LastIndexOf('/') + 1);
            foreach (var p in paths)
            {
                while (common.Length > 0 && !p.StartsWith(common, StringComparison.Ordinal))
                    common = common.Substring(0, common.TrimEnd('/').LastIndexOf('/') + 1);
            }

            return common.Length == 0 ? "./" : common;
        }

        /// <summary>The input the pointer names: by its candidate paths, else by a unique file name.</summary>
        public static DocumentInput? FindNamed(IReadOnlyList<DocumentInput> inputs, SpecPointer pointer)
        {
            foreach (var candidate in pointer.CandidatePaths())
            {
                var hit = inputs.FirstOrDefault(d => d.Path == candidate);
                if (hit != null) return hit;
            }

            if (pointer.FileName == null) return null;
            string name = "/" + pointer.FileName;
            var byName = inputs.Where(d => d.Path.EndsWith(name, StringComparison.Ordinal)).ToList();
            return byName.Count == 1 ? byName[0] : null;
        }

        /// <summary>Whether an ID-shaped token is one of the spec's requirement IDs' families (CX-, FR-, ...).</summary>
        public bool LooksLikeRequirementId(string token) => _idPrefixes.Contains(Prefix(token));

        /// <summary>The packet's anchors, parsed and resolved once.</summary>
        public PacketAnchors AnchorsOf(TaskPacket packet, TaskPacketProfile packetProfile)
        {
            lock (_anchors)
            {
                if (_anchors.TryGetValue(packet, out var known)) return known;
            }

            var field = packetProfile.FieldOf(packet, "SPEC_ANCHOR");
            var lines = new List<AnchorLine>();
            if (field != null)
            {
                if (field.Value.Length > 0) lines.Add(Parse(packet, field.Value, field.ValueSpan));
                foreach (var item in field.Items) lines.Add(Parse(packet, item.Text, item.Span));
            }

            var resolved = new List<ResolvedReference>();
            var withinRanges = new List<SpecSection>();
            if (Spec != null)
            {
                foreach (var line in lines)
                {
                    var byReference = new Dictionary<AnchorReference, ResolvedReference>();
                    foreach (var reference in line.References)
                    {
                        var r = Resolve(line, reference);
                        resolved.Add(r);
                        byReference[reference] = r;
                    }

                    foreach (var (from, to) in line.Ranges)
                    {
                        var first = byReference[from].Section;
                        var last = byReference[to].Section;
                        if (first == null || last == null || first.Start >= last.Start) continue;
                        foreach (var section in Between(Spec, first, last, from))
                        {
                            if (!withinRanges.Contains(section)) withinRanges.Add(section);
                        }
                    }
                }
            }

            var anchors = new PacketAnchors(field, lines, resolved, withinRanges);
            lock (_anchors)
            {
                if (_anchors.TryGetValue(packet, out var known)) return known;
                _anchors.Add(packet, anchors);
            }

            return anchors;
        }

        /// <summary>
        /// Text written as a SPEC_ANCHOR line ("§2.3.13.3 Storage API Abstraction Pattern
        /// [CX-DBP-021]", "Handshake_Master_Spec_v02.123.md:15245") parsed and resolved as a packet's
        /// anchor is (<see cref="SpecAnchorParser"/>): each reference in order, spans relative to the
        /// text. Empty without a current spec or when the text names no section, ID or line.
        /// </summary>
        public IReadOnlyList<ResolvedReference> ResolveAnchorText(string text)
        {
            if (Spec == null || text.Length == 0) return Array.Empty<ResolvedReference>();
            var lines = new LineMap(text);
            var line = SpecAnchorParser.Parse(text, lines.GetSpan(0, text.Length), lines, Profile.IdPattern, LooksLikeRequirementId);
            return line.References.Select(r => Resolve(line, r)).ToList();
        }

        /// <summary>The packet's DONE_MEANS against its anchored requirements, computed once; null without a current spec.</summary>
        public DoneMeansCoverage? CoverageOf(TaskPacket packet, TaskPacketProfile packetProfile)
        {
            if (Spec == null) return null;
            lock (_coverage)
            {
                if (_coverage.TryGetValue(packet, out var known)) return known;
            }

            var coverage = DoneMeansCoverage.Compute(packet, packetProfile, AnchorsOf(packet, packetProfile), this);
            lock (_coverage)
            {
                if (_coverage.TryGetValue(packet, out var known)) return known;
                _coverage.Add(packet, coverage);
            }

            return coverage;
        }

        /// <summary>
        /// The numbered sections strictly between <paramref name="first"/> and <paramref name="last"/>
        /// in document order, at the depth of the range's first end (<paramref name="from"/>):
        /// "2.3.10.6-2.3.10.8" holds §2.3.10.7, not §2.3.10.7.1.
        /// </summary>
        internal static IEnumerable<SpecSection> Between(SpecDocument spec, SpecSection first, SpecSection last, AnchorReference from)
        {
            if (first.Start >= last.Start) yield break;
            int depth = from.Value.TrimStart('A').Split('.').Length;
            foreach (var section in spec.Sections)
            {
                if (section.Start <= first.Start || section.Start >= last.Start || section.Number == null) continue;
                if (section.Number.TrimStart('A').Split('.').Length == depth) yield return section;
            }
        }

        private AnchorLine Parse(TaskPacket packet, string text, SourceSpan span) =>
            SpecAnchorParser.Parse(text, span, packet.Document.Lines, Profile.IdPattern, LooksLikeRequirementId);

        private ResolvedReference Resolve(AnchorLine line, AnchorReference reference)
        {
            var spec = Spec!;
            switch (reference.Kind)
            {
                case AnchorKind.Id:
                    return new ResolvedReference(line, reference, spec.ById.TryGetValue(reference.Value, out var byId) ? byId : null, null);
                case AnchorKind.Line:
                    return new ResolvedReference(line, reference, reference.SpecVersion == spec.Version ? spec.SectionAtLine(reference.LineNumber) : null, null);
                default:
                {
                    string number = reference.Value;
                    SpecSection? section = null;
                    if (reference.ScopeHint != null) section = spec.FindInScope(reference.ScopeHint, number);
                    if (section == null && !spec.ByNumber.TryGetValue(number, out section) && number.StartsWith("A", StringComparison.Ordinal))
                        spec.ByNumber.TryGetValue(number.Substring(1), out section);
                    if (section != null && reference.ScopeHint == null)
                    {
                        var decided = Decide(spec, line, reference, section);
                        if (decided != null) section = decided;
                        else if (spec.OwnSectionsNumbered(section.Number!) is { Count: > 1 } alike) return new ResolvedReference(line, reference, null, null, alike);
                        else if (spec.OwnSectionsNumbered(section.Number!) is { Count: 1 } only && spec.SectionsNumbered(section.Number!).Count > 1) section = only[0];
                    }

                    SpecSection? nearest = null;
                    if (section == null)
                    {
                        // Only prefixes as deep as the spec's numbers go: a number of 300,000 components
                        // ("1.1.1...") would otherwise cost 300,000 lookups of ever shorter copies.
                        string n = Truncate(number.TrimStart('A'), spec.MaxNumberDepth + 1);
                        for (int dot = n.LastIndexOf('.'); dot > 0 && nearest == null; dot = n.LastIndexOf('.'))
                        {
                            n = n.Substring(0, dot);
                            spec.ByNumber.TryGetValue(n, out nearest);
                        }
                    }

                    return new ResolvedReference(line, reference, section, nearest);
                }
            }
        }

        /// <summary>
        /// Where the spec numbers two sections alike (the Handshake spec has two §3.3 and two §4.6),
        /// the one whose title the anchor writes after the number ("4.6 Tokenization and Metrics
        /// Contract", "§3.3 (Lossless role catalog ...)"): at least two thirds of its title's words,
        /// and more of them than of <paramref name="chosen"/>'s; else <paramref name="chosen"/> (the
        /// first of the spec's own numbering). The words read are those from the number to the next
        /// reference on the line.
        /// </summary>
        internal static SpecSection ByTitle(SpecDocument spec, AnchorLine line, AnchorReference reference, SpecSection chosen) =>
            Decide(spec, line, reference, chosen) ?? chosen;

        /// <summary>
        /// <see cref="ByTitle"/>, or null when the spec numbers several sections alike and the
        /// words after the number pick none of them: the reference is ambiguous.
        /// </summary>
        internal static SpecSection? Decide(SpecDocument spec, AnchorLine line, AnchorReference reference, SpecSection chosen)
        {
            var alike = spec.SectionsNumbered(chosen.Number!);
            if (alike.Count < 2) return chosen;
            int from = reference.Span.End - line.Span.Start;
            int to = line.Text.Length;
            foreach (var other in line.References)
            {
                int at = other.Span.Start - line.Span.Start;
                if (at >= from && at < to) to = at;
            }

            if (from < 0 || from > to) return null;
            var words = DoneMeansCoverage.Words(line.Text.Substring(from, to - from));
            if (words.Count == 0) return null;
            double Share(SpecSection s)
            {
                var title = DoneMeansCoverage.Words(s.Title);
                return title.Count == 0 ? 0 : (double)title.Count(words.Contains) / title.Count;
            }

            double best = Share(chosen);
            SpecSection? better = null;
            foreach (var candidate in alike)
            {
                if (candidate == chosen) continue;
                double share = Share(candidate);
                if (share >= 2.0 / 3 && share > best)
                {
                    best = share;
                    better = candidate;
                }
            }

            if (better != null) return better;

            // The words after the number fit the spec's first section of that number: it is meant.
            return best >= 2.0 / 3 ? chosen : null;
        }

        /// <summary>The first <paramref name="components"/> dot-separated components of <paramref name="number"/>.</summary>
        private static string Truncate(string number, int components)
        {
            int at = -1;
            for (int i = 0; i < components; i++)
            {
                at = number.IndexOf('.', at + 1);
                if (at < 0) return number;
            }

            return number.Substring(0, at);
        }

        private static string Prefix(string id)
        {
            int dash = id.IndexOf('-');
            return dash < 0 ? id : id.Substring(0, dash);
        }

        /// <summary>An earlier version of the spec (<see cref="SpecVersions"/>), read through the same content cache.</summary>
        internal static SpecDocument ReadVersion(DocumentInput input, SpecProfile profile, string version) => Cached(input, profile, version);

        private static SpecDocument Cached(DocumentInput input, SpecProfile profile, string? version)
        {
            string prefix = input.Path + "|" + version + "|" + profile.Config.IdPattern + "|" + string.Join(",", profile.Config.NonMainBodyTitles) + "|"
                + string.Join(",", profile.Config.MainBody) + "|" + string.Join(",", profile.Config.NonMainBody);
            return Cache.GetOrAdd(prefix, input.Text!, () => SpecReader.Read(new TextDocument(input.Path, input.Text!), profile, version));
        }
    }
}
