using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace Orchestrator.Governance.Tests
{
    /// <summary>
    /// docs/configuration.md's key table and schemas/governance.schema.json name the same keys (issue 35): every key of
    /// the schema (a dotted path down its objects, through its definitions) has a row, or a row for the key above it,
    /// and every row names a key of the schema. The rows' prose is written by hand; the keys are the schema's.
    /// </summary>
    public class ConfigurationDocumentationTests
    {
        private static string Root()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Orchestrator.sln"))) dir = dir.Parent;
            return dir!.FullName;
        }

        /// <summary>Every key of the schema as a dotted path: down an object's properties, through a $ref to its definition (a map, such as severity, ends the path).</summary>
        internal static List<string> SchemaKeys()
        {
            using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root(), "schemas", "governance.schema.json")));
            var definitions = schema.RootElement.GetProperty("definitions");
            var keys = new List<string>();
            void Walk(JsonElement node, string path)
            {
                if (node.TryGetProperty("$ref", out var reference)) node = definitions.GetProperty(reference.GetString()!.Split('/').Last());
                if (node.TryGetProperty("properties", out var properties))
                {
                    foreach (var property in properties.EnumerateObject()) Walk(property.Value, path.Length == 0 ? property.Name : path + "." + property.Name);
                }
                else if (path.Length > 0)
                {
                    keys.Add(path);
                }
            }

            Walk(schema.RootElement, string.Empty);
            return keys;
        }

        /// <summary>
        /// The keys the table's rows name: each backticked key of a row's first cell; one without a dot after another
        /// (<c>`documents.plan` / `session`</c>) is that one's sibling. A row may name a key above the schema's leaves
        /// (<c>documents.adrs</c> covers its include and exclude) or below a map (<c>severity.GOVnnn</c>).
        /// </summary>
        internal static List<string> DocumentedKeys()
        {
            string doc = File.ReadAllText(Path.Combine(Root(), "docs", "configuration.md"));
            int start = doc.IndexOf("\n## Keys\n", StringComparison.Ordinal);
            Assert.True(start >= 0, "docs/configuration.md has no '## Keys' section");
            int end = doc.IndexOf("\n## ", start + 8, StringComparison.Ordinal);
            var keys = new List<string>();
            foreach (Match row in Regex.Matches(doc.Substring(start, (end < 0 ? doc.Length : end) - start), @"^\| (?<cell>`[^|]*?) \|", RegexOptions.Multiline))
            {
                string? first = null;
                foreach (Match key in Regex.Matches(row.Groups["cell"].Value, "`([A-Za-z][A-Za-z0-9.]*)`"))
                {
                    string name = key.Groups[1].Value;
                    if (first != null && !name.Contains('.')) name = first.Substring(0, first.LastIndexOf('.') + 1) + name;
                    first ??= name;
                    keys.Add(name);
                }
            }

            return keys;
        }

        private static bool Related(string a, string b) =>
            a == b || a.StartsWith(b + ".", StringComparison.Ordinal) || b.StartsWith(a + ".", StringComparison.Ordinal);

        [Fact]
        public void Every_key_of_the_schema_has_a_row_and_every_row_names_a_key_of_the_schema()
        {
            var schema = SchemaKeys();
            var documented = DocumentedKeys();
            Assert.True(schema.Count > 50 && documented.Count > 50, $"{schema.Count} schema keys, {documented.Count} rows read");
            var undocumented = schema.Where(k => !documented.Any(d => Related(k, d))).ToList();
            Assert.True(undocumented.Count == 0, "keys of schemas/governance.schema.json with no row in docs/configuration.md: " + string.Join(", ", undocumented));
            var stale = documented.Where(d => !schema.Any(k => Related(k, d))).ToList();
            Assert.True(stale.Count == 0, "rows of docs/configuration.md naming no key of the schema: " + string.Join(", ", stale));
        }
    }
}
