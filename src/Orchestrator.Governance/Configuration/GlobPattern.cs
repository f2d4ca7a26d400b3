using System;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Orchestrator.Governance.Configuration
{
    /// <summary>
    /// Whether a glob (Microsoft.Extensions.FileSystemGlobbing syntax, repository-relative, '/'
    /// separators) can be used: every glob the configuration or a packet gives is checked here
    /// before a matcher is built, so a bad one is a diagnostic (GOV001 in governance.yml) and never
    /// an exception.
    /// </summary>
    public static class GlobPattern
    {
        /// <summary>
        /// Null when <paramref name="glob"/> can be matched; otherwise why not, as a phrase
        /// ("it has a '..' segment; ..."). A '..' segment is refused anywhere: globs are relative to
        /// the repository root and stay inside it (the globbing library also throws on one after
        /// the first segment).
        /// </summary>
        public static string? Problem(string glob)
        {
            if (glob == null) return "it is empty";
            foreach (var segment in glob.Replace('\\', '/').Split('/'))
            {
                if (segment == "..") return "it has a '..' segment; globs are relative to the repository root and cannot leave it";
            }

            try
            {
                new Matcher(StringComparison.Ordinal).AddInclude(glob);
                return null;
            }
            catch (ArgumentException e)
            {
                return "the globbing library refuses it: " + e.Message;
            }
        }
    }
}
