using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using System.Linq;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Rules.Headers;

namespace Orchestrator.Governance.CodeFixes
{
    /// <summary>
    /// Fixes GOV401 and GOV402 in C# files with the engine's fix (seed 000 §3): the edit the header
    /// rules computed (<see cref="GOV401MetadataHeaderMissing"/>: the two lines at the top, keeping
    /// the description, numeric phase and status the file has, the file's name, headers.phase and
    /// headers.status otherwise), which the analyzer carries in the diagnostic's properties
    /// (<see cref="FixProperties"/>) and this provider applies as given. Offered only when the
    /// diagnostic carries a fix (a phase and a status are configured). Fix All works in a document, a
    /// project or the solution (Roslyn's batch fixer: one edit per file).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MetadataHeaderCodeFixProvider))]
    [Shared]
    public sealed class MetadataHeaderCodeFixProvider : CodeFixProvider
    {
        /// <summary>The code action's equivalence key (its title is the fix's own).</summary>
        public const string Title = "Write the metadata header";

        /// <inheritdoc />
        /// <remarks>The header rules of the engine's catalog (GOV401, GOV402): whatever fix they carry is applied.</remarks>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = Orchestrator.Governance.Rules.RuleCatalog.HeaderRules.Select(r => r.Descriptor.Id).ToImmutableArray();

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var text = await context.Document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                var fix = FixOf(text, diagnostic);
                if (fix == null) continue;
                context.RegisterCodeFix(
                    CodeAction.Create(fix.Title, cancellation => FixAsync(context.Document, diagnostic, cancellation), equivalenceKey: Title),
                    diagnostic);
            }
        }

        private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellation)
        {
            var text = await document.GetTextAsync(cancellation).ConfigureAwait(false);
            var fix = FixOf(text, diagnostic);
            if (fix == null) return document;
            return document.WithText(text.WithChanges(fix.Edits.Select(e => new TextChange(new TextSpan(e.Start, e.Length), e.NewText))));
        }

        private static GovernanceFix? FixOf(SourceText text, Diagnostic diagnostic) =>
            FixProperties.Read(diagnostic.Properties, diagnostic.Location.SourceTree?.FilePath ?? string.Empty, text.Length);
    }
}
