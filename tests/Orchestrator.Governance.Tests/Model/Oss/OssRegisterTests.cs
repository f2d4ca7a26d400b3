using Orchestrator.Governance.Model.Oss;
using Xunit;

namespace Orchestrator.Governance.Tests.Model.Oss
{
    public class OssRegisterTests
    {
        private const string Register =
            "# {|#0:OSS REGISTER|}\n" +
            "\n" +
            "| Component | License | Purpose |\n" +
            "|---|---|---|\n" +
            "| `tokio` | MIT | async runtime |\n" +
            "| **Serde_JSON** | MIT | JSON |\n" +
            "\n" +
            "## Frontend\n" +
            "| License | Package |\n" +
            "|---|---|\n" +
            "| MIT | react |\n";

        [Fact]
        public void The_rows_of_every_table_are_listed_by_their_name_column()
        {
            var m = new Marked("docs/OSS_REGISTER.md", Register);
            var register = OssRegister.Read(m.Markdown, new[] { "Component", "Package" });
            Assert.Equal(3, register.Count);
            Assert.True(register.Lists("tokio"));
            Assert.True(register.Lists("serde-json"));
            Assert.True(register.Lists("React"));
            Assert.False(register.Lists("MIT"));
            Assert.False(register.Lists("sqlx"));
            Assert.Equal(m.At(0), Marked.Of(register.TitleSpan));
        }

        [Fact]
        public void Without_a_known_name_column_a_table_is_read_by_its_first_column()
        {
            var register = OssRegister.Read(new Marked("docs/OSS_REGISTER.md", Register).Markdown, new string[0]);
            Assert.True(register.Lists("tokio"));
            Assert.True(register.Lists("MIT"));
            Assert.False(register.Lists("react"));
        }

        [Theory]
        [InlineData(" `Serde_Json` ", "serde-json")]
        [InlineData("**tokio**", "tokio")]
        public void Names_compare_without_markup_case_or_underscores(string written, string key)
        {
            Assert.Equal(key, OssRegister.Key(written));
        }
    }
}
