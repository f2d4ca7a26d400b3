using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Orchestrator.Governance.Benchmarks
{
    public static class Program
    {
        /// <summary>Runs in-process (no child project to build), 3 warm-ups and 15 measured iterations; or writes the synthetic repository.</summary>
        public static void Main(string[] args)
        {
            // `synthetic FOLDER [COUNT]`: write the synthetic repository for whole-process runs (docs/performance.md).
            if (args.Length >= 2 && args[0] == "synthetic")
            {
                SyntheticRepository.Write(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2000);
                return;
            }

            var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15);
            var config = DefaultConfig.Instance.AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator);
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Length == 0 ? new[] { "--filter", "*" } : args, config);
        }
    }
}
