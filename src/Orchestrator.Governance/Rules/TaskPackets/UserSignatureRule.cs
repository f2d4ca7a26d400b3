using System;
using System.Linq;
using Orchestrator.Governance.Model;

namespace Orchestrator.Governance.Rules.TaskPackets
{
    /// <summary>
    /// GOV111: the packet is locked with a USER_SIGNATURE (seed 003 §5.6, §8). The lock line may be
    /// written <c>- USER_SIGNATURE: x</c> in METADATA or <c>**User Signature Locked:** x</c> at the end;
    /// a placeholder (&lt;pending&gt;, {signature}, empty) is not a lock.
    /// </summary>
    public sealed class UserSignatureRule : TaskPacketRule
    {
        /// <inheritdoc />
        public override RuleDescriptor Descriptor => RuleCatalog.MissingUserSignature;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var profile = context.Profile;
            var names = new[] { TaskPacketProfile.SignatureField }.Concat(profile.AliasesOf(TaskPacketProfile.SignatureField)).ToArray();
            var candidates = context.Packet.Fields.Where(f => names.Contains(f.Key)).ToList();
            if (candidates.Count == 0)
            {
                context.Report(context.Packet.AnchorSpan, "Task packet has no USER_SIGNATURE lock line (expected '- USER_SIGNATURE: <signature>' or '**User Signature Locked:** <signature>')");
                return;
            }

            if (candidates.Any(f => !Model.Locks.PacketLock.IsPlaceholder(f.Value, profile))) return;
            var first = candidates[0];
            context.Report(first.Value.Length > 0 ? first.ValueSpan : first.KeySpan,
                $"USER_SIGNATURE '{first.Value}' is a placeholder, not a signature; the packet is not locked");
        }
    }
}
