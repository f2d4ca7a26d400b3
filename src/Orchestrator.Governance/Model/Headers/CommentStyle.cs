using System;
using System.Collections.Generic;

namespace Orchestrator.Governance.Model.Headers
{
    /// <summary>
    /// How a file type writes the two metadata header lines (seed 000 §3: "comments allowed based
    /// on file type"): a line comment (<c>//</c>, <c>#</c>, <c>--</c>) or an HTML comment per line
    /// (<c>&lt;!-- ... --&gt;</c>), and which first line may precede the header (a <c>#!</c>
    /// shebang for scripts, an <c>&lt;?xml ?&gt;</c> declaration for XML, a YAML front matter for
    /// Markdown, whose <c>description:</c> key is the header's first line). JSON has no comments:
    /// where <c>headers.styles</c> maps an extension to <c>$comment</c>, the header is the
    /// object's first property, <c>"$comment": "Description: ...\nOrchestration: ..."</c>
    /// (the keyword JSON Schema draft 7 reserves for comments).
    /// </summary>
    public sealed class CommentStyle
    {
        /// <summary>C-family line comments: C#, TypeScript, JavaScript, Java, Go, Rust, Kotlin, Swift, C, C++.</summary>
        public static readonly CommentStyle Slashes = new CommentStyle("//", string.Empty, Preamble.None);

        /// <summary>Hash line comments: Python, YAML, shell, TOML, PowerShell, Ruby; a shebang line may come first.</summary>
        public static readonly CommentStyle Hash = new CommentStyle("#", string.Empty, Preamble.Shebang);

        /// <summary>SQL and Lua line comments.</summary>
        public static readonly CommentStyle Dashes = new CommentStyle("--", string.Empty, Preamble.None);

        /// <summary>HTML comments for Markdown: a YAML front matter may come first.</summary>
        public static readonly CommentStyle Markdown = new CommentStyle("<!--", "-->", Preamble.FrontMatter);

        /// <summary>HTML comments for HTML and XML: an XML declaration may come first.</summary>
        public static readonly CommentStyle Markup = new CommentStyle("<!--", "-->", Preamble.XmlDeclaration);

        /// <summary>JSON: a first property <c>"$comment"</c> whose string holds the two lines, separated by <c>\n</c>. Only where configured.</summary>
        public static readonly CommentStyle JsonComment = new CommentStyle("\"$comment\"", string.Empty, Preamble.None, isJsonProperty: true);

        private static readonly Dictionary<string, CommentStyle> ByExtension = new Dictionary<string, CommentStyle>(StringComparer.OrdinalIgnoreCase)
        {
            [".cs"] = Slashes, [".ts"] = Slashes, [".tsx"] = Slashes, [".js"] = Slashes, [".jsx"] = Slashes, [".mjs"] = Slashes, [".cjs"] = Slashes,
            [".java"] = Slashes, [".go"] = Slashes, [".rs"] = Slashes, [".kt"] = Slashes, [".swift"] = Slashes, [".c"] = Slashes, [".h"] = Slashes,
            [".cpp"] = Slashes, [".hpp"] = Slashes,
            [".py"] = Hash, [".yml"] = Hash, [".yaml"] = Hash, [".sh"] = Hash, [".bash"] = Hash, [".toml"] = Hash, [".ps1"] = Hash, [".rb"] = Hash,
            [".sql"] = Dashes, [".lua"] = Dashes,
            [".md"] = Markdown, [".markdown"] = Markdown,
            [".html"] = Markup, [".htm"] = Markup, [".xml"] = Markup, [".xaml"] = Markup, [".csproj"] = Markup, [".props"] = Markup, [".targets"] = Markup, [".svg"] = Markup,
        };

        private static readonly Dictionary<string, CommentStyle> ByName = new Dictionary<string, CommentStyle>(StringComparer.Ordinal)
        {
            ["//"] = Slashes, ["#"] = Hash, ["--"] = Dashes, ["<!--"] = Markup, ["markdown"] = Markdown, ["$comment"] = JsonComment,
        };

