using System.Collections.Generic;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Model;
using Orchestrator.Governance.Text;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Index;

namespace Orchestrator.Governance.Rules
{
    /// <summary>What a rule sees while it analyzes one task packet, and where it reports.</summary>
    public sealed class RuleContext
    {
        private readonly List<GovernanceDiagnostic> _sink;
        private readonly RuleDescriptor _descriptor;

        private readonly RepoIndex _index;

        internal RuleContext(TaskPacket packet, TaskPacketProfile profile, RepoIndex index, List<GovernanceDiagnostic> sink, RuleDescriptor descriptor)
        {
            Packet = packet;
            Profile = profile;
            _index = index;
            _sink = sink;
            _descriptor = descriptor;
        }

        /// <summary>The packet being analyzed.</summary>
        public TaskPacket Packet { get; }

        /// <summary>The compiled task packet profile.</summary>
        public TaskPacketProfile Profile { get; }

        /// <summary>
        /// Cross-document facts, built once per analysis. A rule that reads them runs again in every
        /// analysis; one that reads only <see cref="Packet"/>, <see cref="Profile"/>, <see cref="Spec"/>,
        /// <see cref="Files"/>, <see cref="InScope"/> and <see cref="Scope"/> has its diagnostics reused while they are unchanged
        /// (the engine's AnalysisCache).
        /// </summary>
        public RepoIndex Index
        {
            get
            {
                ReadIndex = true;
                return _index;
            }
        }

        /// <summary>The current spec and the packets' anchors resolved against it (the index's <see cref="RepoIndex.Spec"/>).</summary>
        public Model.Spec.SpecContext Spec => _index.Spec;

        /// <summary>The repository's files, when the host listed them (<see cref="RepoIndex.Files"/>).</summary>
        public Model.Scope.RepositoryFiles? Files => _index.Files;

        /// <summary>The packet's IN_SCOPE_PATHS entries, read against <see cref="Files"/> (<see cref="RepoIndex.InScopeOf"/>).</summary>
        public IReadOnlyList<Model.Scope.ScopeEntry> InScope => _index.InScopeOf(Packet);

        /// <summary>The scope configuration (governance.yml <c>scope</c>).</summary>
        public ScopeConfig Scope => _index.Scope;

        /// <summary>Whether the rule read <see cref="Index"/> (its diagnostics then depend on other documents).</summary>
        internal bool ReadIndex { get; private set; }

        /// <summary>Reports the rule's diagnostic at <paramref name="span"/> with message arguments.</summary>
        public void Report(SourceSpan span, params string[] arguments) =>
            _sink.Add(new GovernanceDiagnostic(_descriptor, Packet.Path, span, _descriptor.DefaultSeverity, arguments));

        /// <summary>Reports the rule's diagnostic with a fix of the packet's text (offsets into <see cref="TaskPacket"/>'s text).</summary>
        public void Report(SourceSpan span, GovernanceFix fix, params string[] arguments) =>
            _sink.Add(new GovernanceDiagnostic(_descriptor, Packet.Path, span, _descriptor.DefaultSeverity, arguments).WithFixes(new[] { fix }));
    }

    /// <summary>
    /// A rule over task packets: one class per rule, one file per class, named after what it checks.
    /// Rules read the typed model (<see cref="TaskPacket"/>), never raw text, and must not keep
    /// state between calls: the engine may run them on several packets at once.
    /// </summary>
    public abstract class TaskPacketRule
    {
        /// <summary>The rule's descriptor: the static <c>Rule</c> field declared beside the rule's code.</summary>
        public abstract RuleDescriptor Descriptor { get; }

        /// <summary>Analyzes one packet, reporting through <paramref name="context"/>.</summary>
        public abstract void Analyze(RuleContext context);
    }

}

namespace Orchestrator.Governance.Rules
{
    /// <summary>What a repository-level rule sees (the spec, the pointer, all packets) and where it reports.</summary>
    public sealed class RepositoryRuleContext
    {
        private readonly List<GovernanceDiagnostic> _sink;
        private readonly RuleDescriptor _descriptor;

        internal RepositoryRuleContext(RepoIndex index, TaskPacketProfile profile, List<GovernanceDiagnostic> sink, RuleDescriptor descriptor)
        {
            Index = index;
            Profile = profile;
            _sink = sink;
            _descriptor = descriptor;
        }

        /// <summary>Cross-document facts.</summary>
        public RepoIndex Index { get; }

        /// <summary>The compiled task packet profile.</summary>
        public TaskPacketProfile Profile { get; }

        /// <summary>Reports the rule's diagnostic in the document at <paramref name="path"/>.</summary>
        public void Report(string path, SourceSpan span, params string[] arguments) =>
            _sink.Add(new GovernanceDiagnostic(_descriptor, path, span, _descriptor.DefaultSeverity, arguments));

        /// <summary>Reports the rule's diagnostic with fixes (their edits may be in other documents).</summary>
        public void Report(string path, SourceSpan span, IReadOnlyList<GovernanceFix> fixes, params string[] arguments) =>
            _sink.Add(new GovernanceDiagnostic(_descriptor, path, span, _descriptor.DefaultSeverity, arguments).WithFixes(fixes));
    }

    /// <summary>A rule over the repository as a whole (the spec, SPEC_CURRENT.md), run once per analysis.</summary>
    public abstract class RepositoryRule
    {
        /// <summary>The rule's descriptor: the static <c>Rule</c> field declared beside the rule's code.</summary>
        public abstract RuleDescriptor Descriptor { get; }

