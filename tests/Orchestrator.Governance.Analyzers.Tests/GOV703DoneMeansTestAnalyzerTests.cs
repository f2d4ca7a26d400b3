using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Orchestrator.Governance.Analyzers.Tests
{
    /// <summary>
    /// GOV703 through the compiler: a test project (GovernanceTestProject=true, assembly
    /// "TestProject") whose packet names tests in DONE_MEANS (lines 26 to 33 of the shared packet's
    /// DONE_MEANS), resolved against test classes written with xUnit, NUnit and MSTest attributes
    /// (declared in the source: the reference assemblies hold no test framework).
    /// </summary>
    public class GOV703DoneMeansTestAnalyzerTests
    {
        private const string Frameworks =
            "namespace Xunit { public class FactAttribute : System.Attribute { public string Skip { get; set; } } public class TheoryAttribute : FactAttribute { } }\n" +
            "namespace NUnit.Framework { public class TestAttribute : System.Attribute { } public class IgnoreAttribute : System.Attribute { public IgnoreAttribute(string reason) { } } }\n" +
            "namespace Microsoft.VisualStudio.TestTools.UnitTesting { public class TestMethodAttribute : System.Attribute { } public class DataTestMethodAttribute : TestMethodAttribute { } }\n";

        private const string Tests =
            "namespace TestProject.Storage\n" +
            "{\n" +
            "    public class StorageTests\n" +
            "    {\n" +
            "        [Xunit.Fact] public void Saves_a_row() { }\n" +
            "        [Xunit.Theory] public void Loads_rows(int n) { }\n" +
            "        [Xunit.Fact(Skip = \"flaky on CI\")] public void Skipped_one() { }\n" +
            "        public void Helper() { }\n" +
            "        public class Nested { [Microsoft.VisualStudio.TestTools.UnitTesting.DataTestMethod] public void Runs() { } }\n" +
            "    }\n" +
            "    [NUnit.Framework.Ignore(\"later\")]\n" +
            "    public class NUnitTests { [NUnit.Framework.Test] public void Ignored() { } }\n" +
            "}\n" +
            "namespace Shared.Checks { public class Present { [Xunit.Fact] public void Works() { } } }\n";

        private static string Packet(string doneMeans) =>
            Packets.Valid.Replace("  * Database trait, SqliteDatabase wrapper and PostgresDatabase stub exist (§2.3.12.3)\n  * All tests pass\n", doneMeans);

        private static CSharpAnalyzerTest<GOV703DoneMeansTestAnalyzer, DefaultVerifier> Test(string packet, bool testProject = true)
        {
            var test = new CSharpAnalyzerTest<GOV703DoneMeansTestAnalyzer, DefaultVerifier> { ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
            test.TestState.Sources.Add((Markup.Root + "tests/Frameworks.cs", Frameworks));
            test.TestState.Sources.Add((Markup.Root + "tests/StorageTests.cs", Tests));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", testProject ? Markup.GlobalConfig(GovernanceAnalyzer.TestProjectProperty + " = true") : Markup.GlobalConfig()));
            test.TestState.AdditionalFiles.Add((Markup.Root + Packets.Path, packet));
            return test;
        }

        private static DiagnosticResult Gov703(int location, string name, string problem) =>
            new DiagnosticResult("GOV703", DiagnosticSeverity.Error).WithLocation(location).WithArguments(name, problem);

        [Fact]
        public async Task Tests_that_do_not_exist_are_no_tests_or_are_skipped_are_GOV703_at_the_name_in_the_packet()
        {
            var test = Test(Packet(
                "  * Rows are saved: test: TestProject.Storage.StorageTests.Saves_a_row\n" +
                "  * Rows load: `test: TestProject.Storage.StorageTests.Loads_rows`\n" +
                "  * Nested: test: TestProject.Storage.StorageTests.Nested.Runs\n" +
                "  * test: {|#0:TestProject.Storage.StorageTests.Skipped_one|}\n" +
                "  * test: {|#1:TestProject.Storage.StorageTests.Helper|}\n" +
                "  * test: {|#2:TestProject.Storage.StorageTests.Gone|}\n" +
                "  * test: {|#3:TestProject.Storage.Missing.Works|}\n" +
                "  * test: {|#4:TestProject.Storage.NUnitTests.Ignored|}\n" +
                "  * test: Another.Project.Tests.Elsewhere.Works\n" +
                "  * test: Shared.Checks.Present.Works\n" +
                "  * test: {|#5:Shared.Checks.Absent.Works|}\n"));
            test.ExpectedDiagnostics.Add(Gov703(0, "TestProject.Storage.StorageTests.Skipped_one", "is skipped: Skip = \"flaky on CI\""));
            test.ExpectedDiagnostics.Add(Gov703(1, "TestProject.Storage.StorageTests.Helper", "is not a test: it has no [Fact], [Theory], [Test], [TestCase] or [TestMethod] attribute"));
            test.ExpectedDiagnostics.Add(Gov703(2, "TestProject.Storage.StorageTests.Gone", "does not exist: TestProject.Storage.StorageTests has no method 'Gone'"));
            test.ExpectedDiagnostics.Add(Gov703(3, "TestProject.Storage.Missing.Works", "does not exist: TestProject has no type 'TestProject.Storage.Missing'"));
            test.ExpectedDiagnostics.Add(Gov703(4, "TestProject.Storage.NUnitTests.Ignored", "is skipped: [Ignore] on NUnitTests"));
            test.ExpectedDiagnostics.Add(Gov703(5, "Shared.Checks.Absent.Works", "does not exist: TestProject has no type 'Shared.Checks.Absent'"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Only_a_test_project_checks_them_and_an_inline_comment_suppresses_one()
        {
            const string missing = "  * test: TestProject.Storage.StorageTests.Gone\n";
            await Test(Packet(missing), testProject: false).RunAsync();
            await Test(Packet("  * <!-- governance-disable-next-line GOV703 -->\n" + missing)).RunAsync();
        }

        [Fact]
        public async Task A_test_project_reports_no_document_diagnostics_the_project_that_checks_the_documents_reports_them()
        {
            // An unfilled placeholder is GOV110 in the project that checks the documents, not in the test project.
            var test = Markup.Documents((Packets.Path, Packets.Valid.Replace("All tests pass", "{Specific criterion 2}")), Markup.Spec, Markup.Pointer);
            test.TestState.AnalyzerConfigFiles.Clear();
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", Markup.GlobalConfig(GovernanceAnalyzer.TestProjectProperty + " = true")));
            await test.RunAsync();
        }
    }
}
