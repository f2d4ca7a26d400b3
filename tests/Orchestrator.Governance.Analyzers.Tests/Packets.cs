namespace Orchestrator.Governance.Analyzers.Tests
{
    /// <summary>The valid packet of tests/Shared/ValidPacket.cs.</summary>
    internal static class Packets
    {
        public const string Path = Testing.ValidPacket.Path;

        public const string Valid = Testing.ValidPacket.Text;
    }
}
