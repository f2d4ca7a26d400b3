namespace Orchestrator.Governance.Diagnostics
{
    /// <summary>How serious a diagnostic is; the names follow Roslyn's and .editorconfig's.</summary>
    public enum GovernanceSeverity
    {
        /// <summary>The rule is off: nothing is reported.</summary>
        None = 0,

        /// <summary>Reported to tools, not shown to people (Roslyn "hidden", "silent").</summary>
        Hidden = 1,

        /// <summary>A suggestion (Roslyn "info", "suggestion").</summary>
        Info = 2,

        /// <summary>A warning; the build still succeeds.</summary>
        Warning = 3,

        /// <summary>An error; the build and the CLI fail.</summary>
        Error = 4,
    }

    /// <summary>Parses the severity names used in governance.yml and .globalconfig.</summary>
    public static class GovernanceSeverityNames
    {
        /// <summary>The names accepted in governance.yml, as the JSON Schema lists them.</summary>
        public static readonly string[] All = { "none", "silent", "hidden", "suggestion", "info", "warning", "error" };

        /// <summary>Parses a name (case-insensitive); false when it is not one of <see cref="All"/>.</summary>
        public static bool TryParse(string? name, out GovernanceSeverity severity)
        {
            switch ((name ?? string.Empty).Trim().ToLowerInvariant())
            {
                case "none": severity = GovernanceSeverity.None; return true;
                case "silent":
                case "hidden": severity = GovernanceSeverity.Hidden; return true;
                case "suggestion":
                case "info": severity = GovernanceSeverity.Info; return true;
                case "warning": severity = GovernanceSeverity.Warning; return true;
                case "error": severity = GovernanceSeverity.Error; return true;
                default: severity = GovernanceSeverity.None; return false;
            }
        }

        /// <summary>The lower-case name MSBuild and SARIF print: error, warning, info, hidden, none.</summary>
        public static string ToName(this GovernanceSeverity severity) => severity switch
        {
            GovernanceSeverity.Error => "error",
            GovernanceSeverity.Warning => "warning",
            GovernanceSeverity.Info => "info",
            GovernanceSeverity.Hidden => "hidden",
            _ => "none",
        };
    }
}
