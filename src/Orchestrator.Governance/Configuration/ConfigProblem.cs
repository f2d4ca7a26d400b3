namespace Orchestrator.Governance.Configuration
{
    /// <summary>One thing wrong with governance.yml, at a 1-based line and column.</summary>
    public sealed class ConfigProblem
    {
        /// <summary>Creates a problem.</summary>
        public ConfigProblem(string message, int line, int column)
        {
            Message = message;
            Line = line < 1 ? 1 : line;
            Column = column < 1 ? 1 : column;
        }

        /// <summary>What is wrong, naming the key and the expected value.</summary>
        public string Message { get; }

        /// <summary>1-based line.</summary>
        public int Line { get; }

        /// <summary>1-based column.</summary>
        public int Column { get; }
    }
}
