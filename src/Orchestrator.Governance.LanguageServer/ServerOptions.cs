using System;

namespace Orchestrator.Governance.LanguageServer
{
    /// <summary>How <see cref="GovernanceLanguageServer"/> runs.</summary>
    public sealed class ServerOptions
    {
        /// <summary>How long after the last change the analysis starts (default 200 ms, as the issue asks).</summary>
        public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(200);

        /// <summary>The folder of rule pages linked from each diagnostic's codeDescription; null for none.</summary>
        public string? DocsFolder { get; set; } = Protocol.LspDiagnostics.DefaultDocsFolder();

        /// <summary>The date waivers expire against; null for today (UTC).</summary>
        public DateTime? Today { get; set; }
    }
}
