namespace Orchestrator.Governance.Engine.Queries
{
    /// <summary>How the queries quote a text in an answer or an error: at most 80 characters, the last three "..." when cut.</summary>
    public static class QueryText
    {
        /// <summary><paramref name="text"/> cut to 80 characters, the last three "..." when cut.</summary>
        public static string Clip(string text) => text.Length <= 80 ? text : text.Substring(0, 77) + "...";
    }
}
