using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Orchestrator.Governance.Documents;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Rules;
using Xunit;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Rules.TaskPackets;

namespace Orchestrator.Governance.Tests.Engine
{
    public class DocumentHandlingTests
    {
        [Fact]
        public void A_Windows_1252_byte_in_a_UTF8_file_is_GOV004_at_its_line_and_column()
        {
            var bytes = new List<byte>(Encoding.UTF8.GetBytes(Packets.Valid));
            int at = Packets.Valid.IndexOf("Add the storage trait.", StringComparison.Ordinal) + 3;
            bytes.Insert(at, 0x97); // Windows-1252 em dash
            var result = GovernanceEngine.Analyze(Packets.SpecInputs().Append(DocumentInput.FromBytes(Packets.Path, bytes.ToArray())));
            Packets.Single(result, "GOV004", Packets.Path, 12, 16, $"Byte 0x97 at offset {at}");
            Assert.Single(result.Diagnostics);
        }

        [Fact]
        public void GOV004_is_suppressed_by_a_comment_on_the_line_before()
        {
            string text = Packets.WithLine(11, Packets.Valid.Split('\n')[10] + "\n<!-- governance-disable-next-line GOV004 -->");
            var bytes = new List<byte>(Encoding.UTF8.GetBytes(text));
            bytes.Insert(text.IndexOf("Add the storage trait.", StringComparison.Ordinal) + 3, 0x97);
            var result = GovernanceEngine.Analyze(Packets.SpecInputs().Append(DocumentInput.FromBytes(Packets.Path, bytes.ToArray())));
            Assert.Empty(result.Diagnostics);
        }

        [Fact]
        public void A_section_sign_in_valid_UTF8_is_not_reported()
        {
            var result = GovernanceEngine.Analyze(Packets.SpecInputs().Append(DocumentInput.FromBytes(Packets.Path, Encoding.UTF8.GetBytes(Packets.Valid))));
            Assert.Empty(result.Diagnostics);
        }

        [Fact]
        public void A_document_over_the_size_limit_is_GOV002_and_skipped()
        {
            string big = Packets.Valid + new string('x', 5000);
            var result = Packets.Analyze(("governance.yml", "limits:\n  maxDocumentBytes: 4096\n"), (Packets.Path, big));
            Packets.Single(result, "GOV002", Packets.Path, 1, 1, $"{big.Length} bytes is more than limits.maxDocumentBytes (4096)");
            Assert.Single(result.Diagnostics);
        }

        [Fact]
        public void A_document_the_host_could_not_read_is_GOV002()
        {
            var result = GovernanceEngine.Analyze(new[] { DocumentInput.Unreadable(Packets.Path, "cannot be read: access denied") });
            Packets.Single(result, "GOV002", Packets.Path, 1, 1, "cannot be read: access denied");
        }

        [Fact]
        public void A_configuration_the_host_would_not_read_is_GOV002_and_the_defaults_apply()
        {
            var result = GovernanceEngine.Analyze(Packets.SpecInputs()
                .Append(DocumentInput.Unreadable("governance.yml", "is a FIFO, not a regular file; not opened"))
                .Append(DocumentInput.FromText(Packets.Path, Packets.Valid)));
            Packets.Single(result, "GOV002", "governance.yml", 1, 1, "is a FIFO, not a regular file; not opened");
            Assert.Single(result.Diagnostics);
        }

        [Fact]
        public void A_rule_that_throws_is_GOV003_and_the_other_rules_still_run()
        {
            var rules = GovernanceEngine.TaskPacketRules.Append(new ThrowingRule()).ToList();
            var result = GovernanceEngine.Analyze(Packets.SpecInputs().Append(DocumentInput.FromText(Packets.Path, Packets.WithLine(9, "- STATUS: Almost done"))), null, rules);
            var failed = Packets.Single(result, "GOV003", Packets.Path, 1, 3, "Rule GOV101", "InvalidOperationException: boom");
            Assert.Equal(GovernanceSeverity.Error, failed.Severity);
            Assert.Equal("Rule GOV101 failed and was skipped, so this document's findings are incomplete: InvalidOperationException: boom", failed.Message);
            Assert.True(result.HasErrors);
            Assert.Single(result.Of("GOV107"));
        }

        [Fact]
        public void CR_LF_and_CR_line_endings_give_editor_line_numbers()
        {
            string mixed = Packets.WithLine(9, "- STATUS: Almost done").Replace("\n", "\r\n");
            int i = mixed.IndexOf("## Scope", StringComparison.Ordinal);
            mixed = mixed.Substring(0, i).Replace("\r\n", "\r") + mixed.Substring(i);
            var result = Packets.Analyze(mixed);
            Packets.Single(result, "GOV107", Packets.Path, 9, 11, "STATUS", "Almost done", "Ready-for-Dev, In-Progress, Blocked, Done, Validated");
        }

        [Fact]
        public void A_binary_file_with_a_markdown_name_is_GOV002_and_nothing_else()
        {
            var bytes = new byte[25600];
            for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)i;
            var result = GovernanceEngine.Analyze(new[] { DocumentInput.FromBytes(Packets.Path, bytes) });
            Packets.Single(result, "GOV002", Packets.Path, 1, 1, "it holds NUL bytes, so it is a binary file, not Markdown");
            Assert.Single(result.Diagnostics);
        }

        [Theory]
        [InlineData("")]
        [InlineData("# Task Packet: WP-1-Storage-Layer\n## Metadata\n- TASK_ID:\n- **:**\n- **\n")]
        public void Malformed_and_empty_packets_give_diagnostics_and_no_exception(string text)
        {
            var result = Packets.Analyze(text);
            Assert.NotEmpty(result.Diagnostics);
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "GOV003");
        }

        [Theory]
        [InlineData(">")]
        [InlineData("- ")]
        [InlineData("[")]
        [InlineData("*")]
        public void Deeply_nested_markdown_does_not_crash(string unit)
        {
            var sb = new StringBuilder();
            for (int i = 0; i < 10_000; i++) sb.Append(unit);
            sb.Append(" deep\n");
            var result = Packets.Analyze(Packets.Valid + "\n" + sb);
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "GOV003");
            Assert.All(result.Diagnostics, d => Assert.Equal("GOV002", d.Id));
            if (result.Diagnostics.Count > 0)
                Assert.StartsWith("the Markdown parser rejected it:", result.Diagnostics[0].Arguments[0]);
        }

        [Fact]
        public void Output_is_sorted_and_the_same_on_every_run()
        {
            var docs = new[] { ("docs/task_packets/WP-1-B.md", Packets.Valid), ("docs/task_packets/WP-1-A.md", Packets.Valid) };
            var first = Packets.Analyze(docs).Diagnostics.Select(d => d.ToString()).ToList();
            var second = Packets.Analyze(docs.Reverse().ToArray()).Diagnostics.Select(d => d.ToString()).ToList();
            Assert.Equal(first, second);
            Assert.StartsWith("docs/task_packets/WP-1-A.md(", first[0]);
        }

        private sealed class ThrowingRule : TaskPacketRule
        {
            public override RuleDescriptor Descriptor => GOV101PacketFileName.Rule;

            public override void Analyze(RuleContext context) => throw new InvalidOperationException("boom");
        }
    }
}
