using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using Orchestrator.Governance.Model.Headers;

namespace Orchestrator.Governance.CodeFixes
{
    /// <summary>
    /// Fixes GOV401 and GOV402 in C# files: writes the two-line metadata header at the top,
    /// keeping the description, numeric phase and status the file already has and taking the rest
    /// from the diagnostic (the file's name, headers.phase and headers.status of governance.yml,
    /// which the analyzer puts there). Offered only when a phase and a status are known. Fix All
    /// works in a document, a project or the solution (Roslyn's batch fixer: one edit per file).
    /// Source: seed 000 §3.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MetadataHeaderCodeFixProvider))]
    [Shared]
    public sealed class MetadataHeaderCodeFixProvider : CodeFixProvider
    {
        /// <summary>The code action's title and equivalence key.</summary>
        public const string Title = "Write the metadata header";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("GOV401", "GOV402");

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var text = await context.Document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (Edit(text, diagnostic) == null) continue;
                context.RegisterCodeFix(
                    CodeAction.Create(Title, cancellation => FixAsync(context.Document, diagnostic, cancellation), equivalenceKey: Title),
                    diagnostic);
            }
        }

        private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellation)
        {
            var text = await document.GetTextAsync(cancellation).ConfigureAwait(false);
            var edit = Edit(text, diagnostic);
            if (edit == null) return document;
            return document.WithText(text.WithChanges(new TextChange(new TextSpan(edit.Start, edit.Length), edit.NewText)));
        }

        private static HeaderEdit? Edit(SourceText text, Diagnostic diagnostic)
        {
            diagnostic.Properties.TryGetValue(MetadataHeader.DescriptionProperty, out var description);
            diagnostic.Properties.TryGetValue(MetadataHeader.PhaseProperty, out var phase);
            diagnostic.Properties.TryGetValue(MetadataHeader.StatusProperty, out var status);
            return MetadataHeader.Repair(text.ToString(), CommentStyle.Slashes, description ?? string.Empty, phase, status);
        }
    }
}
