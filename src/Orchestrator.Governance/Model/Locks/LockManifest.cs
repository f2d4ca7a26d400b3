using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Orchestrator.Governance.Configuration;

namespace Orchestrator.Governance.Model.Locks
{
    /// <summary>One locked packet in the lock manifest.</summary>
    public sealed class PacketLockEntry
    {
        internal PacketLockEntry(string path, string sha256, string? taskId, string? signature)
        {
            Path = path;
            Sha256 = sha256;
            TaskId = taskId;
            Signature = signature;
        }

        /// <summary>The packet's repository-relative path (the manifest's key).</summary>
        public string Path { get; }

        /// <summary>SHA-256 of <see cref="PacketLock.NormalizedText"/> when it was locked, 64 lower-case hex digits.</summary>
        public string Sha256 { get; }

        /// <summary>The TASK_ID when it was locked, or null.</summary>
        public string? TaskId { get; }

        /// <summary>The USER_SIGNATURE when it was locked, or null.</summary>
        public string? Signature { get; }
    }

    /// <summary>
    /// governance.lock.json: the locked task packets and the hash of each one's normalized text,
    /// written by <c>governance lock</c> and checked by GOV607. Shape (schemas/state/lock-manifest.schema.json):
    /// <c>{"version": 1, "packets": {"docs/task_packets/WP-1-A.md": {"taskId": "WP-1-A", "signature": "ilja...", "sha256": "..."}}}</c>.
    /// </summary>
    public sealed class LockManifest
    {
        private LockManifest(Dictionary<string, PacketLockEntry> entries, string? comment)
        {
            Entries = entries;
            Comment = comment;
        }

        /// <summary>Packet path to its lock, ordinal.</summary>
        public IReadOnlyDictionary<string, PacketLockEntry> Entries { get; }

        /// <summary>The top-level <c>$comment</c> string (a metadata header, seed 000 §3), kept by <see cref="Update"/>; null when there is none.</summary>
        public string? Comment { get; }

        /// <summary>The entries of a parsed manifest; entries that do not have the schema's shape are left out (GOV311 reports them).</summary>
        public static LockManifest From(JToken? root)
        {
            var entries = new Dictionary<string, PacketLockEntry>(StringComparer.Ordinal);
            if (root is JObject obj && obj["packets"] is JObject packets)
            {
                foreach (var property in packets.Properties())
                {
                    if (!(property.Value is JObject entry) || !(entry["sha256"] is JValue { Type: JTokenType.String } sha)) continue;
                    string? path = Documents.DocumentInput.ResolveInside(property.Name);
                    if (path == null) continue;
                    entries[path] = new PacketLockEntry(path, ((string)sha!).Trim().ToLowerInvariant(), Text(entry["taskId"]), Text(entry["signature"]));
                }
            }

            return new LockManifest(entries, Text((root as JObject)?["$comment"]));
        }

        private static string? Text(JToken? token) => token is JValue { Type: JTokenType.String } v ? (string?)v : null;

        /// <summary>What <see cref="Update"/> did.</summary>
        public sealed class UpdateResult
        {
            internal UpdateResult(string json, IReadOnlyList<string> added, IReadOnlyList<string> changed, int kept)
            {
                Json = json;
                Added = added;
                Changed = changed;
                Kept = kept;
            }

            /// <summary>The manifest to write (UTF-8, LF line ends, ending in a newline).</summary>
            public string Json { get; }

            /// <summary>Packets locked by signature that the manifest now records, in path order.</summary>
            public IReadOnlyList<string> Added { get; }

            /// <summary>Recorded packets whose text has changed since (their entries are kept: GOV607 reports them), in path order.</summary>
            public IReadOnlyList<string> Changed { get; }

            /// <summary>Entries kept as they were.</summary>
            public int Kept { get; }
        }

        /// <summary>
        /// The manifest after recording every locked packet of <paramref name="packets"/> (read with <paramref name="profile"/>, hashed as <paramref name="locks"/> says) that
        /// <paramref name="existing"/> does not record yet. A recorded hash is never rewritten: an
        /// edited locked packet stays reported until its edit is undone (or a person deletes its
        /// entry on purpose). Entries of packets that are gone are kept, and so is the manifest's
        /// <c>$comment</c>, written first.
        /// </summary>
        public static UpdateResult Update(IEnumerable<TaskPacket> packets, TaskPacketProfile profile, LocksConfig locks, LockManifest? existing)
        {
            var entries = new SortedDictionary<string, PacketLockEntry>(StringComparer.Ordinal);
            foreach (var entry in existing?.Entries.Values ?? Enumerable.Empty<PacketLockEntry>()) entries[entry.Path] = entry;
            var added = new List<string>();
            var changed = new List<string>();
            foreach (var packet in packets.OrderBy(p => p.Path, StringComparer.Ordinal))
            {
                var signature = PacketLock.Signature(packet, profile);
                if (signature == null) continue;
                string hash = PacketLock.Hash(packet, profile, locks);
                if (entries.TryGetValue(packet.Path, out var recorded))
                {
                    if (!string.Equals(recorded.Sha256, hash, StringComparison.Ordinal)) changed.Add(packet.Path);
                    continue;
                }

                var idField = PacketFacts.TaskIdField(packet, profile);
                entries[packet.Path] = new PacketLockEntry(packet.Path, hash, idField == null ? null : PacketFacts.DeclaredId(idField), signature.Value.Trim().Trim('`', '*').Trim());
                added.Add(packet.Path);
            }

            var written = new JObject();
            foreach (var entry in entries.Values)
            {
                var value = new JObject();
                if (entry.TaskId != null) value["taskId"] = entry.TaskId;
                if (entry.Signature != null) value["signature"] = entry.Signature;
                value["sha256"] = entry.Sha256;
                written[entry.Path] = value;
            }

            var root = new JObject();
            if (existing?.Comment != null) root["$comment"] = existing.Comment;
            root["version"] = 1;
            root["packets"] = written;
            string json = root.ToString(Formatting.Indented).Replace("\r\n", "\n") + "\n";
            return new UpdateResult(json, added, changed, entries.Count - added.Count);
        }
    }
}
