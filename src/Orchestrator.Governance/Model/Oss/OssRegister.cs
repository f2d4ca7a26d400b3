using System;
using System.Collections.Generic;
using System.Linq;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Orchestrator.Governance.Documents;
using SourceSpan = Orchestrator.Governance.Text.SourceSpan;

namespace Orchestrator.Governance.Model.Oss
{
    /// <summary>
    /// OSS_REGISTER.md (seed 003 Part 1 "Supply Chain Safety: Maintain OSS_REGISTER.md"): the
    /// components its pipe tables list. In each table the component's name is the first column
    /// whose header is one of oss.nameColumns (name, component, ...), else the first column.
    /// Names compare ignoring case, with '_' and '-' alike (Cargo treats them as one).
    /// </summary>
    public sealed class OssRegister
    {
        private readonly HashSet<string> _names;

        private OssRegister(string path, SourceSpan titleSpan, HashSet<string> names)
        {
            Path = path;
            TitleSpan = titleSpan;
            _names = names;
        }

        /// <summary>The register's path.</summary>
        public string Path { get; }

        /// <summary>Its first heading (or its first character): where a dependency without a document of its own is reported.</summary>
        public SourceSpan TitleSpan { get; }

        /// <summary>How many components it lists.</summary>
        public int Count => _names.Count;

        /// <summary>True when the register lists <paramref name="name"/>.</summary>
        public bool Lists(string name) => _names.Contains(Key(name));

        /// <summary>The name as compared: lower case, '_' as '-', surrounding white space, backticks and emphasis dropped.</summary>
        public static string Key(string name) => name.Trim().Trim('`', '*', '_').Trim().ToLowerInvariant().Replace('_', '-');

        /// <summary>Reads the register's tables.</summary>
        public static OssRegister Read(ParsedMarkdown doc, IEnumerable<string> nameColumns)
        {
            var columns = new HashSet<string>(nameColumns.Select(c => c.Trim().ToLowerInvariant()), StringComparer.Ordinal);
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var table in doc.Ast.Descendants<Table>())
            {
                if (table.Count == 0 || !(table[0] is TableRow header)) continue;
                int column = 0;
                for (int i = 0; i < header.Count; i++)
                {
                    if (columns.Contains(CellText(doc, header[i]).ToLowerInvariant()))
                    {
                        column = i;
                        break;
                    }
                }

                for (int r = 1; r < table.Count; r++)
                {
                    if (!(table[r] is TableRow row) || row.IsHeader || column >= row.Count) continue;
                    string name = MarkdownLinks.LinkSyntax.Replace(CellText(doc, row[column]), "$1");
                    if (Key(name).Length > 0) names.Add(Key(name));
                }
            }

            var title = doc.Ast.Descendants<HeadingBlock>().FirstOrDefault();
            var span = title != null ? doc.Span(doc.HeadingText(title).Start, doc.HeadingText(title).Text.Length) : doc.Span(0, 0);
            return new OssRegister(doc.Path, span, names);
        }

        private static string CellText(ParsedMarkdown doc, Block cell)
        {
            if (cell.Span.IsEmpty) return string.Empty;
            int start = cell.Span.Start;
            int end = Math.Min(doc.Text.Length, cell.Span.End + 1);
            return doc.Text.Substring(start, end - start).Trim().Trim('|').Trim();
        }
    }
}
