using System;
using System.CommandLine;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Hosting;
using static Orchestrator.Governance.Cli.Program;

namespace Orchestrator.Governance.Cli.Commands
{
    /// <summary><c>governance fix</c>: the command, its options and what it does (its handler below).</summary>
    internal static class FixCommand
    {
        /// <summary>The command, its action setting <paramref name="exit"/>.</summary>
        public static Command Create(TextWriter stdout, TextWriter stderr, Action<int> exit)
        {
            var fixPath = new Argument<string>("path") { Description = "Repository root (default: the current folder).", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
            var fixConfig = new Option<string?>("--config") { Description = "Configuration file (default: governance.yml at the root)." };
            var fixRule = new Option<string?>("--rule") { Description = "Fix only this rule's diagnostics, e.g. GOV107." };
            var fixSuppress = new Option<bool>("--suppress") { Description = "Where a diagnostic has no fix of its own, insert the comment that suppresses it on its line." };
            var dryRun = new Option<bool>("--dry-run") { Description = "Print the changes as a unified diff; write nothing." };
            var fixToday = new Option<string?>("--today") { Description = "The date waivers expire against, YYYY-MM-DD (default: today, UTC)." };
            var fixCommand = new Command("fix", "Apply the fixes the engine computes for the reported diagnostics (not the baselined ones), then check again.") { fixPath, fixConfig, fixRule, fixSuppress, dryRun, fixToday };
            fixCommand.SetAction(result =>
            {
                int code = Fix(result.GetValue(fixPath) ?? ".", result.GetValue(fixConfig), result.GetValue(fixRule), result.GetValue(fixSuppress), result.GetValue(dryRun), result.GetValue(fixToday), stdout, stderr);
                exit(code);
                return code;
            });
            return fixCommand;
        }

        /// <summary>
        /// <c>governance fix [PATH]</c>: applies one fix a reported diagnostic (its rule's own; with
        /// --suppress, else the inline comment), never two overlapping edits, each file written whole
        /// through a temporary file beside it and a rename; then checks again and prints the summary.
        /// A file that is not valid UTF-8 or is UTF-16, or that the walk refuses, is left as it is.
        /// --dry-run prints the unified diff instead. Exit 0 when no error remains, 1 when one does,
        /// 2 for bad arguments or a file that cannot be written.
        /// </summary>
        private static int Fix(string root, string? configFile, string? rule, bool suppress, bool dryRun, string? today, TextWriter stdout, TextWriter stderr)
        {
            if (!Directory.Exists(root))
            {
                stderr.WriteLine($"governance: PATH '{root}' is not a readable folder");
                return UsageError;
            }

            if (rule != null && Rules.RuleCatalog.Find(rule.ToUpperInvariant()) == null)
            {
                stderr.WriteLine($"governance: --rule '{rule}' names no governance rule");
                return UsageError;
            }

            root = Path.GetFullPath(root);
            var options = new AnalysisOptions();
            if (!SetToday(options, today, stderr)) return UsageError;
            if (!(Scan(root, configFile, options, stderr, out var tree) is List<DocumentInput> documents)) return UsageError;
            var result = GovernanceEngine.Analyze(documents, options);
            var fixes = FixApplier.Choose(result.Diagnostics, rule, suppress);
            var byPath = documents.GroupBy(d => d.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            int applied = 0, files = 0;
            foreach (var group in fixes.SelectMany(f => f.Edits).GroupBy(e => e.Path, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                string path = group.Key;
                byPath.TryGetValue(path, out var input);
                string? leave = FixWriter.Refusal(tree!, root, path, input, out string full, out bool bom);
                if (leave != null || input?.Text == null)
                {
                    stderr.WriteLine(Reports.ConsoleText.Safe(leave == "it is UTF-16" ? $"governance: {path} is left as it is (UTF-16)" : $"governance: {path} is left as it is: {leave}"));
                    continue;
                }

                var edits = group.ToList();
                string changed = FixApplier.Apply(input.Text, edits);
                var inFile = fixes.Where(f => f.Edits.Any(e => e.Path == path)).ToList();
                if (dryRun)
                {
                    applied += inFile.Count;
                    files++;
                    stdout.Write(Reports.ConsoleText.Safe(FixApplier.UnifiedDiff(path, input.Text, edits)));
                    continue;
                }

                // Written only while the file holds what was analysed: an editor's save or another
                // run's fix made meanwhile is kept, and this file is left for the next run.
                if (FixWriter.Write(full, changed, bom, input.Text) is string failure)
                {
                    if (failure == SafeFile.ChangedSinceRead)
                    {
                        stderr.WriteLine(Reports.ConsoleText.Safe($"governance: {path} is left as it is: {failure}"));
                        continue;
                    }

                    stderr.WriteLine($"governance: cannot write {path}: {failure}");
                    return UsageError;
                }

                applied += inFile.Count;
                files++;
                var lines = new Text.LineMap(input.Text);
                foreach (var f in inFile) stdout.WriteLine(Reports.ConsoleText.Safe($"{GovernanceDiagnostic.PrintablePath(path)}({lines.GetPosition(f.Edits.First(e => e.Path == path).Start).Line}): {f.Title}"));
            }

            if (dryRun)
            {
                stdout.WriteLine($"{applied} fix(es) in {files} file(s) would be applied (--dry-run: nothing written).");
                return 0;
            }

            // Check again, as the files now are.
            var after = new AnalysisOptions { Today = options.Today };
            if (!(Scan(root, configFile, after, stderr) is List<DocumentInput> again)) return UsageError;
            var now = GovernanceEngine.Analyze(again, after);
            int errors = now.Diagnostics.Count(d => d.Severity == Diagnostics.GovernanceSeverity.Error);
            int warnings = now.Diagnostics.Count(d => d.Severity == Diagnostics.GovernanceSeverity.Warning);
            stdout.WriteLine($"{applied} fix(es) applied in {files} file(s); {errors} error(s), {warnings} warning(s) remain.");
            return errors > 0 ? 1 : 0;
        }
    }
}
