using Xunit;

namespace Orchestrator.Governance.Tests
{
    public class ValidPacketTests
    {
        [Fact]
        public void The_seed_template_filled_in_has_no_diagnostics()
        {
            var result = Packets.Analyze(Packets.Valid);
            Assert.Empty(result.Diagnostics);
            Assert.Single(result.Packets);
        }

        [Fact]
        public void The_example_repository_holds_the_same_valid_packet()
        {
            var dir = new System.IO.DirectoryInfo(System.AppContext.BaseDirectory);
            while (dir != null && !System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Orchestrator.sln"))) dir = dir.Parent;
            string example = System.IO.Path.Combine(dir!.FullName, "examples", "governed-repo");
            Assert.Equal(Packets.Valid, System.IO.File.ReadAllText(System.IO.Path.Combine(example, Packets.Path)));
            Assert.Equal(Testing.ValidPacket.SpecText, System.IO.File.ReadAllText(System.IO.Path.Combine(example, Testing.ValidPacket.SpecPath)));
            Assert.Equal(Testing.ValidPacket.PointerText, System.IO.File.ReadAllText(System.IO.Path.Combine(example, Testing.ValidPacket.PointerPath)));
        }

        [Fact]
        public void Files_outside_the_task_packet_globs_are_not_analyzed()
        {
            // A stub is no packet: only the stub's own rule (GOV116) reads it.
            var result = Packets.Analyze(("docs/notes/WP-1-Storage-Layer.md", "# nothing here"), ("docs/task_packets/stubs/WP-1-Stub.md", "# stub"));
            Assert.Empty(result.Packets);
            var stub = Assert.Single(result.Diagnostics);
            Assert.Equal(("GOV116", "docs/task_packets/stubs/WP-1-Stub.md"), (stub.Id, stub.Path));
        }
    }
}
