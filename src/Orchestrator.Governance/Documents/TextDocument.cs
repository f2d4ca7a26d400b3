using Orchestrator.Governance.Text;

namespace Orchestrator.Governance.Documents
{
    /// <summary>
    /// A document's text with its line map, and no syntax tree. What the models keep of a Markdown
    /// document once it has been read (<see cref="Model.TaskPacket"/>, the spec): Markdig's tree is only
    /// needed while reading, and dropping it then lets the garbage collector take it young instead
    /// of carrying the spec's 50,000 blocks through the whole analysis (and through the spec cache).
    /// </summary>
    public class TextDocument
    {
        /// <summary>Wraps <paramref name="text"/>; builds the line map unless one is given.</summary>
        public TextDocument(string path, string text, LineMap? lines = null)
        {
            Path = path;
            Text = text;
            Lines = lines ?? new LineMap(text);
        }

        /// <summary>Repository-relative path.</summary>
        public string Path { get; }

        /// <summary>The text the offsets refer to.</summary>
        public string Text { get; }

        /// <summary>Offsets to lines and columns.</summary>
        public LineMap Lines { get; }

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
        /// The text of the heading that starts at offset <paramref name="start"/>, without its "#"
        /// markers (and closing "#"s, CommonMark 4.2), with the offset where the text starts.
        /// Setext headings give their text line.
        /// </summary>
        public (string Text, int Start) HeadingTextAt(int start)
        {
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

        /// <summary>This document without anything beyond its text and line map (the same object when it has nothing more).</summary>
        public TextDocument WithoutTree() => GetType() == typeof(TextDocument) ? this : new TextDocument(Path, Text, Lines);
    }
}
