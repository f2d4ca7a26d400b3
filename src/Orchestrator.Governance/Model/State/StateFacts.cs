using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Orchestrator.Governance.Model.State
{
    /// <summary>Lenient readers the state file rules share: a file that breaks its schema still gets the checks that make sense on what is there.</summary>
    internal static class StateFacts
    {
        /// <summary>A string or integer token as text, else null.</summary>
        public static string? Scalar(JToken? token) => token?.Type switch
        {
            JTokenType.String => (string?)token,
            JTokenType.Integer => ((JValue)token).Value is object v ? System.Convert.ToString(v, CultureInfo.InvariantCulture) : null,
            _ => null,
        };

        /// <summary>The objects of an array property, with their index; nothing when it is not an array.</summary>
        public static IEnumerable<(int Index, JObject Item)> Objects(JToken? root, string property)
        {
            if (!(root is JObject obj) || !(obj[property] is JArray array)) yield break;
            for (int i = 0; i < array.Count; i++)
            {
                if (array[i] is JObject item) yield return (i, item);
            }
        }

        /// <summary>A plan task's label for messages: its id, else its index.</summary>
        public static string Label(JObject task, int index) => Scalar(task["id"]) is string id ? "'" + id + "'" : index.ToString(CultureInfo.InvariantCulture);

        /// <summary>Whether a status is one of the configured values (ordinal, case-insensitive).</summary>
        public static bool IsOneOf(string? status, IEnumerable<string> values) =>
            status != null && values.Any(v => string.Equals(v, status, System.StringComparison.OrdinalIgnoreCase));
    }
}
