using System;
using System.CommandLine;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Hosting;
using static Orchestrator.Governance.Cli.Program;

namespace Orchestrator.Governance.Cli.Commands
{
    /// <summary><c>governance baseline</c>: the command, its options and what it does (its handler below).</summary>
    internal static class BaselineCommand
    {
        /// <summary>The command, its action setting <paramref name="exit"/>.</summary>
        public static Command Create(TextWriter stdout, TextWriter stderr, Action<int> exit)
        {
            var baselinePathArgument = new Argument<string>("path") { Description = "Repository root (default: the current folder).", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
            var baselineConfig = new Option<string?>("--config") { Description = "Configuration file (default: governance.yml at the root)." };
            var prune = new Option<bool>("--prune") { Description = "Only remove entries (or lower counts) that no longer match a diagnostic; never add one." };
            var baselineToday = new Option<string?>("--today") { Description = "The date waivers expire against, YYYY-MM-DD (default: today, UTC)." };
            var baselineCommand = new Command("baseline", "Record the current diagnostics in governance.baseline.json, so that only new ones are reported from then on.") { baselinePathArgument, baselineConfig, prune, baselineToday };
            baselineCommand.SetAction(result =>
            {
                int code = WriteBaseline(result.GetValue(baselinePathArgument) ?? ".", result.GetValue(baselineConfig), result.GetValue(prune), result.GetValue(baselineToday), stdout, stderr);
                exit(code);
                return code;
            });
            return baselineCommand;
        }

        /// <summary>
        /// <c>governance baseline [PATH] [--prune]</c>: writes governance.baseline.json at the root
        /// with every current diagnostic (an analysis that ignores the existing baseline), or, with
        /// --prune, the existing entries lowered to what still matches and nothing added. Exit 0, or
        /// 2 for bad arguments, a baseline that --prune cannot read, or a file that cannot be written.
        /// </summary>
        internal static int WriteBaseline(string root, string? configFile, bool prune, string? today, TextWriter stdout, TextWriter stderr)
        {
            if (!Directory.Exists(root))
            {
                stderr.WriteLine($"governance: PATH '{root}' is not a readable folder");
                return UsageError;
            }

            root = Path.GetFullPath(root);
            var options = new AnalysisOptions { ApplyBaseline = false };
            if (!SetToday(options, today, stderr)) return UsageError;
            if (!(Scan(root, configFile, options, stderr, out var tree) is List<DocumentInput> documents)) return UsageError;
            string relative = options.BaselinePath;
            if (RepositoryScanner.WriteRefusal(tree!, relative) is string refusal)
            {
                stderr.WriteLine($"governance: will not write {relative}: it {refusal}; remove it first");
                return UsageError;
            }

            var result = GovernanceEngine.Analyze(documents, options);

            var existingInput = documents.FirstOrDefault(d => d.Path == relative);
            Baseline.GovernanceBaseline? existing = null;
            if (existingInput != null)
            {
                if (existingInput.Text == null && prune)
                {
                    stderr.WriteLine($"governance: cannot read {relative}: {existingInput.UnreadableReason}");
                    return UsageError;
                }

                if (existingInput.Text != null)
                {
                    existing = Baseline.GovernanceBaseline.Read(relative, existingInput.Text, result.Config.Limits.MaxJsonDepth, out var problems);
                    if (existing == null && prune)
                    {
                        var first = problems.FirstOrDefault();
                        stderr.WriteLine($"governance: {relative} is not a valid baseline{(first == null ? string.Empty : $" ({first.Span.StartLine},{first.Span.StartColumn}: {first.Message})")}; run 'governance baseline' without --prune to write a new one");
                        return UsageError;
                    }
                }
            }

            if (prune && existing == null)
            {
                stderr.WriteLine($"governance: there is no {relative} to prune; run 'governance baseline' to write one");
                return UsageError;
            }

            var entries = prune ? Baseline.GovernanceBaseline.Prune(existing!, result.Diagnostics) : Baseline.GovernanceBaseline.Record(result.Diagnostics);
            string text = Baseline.GovernanceBaseline.Write(entries, existing?.Comment);
            if (SafeFile.Write(Path.Combine(root, relative), text, bom: false, existingInput?.Text) is string failure)
            {
                stderr.WriteLine($"governance: cannot write {relative}: {failure}");
                return UsageError;
            }

            int recorded = entries.Sum(e => e.Count);
            int before = existing?.Entries.Sum(e => e.Count) ?? 0;
            stdout.WriteLine(prune
                ? $"{relative}: {entries.Count} entr{(entries.Count == 1 ? "y" : "ies")} for {recorded} diagnostic(s) kept, {before - recorded} removed"
                : $"{relative}: {entries.Count} entr{(entries.Count == 1 ? "y" : "ies")} for {recorded} diagnostic(s) recorded ({result.Diagnostics.Count(d => d.Severity == Diagnostics.GovernanceSeverity.Error)} error(s), {result.Diagnostics.Count(d => d.Severity == Diagnostics.GovernanceSeverity.Warning)} warning(s))");
            return 0;
        }
    }
}
