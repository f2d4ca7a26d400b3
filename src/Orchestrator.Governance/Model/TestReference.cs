using System.Collections.Generic;
using System.Text.RegularExpressions;
using Orchestrator.Governance.Text;

namespace Orchestrator.Governance.Model
{
    /// <summary>
    /// A test a DONE_MEANS item names (taskPacket.testReference, default <c>test: Namespace.Class.Method</c>):
    /// the item is met only by a test that exists and runs (GOV703, seed 003 Part 1 [CX-600B]: no
    /// placeholder passes for done). The engine finds them; the Roslyn analyzer of a test project
    /// resolves them against its compilation.
    /// </summary>
    public sealed class TestReference
    {
        internal TestReference(string path, string name, SourceSpan span, string item)
        {
            Path = path;
            Name = name;
            Span = span;
            Item = item;
        }

        /// <summary>The packet's repository-relative path.</summary>
        public string Path { get; }

        /// <summary>The test's full name as written: Namespace.Class.Method.</summary>
        public string Name { get; }

        /// <summary>Where the name stands in the packet.</summary>
        public SourceSpan Span { get; }

        /// <summary>The DONE_MEANS item's first line.</summary>
        public string Item { get; }

        /// <summary>The tests <paramref name="packet"/>'s DONE_MEANS items name, in their order; none when taskPacket.testReference is empty.</summary>
        public static List<TestReference> Of(TaskPacket packet, TaskPacketProfile profile)
        {
            var found = new List<TestReference>();
            string pattern = profile.Config.TestReference;
            var field = pattern.Length == 0 ? null : profile.FieldOf(packet, "DONE_MEANS");
            if (field == null) return found;
            var regex = TaskPacketProfile.Pattern(pattern);
            foreach (var item in field.Entries)
            {
                try
                {
                    foreach (Match m in regex.Matches(item.Text))
                    {
                        var name = m.Groups["name"];
                        if (!name.Success || name.Length == 0) continue;
                        found.Add(new TestReference(packet.Path, name.Value, packet.Document.Span(item.Span.Start + name.Index, name.Length), item.Text));
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                    // A configured pattern too slow for this item finds nothing in it.
                }
            }

            return found;
        }
    }
}
