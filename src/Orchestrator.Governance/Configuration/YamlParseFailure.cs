using System;
using System.IO;
using YamlDotNet.Core;

namespace Orchestrator.Governance.Configuration
{
    /// <summary>
    /// What went wrong when YamlDotNet stopped, and where. YamlDotNet reports bad YAML with a
    /// <see cref="YamlException"/> that has a position, except in two cases (YamlDotNet 16.3): a
    /// flow collection (<c>[</c> or <c>{</c>) whose content runs on to a line that is not
    /// indented (<c>adrs: [docs/adr\nstatus: x</c>) makes its scanner throw an
    /// <see cref="InvalidOperationException"/>, and some malformed mappings
    /// (<c>documents:\n : adrs: []</c>) make <c>YamlStream.Load</c> throw an
    /// <see cref="ArgumentException"/> before the parser reaches its own error. All are bad input
    /// and become a message and a place here, never an exception out of the engine.
    /// </summary>
    internal static class YamlParseFailure
    {
        /// <summary>The message for the scanner's position-less failure.</summary>
        public const string UnclosedFlow = "a '[' or '{' collection is not closed on its line and its next line is not indented more";

        /// <summary>The message when the parser accepts what the representation model cannot build.</summary>
        public const string Unbuildable = "YamlDotNet cannot build the node that starts here (an empty key, or a tag it does not know?)";

        /// <summary>True for the exceptions YamlDotNet throws on bad input.</summary>
        public static bool IsBadInput(Exception e) => e is YamlException || e is InvalidOperationException || e is ArgumentException;

        /// <summary>
        /// The first line of the parser's message and the mark (0-based index, 1-based line and
        /// column) where it stopped. For an exception without a position, <paramref name="yaml"/>
        /// is parsed again to its end, event by event, to find the parser's own error; failing
        /// that, the place is the start of the last event <paramref name="parser"/> produced.
        /// </summary>
        public static (string Message, Mark At) Describe(Exception e, IParser parser, string yaml)
        {
            if (e is YamlException direct) return (FirstLine(direct), direct.Start);
            var fallback = parser.Current?.Start ?? Mark.Empty;
            var again = new Parser(new StringReader(yaml));
            try
            {
                while (again.MoveNext())
                {
                }
            }
            catch (YamlException found)
            {
                return (FirstLine(found), found.Start);
            }
            catch (InvalidOperationException)
            {
                return (UnclosedFlow, again.Current?.Start ?? fallback);
            }
            catch (ArgumentException)
            {
                return (Unbuildable, again.Current?.Start ?? fallback);
            }

            return (e is InvalidOperationException ? UnclosedFlow : Unbuildable, fallback);
        }

        private static string FirstLine(YamlException e)
        {
            string message = e.InnerException?.Message ?? e.Message;
            int nl = message.IndexOf('\n');
            return (nl < 0 ? message : message.Substring(0, nl)).Trim();
        }
    }
}