        private CommentStyle(string open, string close, Preamble preamble, bool isJsonProperty = false)
        {
            Open = open;
            Close = close;
            AllowedPreamble = preamble;
            IsJsonProperty = isJsonProperty;
        }

        /// <summary>What a first line that is not the header may be.</summary>
        public enum Preamble
        {
            /// <summary>The header is lines 1 and 2.</summary>
            None,

            /// <summary>A <c>#!</c> line may come first.</summary>
            Shebang,

            /// <summary>An <c>&lt;?xml ... ?&gt;</c> declaration may come first.</summary>
            XmlDeclaration,

            /// <summary>A YAML front matter may come first; its <c>description:</c> key counts as the header.</summary>
            FrontMatter,
        }

        /// <summary>The comment opener, e.g. <c>//</c> or <c>&lt;!--</c>.</summary>
        public string Open { get; }

        /// <summary>The comment closer (<c>--&gt;</c>), or empty for line comments.</summary>
        public string Close { get; }

        /// <summary>What may precede the header.</summary>
        public Preamble AllowedPreamble { get; }

        /// <summary>True for <see cref="JsonComment"/>: the header is a JSON property, not comment lines.</summary>
        public bool IsJsonProperty { get; }

        /// <summary>The names <c>headers.styles</c> accepts: <c>//</c>, <c>#</c>, <c>--</c>, <c>&lt;!--</c>, <c>markdown</c>, <c>$comment</c>.</summary>
        public static IEnumerable<string> Names => ByName.Keys;

        /// <summary>
        /// The style of the file at <paramref name="path"/>: <paramref name="overrides"/> (extension
        /// with its dot, to a name in <see cref="Names"/>) first, then the built-in table; null for a
        /// file type without comments (JSON, unless mapped to <c>$comment</c>) or an unknown one,
        /// which the header rules skip.
        /// </summary>
        public static CommentStyle? ForPath(string path, IReadOnlyDictionary<string, string>? overrides = null)
        {
            int slash = path.LastIndexOf('/');
            int dot = path.LastIndexOf('.');
            if (dot <= slash) return null;
            string extension = path.Substring(dot);
            if (overrides != null)
            {
                foreach (var entry in overrides)
                {
                    if (string.Equals(entry.Key, extension, StringComparison.OrdinalIgnoreCase))
                        return ByName.TryGetValue(entry.Value, out var named) ? named : null;
                }
            }

            return ByExtension.TryGetValue(extension, out var style) ? style : null;
        }

        /// <summary>The style <c>headers.styles</c> names, or null.</summary>
        public static CommentStyle? Named(string name) => ByName.TryGetValue(name, out var style) ? style : null;

        /// <summary>
        /// One header line in this style, e.g. <c>// Description: Larder sync.</c>; for
        /// <see cref="JsonComment"/>, the line as the <c>$comment</c> string holds it.
        /// </summary>
        public string Line(string content) => IsJsonProperty ? content : Close.Length == 0 ? Open + " " + content : Open + " " + content + " " + Close;

        /// <summary>
        /// The text inside a comment line (trimmed), or null when <paramref name="line"/> is not a
        /// comment of this style (always null for <see cref="JsonComment"/>, which has no comment lines).
        /// </summary>
        public string? Content(string line)
        {
            if (IsJsonProperty) return null;
            string t = line.Trim();
            if (!t.StartsWith(Open, StringComparison.Ordinal)) return null;
            t = t.Substring(Open.Length);
            if (Close.Length > 0)
            {
                if (!t.EndsWith(Close, StringComparison.Ordinal)) return null;
                t = t.Substring(0, t.Length - Close.Length);
            }
            else if (Open == "//" && t.StartsWith("/", StringComparison.Ordinal))
            {
                t = t.TrimStart('/'); // "///" documentation comments count as comments
            }

            return t.Trim();
        }
    }
}
