using System;
using System.Collections.Generic;

namespace Orchestrator.Governance.LanguageServer.Protocol
{
    /// <summary>
    /// LSP positions over a text: a line (0-based) and a character (0-based UTF-16 code unit, LSP's
    /// default "utf-16" position encoding) to and from offsets. Lines end at "\r\n", "\n" or "\r", as
    /// LSP 3.17 ("Text Documents") defines them. A character past the end of its line means the end
    /// of the line, a line past the last line the end of the text, as the specification asks.
    /// </summary>
    internal sealed class LineIndex
    {
        private readonly string _text;
        private readonly List<int> _starts = new List<int> { 0 };

        /// <summary>Indexes the line starts of <paramref name="text"/> (one pass).</summary>
        public LineIndex(string text)
        {
            _text = text;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\r')
                {
                    if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                    _starts.Add(i + 1);
                }
                else if (c == '\n')
                {
                    _starts.Add(i + 1);
                }
            }
        }

        /// <summary>Number of lines (a text ending with a line break has an empty last line).</summary>
        public int LineCount => _starts.Count;

        /// <summary>The offset of (<paramref name="line"/>, <paramref name="character"/>), clamped to the text.</summary>
        public int OffsetOf(int line, int character)
        {
            if (line < 0) return 0;
            if (line >= _starts.Count) return _text.Length;
            int start = _starts[line];
            int end = LineContentEnd(line);
            return start + Math.Min(Math.Max(character, 0), end - start);
        }

        /// <summary>The (line, character) of <paramref name="offset"/> (clamped to the text).</summary>
        public (int Line, int Character) PositionOf(int offset)
        {
            offset = Math.Min(Math.Max(offset, 0), _text.Length);
            int line = _starts.BinarySearch(offset);
            if (line < 0) line = ~line - 1;
            return (line, offset - _starts[line]);
        }

        /// <summary>Offset just past the last character of <paramref name="line"/> before its line break.</summary>
        private int LineContentEnd(int line)
        {
            int end = line + 1 < _starts.Count ? _starts[line + 1] : _text.Length;
            if (end > _starts[line] && line + 1 < _starts.Count)
            {
                if (_text[end - 1] == '\n') end--;
                if (end > _starts[line] && _text[end - 1] == '\r') end--;
            }

            return end;
        }
    }
}
