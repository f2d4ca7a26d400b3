using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Orchestrator.Governance.Hosting;
using static Orchestrator.Governance.Cli.Program;

namespace Orchestrator.Governance.Cli.Commands
{
    /// <summary><c>governance explain</c>: the command, its options and what it does (its handler below).</summary>
    internal static class ExplainCommand
    {
        /// <summary>The command, its action setting <paramref name="exit"/>.</summary>
        public static Command Create(TextWriter stdout, TextWriter stderr, Action<int> exit)
        {
            // `governance explain GOVnnn`: a rule's page in the terminal (docs/rules/GOVnnn.md, shipped beside the tool).
            var explainRule = new Argument<string>("rule") { Description = "A rule ID, e.g. GOV107." };
            var explainCommand = new Command("explain", "Print a rule's page: what it checks, why (the protocol section it comes from), how to fix and suppress it.") { explainRule };
            explainCommand.SetAction(result =>
            {
                int code = Explain(result.GetValue(explainRule) ?? string.Empty, stdout, stderr);
                exit(code);
                return code;
            });
            return explainCommand;
        }

        /// <summary>
        /// <c>governance explain GOVnnn</c>: the rule's page (Markdown, as shipped beside the tool in
        /// docs/rules/) on stdout, exit 0; without the page, the rule catalog's facts (title,
        /// description, source, default severity, message) and where the page would be. An ID that
        /// names no rule: one line on stderr, exit 2.
        /// </summary>
        private static int Explain(string id, TextWriter stdout, TextWriter stderr)
        {
            string wanted = id.Trim().ToUpperInvariant();
            var rule = Rules.RuleCatalog.Find(wanted);
            if (rule == null)
            {
                string shown = new string(wanted.Take(40).Where(c => !char.IsControl(c)).ToArray());
                stderr.WriteLine($"governance: '{shown}' names no governance rule; rule IDs are GOV and three digits, e.g. GOV107 (governance check prints them with each diagnostic)");
                return UsageError;
            }

            string? page = RulePages.Read(rule.Id);
            if (page != null)
            {
                stdout.Write(page);
                if (!page.EndsWith("\n", StringComparison.Ordinal)) stdout.WriteLine();
                return 0;
            }

            stdout.WriteLine($"# {rule.Id}: {rule.Title}");
            stdout.WriteLine();
            stdout.WriteLine(rule.Description);
            stdout.WriteLine();
            stdout.WriteLine($"Source: {rule.Source}. Default severity: {rule.DefaultSeverity.ToString().ToLowerInvariant()}. Message: {rule.MessageFormat}");
            stdout.WriteLine();
            stdout.WriteLine($"(The rule's page, docs/rules/{rule.Id}.md, is not installed beside this tool.)");
            return 0;
        }
    }
}
