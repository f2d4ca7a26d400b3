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
            _fixes = fixes ?? System.Array.Empty<GovernanceFix>();
            Descriptor = descriptor;
            Path = path;
            Span = span;
            Severity = severity;
            // Document text quoted in a message is one printable line in every host (MessageText.OneLine).
            Arguments = MessageText.OneLine(arguments);
            Message = descriptor.FormatMessage(ToObjects(Arguments));
        }

        /// <summary>A copy of <paramref name="source"/> with its message as formatted once.</summary>
        private GovernanceDiagnostic(GovernanceDiagnostic source, string path, SourceSpan span, GovernanceSeverity severity, string? fingerprint, IReadOnlyList<GovernanceFix> fixes, System.Lazy<IReadOnlyList<GovernanceFix>>? lazyFixes = null)
        {
            Descriptor = source.Descriptor;
            Path = path;
            Span = span;
            Severity = severity;
            Arguments = source.Arguments;
            Message = source.Message;
            Fingerprint = fingerprint;
            _fixes = fixes;
            _lazyFixes = lazyFixes;
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
        public IReadOnlyList<GovernanceFix> Fixes => _lazyFixes?.Value ?? _fixes;

        private readonly IReadOnlyList<GovernanceFix> _fixes;

        // Fixes the engine computes only when a host asks (the suppression comment needs the
        // document's fence map; a build that only reports them never pays for it).
        private readonly System.Lazy<IReadOnlyList<GovernanceFix>>? _lazyFixes;

        /// <summary>A copy with another severity.</summary>
        public GovernanceDiagnostic WithSeverity(GovernanceSeverity severity) =>
            new GovernanceDiagnostic(this, Path, Span, severity, Fingerprint, _fixes, _lazyFixes);

        /// <summary>A copy in another document at another span (a module of a spec read as one text).</summary>
        internal GovernanceDiagnostic At(string path, SourceSpan span) =>
            new GovernanceDiagnostic(this, path, span, Severity, Fingerprint, _fixes, _lazyFixes);

        /// <summary>A copy at another span (the engine maps spans of repaired text back to the file's).</summary>
        internal GovernanceDiagnostic WithSpan(SourceSpan span) =>
            new GovernanceDiagnostic(this, Path, span, Severity, Fingerprint, _fixes, _lazyFixes);

        /// <summary>A copy with its fingerprint.</summary>
        internal GovernanceDiagnostic WithFingerprint(string fingerprint) =>
            new GovernanceDiagnostic(this, Path, Span, Severity, fingerprint, _fixes, _lazyFixes);

        /// <summary>A copy with these fixes.</summary>
        internal GovernanceDiagnostic WithFixes(IReadOnlyList<GovernanceFix> fixes) =>
            new GovernanceDiagnostic(this, Path, Span, Severity, Fingerprint, fixes);

        /// <summary>A copy whose fixes are its own followed by what <paramref name="more"/> computes, the first time they are read (thread-safe).</summary>
        internal GovernanceDiagnostic WithMoreFixesLater(System.Func<GovernanceDiagnostic, GovernanceFix?> more)
        {
            var own = Fixes;
            GovernanceDiagnostic? self = null;
            var lazy = new System.Lazy<IReadOnlyList<GovernanceFix>>(() =>
            {
                var extra = more(self!);
                if (extra == null) return own;
                var all = new GovernanceFix[own.Count + 1];
                for (int i = 0; i < own.Count; i++) all[i] = own[i];
                all[own.Count] = extra;
                return all;
            }, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
            self = new GovernanceDiagnostic(this, Path, Span, Severity, Fingerprint, own, lazy);
            return self;
        }

        /// <summary>MSBuild's format: <c>path(line,col): error GOV105: message</c>.</summary>
        public override string ToString() =>
            $"{PrintablePath(Path)}({Span.StartLine},{Span.StartColumn}): {Severity.ToName()} {Id}: {Message}";

        /// <summary>
        /// A path as a line of a log may start with it: on one line (<see cref="MessageText.OneLine(string)"/>),
        /// and after "./" when it starts with ':' or white space (a folder named "::warning ...::" or
        /// " ::warning ...::" would otherwise be a GitHub Actions workflow command).
        /// </summary>
        public static string PrintablePath(string path)
        {
            string safe = MessageText.OneLine(path);
            return safe.Length > 0 && (safe[0] == ':' || char.IsWhiteSpace(safe[0])) ? "./" + safe : safe;
        }

        private static object[] ToObjects(IReadOnlyList<string> arguments)
        {
            var result = new object[arguments.Count];
            for (int i = 0; i < result.Length; i++) result[i] = arguments[i];
            return result;
        }
    }
}
