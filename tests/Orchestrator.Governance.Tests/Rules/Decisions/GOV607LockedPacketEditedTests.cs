using System.Linq;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Model.Locks;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules.Decisions
{
    /// <summary>GOV607 through the engine: the lock manifest pins each locked packet's normalized text.</summary>
    public class GOV607LockedPacketEditedTests
    {
        private static LockManifest.UpdateResult Update(Governance.Engine.GovernanceResult result, LockManifest? existing) =>
            LockManifest.Update(result.Packets, result.Profile, result.Config.Locks, existing);

        private const string Manifest = "governance.lock.json";

        /// <summary>The manifest `governance lock` writes for <paramref name="packet"/>.</summary>
        private static string LockOf(string packet) =>
            Update(Packets.Analyze((Packets.Path, packet)), null).Json;

        private static GovernanceResult Check(string packet, string manifest) =>
            Packets.Analyze((Packets.Path, packet), (Manifest, manifest));

        [Fact]
        public void The_manifest_records_the_task_ID_the_signature_and_a_hash()
        {
            string json = LockOf(Packets.Valid);
            Assert.StartsWith("{\n  \"version\": 1,\n  \"packets\": {\n    \"docs/task_packets/WP-1-Storage-Layer.md\": {\n      \"taskId\": \"WP-1-Storage-Layer\",\n      \"signature\": \"ilja261220251430\",\n      \"sha256\": \"", json);
            Assert.Empty(Check(Packets.Valid, json).Of("GOV607"));
            Assert.Empty(Check(Packets.Valid, json).Of("GOV311"));
        }

        [Fact]
        public void An_edited_locked_packet_is_reported_at_its_signature_with_the_variant_to_create()
        {
            string json = LockOf(Packets.Valid);
            var edited = Packets.WithLine(26, "  * Database trait exists (§2.3.12.3)");
            var d = Packets.Single(Check(edited, json), "GOV607", Packets.Path, 68, 28, "WP-1-Storage-Layer", "ilja261220251430",
                $"its text no longer matches governance.lock.json (sha256 {Hash(Packets.Valid).Substring(0, 12)}, now {Hash(edited).Substring(0, 12)}); do not edit a locked packet: undo the edit and create a variant packet 'WP-1-Storage-Layer-v2' for the change");
            Assert.StartsWith("Task packet 'WP-1-Storage-Layer' is locked (USER_SIGNATURE 'ilja261220251430') and its text no longer matches", d.Message);
        }

        [Fact]
        public void STATUS_appended_reports_line_ends_and_trailing_white_space_may_change()
        {
            string json = LockOf(Packets.Valid);
            string changed = Packets.WithLine(9, "- STATUS: In-Progress").Replace("\n", "\r\n").Replace("## Notes", "## Notes   ")
                + "\r\n## VALIDATION_REPORTS\r\n- Verdict: PASS\r\n\r\n\r\n";
            Assert.Empty(Check(changed, json).Of("GOV607"));
        }

        [Fact]
        public void A_signed_packet_missing_from_an_existing_manifest_is_reported_and_a_placeholder_is_not_a_lock()
        {
            const string other = "{\"version\": 1, \"packets\": {}}";
            Packets.Single(Check(Packets.Valid, other), "GOV607", Packets.Path, 68, 28, "WP-1-Storage-Layer", "ilja261220251430",
                "governance.lock.json does not record it; run 'governance lock' to record its hash");

            Assert.Empty(Check(Packets.WithLine(68, "**User Signature Locked:** <pending>"), other).Of("GOV607"));
            Assert.Empty(Packets.Analyze((Packets.Path, Packets.WithLine(26, "  * edited"))).Of("GOV607"));
        }

        [Fact]
        public void A_removed_signature_is_an_edit_reported_at_the_title()
        {
            string json = LockOf(Packets.Valid);
            var d = Check(Packets.WithLine(68, "**User Signature Locked:** <pending>"), json).Of("GOV607").Single();
            Assert.Equal((1, 3), (d.Span.StartLine, d.Span.StartColumn));
            Assert.Equal("ilja261220251430", d.Arguments[1]);
        }

        [Fact]
        public void A_comment_header_in_the_manifest_is_valid_and_kept_when_the_lock_is_updated()
        {
            const string header = "Description: Locked task packets.\nOrchestration: Phase 1 | Active";
            string commented = "{\n  \"$comment\": \"Description: Locked task packets.\\nOrchestration: Phase 1 | Active\",\n  \"version\": 1,\n  \"packets\": {}\n}\n";
            var existing = LockManifest.From(Newtonsoft.Json.Linq.JToken.Parse(commented));
            Assert.Equal(header, existing.Comment);

            string json = Update(Packets.Analyze((Packets.Path, Packets.Valid)), existing).Json;
            Assert.StartsWith("{\n  \"$comment\": \"Description: Locked task packets.\\nOrchestration: Phase 1 | Active\",\n  \"version\": 1,\n  \"packets\": {\n    \"docs/task_packets/WP-1-Storage-Layer.md\"", json);
            Assert.Empty(Check(Packets.Valid, json).Of("GOV311"));
            Assert.Empty(Check(Packets.Valid, json).Of("GOV607"));
        }

        [Fact]
        public void A_manifest_that_is_not_a_lock_manifest_is_a_schema_violation()
        {
            var result = Check(Packets.Valid, "{\"version\": 1, \"packets\": {\"docs/task_packets/WP-1-Storage-Layer.md\": {\"sha256\": \"not-a-hash\"}}}");
            var d = result.Of("GOV311").Single();
            Assert.Equal(Manifest, d.Path);
            Assert.Equal("schemas/state/lock-manifest.schema.json", d.Arguments[1]);
        }

        [Theory]
        [InlineData("WP-1-A", "WP-1-A-v2")]
        [InlineData("WP-1-A-v2", "WP-1-A-v3")]
        [InlineData("WP-1-A-v19", "WP-1-A-v20")]
        public void The_variant_of_a_packet_counts_up_its_version(string id, string variant) =>
            Assert.Equal(variant, PacketLock.VariantOf(id));

        private static string Hash(string packet)
        {
            var result = Packets.Analyze((Packets.Path, packet));
            return PacketLock.Hash(result.Packets.Single(), result.Profile, result.Config.Locks);
        }
    }
}
