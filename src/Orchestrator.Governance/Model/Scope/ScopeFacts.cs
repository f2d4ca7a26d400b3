using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Orchestrator.Governance.Model.Scope
{
    /// <summary>A packet's IN_SCOPE_PATHS entries (seed 003 §5.3); the index reads them once per packet for GOV501-GOV505.</summary>
    public static class ScopeFacts
    {
        /// <summary>
        /// The IN_SCOPE_PATHS entries of <paramref name="packet"/> (empty without the field), read
        /// against the repository's files when the host handed them over, with
        /// <paramref name="newMarkers"/> (scope.newMarkers, regular expressions matched
        /// case-insensitively against an entry's annotation).
        /// </summary>
        public static IReadOnlyList<ScopeEntry> InScope(TaskPacket packet, TaskPacketProfile profile, RepositoryFiles? files, IEnumerable<string> newMarkers)
        {
            var field = profile.FieldOf(packet, "IN_SCOPE_PATHS");
            if (field == null) return new ScopeEntry[0];
            return ScopeEntry.Read(field, packet, files, NewMarkerTest(newMarkers));
        }

        /// <summary>
        /// Whether a text carries one of <paramref name="newMarkers"/> (scope.newMarkers, regular
        /// expressions matched case-insensitively; a match that times out is no match).
        /// </summary>
        public static System.Func<string, bool> NewMarkerTest(IEnumerable<string> newMarkers)
        {
            var markers = newMarkers.Select(m => TaskPacketProfile.Pattern(m, RegexOptions.IgnoreCase)).ToList();
            return text => markers.Any(m => IsMatch(m, text));
        }

        private static bool IsMatch(Regex regex, string text)
        {
            try
            {
                return regex.IsMatch(text);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }
    }
}
