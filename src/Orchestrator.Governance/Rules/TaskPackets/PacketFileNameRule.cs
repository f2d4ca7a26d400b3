using Orchestrator.Governance.Diagnostics;
namespace Orchestrator.Governance.Rules.TaskPackets
{
    /// <summary>GOV101: the file name is WP-{phase}-{name}[-vN] (seed 003 §4 Step 2, §5.6).</summary>
    public sealed class PacketFileNameRule : TaskPacketRule
    {
        /// <inheritdoc />
        public override RuleDescriptor Descriptor => RuleCatalog.PacketFileName;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var packet = context.Packet;
            if (!context.Profile.FileNamePattern.IsMatch(packet.FileStem))
                context.Report(packet.AnchorSpan, packet.FileStem, context.Profile.Config.FileNamePattern);
        }
    }
}
