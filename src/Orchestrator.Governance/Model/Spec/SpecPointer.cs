using System.Text.RegularExpressions;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Text;

namespace Orchestrator.Governance.Model.Spec
{
    /// <summary>
    /// What SPEC_CURRENT.md says: the first Markdown file name in it names the current Master Spec
    /// ("**Handshake_Master_Spec_v02.123.md**"). Seed 003 Part 2 Step 1: SPEC_CURRENT points to
    /// the latest Master Spec version.
    /// </summary>
    public sealed class SpecPointer
    {
        private static readonly Regex FileNamePattern = new Regex(@"(?<name>(?:(?:\.\.?/)+|/)?(?:[A-Za-z0-9_][A-Za-z0-9_.\- ]*/)*[A-Za-z0-9_][A-Za-z0-9_.\- ]*\.md)\b", RegexOptions.CultureInvariant, TaskPacketProfile.RegexTimeout);

        private SpecPointer(string path, string? fileName, SourceSpan span)
        {
            Path = path;
            FileName = fileName;
            Span = span;
        }

        /// <summary>Repository-relative path of SPEC_CURRENT.md.</summary>
        public string Path { get; }

        /// <summary>The spec file it names, as written, or null when it names none.</summary>
        public string? FileName { get; }

        /// <summary>
        /// Whether the named path is absolute or climbs out with "..": it is then never looked up
        /// (no host reads outside the repository on a document's say-so).
        /// </summary>
        public bool EscapesRepository
        {
            get
            {
                if (FileName == null) return false;
                string p = FileName.Replace('\\', '/');
                return p.StartsWith("/", System.StringComparison.Ordinal) || (p.Length > 1 && p[1] == ':') || ("/" + p + "/").Contains("/../");
            }
        }

        /// <summary>Where the name stands (the start of the file when there is none).</summary>
        public SourceSpan Span { get; }

        /// <summary>Reads the pointer.</summary>
        public static SpecPointer Read(string path, string text)
        {
            var lines = new LineMap(text);
            var m = FileNamePattern.Match(text);
            return m.Success
                ? new SpecPointer(path, m.Groups["name"].Value.Trim(), lines.GetSpan(m.Groups["name"].Index, m.Groups["name"].Length))
                : new SpecPointer(path, null, lines.GetSpan(0, 0));
        }

        /// <summary>
        /// The repository-relative paths the named file may have, most likely first: as written
        /// from the root, then beside SPEC_CURRENT.md.
        /// </summary>
        public string[] CandidatePaths()
        {
            if (FileName == null || EscapesRepository) return new string[0];
            string name = DocumentInput.NormalizePath(FileName);
            int slash = Path.LastIndexOf('/');
            string beside = slash < 0 ? name : Path.Substring(0, slash + 1) + name;
            return beside == name ? new[] { name } : new[] { name, beside };
        }
    }
}
