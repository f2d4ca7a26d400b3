using System;
using System.Collections.Generic;

namespace Orchestrator.Governance.Text
{
    /// <summary>
    /// Maps character offsets of a text to 1-based (line, column) positions. A line ends at
    /// "\r\n", "\r" or "\n", the same line endings CommonMark (and so Markdig) recognises, so a file
    /// with mixed CR/LF endings gets the line numbers an editor shows.
    /// </summary>
    public sealed class LineMap
    {
        private readonly int[] _lineStarts;
        private readonly int _length;

        /// <summary>Builds the map for <paramref name="text"/> in one pass.</summary>
        public LineMap(string text)
        {
            if (text is null) throw new ArgumentNullException(nameof(text));
            var starts = new List<int>(Math.Max(16, text.Length / 40)) { 0 };
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\r')
                {
                    if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                    starts.Add(i + 1);
                }
                else if (c == '\n')
                {
                    starts.Add(i + 1);
                }
            }

            _lineStarts = starts.ToArray();
            _length = text.Length;
        }

        /// <summary>Number of lines (a text with no line break has one).</summary>
        public int LineCount => _lineStarts.Length;

        /// <summary>0-based offset where the 1-based <paramref name="line"/> starts.</summary>
        public int GetLineStart(int line) => _lineStarts[Math.Max(0, Math.Min(line - 1, _lineStarts.Length - 1))];

        /// <summary>1-based line and column of a 0-based offset (clamped to the text).</summary>
        public (int Line, int Column) GetPosition(int offset)
        {
            if (offset < 0) offset = 0;
            if (offset > _length) offset = _length;
            int index = Array.BinarySearch(_lineStarts, offset);
            if (index < 0) index = ~index - 1;
            return (index + 1, offset - _lineStarts[index] + 1);
        }

        /// <summary>A span from a 0-based offset and length.</summary>
        public SourceSpan GetSpan(int start, int length)
        {
            if (start < 0) start = 0;
            if (start > _length) start = _length;
            if (length < 0) length = 0;
            if (start + length > _length) length = _length - start;
            var (startLine, startColumn) = GetPosition(start);
            var (endLine, endColumn) = GetPosition(start + length);
            return new SourceSpan(start, length, startLine, startColumn, endLine, endColumn);
        }
    }
}
