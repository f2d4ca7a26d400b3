using System;
using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;
using SourceSpan = Orchestrator.Governance.Text.SourceSpan;

namespace Orchestrator.Governance.Documents
{
    /// <summary>
    /// A Markdown document parsed once with Markdig (YAML front matter, pipe tables; block spans
    /// are exact without Markdig's precise-location option, which only inline spans need and which
    /// costs 10% of the parse),
    /// with the line map that turns Markdig's character offsets into (line, column).
    /// Inlines are parsed only in the blocks whose inlines the engine reads (see
    /// <see cref="InlinesWhereRead"/>); every other leaf block has a null <c>Inline</c>.
    /// </summary>
    public sealed class ParsedMarkdown : TextDocument
    {
        /// <summary>Built once and shared: Markdig pipelines are immutable and thread-safe.</summary>
        internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
            .UseYamlFrontMatter()
            .UsePipeTables()
            .Use<InlinesWhereRead>()
            .Build();

        private ParsedMarkdown(string path, string text, MarkdownDocument ast)
            : base(path, text)
        {
            Ast = ast;
        }

        /// <summary>Markdig's syntax tree.</summary>
        public MarkdownDocument Ast { get; }

        /// <summary>Parses <paramref name="text"/>.</summary>
        /// <exception cref="MarkdownRefusedException">A shape Markdig parses in more than linear time (<see cref="MarkdownCost"/>).</exception>
        public static ParsedMarkdown Parse(string path, string text)
        {
            if (MarkdownCost.Excess(text) is string reason) throw new MarkdownRefusedException(reason);
            return new ParsedMarkdown(path, text, Markdown.Parse(text, Pipeline));
        }

        /// <summary>The span of a Markdig node (its End is inclusive).</summary>
        public SourceSpan SpanOf(MarkdownObject node) =>
            node.Span.IsEmpty ? Lines.GetSpan(node.Span.Start, 0) : Lines.GetSpan(node.Span.Start, node.Span.End - node.Span.Start + 1);

        /// <summary>
        /// A heading's text without its "#" markers (and closing "#"s, CommonMark 4.2), with the
        /// offset where the text starts. Setext headings give their text line.
        /// </summary>
        public (string Text, int Start) HeadingText(HeadingBlock heading) => HeadingTextAt(heading.Span.Start);
    }

    /// <summary>A document the engine will not hand to Markdig, with the reason (<see cref="MarkdownCost"/>).</summary>
    public sealed class MarkdownRefusedException : InvalidOperationException
    {
        /// <summary>Creates the exception; <paramref name="reason"/> is what GOV002 says.</summary>
        public MarkdownRefusedException(string reason)
            : base(reason)
        {
        }
    }

    /// <summary>
    /// Skips Markdig's inline pass in the leaf blocks whose inlines nothing reads, which is most of
    /// the parse's time for prose (the Master Spec: 72 ms with every inline, 48 ms without the ones
    /// not read). Three things need inlines: a pipe table, which Markdig's extension builds while it
    /// parses a paragraph's inlines (CommonMark GFM tables need a delimiter row such as
    /// <c>|---|:--:|</c>), an HTML comment, where inline suppressions live, and an inline link
    /// (GOV610). A block keeps its inline pass when one of its lines is such a delimiter row or
    /// holds <c>&lt;!--</c> or <c>](</c>; the
    /// block tree is identical to a full parse (checked on the 304 Markdown files of the Handshake
    /// corpus).
    /// </summary>
    internal sealed class InlinesWhereRead : IMarkdownExtension
    {
        /// <summary>Runs after the other extensions have added their block parsers.</summary>
        public void Setup(MarkdownPipelineBuilder pipeline)
        {
            foreach (var parser in pipeline.BlockParsers) parser.Closed += OnClosed;
        }

        /// <inheritdoc />
        public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
        {
        }

        private static void OnClosed(BlockProcessor processor, Block block)
        {
            if (block is LeafBlock leaf && leaf.ProcessInlines && !NeedsInlines(leaf)) leaf.ProcessInlines = false;
        }

        private static bool NeedsInlines(LeafBlock leaf)
        {
            var lines = leaf.Lines.Lines;
            if (lines == null) return false;
            for (int i = 0; i < leaf.Lines.Count; i++)
            {
                var slice = lines[i].Slice;
                if (slice.Text == null || slice.Length <= 0) continue;
                if (slice.Text.IndexOf("<!--", slice.Start, slice.Length, StringComparison.Ordinal) >= 0) return true;
                if (slice.Text.IndexOf("](", slice.Start, slice.Length, StringComparison.Ordinal) >= 0) return true;
                if (IsDelimiterRow(slice.Text, slice.Start, slice.End)) return true;
            }

            return false;
        }

        /// <summary>Only <c>|</c>, <c>-</c>, <c>:</c> and blanks, with at least one pipe and one dash.</summary>
        private static bool IsDelimiterRow(string text, int start, int end)
        {
            bool pipe = false, dash = false;
            for (int j = start; j <= end; j++)
            {
                switch (text[j])
                {
                    case '|': pipe = true; break;
                    case '-': dash = true; break;
                    case ':': case ' ': case '\t': break;
                    default: return false;
                }
            }

            return pipe && dash;
        }
    }
}
