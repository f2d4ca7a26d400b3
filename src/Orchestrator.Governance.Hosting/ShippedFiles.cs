using System;
using System.IO;

namespace Orchestrator.Governance.Hosting
{
    /// <summary>
    /// The files shipped beside the host's executable: the dotnet tool's folder and the native
    /// executable's hold <c>docs/rules/</c> (the rule pages, <see cref="RulePages"/>) and
    /// <c>schemas/governance.schema.json</c> (the configuration schema the engine validates
    /// against, embedded in it, as a file for editors that validate YAML as it is typed:
    /// yaml-language-server's <c># yaml-language-server: $schema=...</c> line, which
    /// <c>governance init</c> writes).
    /// </summary>
    public static class ShippedFiles
    {
        /// <summary>The folder of the rule pages beside the executable (absolute), or null when it is not there.</summary>
        public static string? RulePagesFolder() => Existing(Path.Combine("docs", "rules"), directory: true);

        /// <summary>The configuration schema beside the executable (absolute), or null when it is not there.</summary>
        public static string? ConfigurationSchema() => Existing(Path.Combine("schemas", "governance.schema.json"), directory: false);

        private static string? Existing(string relative, bool directory)
        {
            string path = Path.Combine(AppContext.BaseDirectory, relative);
            return (directory ? Directory.Exists(path) : File.Exists(path)) ? path : null;
        }
    }
}
