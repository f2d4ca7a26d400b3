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
    /// <summary><c>governance lock</c>: the command, its options and what it does (its handler below).</summary>
    internal static class LockCommand
    {
        /// <summary>The command, its action setting <paramref name="exit"/>.</summary>
        public static Command Create(TextWriter stdout, TextWriter stderr, Action<int> exit)
        {
            var lockPath = new Argument<string>("path") { Description = "Repository root (default: the current folder).", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
            var lockConfig = new Option<string?>("--config") { Description = "Configuration file (default: governance.yml at the root)." };
            var lockCommand = new Command("lock", "Record the SHA-256 of every task packet locked by a USER_SIGNATURE in governance.lock.json (GOV607).") { lockPath, lockConfig };
            lockCommand.SetAction(result =>
            {
                int code = Lock(result.GetValue(lockPath) ?? ".", result.GetValue(lockConfig), stdout, stderr);
                exit(code);
                return code;
            });
            return lockCommand;
        }

        /// <summary>
        /// <c>governance lock [PATH]</c>: records every task packet locked by a USER_SIGNATURE in the
        /// lock manifest (documents.lockManifest, default governance.lock.json), keeping what it
        /// records already (seed 003 §5.6; GOV607). Exit 0, or 1 when a recorded packet has changed
        /// since its lock (its entry is kept), or 2 for bad arguments or a manifest that cannot be written.
        /// </summary>
        private static int Lock(string root, string? configFile, TextWriter stdout, TextWriter stderr)
        {
            if (!Directory.Exists(root))
            {
                stderr.WriteLine($"governance: PATH '{root}' is not a readable folder");
                return UsageError;
            }

            root = Path.GetFullPath(root);
            var options = new AnalysisOptions();
            if (!(Scan(root, configFile, options, stderr, out var tree) is List<DocumentInput> documents)) return UsageError;
            var result = GovernanceEngine.Analyze(documents, options);

            string manifestPath = result.Config.Documents.LockManifest.Include.FirstOrDefault(p => p.IndexOfAny(new[] { '*', '?', '[', '{' }) < 0) ?? "governance.lock.json";
            string? relative = DocumentInput.ResolveInside(manifestPath);
            if (relative == null)
            {
                stderr.WriteLine($"governance: documents.lockManifest '{manifestPath}' is outside the repository");
                return UsageError;
            }

            if (RepositoryScanner.WriteRefusal(tree!, relative) is string refusal)
            {
                stderr.WriteLine($"governance: will not write {relative}: it {refusal}; remove it first");
                return UsageError;
            }

            var manifestInput = documents.FirstOrDefault(d => d.Path == relative);
            if (manifestInput != null && manifestInput.Text == null)
            {
                stderr.WriteLine($"governance: cannot read {relative}: {manifestInput.UnreadableReason}");
                return UsageError;
            }

            Model.Locks.LockManifest? existing = null;
            if (manifestInput?.Text != null)
            {
                var state = Model.State.StateDocument.Read(relative, Model.State.StateKind.LockManifest, manifestInput.Text, result.Config.Limits.MaxJsonDepth);
                if (state.Problems.Count > 0)
                {
                    stderr.WriteLine($"governance: {relative} is not a valid lock manifest ({state.Problems[0].Message}); fix or delete it first");
                    return UsageError;
                }

                existing = Model.Locks.LockManifest.From(state.Root);
            }

            var update = Model.Locks.LockManifest.Update(result.Packets, result.Profile, result.Config.Locks, existing);
            if (SafeFile.Write(Path.Combine(root, relative), update.Json, bom: false, manifestInput?.Text) is string failure)
            {
                stderr.WriteLine($"governance: cannot write {relative}: {failure}");
                return UsageError;
            }

            stdout.WriteLine($"{relative}: {update.Added.Count} locked packet(s) recorded, {update.Kept} kept");
            foreach (var path in update.Added) stdout.WriteLine("  recorded " + path);
            foreach (var path in update.Changed) stdout.WriteLine("  changed since its lock (GOV607, entry kept): " + path);
            return update.Changed.Count > 0 ? 1 : 0;
        }
    }
}
