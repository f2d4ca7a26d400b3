using System.Linq;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Model;
using Orchestrator.Governance.Text;

namespace Orchestrator.Governance.Tests.Model
{
    /// <summary>
    /// Inputs for the readers' own tests, written with the engine tests' markup (<c>{|#0:text|}</c>)
    /// so that a span the reader should give is marked where it stands, not counted by hand.
    /// </summary>
    internal sealed class Marked
    {
        private readonly EngineMarkup.Document _document;

        public Marked(string path, string markup) => _document = EngineMarkup.Parse(path, markup);

        public string Path => _document.Path;

        /// <summary>The text without markup.</summary>
        public string Text => _document.Text;

        /// <summary>The text as Markdown, as the engine hands it to the Markdown readers.</summary>
        public ParsedMarkdown Markdown => ParsedMarkdown.Parse(Path, Text);

        /// <summary>The text as a plain document.</summary>
        public TextDocument Document => new TextDocument(Path, Text);

        /// <summary>Line, column, end line and end column (exclusive) of location <paramref name="n"/>.</summary>
        public (int, int, int, int) At(int n)
        {
            var s = _document.Spans.Single(x => x.Location == n);
            return (s.StartLine, s.StartColumn, s.EndLine, s.EndColumn);
        }

        /// <summary>The same four numbers of a span a reader gave.</summary>
        public static (int, int, int, int) Of(SourceSpan span) => (span.StartLine, span.StartColumn, span.EndLine, span.EndColumn);

        /// <summary>The default profile's configuration (rules/*.yml).</summary>
        public static GovernanceConfig Config => ConfigLoader.Default;

        /// <summary>The task packet profile of the default configuration.</summary>
        public static TaskPacketProfile Profile => new TaskPacketProfile(Config.TaskPacket);
    }
}
