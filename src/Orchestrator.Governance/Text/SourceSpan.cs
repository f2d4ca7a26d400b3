namespace Orchestrator.Governance.Text
{
    /// <summary>
    /// A range of a document's text: a character offset and length into the decoded text, with the
    /// 1-based line and column of its first and last character as MSBuild and SARIF print them.
    /// Columns count UTF-16 code units from the start of the line, starting at 1.
    /// </summary>
    public readonly struct SourceSpan : System.IEquatable<SourceSpan>
    {
        /// <summary>Creates a span. Offsets are 0-based characters; lines and columns 1-based.</summary>
        public SourceSpan(int start, int length, int startLine, int startColumn, int endLine, int endColumn)
        {
            Start = start;
            Length = length;
            StartLine = startLine;
            StartColumn = startColumn;
            EndLine = endLine;
            EndColumn = endColumn;
        }

        /// <summary>0-based offset of the first character.</summary>
        public int Start { get; }

        /// <summary>Number of characters; 0 for a point.</summary>
        public int Length { get; }

        /// <summary>0-based offset just past the last character.</summary>
        public int End => Start + Length;

        /// <summary>1-based line of the first character.</summary>
        public int StartLine { get; }

        /// <summary>1-based column of the first character.</summary>
        public int StartColumn { get; }

        /// <summary>1-based line of the position just past the last character.</summary>
        public int EndLine { get; }

        /// <summary>1-based column of the position just past the last character (exclusive, as in SARIF).</summary>
        public int EndColumn { get; }

        /// <inheritdoc />
        public bool Equals(SourceSpan other) => Start == other.Start && Length == other.Length;

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is SourceSpan other && Equals(other);

        /// <inheritdoc />
        public override int GetHashCode() => (Start * 397) ^ Length;

        /// <inheritdoc />
        public override string ToString() => $"({StartLine},{StartColumn})-({EndLine},{EndColumn})";
    }
}
