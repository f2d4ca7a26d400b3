using System.Linq;
using Orchestrator.Governance.Model.Locks;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.TaskPackets
{
    /// <summary>
    /// GOV111: the packet is locked with a USER_SIGNATURE (seed 003 §5.6; §8: "USER_SIGNATURE
    /// locked with date/timestamp", example <c>ilja251220250328</c>). The lock line may be written
    /// <c>- USER_SIGNATURE: x</c> in METADATA or <c>**User Signature Locked:** x</c> at the end. A
    /// packet is locked when at least one lock line carries a signature with its date or timestamp
    /// (taskPacket.signaturePattern) and no lock line is still a placeholder. Reported: no lock line;
    /// only placeholders (&lt;pending&gt;, {signature}, empty); only bare names without a date; a
    /// placeholder beside a signature (the packet says both that it is locked and that it is not).
    /// </summary>
    public sealed class GOV111MissingUserSignature : TaskPacketRule
    {
        /// <summary>GOV111: no USER_SIGNATURE lock.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV111", "Task packet must be locked with a USER_SIGNATURE",
            "{0}",
            "Governance.TaskPacket", GovernanceSeverity.Error,
            "A packet is locked with the user's signature after creation, so that it cannot drift mid-work; a placeholder such as <pending> is not a signature.",
            "seed 003 §5.6, §8")
        {
            // The message is the whole sentence, its advice included: the finding is the lock line
            // (its text is in the fingerprint), so rewording the advice keeps baselines valid.
            LocationArguments = new[] { 0 },
        };

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var profile = context.Profile;
            var candidates = PacketLock.LockLines(context.Packet, profile).ToList();
            if (candidates.Count == 0)
            {
                context.Report(context.Packet.AnchorSpan, "Task packet has no USER_SIGNATURE lock line (expected '- USER_SIGNATURE: <signature>' or '**User Signature Locked:** <signature>')");
                return;
            }

            var signed = candidates.FirstOrDefault(f => PacketLock.IsSigned(f.Value, profile));
            if (signed != null)
            {
                foreach (var pending in candidates.Where(f => PacketLock.IsPlaceholder(f.Value, profile)))
                {
                    context.Report(pending.Value.Length > 0 ? pending.ValueSpan : pending.KeySpan,
                        $"USER_SIGNATURE '{pending.Value}' is a placeholder beside the signature '{signed.Value.Trim()}' (line {signed.ValueSpan.StartLine}); the packet says both that it is locked and that it is not");
                }

                return;
            }

            var bare = candidates.FirstOrDefault(f => !PacketLock.IsPlaceholder(f.Value, profile));
            if (bare != null)
            {
                context.Report(bare.ValueSpan,
                    $"USER_SIGNATURE '{bare.Value.Trim()}' {PacketLock.WhyNotSigned(bare.Value, profile)}; the packet is not locked");
                return;
            }

            var first = candidates[0];
            context.Report(first.Value.Length > 0 ? first.ValueSpan : first.KeySpan,
                $"USER_SIGNATURE '{first.Value}' is a placeholder, not a signature; the packet is not locked");
        }
    }
}
