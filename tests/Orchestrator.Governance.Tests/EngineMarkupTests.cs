using System;
using System.Linq;
using Xunit;
using Xunit.Sdk;

namespace Orchestrator.Governance.Tests
{
    public class EngineMarkupTests
    {
        [Fact]
        public void Markup_is_stripped_and_each_span_has_its_lines_and_columns()
        {
            var doc = EngineMarkup.Parse("a.md", "# {|GOV101:Title|}\n- STATUS: {|#0:Almost done|}\n{|GOV104:|}end");
            Assert.Equal("# Title\n- STATUS: Almost done\nend", doc.Text);
            Assert.Collection(
                doc.Spans,
                s => Assert.Equal(("GOV101", (int?)null, 1, 3, 1, 8), (s.Id, s.Location, s.StartLine, s.StartColumn, s.EndLine, s.EndColumn)),
                s => Assert.Equal(((string?)null, (int?)0, 2, 11, 2, 22), (s.Id, s.Location, s.StartLine, s.StartColumn, s.EndLine, s.EndColumn)),
                s => Assert.Equal(("GOV104", (int?)null, 3, 1, 3, 1, 0), (s.Id, s.Location, s.StartLine, s.StartColumn, s.EndLine, s.EndColumn, s.Length)));
        }

        [Fact]
        public void CR_LF_and_lone_CR_end_a_line_once_and_a_span_may_run_over_lines()
        {
            var doc = EngineMarkup.Parse("a.md", "one\r\ntwo\rthree {|#1:x\r\ny|}\n");
            Assert.Equal("one\r\ntwo\rthree x\r\ny\n", doc.Text);
            var s = Assert.Single(doc.Spans);
            Assert.Equal((3, 7, 4, 2), (s.StartLine, s.StartColumn, s.EndLine, s.EndColumn));
        }

        [Fact]
        public void Markup_nests_and_braces_that_are_not_markup_stay()
        {
            var doc = EngineMarkup.Parse("a.md", "- TASK_ID: {|GOV105:{|#0:{{WP_ID}}|}|} | x |}");
            Assert.Equal("- TASK_ID: {{WP_ID}} | x |}", doc.Text);
            Assert.All(doc.Spans, s => Assert.Equal((12, 21), (s.StartColumn, s.EndColumn)));
            Assert.Equal(2, doc.Spans.Count);
            Assert.Throws<ArgumentException>(() => EngineMarkup.Parse("a.md", "{|GOV101:never closed"));
        }

        [Fact]
        public void A_numbered_location_needs_its_Expect_and_an_Expect_its_location()
        {
            Assert.Throws<InvalidOperationException>(() => EngineMarkup.Packet("{|#0:x|}").Verify());
            Assert.Throws<InvalidOperationException>(() => EngineMarkup.Packet(Packets.Valid).Expect(0, "GOV107").Verify());
        }

        [Fact]
        public void The_valid_packet_verifies_with_nothing_marked()
        {
            EngineMarkup.Packet(Packets.Valid).Verify();
        }

        [Fact]
        public void A_marked_diagnostic_verifies()
        {
            EngineMarkup.Packet(Packets.WithLine(9, "- STATUS: {|#0:Almost done|}"))
                .Expect(0, "GOV107", "STATUS", "Almost done", "Ready-for-Dev, In-Progress, Blocked, Done, Validated")
                .Verify();
            EngineMarkup.Packet(Packets.WithLine(9, "- STATUS: {|GOV107:Almost done|}")).Verify();
        }

        [Fact]
        public void A_missing_an_unexpected_or_a_misplaced_diagnostic_fails_listing_both_sides()
        {
            // Marked but not reported.
            var missing = Assert.ThrowsAny<XunitException>(() => EngineMarkup.Packet(Packets.Valid.Replace("Ready-for-Dev", "{|GOV107:Ready-for-Dev|}")).Verify());
            Assert.Contains("Expected but not reported:\n  GOV107 " + Packets.Path + "(9,11)-(9,24) [any arguments]", missing.Message);
            Assert.Contains("All reported:\n  (none)", missing.Message);

            // Reported but not marked.
            var unexpected = Assert.ThrowsAny<XunitException>(() => EngineMarkup.Packet(Packets.WithLine(9, "- STATUS: Almost done")).Verify());
            Assert.Contains("Reported but not expected:\n  GOV107 " + Packets.Path + "(9,11)-(9,22) [\"STATUS\", \"Almost done\",", unexpected.Message);
            Assert.Contains("All expected:\n  (none)", unexpected.Message);

            // Reported one column off, and with other arguments.
            var off = Assert.ThrowsAny<XunitException>(() => EngineMarkup.Packet(Packets.WithLine(9, "- STATUS:{|GOV107: Almost done|}")).Verify());
            Assert.Contains("Expected but not reported:\n  GOV107 " + Packets.Path + "(9,10)-(9,22)", off.Message);
            Assert.Contains("Reported but not expected:\n  GOV107 " + Packets.Path + "(9,11)-(9,22)", off.Message);
            var arguments = Assert.ThrowsAny<XunitException>(() => EngineMarkup.Packet(Packets.WithLine(9, "- STATUS: {|#0:Almost done|}")).Expect(0, "GOV107", "STATUS", "Almost done").Verify());
            Assert.Contains("[\"STATUS\", \"Almost done\"]", arguments.Message);
        }

        [Fact]
        public void An_empty_mark_fixes_only_the_start()
        {
            EngineMarkup.Packet(Packets.WithLine(9, "- STATUS: {|GOV107:|}Almost done")).Verify();
            Assert.ThrowsAny<XunitException>(() => EngineMarkup.Packet(Packets.WithLine(9, "- STATUS: Almost{|GOV107:|} done")).Verify());
        }

        [Fact]
        public void Diagnostics_in_every_document_count()
        {
            const string Copy = "docs/task_packets/WP-1-Storage-Layer-v2.md";
            var original = Packets.WithLine(4, "- TASK_ID: {|GOV106:WP-1-Storage-Layer|}");
            var copy = Packets.WithLine(4, "- TASK_ID: {|GOV105:{|GOV106:WP-1-Storage-Layer|}|}");
            EngineMarkup.Documents((Packets.Path, original), (Copy, copy)).Verify();
            var failure = Assert.ThrowsAny<XunitException>(() => EngineMarkup.Documents((Packets.Path, original), (Copy, EngineMarkup.Parse(Copy, copy).Text)).Verify());
            Assert.Contains("Reported but not expected:\n  GOV105 " + Copy + "(4,12)-(4,30)", failure.Message);
        }
    }
}
