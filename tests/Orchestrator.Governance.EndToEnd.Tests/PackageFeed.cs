using System;
using System.Linq;
using System.Collections.Generic;
using System.IO;

namespace Orchestrator.Governance.EndToEnd.Tests
{
    /// <summary>
    /// The end-to-end test classes that restore from the <see cref="PackageFeed"/> (packed once) run one after the
    /// other. The native build (<see cref="NativeBuildCollection"/>) is a collection of its own that runs beside them:
    /// it packs the CLI again, which must not race with the feed's packs on the same project, so it starts only after
    /// <see cref="PackageFeed.Packed"/> (the dotnet builds of consumers read nothing of the repository's projects).
    /// </summary>
    [Xunit.CollectionDefinition(Name)]
    public sealed class PackageCollection : Xunit.ICollectionFixture<PackageFeed>
    {
        public const string Name = "package feed";
    }

    /// <summary>
    /// Packs Orchestrator.Governance, Orchestrator.Governance.Sdk and the Orchestrator.Governance.Cli tool once for all tests, with a version no earlier run used, into a
    /// temporary folder feed; consumers restore into their own NUGET_PACKAGES, so no cache can
    /// hand them an older build.
    /// </summary>
    public sealed class PackageFeed : IDisposable
    {
#if DEBUG
        private const string Configuration = "Debug";
#else
        private const string Configuration = "Release";
#endif

        /// <summary>
        /// The packing, done once per test run by whichever collection asks first (the other waits for it): the folder,
        /// the feed and the version.
        /// </summary>
        private static readonly Lazy<(string Root, string Feed, string Version)> Packing = new Lazy<(string, string, string)>(Pack, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

        public PackageFeed() => (Root, Feed, Version) = Packing.Value;

        /// <summary>Waits until the feed's packs are done (packing them if no collection has yet): another pack of the repository's projects may start then.</summary>
        public static void Packed() => _ = Packing.Value;

        private static (string Root, string Feed, string Version) Pack()
        {
            string root = Path.Combine(Path.GetTempPath(), "orchestrator-e2e-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            string feed = Path.Combine(root, "feed");
            string version = "0.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
            string repo = Dotnet.RepositoryRoot();
            foreach (var project in new[] { "Orchestrator.Governance.Package", "Orchestrator.Governance.Sdk", "Orchestrator.Governance.Cli" })
            {
                var (exit, output) = Dotnet.Run(repo, new Dictionary<string, string>(),
                    "pack", Path.Combine(repo, "src", project), "-c", Configuration, "-o", feed, "-p:PackageVersion=" + version, "-nodeReuse:false");
                if (exit != 0) throw new InvalidOperationException("dotnet pack failed:\n" + output);
            }

            return (root, feed, version);
        }

        public string Root { get; }

        public string Feed { get; }

        public string Version { get; }

        /// <summary>
        /// Copies examples/governed-repo to a fresh folder that restores from this feed (and, with
        /// <paramref name="otherPackages"/>, from the machine's default sources too: Microsoft.Build.NoTargets, other analyzers).
        /// </summary>
        public string NewConsumer(string name, bool otherPackages = false)
        {
            string dir = Path.Combine(Root, name);
            Dotnet.CopyDirectory(Path.Combine(Dotnet.RepositoryRoot(), "examples", "governed-repo"), dir);
            WriteNuGetConfig(dir, otherPackages);
            return dir;
        }

        /// <summary>A nuget.config in <paramref name="dir"/> naming this feed (first), and the machine's sources unless cleared.</summary>
        public void WriteNuGetConfig(string dir, bool otherPackages = false) =>
            File.WriteAllText(Path.Combine(dir, "nuget.config"),
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n" + (otherPackages ? string.Empty : "    <clear />\n") +
                $"    <add key=\"e2e\" value=\"{Feed}\" />\n  </packageSources>\n</configuration>\n");

        /// <summary>dotnet build of <paramref name="project"/> (relative to <paramref name="dir"/>) with an isolated package folder and extra arguments.</summary>
        public (int ExitCode, string Output) BuildProject(string dir, string project, params string[] arguments)
        {
            var all = new List<string> { "build", project, "-p:OrchestratorGovernanceVersion=" + Version, "-nodeReuse:false", "-tl:off" };
            all.AddRange(arguments);
            return Dotnet.Run(dir, new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(Root, "packages-" + Path.GetFileName(dir)) }, TimeSpan.FromMinutes(5), all.ToArray());
        }

        /// <summary>dotnet build of the consumer's app project with an isolated package folder (killed, and a TimeoutException, after <paramref name="timeout"/>; default 5 minutes).</summary>
        public (int ExitCode, string Output) Build(string consumer, TimeSpan? timeout = null, params string[] properties) =>
            Dotnet.Run(consumer, new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(consumer, ".packages") }, timeout ?? TimeSpan.FromMinutes(5),
                new[] { "build", Path.Combine("src", "Example.App"), "-p:OrchestratorGovernanceVersion=" + Version, "-nodeReuse:false", "-tl:off" }.Concat(properties).ToArray());

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is harmless.
            }
        }
    }
}
