using System;
using System.IO;
using System.Reflection;
using Xunit;

namespace Orchestrator.Governance.Mcp.Tests
{
    /// <summary>Where the tests find the repository, the built CLI and the Handshake corpus.</summary>
    internal static class TestPaths
    {
        /// <summary>The folder holding Orchestrator.sln, above the test assembly.</summary>
        public static string RepositoryRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Orchestrator.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Orchestrator.sln not found above " + AppContext.BaseDirectory);
        }

        /// <summary>The CLI's governance.dll, built in the tests' configuration (the project reference builds it).</summary>
        public static string GovernanceDll()
        {
            string configuration = typeof(TestPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
            return Path.Combine(RepositoryRoot(), "src", "Orchestrator.Governance.Cli", "bin", configuration, "net8.0", "governance.dll");
        }

        /// <summary>The Handshake corpus (../shared/corpus/handshake beside the repository).</summary>
        public static string Corpus()
        {
            string corpus = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "corpus", "handshake"));
            Assert.True(Directory.Exists(corpus), "the Handshake corpus is expected at " + corpus);
            return corpus;
        }
    }
}
