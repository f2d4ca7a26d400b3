using System;
using System.IO;

namespace Orchestrator.Governance.Hosting
{
    /// <summary>
    /// The rule pages (docs/rules/GOVnnn.md, one a rule: what it checks, why, how to fix and suppress
    /// it) shipped beside the host's executable: the dotnet tool and the native executable carry them
    /// in <c>docs/rules/</c> of their folder. What <c>governance explain</c>, the SARIF report, the
    /// MCP server's <c>explain_rule</c> and the language server's links read.
    /// </summary>
    public static class RulePages
    {
        /// <summary>The folder of the pages beside the executable (absolute), or null when it is not there (<see cref="ShippedFiles"/>).</summary>
        public static string? Folder() => ShippedFiles.RulePagesFolder();

        /// <summary>
        /// The page of rule <paramref name="id"/> (GOV107) as written, or null when no page of that
        /// name is shipped or it cannot be read. Only IDs of letters and digits are looked up.
        /// </summary>
        public static string? Read(string id)
        {
            if (string.IsNullOrEmpty(id) || !IsPlainId(id) || !(Folder() is string folder)) return null;
            string path = Path.Combine(folder, id + ".md");
            try
            {
                return File.Exists(path) ? File.ReadAllText(path) : null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return null;
            }
        }

        private static bool IsPlainId(string id)
        {
            foreach (char c in id)
            {
                if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) return false;
            }

            return true;
        }
    }
}