        /// <summary>Analyzes the repository, reporting through <paramref name="context"/>.</summary>
        public abstract void Analyze(RepositoryRuleContext context);
    }

    /// <summary>What a state file rule sees: one parsed state file of its kind, and where it reports.</summary>
    public sealed class StateRuleContext
    {
        private readonly List<GovernanceDiagnostic> _sink;
        private readonly RuleDescriptor _descriptor;

        internal StateRuleContext(Model.State.StateDocument document, GovernanceConfig config, Text.StringSet? repositoryFiles, List<GovernanceDiagnostic> sink, RuleDescriptor descriptor)
        {
            RepositoryFiles = repositoryFiles;
            Document = document;
            Config = config;
            _sink = sink;
            _descriptor = descriptor;
        }

        /// <summary>The state file; its <see cref="Model.State.StateDocument.Root"/> is not null.</summary>
        public Model.State.StateDocument Document { get; }

        /// <summary>The effective configuration (state.*).</summary>
        public GovernanceConfig Config { get; }

        /// <summary>Every file of the repository (ordinal), or null when the host did not hand the list over.</summary>
        public Text.StringSet? RepositoryFiles { get; }

        /// <summary>Reports the rule's diagnostic at a JSON token.</summary>
        public void Report(Newtonsoft.Json.Linq.JToken token, params string[] arguments) =>
            _sink.Add(new GovernanceDiagnostic(_descriptor, Document.Path, Document.SpanOf(token), _descriptor.DefaultSeverity, arguments));
    }

    /// <summary>A rule over one kind of orchestration state file (seeds 000, 002, 004). One class per rule, one file per class.</summary>
    public abstract class StateFileRule
    {
        /// <summary>The rule's descriptor: the static <c>Rule</c> field declared beside the rule's code.</summary>
        public abstract RuleDescriptor Descriptor { get; }

        /// <summary>The kind of state file the rule reads.</summary>
        public abstract Model.State.StateKind Kind { get; }

        /// <summary>Analyzes one state file whose JSON parsed (schema violations may remain), reporting through <paramref name="context"/>.</summary>
        public abstract void Analyze(StateRuleContext context);
    }

    /// <summary>What a metadata header rule sees: one file that headers.include names, its comment style, and the header's first problem.</summary>
    public sealed class HeaderRuleContext
    {
        private readonly List<GovernanceDiagnostic> _sink;
        private readonly RuleDescriptor _descriptor;

        internal HeaderRuleContext(Documents.TextDocument document, Model.Headers.CommentStyle style, Model.Headers.HeaderProblem? problem, HeadersConfig headers, List<GovernanceDiagnostic> sink, RuleDescriptor descriptor)
        {
            Document = document;
            Style = style;
            Problem = problem;
            Headers = headers;
            _sink = sink;
            _descriptor = descriptor;
        }

        /// <summary>headers: of governance.yml (the phase and status a written header takes).</summary>
        public HeadersConfig Headers { get; }

        /// <summary>
        /// The fix that writes the header (seed 000 §3): the two lines at the top, keeping the
        /// description, phase and status the file has, the file's name as description otherwise, and
        /// headers.phase and headers.status; null when those are not configured. The C# code fix
        /// writes the same edit (<see cref="Model.Headers.MetadataHeader.Repair"/>).
        /// </summary>
        public GovernanceFix? WriteHeaderFix()
        {
            string name = System.IO.Path.GetFileNameWithoutExtension(Document.Path);
            var edit = Model.Headers.MetadataHeader.Repair(Document.Text, Style, name, Headers.Phase, Headers.Status);
            return edit == null ? null : new GovernanceFix("Write the metadata header", new[] { new TextEdit(Document.Path, edit.Start, edit.Length, edit.NewText) });
        }

        /// <summary>The file (text and line map).</summary>
        public Documents.TextDocument Document { get; }

        /// <summary>The file type's comment syntax.</summary>
        public Model.Headers.CommentStyle Style { get; }

        /// <summary>The header's first problem (<see cref="Model.Headers.MetadataHeader.Check"/>), or null when it is well formed.</summary>
        public Model.Headers.HeaderProblem? Problem { get; }

        /// <summary>Reports the rule's diagnostic at [<paramref name="start"/>, +<paramref name="length"/>).</summary>
        public void Report(int start, int length, params string[] arguments) =>
            _sink.Add(new GovernanceDiagnostic(_descriptor, Document.Path, Document.Span(start, length), _descriptor.DefaultSeverity, arguments));

        /// <summary>Reports with a fix (none when <paramref name="fix"/> is null).</summary>
        public void Report(int start, int length, GovernanceFix? fix, params string[] arguments) =>
            _sink.Add(new GovernanceDiagnostic(_descriptor, Document.Path, Document.Span(start, length), _descriptor.DefaultSeverity, arguments, fix == null ? null : new[] { fix }));
    }

    /// <summary>A metadata header rule (GOV4xx, seed 000 §3). One class per rule, one file per class.</summary>
    public abstract class HeaderRule
    {
        /// <summary>The rule's descriptor: the static <c>Rule</c> field declared beside the rule's code.</summary>
        public abstract RuleDescriptor Descriptor { get; }

        /// <summary>Analyzes one file, reporting through <paramref name="context"/>.</summary>
        public abstract void Analyze(HeaderRuleContext context);
    }
}
