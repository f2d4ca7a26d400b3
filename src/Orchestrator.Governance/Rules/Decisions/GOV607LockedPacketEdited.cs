using Orchestrator.Governance.Model.Locks;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Model;

namespace Orchestrator.Governance.Rules.Decisions
{
    /// <summary>
    /// GOV607: a locked task packet was edited, or is locked but not recorded. Only when the
    /// repository has a lock manifest (<c>governance.lock.json</c>, written by <c>governance
    /// lock</c>):
    /// <list type="bullet">
    /// <item>a packet the manifest records whose <see cref="PacketLock.Hash"/> differs from the recorded one was edited after its lock; the fix is a variant packet (<c>WP-...-v2</c>), not an edit;</item>
    /// <item>a packet locked by a USER_SIGNATURE (not a placeholder such as &lt;pending&gt;) that the manifest does not record is a lock nobody can check yet.</item>
    /// </list>
    /// Reported at the signature, or at the title when the signature is gone. STATUS and the
    /// sections appended as work goes on are not part of the hash (locks.mutableFields,
    /// locks.mutableSections). Source: seed 003 §5.6 [CX-607] ("Once locked, packet is immutable";
    /// "If changes needed: Create NEW packet (WP-{ID}-variant), do NOT edit this one").
    /// </summary>
    public sealed class GOV607LockedPacketEdited : TaskPacketRule
    {
        /// <summary>GOV607: a locked task packet edited after its lock, or locked but not in the lock manifest.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV607", "Locked task packets must not be edited",
            "Task packet '{0}' is locked (USER_SIGNATURE '{1}') and {2}",
            "Governance.Decisions", GovernanceSeverity.Error,
            "A packet signed by the user is a contract: editing it after the lock is instruction creep, and the audit trail loses what was agreed. Changes go into a new variant packet (WP-...-v2). `governance lock` records each locked packet's SHA-256 in governance.lock.json; STATUS and the report sections the protocol appends are not hashed.",
            "seed 003 §5.6 [CX-607] (Work Packet Locking), Part 1 (Instruction Creep Prevention)");

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var locks = context.Index.Locks;
            if (locks == null) return;
            var packet = context.Packet;
            var signature = PacketLock.Signature(packet, context.Profile);
            var idField = PacketFacts.TaskIdField(packet, context.Profile);
            string id = (idField == null ? null : PacketFacts.DeclaredId(idField)) ?? packet.FileStem;
            string manifest = context.Index.LockManifestPath ?? "governance.lock.json";

            if (locks.Entries.TryGetValue(packet.Path, out var entry))
            {
                string hash = PacketLock.Hash(packet, context.Profile, context.Index.Config.Locks);
                if (hash == entry.Sha256) return;
                context.Report(signature?.ValueSpan ?? packet.AnchorSpan, id, entry.Signature ?? signature?.Value.Trim() ?? "(none)",
                    $"its text no longer matches {manifest} (sha256 {Short(entry.Sha256)}, now {Short(hash)}); do not edit a locked packet: undo the edit and create a variant packet '{PacketLock.VariantOf(entry.TaskId ?? id)}' for the change");
                return;
            }

            if (signature != null)
                context.Report(signature.ValueSpan, id, signature.Value.Trim(), $"{manifest} does not record it; run 'governance lock' to record its hash");
        }

        private static string Short(string hash) => hash.Length > 12 ? hash.Substring(0, 12) : hash;
    }
}
