using Orchestrator.Governance.Diagnostics;
namespace Orchestrator.Governance.Rules.TaskPackets
{
    /// <summary>
    /// GOV101: the name that carries the packet's ID (<see cref="Model.TaskPacket.FileStem"/>: the
    /// file name, or the folder's name for a folder per packet) is WP-{phase}-{name}[-vN] (seed 003
    /// §4 Step 2, §5.6); the message says which of the two names it judged.
    /// </summary>
    public sealed class GOV101PacketFileName : TaskPacketRule
    {
        /// <summary>GOV101: the packet file name is not WP-{phase}-{name}.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV101", "Task packet file name must be WP-{phase}-{name}",
            "Task packet {2} '{0}' does not follow WP-{{phase}}-{{name}}[-vN] (pattern {1})",
            "Governance.TaskPacket", GovernanceSeverity.Error,
            "Packets are named WP-{phase}-{name}, with an optional -vN or date suffix for variants, so that IDs sort and collide visibly.",
            "seed 003 §4 Step 2, §5.6")
        {
            AsksPacketEdit = true,
        };

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RuleContext context)
        {
            var packet = context.Packet;
            if (!context.Profile.FileNamePattern.IsMatch(packet.FileStem))
                context.Report(packet.AnchorSpan, packet.FileStem, context.Profile.Config.FileNamePattern, packet.NamedByFolder ? "folder name" : "file name");
        }
    }
}
