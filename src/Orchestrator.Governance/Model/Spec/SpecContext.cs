using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Text;

namespace Orchestrator.Governance.Model.Spec
{
    /// <summary>A SPEC_ANCHOR reference and the spec section it leads to.</summary>
    public sealed class ResolvedReference
    {
        internal ResolvedReference(AnchorLine line, AnchorReference reference, SpecSection? section, SpecSection? nearest)
        {
            Line = line;
            Reference = reference;
            Section = section;
            Nearest = nearest;
        }

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
        internal PacketAnchors(PacketField? field, IReadOnlyList<AnchorLine> lines, IReadOnlyList<ResolvedReference> references)
        {
            Field = field;
            Lines = lines;
            References = references;
        }

        /// <summary>The SPEC_ANCHOR field, or null when the packet has none.</summary>
        public PacketField? Field { get; }

        /// <summary>Each anchor line (the value, or each entry).</summary>
        public IReadOnlyList<AnchorLine> Lines { get; }

        /// <summary>Every reference with its resolution (empty when there is no current spec).</summary>
        public IReadOnlyList<ResolvedReference> References { get; }

        /// <summary>Whether any reference leads into the Main Body.</summary>
        public bool AnchorsMainBody => References.Any(r => r.Target != null && r.Target.IsMainBody);
    }

    /// <summary>
    /// The repository's spec facts, built once per analysis: the SPEC_CURRENT pointer, the spec it
    /// names (parsed once, and reused across analyses while its text is unchanged), and each
    /// packet's anchors resolved against it.
    /// </summary>
    public sealed class SpecContext
    {
        private static readonly object CacheGate = new object();
        private static readonly LinkedList<(string Key, SpecDocument Spec)> Cache = new LinkedList<(string, SpecDocument)>();
        private readonly Dictionary<string, PacketAnchors> _anchors = new Dictionary<string, PacketAnchors>(StringComparer.Ordinal);
        private readonly Dictionary<string, DoneMeansCoverage> _coverage = new Dictionary<string, DoneMeansCoverage>(StringComparer.Ordinal);
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

        /// <summary>Builds the context from the inputs; the spec is read from the cache when its text is unchanged.</summary>
        internal static SpecContext Build(IReadOnlyList<DocumentInput> inputs, SpecProfile profile, long maxBytes, bool reuseParsedSpec = true)
        {
            string pointerPath = DocumentInput.NormalizePath(profile.Config.CurrentPointer);
            var pointerDoc = inputs.FirstOrDefault(d => d.Path == pointerPath && d.Text != null);
            if (pointerDoc == null) return new SpecContext(profile, null, null, null, null);
            var pointer = SpecPointer.Read(pointerDoc.Path, pointerDoc.Text!);
            var specDoc = FindNamed(inputs, pointer);
            if (specDoc == null) return new SpecContext(profile, pointerDoc, pointer, null, null);
            if (specDoc.Text == null)
                return new SpecContext(profile, pointerDoc, pointer, null, specDoc.Path, specDoc.UnreadableReason ?? "it could not be read");
            long size = Math.Max(specDoc.SizeInBytes, specDoc.Text.Length);
            if (size > maxBytes)
                return new SpecContext(profile, pointerDoc, pointer, null, specDoc.Path, $"{size} bytes is more than limits.maxDocumentBytes ({maxBytes})");
            if (specDoc.Text.IndexOf('\0') >= 0)
                return new SpecContext(profile, pointerDoc, pointer, null, specDoc.Path, "it holds NUL bytes, so it is a binary file, not Markdown");

            SpecDocument spec;
            try
            {
                spec = reuseParsedSpec ? Cached(specDoc, profile) : SpecReader.Read(new TextDocument(specDoc.Path, specDoc.Text!), profile);
            }
            catch (Exception e) when (e is ArgumentException || e is InvalidOperationException || e is IndexOutOfRangeException)
            {
                return new SpecContext(profile, pointerDoc, pointer, null, specDoc.Path, "the Markdown parser rejected it: " + e.Message);
            }

            return new SpecContext(profile, pointerDoc, pointer, spec, specDoc.Path);
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
                if (_anchors.TryGetValue(packet.Path, out var known)) return known;
            }

            var field = packet.FindField("SPEC_ANCHOR", packetProfile.AliasesOf("SPEC_ANCHOR"));
            var lines = new List<AnchorLine>();
            if (field != null)
            {
                if (field.Value.Length > 0) lines.Add(Parse(packet, field.Value, field.ValueSpan));
                foreach (var item in field.Items) lines.Add(Parse(packet, item.Text, item.Span));
            }

            var resolved = new List<ResolvedReference>();
            if (Spec != null)
            {
                foreach (var line in lines)
                {
                    foreach (var reference in line.References) resolved.Add(Resolve(line, reference));
                }
            }

            var anchors = new PacketAnchors(field, lines, resolved);
            lock (_anchors) _anchors[packet.Path] = anchors;
            return anchors;
        }

        /// <summary>The packet's DONE_MEANS against its anchored requirements, computed once; null without a current spec.</summary>
        public DoneMeansCoverage? CoverageOf(TaskPacket packet, TaskPacketProfile packetProfile)
        {
            if (Spec == null) return null;
            lock (_coverage)
            {
                if (_coverage.TryGetValue(packet.Path, out var known)) return known;
            }

            var coverage = DoneMeansCoverage.Compute(packet, packetProfile, AnchorsOf(packet, packetProfile), this);
            lock (_coverage) _coverage[packet.Path] = coverage;
            return coverage;
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
                    SpecSection? nearest = null;
                    if (section == null)
                    {
                        string n = number.TrimStart('A');
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

        private static string Prefix(string id)
        {
            int dash = id.IndexOf('-');
            return dash < 0 ? id : id.Substring(0, dash);
        }

        private static SpecDocument Cached(DocumentInput input, SpecProfile profile)
        {
            string key;
            using (var sha = SHA256.Create())
            {
                var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(input.Text!));
                key = input.Path + "|" + profile.Config.IdPattern + "|" + string.Join(",", profile.Config.NonMainBodyTitles) + "|"
                    + string.Join(",", profile.Config.MainBody) + "|" + string.Join(",", profile.Config.NonMainBody) + "|" + Convert.ToBase64String(hash);
            }

            lock (CacheGate)
            {
                for (var node = Cache.First; node != null; node = node.Next)
                {
                    if (node.Value.Key == key) return node.Value.Spec;
                }
            }

            var spec = SpecReader.Read(new TextDocument(input.Path, input.Text!), profile);
            lock (CacheGate)
            {
                Cache.AddFirst((key, spec));
                while (Cache.Count > 2) Cache.RemoveLast();
            }

            return spec;
        }
    }
}
