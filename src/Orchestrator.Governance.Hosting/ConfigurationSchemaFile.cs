using System;
using System.IO;

namespace Orchestrator.Governance.Hosting
{
    /// <summary>
    /// The JSON Schema of governance.yml (schemas/governance.schema.json, the one the engine
    /// validates against, embedded in it) as a file shipped beside the host's executable: the
    /// dotnet tool and the native executable carry it in <c>schemas/</c> of their folder, for
    /// editors that validate YAML as it is typed (yaml-language-server's
    /// <c># yaml-language-server: $schema=...</c> line, which <c>governance init</c> writes).
    /// </summary>
    public static class ConfigurationSchemaFile
    {
        /// <summary>The schema file beside the executable (absolute), or null when it is not there.</summary>
        public static string? Location()
        {
            string path = Path.Combine(AppContext.BaseDirectory, "schemas", "governance.schema.json");
            return File.Exists(path) ? path : null;
        }
    }
}
