using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace Orchestrator.Governance.Cli.Tests
{
    /// <summary>
    /// Output a document cannot turn into commands (issue 31, M7, M8, L1, L2, L9): no line of text
    /// output starts with a document's text, control characters and terminal escapes are printed as
    /// \uXXXX, JUnit is XML-valid whatever a value holds, Mermaid labels carry no markup, and an
    /// argument starting with '@' is an argument.
    /// </summary>
    public sealed class OutputSafetyTests : IDisposable
    {
        private const string Cancel = "docs/task_packets/WP-1-Job-Cancel.md";
        private readonly string _repo = Path.Combine(Path.GetTempPath(), "orchestrator-out-" + Guid.NewGuid().ToString("N").Substring(0, 12));

        public OutputSafetyTests() => ExampleRepository.CopyTo(_repo);

        public void Dispose() => Directory.Delete(_repo, recursive: true);

        private string At(string relative) => Path.Combine(_repo, relative);

        private static (int Exit, string Out, string Err) Run(params string[] args) => CommandLine.Run(args);

        private void SetStatus(string value) =>
            File.WriteAllText(At(Cancel), File.ReadAllText(At(Cancel)).Replace("- STATUS: Almost done", "- STATUS: " + value));

        [Fact]
        public void A_terminal_escape_and_control_characters_in_a_value_are_printed_as_escapes()
        {
            SetStatus("Almost\u001b[2J\u001b]0;owned\u0007\u0001\u202Eevil");
            var (exit, output, _) = Run("check", _repo);
            Assert.Equal(1, exit);
            Assert.Contains(Cancel + "(9,11): error GOV107: STATUS 'Almost\\u001B[2J\\u001B]0;owned\\u0007\\u0001\\u202Eevil' is not an allowed value (allowed: Ready-for-Dev, In-Progress, Blocked, Done, Validated)", output.Split('\n'));
            Assert.DoesNotContain(output, c => c < 0x20 && c != '\n');
        }

        [Fact]
        public void A_folder_named_as_a_workflow_command_never_starts_a_line()
        {
            string folder = "::warning title=owned::pwned";
            Directory.CreateDirectory(At(folder + "/task_packets"));
            File.Copy(At(Cancel), At(folder + "/task_packets/WP-1-Job-Cancel.md"));
            var (_, output, _) = Run("check", _repo);
            var lines = output.Split('\n');
            Assert.DoesNotContain(lines, l => l.StartsWith("::", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("./::warning title=owned::pwned/task_packets/WP-1-Job-Cancel.md(9,11): error GOV107: ", StringComparison.Ordinal));
        }

        [Fact]
        public void A_folder_starting_with_white_space_and_a_workflow_command_never_starts_a_line()
        {
            string folder = " ::warning title=owned::pwned";
            Directory.CreateDirectory(At(folder + "/task_packets"));
            File.Copy(At(Cancel), At(folder + "/task_packets/WP-1-Job-Cancel.md"));
            var (_, output, _) = Run("check", _repo);
            Assert.DoesNotContain(output.Split('\n'), l => l.TrimStart().StartsWith("::", StringComparison.Ordinal));
            Assert.Contains(output.Split('\n'), l => l.StartsWith("./ ::warning title=owned::pwned/task_packets/WP-1-Job-Cancel.md(9,11): error GOV107: ", StringComparison.Ordinal));
        }

        [Fact]
        public void Fix_prints_no_workflow_command_from_a_folder_name_or_a_packet_line()
        {
            string folder = "::error title=owned::pwned";
            Directory.CreateDirectory(At(folder + "/task_packets"));
            string packet = folder + "/task_packets/WP-1-Job-Retry.md";
            File.WriteAllText(At(packet), File.ReadAllText(At("docs/task_packets/WP-1-Job-Retry.md")).Replace("TASK_ID: WP-1-Job-Cancel", "TASK_ID: WP-1-Job-Retry").Replace("- STATUS: Ready-for-Dev", "- STATUS: Blokced\n ::warning title=x::pwned \u001b[2J ##[error]pwned"));
            foreach (var args in new[] { new[] { "fix", _repo, "--rule", "GOV107", "--dry-run" }, new[] { "fix", _repo, "--rule", "GOV107" } })
            {
                var (_, output, error) = Run(args);
                foreach (var line in (output + error).Split('\n'))
                {
                    Assert.False(line.TrimStart().StartsWith("::", StringComparison.Ordinal), line);
                    Assert.DoesNotContain("##[", line);
                    Assert.DoesNotContain('\u001b', line);
                }
            }

            Assert.Contains("- STATUS: Blocked", File.ReadAllText(At(packet)));
        }

        [Fact]
        public void A_command_anywhere_in_a_line_is_escaped_in_every_format_and_read_back_in_JSON()
        {
            File.WriteAllText(At(Cancel), File.ReadAllText(At(Cancel)).Replace("Run the tests and check that cancel works.", "Run the tests ##[error]pwned and check."));
            foreach (var format in new[] { "text", "json", "sarif", "junit", "github" })
            {
                var (_, output, _) = Run("check", _repo, "--format", format);
                Assert.DoesNotContain("##[", output);
                if (format == "json") Assert.Contains(System.Text.Json.JsonDocument.Parse(output).RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("message").GetString()!.Contains("Run the tests #\\u0023[error]pwned and check.", StringComparison.Ordinal));
            }

            var (_, trace, _) = Run("check", _repo, "--report", "trace");
            Assert.DoesNotContain("##[", trace);
        }

        [Fact]
        public void JUnit_is_valid_XML_with_ESC_U_0001_and_U_FFFE_in_a_value()
        {
            SetStatus("x\u001b\u0001\uFFFEy");
            var (exit, output, error) = Run("check", _repo, "--format", "junit");
            Assert.Equal((1, string.Empty), (exit, error));
            var failure = XDocument.Parse(output).Descendants("failure").Single(f => (string?)f.Attribute("type") == "GOV107");
            Assert.Equal("STATUS 'x\\u001B\\u0001\\uFFFEy' is not an allowed value (allowed: Ready-for-Dev, In-Progress, Blocked, Done, Validated)", (string?)failure.Attribute("message"));
        }

        [Fact]
        public void A_Mermaid_label_shows_markup_in_a_status_as_text()
        {
            File.WriteAllText(At("docs/task_packets/WP-1-Job-Retry.md"), File.ReadAllText(At("docs/task_packets/WP-1-Job-Retry.md")).Replace("TASK_ID: WP-1-Job-Cancel", "TASK_ID: WP-1-Job-Retry").Replace("- STATUS: Ready-for-Dev", "- STATUS: <img src=x onerror=alert(1)>"));
            File.AppendAllText(At("docs/task_packets/WP-1-Job-Retry.md"), "\n- DEPENDENCIES: WP-1-Job-Cancel\n");
            var (_, output, _) = Run("check", _repo, "--report", "graph");
            Assert.DoesNotContain("<img", output);
            Assert.Contains("#60;img src=x onerror=alert(1)#62;", output);
        }

        [Fact]
        public void An_argument_starting_with_an_at_sign_is_not_a_response_file()
        {
            var (exit, output, error) = Run("check", "@/etc/hostname");
            Assert.Equal((2, string.Empty, "governance: PATH '@/etc/hostname' is not a readable folder\n"), (exit, output, error));
        }
    }
}
