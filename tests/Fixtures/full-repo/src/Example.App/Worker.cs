// Description: Runs queued jobs.
// Orchestration: Phase 01 | Implementation
namespace Example.App
{
    /// <summary>Runs queued jobs.</summary>
    public static class Worker
    {
        // TODO make this concurrent
        public static void Run() => throw new System.NotImplementedException();
    }
}
