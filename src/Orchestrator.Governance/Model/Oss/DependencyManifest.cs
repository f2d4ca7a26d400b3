using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using System.Xml;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Orchestrator.Governance.Documents;
using SourceSpan = Orchestrator.Governance.Text.SourceSpan;

namespace Orchestrator.Governance.Model.Oss
{
    /// <summary>One dependency a manifest declares.</summary>
    public sealed class Dependency
    {
        internal Dependency(string name, string? package, string table, SourceSpan span)
        {
            Name = name;
            Package = package;
            Table = table;
            Span = span;
        }

        /// <summary>The name the manifest declares it under (a Cargo key, an npm package, a NuGet ID).</summary>
        public string Name { get; }

        /// <summary>The package's real name when the manifest renames it (Cargo <c>package = "..."</c>), else null.</summary>
        public string? Package { get; }

        /// <summary>Where it is declared: <c>[dev-dependencies]</c>, <c>devDependencies</c>, <c>PackageReference</c>.</summary>
        public string Table { get; }

        /// <summary>The name as written.</summary>
        public SourceSpan Span { get; }
    }

    /// <summary>
    /// The dependencies a manifest declares, by file name: <c>Cargo.toml</c> (the dependency
    /// tables of The Cargo Book "Specifying Dependencies": [dependencies], [dev-dependencies],
    /// [build-dependencies], their [target.'cfg'.*] and [workspace.*] forms, and
    /// [dependencies.NAME] tables), <c>package.json</c> (dependencies, devDependencies,
    /// peerDependencies, optionalDependencies) and MSBuild project files (<c>*.csproj</c>,
    /// <c>*.fsproj</c>, <c>*.vbproj</c>: PackageReference Include). Never throws: a file that
    /// does not parse declares nothing.
    /// </summary>
    public static class DependencyManifest
    {
        private static readonly string[] CargoTables = { "dependencies", "dev-dependencies", "build-dependencies" };
        private static readonly string[] NpmTables = { "dependencies", "devDependencies", "peerDependencies", "optionalDependencies" };
        private static readonly Regex CargoKey = new Regex(@"^[ \t]*(?:(?<bare>[A-Za-z0-9_\-]+)|""(?<quoted>[^""\\]+)"")[ \t]*(?:\.[^=]*)?=[ \t]*(?<value>.*)$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        private static readonly Regex CargoPackage = new Regex(@"\bpackage[ \t]*=[ \t]*""(?<name>[^""]+)""", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        /// <summary>True when <paramref name="path"/> names a manifest kind this reader knows.</summary>
        public static bool IsManifest(string path)
        {
            string name = Path.GetFileName(path);
            return name == "Cargo.toml" || name == "package.json" || IsMsBuild(name);
        }

        /// <summary>
        /// MSBuild files that declare packages: projects (*.csproj, *.fsproj, *.vbproj) and the files
        /// every project imports (Directory.Build.props/.targets: PackageReference; Directory.Packages.props:
        /// GlobalPackageReference).
        /// </summary>
        private static bool IsMsBuild(string name)
        {
            return name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(".vbproj", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "Directory.Build.props", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "Directory.Build.targets", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "Directory.Packages.props", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The dependencies <paramref name="doc"/> declares, in the order written.</summary>
        public static List<Dependency> Read(TextDocument doc)
        {
            string name = Path.GetFileName(doc.Path);
            if (name == "Cargo.toml") return ReadCargo(doc);
            if (name == "package.json") return ReadNpm(doc);
            return IsManifest(doc.Path) ? ReadMsBuild(doc) : new List<Dependency>();
        }

        private static List<Dependency> ReadCargo(TextDocument doc)
        {
            var result = new List<Dependency>();
            string? table = null;
            bool inMultiLineString = false;
            for (int line = 1; line <= doc.Lines.LineCount; line++)
            {
                int start = doc.Lines.GetLineStart(line);
                string content = doc.GetLineText(line);
                if (Count(content, "\"\"\"") % 2 == 1 || Count(content, "'''") % 2 == 1) inMultiLineString = !inMultiLineString;
                if (inMultiLineString) continue;
                string trimmed = content.Trim();
                if (trimmed.Length == 0 || trimmed[0] == '#') continue;
                if (trimmed.StartsWith("[[", StringComparison.Ordinal))
                {
                    table = null;
                    continue;
                }

                if (trimmed[0] == '[')
                {
                    table = null;
                    var keys = HeaderKeys(trimmed);
                    if (keys.Count == 0) continue;
                    string last = keys[keys.Count - 1];
                    if (Array.IndexOf(CargoTables, last) >= 0) table = "[" + string.Join(".", keys) + "]";
                    else if (keys.Count >= 2 && Array.IndexOf(CargoTables, keys[keys.Count - 2]) >= 0)
                    {
                        // [dependencies.serde]: the table is one dependency.
                        int at = content.LastIndexOf(last, StringComparison.Ordinal);
                        result.Add(new Dependency(last, null, "[" + string.Join(".", keys) + "]", doc.Span(start + Math.Max(at, 0), last.Length)));
                    }

                    continue;
                }

                if (table == null) continue;
                var match = CargoKey.Match(content);
                if (!match.Success) continue;
                var group = match.Groups["bare"].Success ? match.Groups["bare"] : match.Groups["quoted"];
                var package = CargoPackage.Match(match.Groups["value"].Value);
                result.Add(new Dependency(group.Value, package.Success ? package.Groups["name"].Value : null, table, doc.Span(start + group.Index, group.Length)));
            }

            return result;
        }

        /// <summary>The dotted keys of a table header, quotes removed: [target.'cfg(unix)'.dependencies] → target, cfg(unix), dependencies.</summary>
        private static List<string> HeaderKeys(string header)
        {
            var keys = new List<string>();
            int close = header.LastIndexOf(']');
            if (close < 1) return keys;
            string inner = header.Substring(1, close - 1);
            var key = new System.Text.StringBuilder();
            char quote = '\0';
            foreach (char c in inner)
            {
                if (quote != '\0')
                {
                    if (c == quote) quote = '\0';
                    else key.Append(c);
                }
                else if (c == '"' || c == '\'') quote = c;
                else if (c == '.')
                {
                    keys.Add(key.ToString().Trim());
                    key.Clear();
                }
                else key.Append(c);
            }

            keys.Add(key.ToString().Trim());
            return keys;
        }

        private static int Count(string s, string what)
        {
            int n = 0;
            for (int i = s.IndexOf(what, StringComparison.Ordinal); i >= 0; i = s.IndexOf(what, i + what.Length, StringComparison.Ordinal)) n++;
            return n;
        }

        private static List<Dependency> ReadNpm(TextDocument doc)
        {
            var result = new List<Dependency>();
            JToken root;
            try
            {
                using var reader = new JsonTextReader(new StringReader(doc.Text)) { MaxDepth = 64, DateParseHandling = DateParseHandling.None };
                root = JToken.Load(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
            }
            catch (JsonException)
            {
                return result;
            }

            if (!(root is JObject obj)) return result;
            foreach (var table in NpmTables)
            {
                if (!(obj[table] is JObject deps)) continue;
                foreach (var property in deps.Properties())
                {
                    var info = (IJsonLineInfo)property;
                    int offset = info.HasLineInfo() ? doc.Lines.GetLineStart(info.LineNumber) + info.LinePosition - 1 : 0;

                    // Newtonsoft puts a property's position after its name and colon: step back to the name's opening quote.
                    int quoted = offset > 0 ? doc.Text.LastIndexOf("\"" + property.Name + "\"", Math.Min(offset, doc.Text.Length - 1), StringComparison.Ordinal) : -1;
                    var span = quoted >= 0 ? doc.Span(quoted + 1, property.Name.Length) : doc.Span(0, 0);
                    result.Add(new Dependency(property.Name, null, table, span));
                }
            }

            return result;
        }

        private static List<Dependency> ReadMsBuild(TextDocument doc)
        {
            var result = new List<Dependency>();
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersFromEntities = 1024 };
            try
            {
                using var reader = XmlReader.Create(new StringReader(doc.Text), settings);
                var info = (IXmlLineInfo)reader;
                while (reader.Read())
                {
                    if (reader.NodeType != XmlNodeType.Element || (reader.LocalName != "PackageReference" && reader.LocalName != "GlobalPackageReference")) continue;
                    string element = reader.LocalName;
                    if (!reader.MoveToAttribute("Include")) continue;
                    string id = reader.Value.Trim();
                    int offset = doc.Lines.GetLineStart(info.LineNumber) + info.LinePosition - 1;

                    // The position is the attribute's name; the value starts after Include=".
                    int at = doc.Text.IndexOf(reader.Value, Math.Min(offset, doc.Text.Length), StringComparison.Ordinal);
                    if (id.Length > 0) result.Add(new Dependency(id, null, element, at >= 0 ? doc.Span(at, reader.Value.Length) : doc.Span(offset, 0)));
                }
            }
            catch (XmlException)
            {
                // Not XML: it declares nothing.
            }

            return result;
        }
    }
}

namespace Orchestrator.Governance.Model.Oss
{
    /// <summary>A NuGet package a building project references, as the host's build evaluated it (@(PackageReference)).</summary>
    public sealed class PackageReference
    {
        /// <summary>A reference to <paramref name="id"/> (version and project may be unknown).</summary>
        public PackageReference(string id, string? version = null, string? project = null)
        {
            Id = id;
            Version = string.IsNullOrWhiteSpace(version) ? null : version!.Trim();
            Project = string.IsNullOrWhiteSpace(project) ? null : project!.Trim();
        }

        /// <summary>The package ID.</summary>
        public string Id { get; }

        /// <summary>The version the project asks for, or null (central package management).</summary>
        public string? Version { get; }

        /// <summary>The project's file name, or null.</summary>
        public string? Project { get; }

        /// <summary>
        /// Reads governance.packages.txt, which the package's targets write: one reference a line,
        /// <c>ID|VERSION|PROJECT</c> (version and project may be empty). Blank lines are skipped.
        /// </summary>
        public static List<PackageReference> ParseList(IEnumerable<string> lines)
        {
            var result = new List<PackageReference>();
            foreach (var line in lines)
            {
                var parts = line.Split('|');
                string id = parts[0].Trim();
                if (id.Length == 0) continue;
                result.Add(new PackageReference(id, parts.Length > 1 ? parts[1] : null, parts.Length > 2 ? parts[2] : null));
            }

            return result;
        }
    }
}
