using System;

namespace Orchestrator.Governance.Engine.Queries
{
    /// <summary>A question the query cannot answer as asked (an unknown WP ID, a status that does not close a packet), with what to ask instead.</summary>
    public sealed class QueryException : Exception
    {
        /// <summary>Creates the exception; <paramref name="message"/> is what the host shows.</summary>
        public QueryException(string message)
            : base(message)
        {
        }
    }
}
