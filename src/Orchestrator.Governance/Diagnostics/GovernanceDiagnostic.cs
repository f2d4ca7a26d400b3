using System.Collections.Generic;
using Orchestrator.Governance.Text;

namespace Orchestrator.Governance.Diagnostics
{
    /// <summary>One finding of one rule in one document, at the exact span of the offending text.</summary>
    public sealed class GovernanceDiagnostic
    {
        /// <summary>Creates a diagnostic; <paramref name="arguments"/> fill the descriptor's message format; <paramref name="fixes"/> are the engine's.</summary>
        public GovernanceDiagnostic(RuleDescriptor descriptor, string path, SourceSpan span, GovernanceSeverity severity, IReadOnlyList<string> arguments, IReadOnlyList<GovernanceFix>? fixes = null)
        {
            Fixes = fixes ?? System.Array.Empty<GovernanceFix>();
            Descriptor = descriptor;
            Path = path;
            Span = span;
            Severity = severity;
            Arguments = arguments;
            Message = descriptor.FormatMessage(ToObjects(arguments));
        }

        /// <summary>The rule that reported it.</summary>
        public RuleDescriptor Descriptor { get; }

        /// <summary>The rule ID, e.g. "GOV105".</summary>
        public string Id => Descriptor.Id;

        /// <summary>Repository-relative path with forward slashes.</summary>
        public string Path { get; }

        /// <summary>Where in the document's decoded text.</summary>
        public SourceSpan Span { get; }

        /// <summary>Effective severity after governance.yml.</summary>
        public GovernanceSeverity Severity { get; }

        /// <summary>The values the message names, in message-format order.</summary>
        public IReadOnlyList<string> Arguments { get; }

        /// <summary>The formatted message.</summary>
        public string Message { get; }

        /// <summary>
        /// The baseline fingerprint (Baseline.DiagnosticFingerprint: 16 hex digits, no line number
        /// in it), set by the engine on every diagnostic it returns; null on one not yet returned.
        /// </summary>
        public string? Fingerprint { get; private set; }

        /// <summary>Fixes the engine computed for it (a rule's own, then "suppress on this line"); empty when there is none.</summary>
        public IReadOnlyList<GovernanceFix> Fixes { get; private set; }

        /// <summary>A copy with another severity.</summary>
        public GovernanceDiagnostic WithSeverity(GovernanceSeverity severity) =>
            new GovernanceDiagnostic(Descriptor, Path, Span, severity, Arguments) { Fingerprint = Fingerprint, Fixes = Fixes };

        /// <summary>A copy in another document at another span (a module of a spec read as one text).</summary>
        internal GovernanceDiagnostic At(string path, SourceSpan span) =>
            new GovernanceDiagnostic(Descriptor, path, span, Severity, Arguments) { Fingerprint = Fingerprint, Fixes = Fixes };

        /// <summary>A copy at another span (the engine maps spans of repaired text back to the file's).</summary>
        internal GovernanceDiagnostic WithSpan(SourceSpan span) =>
            new GovernanceDiagnostic(Descriptor, Path, span, Severity, Arguments) { Fingerprint = Fingerprint, Fixes = Fixes };

        /// <summary>A copy with its fingerprint.</summary>
        internal GovernanceDiagnostic WithFingerprint(string fingerprint) =>
            new GovernanceDiagnostic(Descriptor, Path, Span, Severity, Arguments) { Fingerprint = fingerprint, Fixes = Fixes };

        /// <summary>A copy with these fixes.</summary>
        internal GovernanceDiagnostic WithFixes(IReadOnlyList<GovernanceFix> fixes) =>
            new GovernanceDiagnostic(Descriptor, Path, Span, Severity, Arguments) { Fingerprint = Fingerprint, Fixes = fixes };

        /// <summary>MSBuild's format: <c>path(line,col): error GOV105: message</c>.</summary>
        public override string ToString() =>
            $"{Path}({Span.StartLine},{Span.StartColumn}): {Severity.ToName()} {Id}: {Message}";

        private static object[] ToObjects(IReadOnlyList<string> arguments)
        {
            var result = new object[arguments.Count];
            for (int i = 0; i < result.Length; i++) result[i] = arguments[i];
            return result;
        }
    }
}
