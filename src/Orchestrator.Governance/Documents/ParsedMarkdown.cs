using Markdig;
using Markdig.Syntax;
using Orchestrator.Governance.Text;
using SourceSpan = Orchestrator.Governance.Text.SourceSpan;

namespace Orchestrator.Governance.Documents
{
    /// <summary>
    /// A Markdown document parsed once with Markdig (YAML front matter, pipe tables; block spans
    /// are exact without Markdig's precise-location option, which only inline spans need and which
    /// costs 10% of the parse),
    /// with the line map that turns Markdig's character offsets into (line, column).
    /// </summary>
    public sealed class ParsedMarkdown
    {
        /// <summary>Built once and shared: Markdig pipelines are immutable and thread-safe.</summary>
        private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
            .UseYamlFrontMatter()
            .UsePipeTables()
            .Build();

        private ParsedMarkdown(string path, string text, MarkdownDocument ast)
        {
            Path = path;
            Text = text;
            Ast = ast;
            Lines = new LineMap(text);
        }

        /// <summary>Repository-relative path.</summary>
        public string Path { get; }

        /// <summary>The text the offsets refer to.</summary>
        public string Text { get; }

        /// <summary>Markdig's syntax tree.</summary>
        public MarkdownDocument Ast { get; }

        /// <summary>Offsets to lines and columns.</summary>
        public LineMap Lines { get; }

        /// <summary>Parses <paramref name="text"/>.</summary>
        public static ParsedMarkdown Parse(string path, string text) =>
            new ParsedMarkdown(path, text, Markdown.Parse(text, Pipeline));

        /// <summary>The span of a Markdig node (its End is inclusive).</summary>
        public SourceSpan SpanOf(MarkdownObject node) =>
            node.Span.IsEmpty ? Lines.GetSpan(node.Span.Start, 0) : Lines.GetSpan(node.Span.Start, node.Span.End - node.Span.Start + 1);

        /// <summary>A span from a 0-based offset and a length.</summary>
        public SourceSpan Span(int start, int length) => Lines.GetSpan(start, length);

        /// <summary>The rest of the line from <paramref name="start"/>, without its line break.</summary>
        public string LineFrom(int start)
        {
            if (start < 0 || start >= Text.Length) return string.Empty;
            int end = start;
            while (end < Text.Length && Text[end] != '\r' && Text[end] != '\n') end++;
            return Text.Substring(start, end - start);
        }

        /// <summary>
        /// A heading's text without its "#" markers (and closing "#"s, CommonMark 4.2), with the
        /// offset where the text starts. Setext headings give their text line.
        /// </summary>
        public (string Text, int Start) HeadingText(HeadingBlock heading)
        {
            int start = heading.Span.Start;
            string line = LineFrom(start);
            int i = 0;
            if (line.Length > 0 && line[0] == '#')
            {
                while (i < line.Length && line[i] == '#') i++;
                while (i < line.Length && (line[i] == ' ' || line[i] == '\t')) i++;
                string rest = line.Substring(i).TrimEnd();
                int j = rest.Length;
                while (j > 0 && rest[j - 1] == '#') j--;
                if (j < rest.Length && (j == 0 || rest[j - 1] == ' ' || rest[j - 1] == '\t')) rest = rest.Substring(0, j).TrimEnd();
                return (rest, start + i);
            }

            return (line.Trim(), start + (line.Length - line.TrimStart().Length));
        }

        /// <summary>The text of one 1-based line, without its line break.</summary>
        public string GetLineText(int line)
        {
            int start = Lines.GetLineStart(line);
            int end = start;
            while (end < Text.Length && Text[end] != '\r' && Text[end] != '\n') end++;
            return Text.Substring(start, end - start);
        }
    }
}
