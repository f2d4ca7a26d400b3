using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.FileSystemGlobbing;
using Orchestrator.Governance.Configuration;

namespace Orchestrator.Governance.Model.Scope
{
    /// <summary>
    /// What the scope gate (GOV505; seed 003 §5.3 [CX-603], [CX-600B]) allows a change to touch,
    /// given the packets whose work it carries: each packet's IN_SCOPE_PATHS files (a glob entry only
    /// where scope.allowGlobs; folders and prose never, GOV501), the packets themselves, the matches
    /// of scope.gate.exempt, and the files named (as their path or bare file name) in the Scope of a
    /// waiver of those packets that has not expired. One source for the CI gate and for the agents'
    /// scope_check tool.
    /// </summary>
    public sealed class ScopeGate
    {
        private const string Root = "/repository";
        private readonly HashSet<string> _allowed;
        private readonly Matcher _globs = new Matcher(StringComparison.Ordinal);
        private readonly bool _anyGlob;
        private readonly Matcher _exempt = new Matcher(StringComparison.Ordinal);
        private readonly Dictionary<string, PacketWaiver> _waived = new Dictionary<string, PacketWaiver>(StringComparer.Ordinal);

        /// <summary>
        /// The gate of <paramref name="packets"/>, their IN_SCOPE_PATHS entries read by
        /// <paramref name="inScopeOf"/>, under <paramref name="scope"/>, waivers expiring against
        /// <paramref name="today"/> (null: none has expired).
        /// </summary>
        public ScopeGate(IReadOnlyList<TaskPacket> packets, Func<TaskPacket, IEnumerable<ScopeEntry>> inScopeOf, ScopeConfig scope, DateTime? today)
        {
            _allowed = new HashSet<string>(packets.Select(p => p.Path), StringComparer.Ordinal);
            foreach (var packet in packets)
            {
                foreach (var entry in inScopeOf(packet))
                {
                    if (entry.Kind == ScopeEntryKind.File) _allowed.Add(entry.Path);
                    else if (entry.Kind == ScopeEntryKind.Glob && scope.AllowGlobs && Configuration.GlobPattern.Problem(entry.Path) == null)
                    {
                        _globs.AddInclude(entry.Path);
                        _anyGlob = true;
                    }
                }
            }

            _exempt.AddIncludePatterns(scope.Gate.Exempt);
            foreach (var waiver in packets.SelectMany(p => p.Waivers))
            {
                if (waiver.HasExpired(today)) continue;
                var words = waiver.Find("SCOPE");
                if (words == null) continue;
                foreach (var word in words.Value.Split(new[] { ' ', '\t', ',', ';' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    string w = word.Trim('`', '(', ')', '[', ']', '"', '\'', ':', '.', '!', '?');
                    if (w.Length == 0) continue;
                    if (Documents.DocumentInput.ResolveInside(w) is string inside && inside.Length > 0 && !_waived.ContainsKey(inside)) _waived[inside] = waiver;
                }
            }
        }

        /// <summary>
        /// The files of <paramref name="files"/> (repository-relative) the gate does not allow, in
        /// their order, each with the waiver that covers it when one does (such a file is allowed,
        /// and listed only when <paramref name="withWaived"/>).
        /// </summary>
        public List<(string File, PacketWaiver? Waiver)> Outside(IReadOnlyCollection<string> files, bool withWaived = false)
        {
            var outside = files.Where(f => !_allowed.Contains(f)).ToList();
            var matched = new HashSet<string>(_exempt.Match(Root, outside.Select(f => Root + "/" + f)).Files.Select(f => f.Path), StringComparer.Ordinal);
            if (_anyGlob) matched.UnionWith(_globs.Match(Root, outside.Select(f => Root + "/" + f)).Files.Select(f => f.Path));
            var found = new List<(string, PacketWaiver?)>();
            foreach (var file in outside)
            {
                if (matched.Contains(file)) continue;
                string name = file.Substring(file.LastIndexOf('/') + 1);
                var waiver = _waived.TryGetValue(file, out var byPath) ? byPath : _waived.TryGetValue(name, out var byName) ? byName : null;
                if (waiver == null || withWaived) found.Add((file, waiver));
            }

            return found;
        }
    }
}
