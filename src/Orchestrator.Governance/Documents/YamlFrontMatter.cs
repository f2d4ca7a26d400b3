using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Orchestrator.Governance.Documents
{
    /// <summary>One top-level key of a front matter whose value is a scalar.</summary>
    public sealed class FrontMatterEntry
    {
        internal FrontMatterEntry(string key, int keyStart, string value, int valueStart, int valueLength)
        {
            Key = key;
            KeyStart = keyStart;
            Value = value;
            ValueStart = valueStart;
            ValueLength = valueLength;
        }

        /// <summary>The key as written.</summary>
        public string Key { get; }

        /// <summary>0-based offset of the key in the whole document.</summary>
        public int KeyStart { get; }

        /// <summary>The value as YAML reads it (quotes and escapes resolved), trimmed.</summary>
        public string Value { get; }

        /// <summary>0-based offset of the value's first character in the whole document, inside its quotes when quoted.</summary>
        public int ValueStart { get; }

        /// <summary>Characters of the value as written (without its quotes).</summary>
        public int ValueLength { get; }
    }

    /// <summary>
    /// The YAML front matter of a Markdown document: a first line <c>---</c>, YAML, and a closing
    /// <c>---</c> or <c>...</c> line (the Jekyll / MADR convention, which Markdig's YAML front
    /// matter extension also reads). Its top-level scalar keys are read with YamlDotNet's event
    /// parser, which never expands aliases (so an alias bomb costs nothing) and keeps its own
    /// stack (so deep nesting cannot overflow ours). Used by the metadata header rules (a
    /// <c>description:</c> key is the header, seed 000 §3) and the ADR reader (MADR's
    /// <c>status:</c>).
    /// </summary>
    public sealed class YamlFrontMatter
    {
        private YamlFrontMatter(int lineCount, List<FrontMatterEntry> entries, string? problem, int problemStart)
        {
            LineCount = lineCount;
            Entries = entries;
            Problem = problem;
            ProblemStart = problemStart;
        }

        /// <summary>Lines the front matter takes, both <c>---</c> lines included: the document's own text starts on the next line.</summary>
        public int LineCount { get; }

        /// <summary>Top-level keys with scalar values, in document order; keys with lists or maps as values are left out.</summary>
        public IReadOnlyList<FrontMatterEntry> Entries { get; }

        /// <summary>Why the YAML is not valid (YamlDotNet's message), or null. The entries before the error are kept.</summary>
        public string? Problem { get; }

        /// <summary>0-based offset in the document where YamlDotNet found <see cref="Problem"/>.</summary>
        public int ProblemStart { get; }

        /// <summary>The first entry whose key is <paramref name="key"/> (case-insensitive), or null.</summary>
        public FrontMatterEntry? Find(string key)
        {
            foreach (var entry in Entries)
            {
                if (string.Equals(entry.Key, key, StringComparison.OrdinalIgnoreCase)) return entry;
            }

            return null;
        }

        /// <summary>What <see cref="Read"/> found for a text instance (NoFrontMatter for none), kept while the text lives.</summary>
        private static readonly ConditionalWeakTable<string, object> ReadBefore = new ConditionalWeakTable<string, object>();

        private static readonly object NoFrontMatter = new object();

        /// <summary>
        /// The front matter at the start of <paramref name="text"/>, or null when the text does not
        /// start with a <c>---</c> line or the block is never closed (then it is not a front matter).
        /// Lines end at <c>\n</c> (a <c>\r</c> before it is dropped). The result is kept for the
        /// text instance, so the ADR reader, the header check and GOV006 share one parse of a
        /// document.
        /// </summary>
        public static YamlFrontMatter? Read(string text)
        {
            if (text.Length < 3 || text[0] != '-') return null;
            var found = ReadBefore.GetValue(text, t => (object?)ReadUncached(t) ?? NoFrontMatter);
            return found as YamlFrontMatter;
        }

        private static YamlFrontMatter? ReadUncached(string text)
        {
            int pos = 0, lines = 0, contentStart = -1;
            while (pos < text.Length)
            {
                int nl = text.IndexOf('\n', pos);
                int end = nl < 0 ? text.Length : nl;
                string line = text.Substring(pos, end - pos).TrimEnd();
                lines++;
                if (contentStart < 0)
                {
                    if (line != "---") return null;
                    contentStart = nl < 0 ? text.Length : nl + 1;
                }
                else if (line == "---" || line == "...")
                {
                    return Parse(text, contentStart, pos, lines);
                }

                if (nl < 0) break;
                pos = nl + 1;
            }

            return null;
        }

        private static YamlFrontMatter Parse(string text, int start, int end, int lineCount)
        {
            var entries = new List<FrontMatterEntry>();
            string yaml = text.Substring(start, end - start);
            var parser = new Parser(new StringReader(yaml));
            int depth = 0, nodes = 0;
            bool mapping = false;
            Scalar? key = null;
            try
            {
                while (parser.MoveNext())
                {
                    var e = parser.Current;
                    if (depth == 0 && e is MappingStart) mapping = true;

                    // The nodes of the top-level mapping alternate key, value.
                    if (mapping && depth == 1 && (e is Scalar || e is AnchorAlias || e is MappingStart || e is SequenceStart))
                    {
                        if (nodes++ % 2 == 0)
                        {
                            key = e as Scalar;
                        }
                        else if (key != null && e is Scalar scalar)
                        {
                            int quote = scalar.Style == ScalarStyle.SingleQuoted || scalar.Style == ScalarStyle.DoubleQuoted ? 1 : 0;
                            int length = Math.Max(0, (int)(scalar.End.Index - scalar.Start.Index) - 2 * quote);
                            entries.Add(new FrontMatterEntry(key.Value, start + (int)key.Start.Index, scalar.Value.Trim(), start + (int)scalar.Start.Index + quote, length));
                        }
                    }

                    if (e is MappingStart || e is SequenceStart) depth++;
                    else if (e is MappingEnd || e is SequenceEnd) depth--;
                }
            }
            catch (Exception ex) when (Configuration.YamlParseFailure.IsBadInput(ex))
            {
                var (message, at) = Configuration.YamlParseFailure.Describe(ex, parser, yaml);
                return new YamlFrontMatter(lineCount, entries, message, start + (int)Math.Min(Math.Max(0, at.Index), end - start));
            }

            return new YamlFrontMatter(lineCount, entries, null, 0);
        }
    }
}
