using System.IO;

namespace Orchestrator.Governance.Cli.Tests
{
    /// <summary>The CLI run in process, as the tests call it: exit code, standard output and standard error.</summary>
    internal static class CommandLine
    {
        public static (int Exit, string Out, string Err) Run(params string[] args)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int exit = Program.Run(args, stdout, stderr);
            return (exit, stdout.ToString(), stderr.ToString());
        }
    }
}
