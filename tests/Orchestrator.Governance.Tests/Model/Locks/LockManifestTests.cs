using Newtonsoft.Json.Linq;
using Orchestrator.Governance.Model.Locks;
using Xunit;

namespace Orchestrator.Governance.Tests.Model.Locks
{
    public class LockManifestTests
    {
        [Fact]
        public void Entries_are_read_by_path_with_the_hash_lower_cased()
        {
            var manifest = LockManifest.From(JToken.Parse(
                "{ \"$comment\": \"Locked packets\", \"packets\": {\n" +
                "  \"docs/task_packets/WP-1-A.md\": { \"sha256\": \" ABCDEF01 \", \"taskId\": \"WP-1-A\", \"signature\": \"ilja261220251430\" },\n" +
                "  \"docs/task_packets/WP-1-B.md\": { \"sha256\": \"00ff\" },\n" +
                "  \"docs/task_packets/WP-1-C.md\": { \"taskId\": \"WP-1-C\" },\n" +
                "  \"../outside.md\": { \"sha256\": \"11\" },\n" +
                "  \"docs/task_packets/WP-1-D.md\": \"not an object\"\n" +
                "} }"));
            Assert.Equal("Locked packets", manifest.Comment);
            Assert.Equal(new[] { "docs/task_packets/WP-1-A.md", "docs/task_packets/WP-1-B.md" }, System.Linq.Enumerable.OrderBy(manifest.Entries.Keys, k => k));
            var a = manifest.Entries["docs/task_packets/WP-1-A.md"];
            Assert.Equal(("abcdef01", "WP-1-A", "ilja261220251430"), (a.Sha256, a.TaskId, a.Signature));
            var b = manifest.Entries["docs/task_packets/WP-1-B.md"];
            Assert.Equal(("00ff", (string?)null, (string?)null), (b.Sha256, b.TaskId, b.Signature));
        }

        [Fact]
        public void No_root_or_no_packets_object_is_an_empty_manifest()
        {
            Assert.Empty(LockManifest.From(null).Entries);
            Assert.Empty(LockManifest.From(JToken.Parse("{ \"packets\": [] }")).Entries);
        }
    }
}
