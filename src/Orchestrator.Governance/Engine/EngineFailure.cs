using System;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Engine
{
    /// <summary>
    /// What the engine does when its own code throws (a bug, or an input shape nobody foresaw): the
    /// failure is GOV003, an error by default, at the document that was being read or checked, so a
    /// build that could not check everything fails instead of passing with findings missing
    /// (GUIDE §2; docs/security.md). Only what the runtime cannot continue after (out of memory) is
    /// let through.
    /// </summary>
    internal static class EngineFailure
    {
        /// <summary>The longest exception message quoted in a diagnostic, in characters.</summary>
        private const int MaxMessageLength = 300;

        /// <summary>Whether the engine reports <paramref name="e"/> as GOV003 and goes on (everything but running out of memory).</summary>
        public static bool IsCaught(Exception e) => !(e is OutOfMemoryException);

        /// <summary>The exception as GOV003's second argument: its type and message on one line, at most 300 characters of message.</summary>
        public static string Describe(Exception e)
        {
            string message = (e.Message ?? string.Empty).Replace("\r", " ").Replace("\n", " ");
            if (message.Length > MaxMessageLength) message = message.Substring(0, MaxMessageLength) + "...";
            return e.GetType().Name + ": " + message;
        }

        /// <summary>GOV003 at the start of <paramref name="path"/>: <paramref name="what"/> (e.g. "Rule GOV109", "The document's reader") failed with <paramref name="e"/>.</summary>
        public static GovernanceDiagnostic At(string path, string what, Exception e, Text.SourceSpan? at = null) =>
            new GovernanceDiagnostic(EngineDiagnostics.RuleFailed, path, at ?? FileStart, EngineDiagnostics.RuleFailed.DefaultSeverity, new[] { what, Describe(e) });

        private static readonly Text.SourceSpan FileStart = new Text.SourceSpan(0, 0, 1, 1, 1, 1);
    }
}
