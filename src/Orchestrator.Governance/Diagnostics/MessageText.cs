namespace Orchestrator.Governance.Diagnostics
{
    /// <summary>How rules quote a document's text in a message.</summary>
    internal static class MessageText
    {
        /// <summary>At most 80 characters of <paramref name="text"/>: longer text is cut to 77 and "..." added.</summary>
        public static string Short(string text) => text.Length <= 80 ? text : text.Substring(0, 77) + "...";
    }
}
