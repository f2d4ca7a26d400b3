using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Orchestrator.Governance.Analyzers.Tests
{
    /// <summary>
    /// The analyzer through Microsoft.CodeAnalysis.Testing (the harness Roslyn analyzers are tested
    /// with): documents as additional files with the expected diagnostics marked inline,
    /// <c>{|GOV107:Almost done|}</c>, instead of lines and columns counted by hand. The test
    /// compiles a C# file against .NET 8's reference assemblies (restored with the project).
    /// </summary>
    public class MarkupTests
    {
        private const string Root = "/repo/";

        private static CSharpAnalyzerTest<GovernanceAnalyzer, DefaultVerifier> Test(params (string Path, string Markup)[] documents)
        {
            var test = new CSharpAnalyzerTest<GovernanceAnalyzer, DefaultVerifier>
            {
                ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
                TestCode = "class C { }",
            };
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.GovernanceRoot = " + Root + "\n"));
            foreach (var (path, markup) in documents) test.TestState.AdditionalFiles.Add((Root + path, markup));
            return test;
        }

        [Fact]
        public async Task A_status_that_is_not_allowed_is_marked_at_its_value()
        {
            string packet = Packets.Valid.Replace("- STATUS: Ready-for-Dev", "- STATUS: {|GOV107:Almost done|}");
            await Test((Packets.Path, packet), (Testing.ValidPacket.SpecPath, Testing.ValidPacket.SpecText), (Testing.ValidPacket.PointerPath, Testing.ValidPacket.PointerText)).RunAsync();
        }

        [Fact]
        public async Task A_packet_that_follows_the_protocol_has_no_diagnostic()
        {
            await Test((Packets.Path, Packets.Valid), (Testing.ValidPacket.SpecPath, Testing.ValidPacket.SpecText), (Testing.ValidPacket.PointerPath, Testing.ValidPacket.PointerText)).RunAsync();
        }

        [Fact]
        public async Task Two_packets_declaring_one_TASK_ID_are_marked_at_both_IDs_and_the_file_name()
        {
            string copy = Packets.Valid.Replace("# Task Packet: WP-1-Storage-Layer", "# Task Packet: WP-1-Storage-Copy")
                .Replace("- TASK_ID: WP-1-Storage-Layer", "- TASK_ID: {|GOV105:{|GOV106:WP-1-Storage-Layer|}|}");
            string original = Packets.Valid.Replace("- TASK_ID: WP-1-Storage-Layer", "- TASK_ID: {|GOV106:WP-1-Storage-Layer|}");
            await Test((Packets.Path, original), ("docs/task_packets/WP-1-Storage-Copy.md", copy), (Testing.ValidPacket.SpecPath, Testing.ValidPacket.SpecText), (Testing.ValidPacket.PointerPath, Testing.ValidPacket.PointerText)).RunAsync();
        }
    }
}
