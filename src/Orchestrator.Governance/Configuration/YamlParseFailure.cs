using System;
using YamlDotNet.Core;

namespace Orchestrator.Governance.Configuration
{
    /// <summary>
    /// What went wrong when YamlDotNet's parser stopped, and where. YamlDotNet reports bad YAML
    /// with a <see cref="YamlException"/> that has a position, except for one case: a flow
    /// collection (<c>[</c> or <c>{</c>) whose content runs on to a line that is not indented, or
    /// that the text ends inside (<c>adrs: [docs/adr\nstatus: x</c>), makes its scanner throw an
    /// <see cref="InvalidOperationException"/> with no position (YamlDotNet 16.3). Both are bad
    /// input and become a message and a place here, never an exception out of the engine.
    /// </summary>
    internal static class YamlParseFailure
    {
        /// <summary>The message for the position-less failure.</summary>
        public const string UnclosedFlow = "a '[' or '{' collection is not closed on its line and its next line is not indented more";

        /// <summary>True for the exceptions YamlDotNet's parser throws on bad input.</summary>
        public static bool IsBadInput(Exception e) => e is YamlException || e is InvalidOperationException;

        /// <summary>
        /// The first line of the parser's message and the 0-based index, 1-based line and column
        /// where it stopped: the exception's own position, else the start of the last event the
        /// parser produced (the collection that is not closed), else the start of the text.
        /// </summary>
        public static (string Message, Mark At) Describe(Exception e, IParser parser)
        {
            if (e is YamlException yaml)
            {
                string message = yaml.InnerException?.Message ?? yaml.Message;
                int nl = message.IndexOf('\n');
                return ((nl < 0 ? message : message.Substring(0, nl)).Trim(), yaml.Start);
            }

            return (UnclosedFlow, parser.Current?.Start ?? Mark.Empty);
        }
    }
}
