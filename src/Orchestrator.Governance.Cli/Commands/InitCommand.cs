using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Orchestrator.Governance.Configuration;
using Orchestrator.Governance.Hosting;
using static Orchestrator.Governance.Cli.Program;

namespace Orchestrator.Governance.Cli.Commands
{
    /// <summary><c>governance init</c>: the command, its options and what it does (its handler below).</summary>
    internal static class InitCommand
    {
        /// <summary>The command, its action setting <paramref name="exit"/>.</summary>
        public static Command Create(TextWriter stdout, TextWriter stderr, Action<int> exit)
        {
            // `governance init [PATH]`: a governance.yml from what the repository holds.
            var initPath = new Argument<string>("path") { Description = "Repository root (default: the current folder).", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
            var initForce = new Option<bool>("--force") { Description = "Replace a governance.yml that exists." };
            var initDryRun = new Option<bool>("--dry-run") { Description = "Print the configuration; write nothing." };
            var initBaseline = new Option<bool>("--baseline") { Description = "Then record the current findings in governance.baseline.json (governance baseline), so that only new ones fail the check." };
            var initCommand = new Command("init", "Write a governance.yml for the repository from what it holds: where its task packets are and in which form, the spec pointer, the board.") { initPath, initForce, initDryRun, initBaseline };
            initCommand.SetAction(result =>
            {
                int code = Init(result.GetValue(initPath) ?? ".", result.GetValue(initForce), result.GetValue(initDryRun), result.GetValue(initBaseline), stdout, stderr);
                exit(code);
                return code;
            });
            return initCommand;
        }

        /// <summary>
        /// <c>governance init [PATH]</c>: writes governance.yml at the root from what the repository
        /// holds (<see cref="ConfigurationDraft"/>), says what it found and what it left to the
        /// defaults; with <c>--baseline</c>, then records the current findings. Never replaces an
        /// existing governance.yml without <c>--force</c>. Exit 0; 2 for a PATH that is not a
        /// folder, a governance.yml that exists, or one that cannot be written.
        /// </summary>
        private static int Init(string root, bool force, bool dryRun, bool baseline, TextWriter stdout, TextWriter stderr)
        {
            if (!Directory.Exists(root))
            {
                stderr.WriteLine($"governance: PATH '{root}' is not a readable folder");
                return UsageError;
            }

            root = Path.GetFullPath(root);
            var tree = RepositoryTree.Walk(root);
            long maxBytes = ConfigLoader.Load(null, Rules.RuleCatalog.Exists, out _).Limits.MaxDocumentBytes;
            var draft = ConfigurationDraft.For(tree.Files.ToList(), path => tree.ReadDocument(path, maxBytes).Text, ShippedFiles.ConfigurationSchema());
            // The draft is checked as every governance.yml is: a problem here is a bug of init's.
            ConfigLoader.Load(draft.Yaml, Rules.RuleCatalog.Exists, out var problems);
            if (problems.Count > 0)
            {
                stderr.WriteLine($"governance: internal error: the configuration init drafted is invalid ({problems[0].Message})");
                return UsageError;
            }

            if (dryRun)
            {
                stdout.Write(draft.Yaml);
                return 0;
            }

            const string relative = "governance.yml";
            bool exists = File.Exists(Path.Combine(root, relative));
            if (exists && !force)
            {
                stderr.WriteLine($"governance: {relative} exists; --force replaces it (--dry-run prints what init would write)");
                return UsageError;
            }

            if (RepositoryScanner.WriteRefusal(tree, relative) is string refusal)
            {
                stderr.WriteLine($"governance: will not write {relative}: it {refusal}; remove it first");
                return UsageError;
            }

            foreach (var line in draft.Found) stdout.WriteLine("found: " + line);
            foreach (var line in draft.Assumed) stdout.WriteLine("assumed: " + line);
            string? before = exists ? tree.ReadDocument(relative, maxBytes).Text : null;
            if (SafeFile.Write(Path.Combine(root, relative), draft.Yaml, bom: false, before) is string failure)
            {
                stderr.WriteLine($"governance: cannot write {relative}: {failure}");
                return UsageError;
            }

            stdout.WriteLine($"{relative} written; {draft.WorkPackages} task packet(s) selected. Run 'governance check' to see the findings" + (baseline ? "; recording them now." : ", 'governance baseline' to accept them as they are."));
            return baseline ? BaselineCommand.WriteBaseline(root, null, prune: false, today: null, stdout, stderr) : 0;
        }
    }
}
